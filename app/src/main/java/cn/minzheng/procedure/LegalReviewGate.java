package cn.minzheng.procedure;

import cn.minzheng.shared.BusinessRuleViolation;
import java.util.List;
import java.util.function.Predicate;

/**
 * 重大执法决定法制审核: a major decision may not be issued until a legal reviewer who did not handle the case has
 * recorded the checklist and passed exactly this draft (行政处罚法第五十八条：未经法制审核或者审核未通过的，不得作出决定).
 * The database checks the same again when the decision is marked issued.
 */
final class LegalReviewGate {

    private LegalReviewGate() {}

    /** Refuses unless the decision may be issued now. */
    static void check(DecisionRow decision, List<DecisionStore.Review> reviews, Predicate<String> handledCase) {
        if (!decision.contentIntact()) {
            throw new IllegalStateException("decision " + decision.id() + " no longer matches its draft hash");
        }
        switch (decision.status()) {
            case "REVIEW_PENDING" -> throw new BusinessRuleViolation("决定正在法制审核中，审核通过后才能作出");
            case "DRAFT" -> {
                if (decision.major()) {
                    throw new BusinessRuleViolation("这是重大执法决定，须经法制审核通过后才能作出（行政处罚法第五十八条）。请先提请法制审核。");
                }
            }
            case "REVIEW_PASSED" -> {}
            default ->
                throw new BusinessRuleViolation("没有可以作出的决定（当前状态：" + DecisionRow.statusLabel(decision.status()) + "）");
        }
        if (decision.major()) {
            boolean passed = reviews.stream()
                    .anyMatch(r -> r.conclusion().equals("PASSED")
                            && r.draftHash().equals(decision.draftHash())
                            && !handledCase.test(r.reviewer()));
            if (!passed) {
                throw new BusinessRuleViolation("这份决定没有通过法制审核（审核须针对当前版本，且由未经办本案的法制审核员作出）");
            }
        }
    }
}
