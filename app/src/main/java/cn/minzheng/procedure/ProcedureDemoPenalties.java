package cn.minzheng.procedure;

import static cn.minzheng.procedure.ProcedureDemoFiling.LATE;
import static cn.minzheng.procedure.ProcedureDemoFiling.act;

import cn.minzheng.shared.DemoNames;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The procedure demo's 行政处罚 cases: one waiting for 法制审核 after collective discussion, one decided, reviewed and
 * delivered after a hearing. 《彩票管理条例》第十八条 violated (selling to a minor), 第四十一条 the 罚则.
 */
@Component
class ProcedureDemoPenalties {

    private final Cases cases;
    private final Decisions decisions;
    private final LegalReviews reviews;
    private final ProcedureDemoFiling filing;

    ProcedureDemoPenalties(Cases cases, Decisions decisions, LegalReviews reviews, ProcedureDemoFiling filing) {
        this.cases = cases;
        this.decisions = decisions;
        this.reviews = reviews;
        this.filing = filing;
    }

    long awaitingReview(DemoNames names, String community, LocalDate today) {
        long id = filing.open("qu_jingban", "ADMIN_PENALTY", community, names.person(), "PERSON", today.minusDays(30));
        filing.attach(
                "qu_jingban", id, "FILING_FORM", "EVIDENCE", "INFORM_NOTICE", "STATEMENT_RECORD", "HEARING_WAIVER");
        filing.as("qu_jingban", () -> cases.perform(id, "INVESTIGATE", act(today.minusDays(28), "qu_jingban2")));
        filing.as("qu_jingban", () -> cases.perform(id, "INFORM", act(today.minusDays(20))));
        filing.as("qu_jingban", () -> cases.perform(id, "RECORD_STATEMENT", act(today.minusDays(19))));
        filing.as("qu_jingban", () -> cases.perform(id, "WAIVE_HEARING", act(today.minusDays(19))));
        Decisions.DecisionView draft =
                filing.as("qu_jingban", () -> decisions.draft(id, penalty(today.minusDays(6), "PERSON", "2000000")));
        filing.attach("quju_lingdao", id, "DISCUSSION_MINUTES");
        filing.as("quju_lingdao", () -> cases.perform(id, "COLLECTIVE_DISCUSSION", act(today.minusDays(5))));
        return filing.as("qu_jingban", () -> decisions.submitForReview(draft.id()))
                .caseId();
    }

    long decided(String community, LocalDate today) {
        long id = filing.open(
                "qu_jingban2", "ADMIN_PENALTY", community, "某某福利彩票代销点（演示）", "ORGANISATION", today.minusDays(60));
        filing.attach(
                "qu_jingban2", id, "FILING_FORM", "EVIDENCE", "INFORM_NOTICE", "HEARING_REQUEST", "HEARING_NOTICE");
        filing.as("qu_jingban2", () -> cases.perform(id, "INVESTIGATE", act(today.minusDays(58), "qu_jingban")));
        filing.as("qu_jingban2", () -> cases.perform(id, "INFORM", act(today.minusDays(50))));
        filing.as("qu_jingban2", () -> cases.perform(id, "REQUEST_HEARING", act(today.minusDays(49))));
        filing.as("qu_jingban2", () -> cases.perform(id, "NOTIFY_HEARING", act(today.minusDays(48))));
        filing.attach("qu_jingban2", id, "HEARING_RECORD", "STATEMENT_RECORD");
        filing.as("qu_jingban2", () -> cases.perform(id, "HOLD_HEARING", act(today.minusDays(30))));
        filing.as("qu_jingban2", () -> cases.perform(id, "RECORD_STATEMENT", act(today.minusDays(30))));
        Decisions.DecisionView draft = filing.as(
                "qu_jingban2", () -> decisions.draft(id, penalty(today.minusDays(15), "ORGANISATION", "3000000")));
        filing.attach("quju_lingdao", id, "DISCUSSION_MINUTES");
        filing.as("quju_lingdao", () -> cases.perform(id, "COLLECTIVE_DISCUSSION", act(today.minusDays(14))));
        filing.as("qu_jingban2", () -> decisions.submitForReview(draft.id()));
        Map<ReviewChecklist, Boolean> checklist = new EnumMap<>(ReviewChecklist.class);
        for (ReviewChecklist item : ReviewChecklist.values()) {
            checklist.put(item, true);
        }
        filing.as(
                "fazhi2",
                () -> reviews.review(
                        draft.id(), new LegalReviews.Review(checklist, "PASSED", "事实清楚，证据确凿，程序合法，适用依据正确，罚款在裁量基准之内。")));
        filing.as("quju_lingdao", () -> cases.perform(id, "DECIDE", act(today.minusDays(5))));
        filing.attach("qu_jingban2", id, "DELIVERY_RECEIPT");
        return filing.as("qu_jingban2", () -> cases.perform(id, "DELIVER", act(today.minusDays(3))))
                .id();
    }

    /** 《彩票管理条例》第十八条 violated (selling to a minor), 第四十一条 the 罚则: a fine of the given amount. */
    private static Decisions.Draft penalty(LocalDate on, String partyKind, String fineFen) {
        return new Decisions.Draft(
                null,
                Map.ofEntries(
                        Map.entry(
                                "partyAddress", "ORGANISATION".equals(partyKind) ? "西安市雁塔区某路某号（演示）" : "西安市雁塔区某小区（演示）"),
                        Map.entry("violationFacts", "当事人在福利彩票代销点向未成年人销售彩票"),
                        Map.entry("evidence", "现场检查笔录、视听资料、询问笔录（演示）"),
                        Map.entry("violationEstablished", "true"),
                        Map.entry("noFault", "false"),
                        Map.entry("minorCorrected", "false"),
                        Map.entry("firstMinorCorrected", "false"),
                        Map.entry("spareFirstOffence", "false"),
                        Map.entry("penaltyType", "FINE"),
                        Map.entry("fineFen", fineFen)),
                "经调查，当事人向未成年人销售彩票，违法事实清楚，证据确凿。",
                List.of(),
                false,
                null,
                on,
                LATE,
                List.of(cn.minzheng.procedure.Basis.of("CAIPIAO_TL", "18")),
                List.of(cn.minzheng.procedure.Basis.of("CAIPIAO_TL", "41")));
    }
}
