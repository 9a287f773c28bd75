package cn.minzheng.platform;

import java.time.LocalDate;

/**
 * One piece of work waiting for the signed-in person (待办), derived from the state of things — never stored, so it is
 * never stale: what it is, why it waits for this person, by when, and where to do it.
 *
 * @param kind what sort of work, in words (待办理, 待审核发放名册 …)
 * @param title what it is about (a case, a roll)
 * @param reason why it waits for this person, in a sentence
 * @param dueOn the deadline, or null
 * @param link the page where it is done
 * @param overdue past its deadline
 * @param dueSoon its deadline is near
 */
public record WorkItem(
        String kind, String title, String reason, LocalDate dueOn, String link, boolean overdue, boolean dueSoon) {

    public static WorkItem of(String kind, String title, String reason, String link) {
        return new WorkItem(kind, title, reason, null, link, false, false);
    }

    public static WorkItem due(
            String kind, String title, String reason, String link, LocalDate dueOn, LocalDate today) {
        boolean overdue = dueOn != null && today.isAfter(dueOn);
        boolean soon = dueOn != null && !overdue && !dueOn.isAfter(today.plusDays(7));
        return new WorkItem(kind, title, reason, dueOn, link, overdue, soon);
    }
}
