package cn.minzheng.assistance;

import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.procedure.Cases;
import cn.minzheng.resident.HouseholdView;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.NotFound;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a street or district officer does with a review task of 动态管理: closes it as "no change" (the next review
 * counts from that day), opens a change case on the kernel (增发、减发、停发、渐退; 特困 only through its own procedure
 * with 公示), or records a change the household reported (审核确认办法第三十条).
 */
@Service
public class ReviewTaskActs {

    private final JdbcClient jdbc;
    private final ReviewTasks tasks;
    private final Households households;
    private final StatusLedger ledger;
    private final ApplicationStore applications;
    private final Cases cases;
    private final AuditTrail audit;
    private final Clock clock;

    ReviewTaskActs(
            JdbcClient jdbc,
            ReviewTasks tasks,
            Households households,
            StatusLedger ledger,
            ApplicationStore applications,
            Cases cases,
            AuditTrail audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.households = households;
        this.ledger = ledger;
        this.applications = applications;
        this.cases = cases;
        this.audit = audit;
        this.clock = clock;
    }

    /** The review found nothing to change: the task is done and the next review counts from today. */
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER')")
    @Transactional
    public ReviewTask complete(long taskId, LocalDate on, String note) {
        ReviewTask t = tasks.find(taskId);
        if (!"OPEN".equals(t.state())) {
            throw new BusinessRuleViolation("该任务已" + t.stateLabel());
        }
        if (note == null || note.strip().length() < 2) {
            throw new BusinessRuleViolation("请写明核查情况（如：家庭人口、收入、财产无变化）");
        }
        LocalDate day = on == null ? LocalDate.now(clock) : on;
        jdbc.sql("""
                        update assistance_review_task set state = 'DONE', done_on = ?, done_by = ?, outcome = ?
                        where id = ?
                        """)
                .params(day, ReviewTasks.actor(), "无变化：" + note.strip(), t.id())
                .update();
        jdbc.sql("update assistance_review_plan set last_reviewed_on = ? where status_id = ? and last_reviewed_on < ?")
                .params(day, t.statusId(), day)
                .update();
        audit.record(AuditEvent.success("ASSISTANCE_REVIEW_DONE", "assistance_status", t.statusId())
                .because("task " + t.id() + " no change"));
        return tasks.find(t.id());
    }

    /** The review found a change: a change case (动态管理) is opened on the kernel and investigated. */
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'STREET_OFFICER')")
    @Transactional
    public Application openChange(long taskId, LocalDate on, String lateReason) {
        ReviewTask t = tasks.find(taskId);
        if (!"OPEN".equals(t.state())) {
            throw new BusinessRuleViolation("该任务已" + t.stateLabel());
        }
        StatusLedger.Status status = ledger.find(t.statusId()).orElseThrow();
        boolean household = "HOUSEHOLD".equals(status.subjectType());
        Long householdId = household ? status.subjectId() : null;
        long person;
        String name;
        if (household) {
            HouseholdView h = households.household(status.subjectId());
            Long head = h.headId() != null
                    ? h.headId()
                    : h.members().stream()
                            .findFirst()
                            .map(m -> m.resident().id())
                            .orElse(null);
            if (head == null) {
                throw new BusinessRuleViolation("该家庭已没有成员，请直接按停发处理");
            }
            person = head;
        } else {
            person = status.subjectId();
        }
        name = households.person(person).name();
        LocalDate day = on == null ? LocalDate.now(clock) : on;
        // 特困 is ended only through its own procedure with 公示 (特困人员认定办法第二十六条), never a plain stop.
        CaseKind kind = "TEKUN".equals(status.programme()) ? CaseKind.TEKUN_END : CaseKind.CHANGE;
        Cases.CaseView opened = cases.open(new Cases.NewCase(
                kind.matterType(),
                status.communityCode(),
                name,
                "PERSON",
                "status:" + status.id(),
                day,
                lateReason,
                t.kindLabel() + "：" + t.reason()));
        long id = applications.insert(new ApplicationStore.NewApplication(
                opened.id(),
                opened.caseNumber(),
                kind.matterType(),
                kind,
                householdId,
                person,
                !household,
                status.communityCode(),
                name,
                "REVIEW",
                null,
                false,
                null,
                false,
                status.id(),
                t.id(),
                false,
                opened.state(),
                day,
                ReviewTasks.actor()));
        cases.perform(opened.id(), "START", new Cases.Act(day, t.reason(), lateReason, List.of()));
        jdbc.sql("update assistance_review_task set state = 'CHANGE_OPENED', change_case_id = ? where id = ?")
                .params(opened.id(), t.id())
                .update();
        audit.record(AuditEvent.success("ASSISTANCE_CHANGE_OPENED", "assistance_application", id)
                .because("task " + t.id() + " status " + status.id()));
        return applications.find(id).orElseThrow();
    }

    /** A change the household or the community reported (人口、收入、财产变化, 审核确认办法第三十条). */
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER')")
    @Transactional
    public ReviewTask report(long statusId, LocalDate dueOn, String reason) {
        StatusLedger.Status status = ledger.find(statusId).orElseThrow(() -> new NotFound("救助状态不存在，或不在您的数据范围内"));
        if (status.effectiveTo() != null) {
            throw new BusinessRuleViolation("该救助已终止");
        }
        if (reason == null || reason.strip().length() < 2) {
            throw new BusinessRuleViolation("请写明报告的变化");
        }
        LocalDate due = dueOn == null ? LocalDate.now(clock).plusMonths(1) : dueOn;
        long id = tasks.insert(status, "REPORTED", due, reason.strip(), null);
        return tasks.find(id);
    }
}
