package cn.minzheng.procedure;

import cn.minzheng.shared.BusinessRuleViolation;
import java.time.LocalDate;

/** Rules every act on a case obeys: the case is open, and the day of the act is a day the timeline can take. */
final class CaseActions {

    private CaseActions() {}

    static void requireOpen(CaseRecord c) {
        if (c.closed()) {
            throw new BusinessRuleViolation("案件已于" + Formats.date(c.closedOn()) + "办结或终止，不能再办理");
        }
        if (c.suspended()) {
            throw new BusinessRuleViolation("案件中止中（等待补正材料），请先登记收到补正材料、恢复计时");
        }
    }

    static void requireNotClosed(CaseRecord c) {
        if (c.closed()) {
            throw new BusinessRuleViolation("案件已于" + Formats.date(c.closedOn()) + "办结或终止，不能再办理");
        }
    }

    /**
     * The day of the act: today unless given. Never in the future, never before the case's previous act (the timeline
     * runs forward), and a day before today (补录) needs a reason, which the timeline shows.
     */
    static LocalDate actDate(LocalDate requested, String lateReason, CaseRecord c, LocalDate today) {
        LocalDate on = requested == null ? today : requested;
        if (on.isAfter(today)) {
            throw new BusinessRuleViolation("办理日期不能晚于今天（" + Formats.date(today) + "）");
        }
        if (on.isBefore(c.lastEventOn())) {
            throw new BusinessRuleViolation("办理日期不能早于本案上一次办理的日期 " + c.lastEventOn() + "（时间线按日期先后记录）");
        }
        if (on.isBefore(today) && (lateReason == null || lateReason.isBlank())) {
            throw new BusinessRuleViolation("办理日期早于今天（补录），须说明补录原因");
        }
        return on;
    }

    static String lateReason(String reason, LocalDate on, LocalDate today) {
        return on.isBefore(today) && reason != null ? reason.strip() : null;
    }
}
