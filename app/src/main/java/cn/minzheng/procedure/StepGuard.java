package cn.minzheng.procedure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a step's preconditions hold for a case — each a small named rule (see {@link Precondition}) answering with
 * what is missing, in words the officer can act on.
 */
final class StepGuard {

    /** What the preconditions look at. {@code today} is the day of the act. */
    record Facts(
            Set<String> attachedKinds,
            Optional<Notices.Latest> latestPublicity,
            boolean liveDecision,
            LocalDate today,
            Set<String> stepsTaken,
            java.util.Map<String, StatutoryClock> clocks,
            boolean liveMajor,
            boolean discussedSinceDraft) {}

    private StepGuard() {}

    private static String clockName(MatterType type, String code) {
        return type.clocks().stream()
                .filter(c -> c.code().equals(code))
                .map(MatterType.ClockRule::name)
                .findFirst()
                .orElse(code);
    }

    /**
     * @param participants how many people took part in the act, or −1 when not yet known (listing possible actions)
     */
    static List<String> problems(MatterType type, MatterType.Step step, Facts facts, int participants) {
        List<String> problems = new ArrayList<>();
        for (String other : step.afterSteps()) {
            if (!facts.stepsTaken().contains(other)) {
                problems.add("须先" + type.step(other).map(MatterType.Step::name).orElse(other));
            }
        }
        for (String code : step.after()) {
            StatutoryClock k = facts.clocks().get(code);
            if (k == null) {
                problems.add("“" + clockName(type, code) + "”尚未开始");
            } else if (k.status() != StatutoryClock.Status.STOPPED
                    && (k.dueOn() == null || !facts.today().isAfter(k.dueOn()))) {
                problems.add(
                        "“" + k.name() + "”" + (k.dueOn() == null ? "尚未届满" : "至 " + Formats.date(k.dueOn()) + " 届满")
                                + "，期满后（或当事人书面放弃后）方可办理");
            }
        }
        for (String code : step.notBefore()) {
            StatutoryClock k = facts.clocks().get(code);
            if (k == null) {
                problems.add("“" + clockName(type, code) + "”尚未开始");
            } else if (k.status() == StatutoryClock.Status.RUNNING
                    && (k.dueOn() == null || facts.today().isBefore(k.dueOn()))) {
                problems.add("须在" + (k.dueOn() == null ? "期限届满" : " " + Formats.date(k.dueOn()) + " ") + "当日或之后方可办理（"
                        + k.name() + "）");
            }
        }
        for (Precondition precondition : step.requires()) {
            switch (precondition) {
                case REQUIRED_DOCUMENTS -> {
                    List<String> missing = step.documents().stream()
                            .filter(d -> !facts.attachedKinds().contains(d))
                            .map(type::documentName)
                            .toList();
                    if (!missing.isEmpty()) {
                        problems.add("缺少材料：" + String.join("、", missing) + "（请先上传）");
                    }
                }
                case MIN_PARTICIPANTS -> {
                    if (participants >= 0 && participants < step.minParticipants()) {
                        problems.add("须至少 " + step.minParticipants() + " 人参与（已填写 " + participants + " 人）");
                    }
                }
                case NOTICE_PUBLISHED -> {
                    if (facts.latestPublicity().isEmpty()) {
                        problems.add("尚未发布公示");
                    }
                }
                case NOTICE_PERIOD_ENDED -> {
                    Optional<Notices.Latest> latest = facts.latestPublicity();
                    if (latest.isEmpty()) {
                        problems.add("尚未发布公示");
                    } else if (!"TAKEN_DOWN".equals(latest.get().status())
                            && !facts.today().isAfter(latest.get().periodEnd())) {
                        problems.add("公示期至 " + latest.get().periodEnd() + "，期满后方可办理");
                    }
                }
                case NO_OPEN_OBJECTIONS -> {
                    if (facts.latestPublicity().map(l -> l.openObjections() > 0).orElse(false)) {
                        problems.add("公示期间的异议尚未处理完毕");
                    }
                }
                case DECISION_DRAFTED -> {
                    if (!facts.liveDecision()) {
                        problems.add("尚未起草决定（初审意见）");
                    }
                }
                case DISCUSSED_IF_MAJOR -> {
                    if (facts.liveMajor() && !facts.discussedSinceDraft()) {
                        problems.add("重大决定须经负责人集体讨论（行政处罚法第五十七条第二款），请先登记集体讨论");
                    }
                }
            }
        }
        return problems;
    }
}
