package cn.minzheng.assistance;

import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.platform.DataScopes;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.DataScope;
import cn.minzheng.shared.NotFound;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review tasks of 动态管理 (the table {@code assistance_review_task}): the to-do list in the viewer's scope, one task,
 * and a new task. They are made by {@link ReviewTaskGenerator}, closed or turned into change cases by
 * {@link ReviewTaskActs}, and made by job referrals refused ({@link JobReferrals}).
 *
 * <p>动态管理 as to-do work: reviews due every year or every six months by category (审核确认办法第三十一条; the cycle is
 * chosen when the status opens), a member's death to be reviewed within DEATH_RECHECK_MONTHS (2022 通知), three job
 * referrals refused without good reason, changes reported by the household. A nightly job makes the tasks — one
 * instance at a time (a transaction-scoped advisory lock), and never twice (a task is unique per status, kind and due
 * day). A task is closed as "no change", or becomes a change case (增发、减发、停发、渐退) decided on the kernel.
 */
@Service
public class ReviewTasks {

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    ReviewTasks(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The to-do list: open tasks in the viewer's scope, the most urgent first. */
    @PreAuthorize(AssistanceRoles.READ)
    @Transactional(readOnly = true)
    public List<ReviewTask> todo(int limit) {
        return todo(limit, 0);
    }

    /** One page of the to-do list. */
    @PreAuthorize(AssistanceRoles.READ)
    @Transactional(readOnly = true)
    public List<ReviewTask> todo(int limit, int offset) {
        DataScope scope = DataScopes.current().orElseThrow(() -> new AccessDeniedException("没有数据范围"));
        return jdbc.sql(SELECT + """
                         where starts_with(t.community_code, ?) and t.state <> 'DONE'
                         order by t.due_on, t.id limit ? offset ?
                        """)
                .params(scope.code(), Math.max(1, Math.min(limit, 500)), Math.max(0, offset))
                .query((rs, n) -> map(rs))
                .list();
    }

    /** How many open tasks the viewer's scope has, for the pager. */
    @PreAuthorize(AssistanceRoles.READ)
    @Transactional(readOnly = true)
    public long todoCount() {
        DataScope scope = DataScopes.current().orElseThrow(() -> new AccessDeniedException("没有数据范围"));
        return jdbc.sql("select count(*) from assistance_review_task t"
                        + " where starts_with(t.community_code, ?) and t.state <> 'DONE'")
                .param(scope.code())
                .query(Long.class)
                .single();
    }

    @PreAuthorize(AssistanceRoles.READ)
    @Transactional(readOnly = true)
    public ReviewTask task(long id) {
        return find(id);
    }

    long insert(StatusLedger.Status status, String kind, LocalDate due, String reason, Long resident) {
        Long id = jdbc.sql("""
                        insert into assistance_review_task (status_id, community_code, kind, due_on, reason, resident_id,
                            state)
                        values (?, ?, ?, ?, ?, ?, 'OPEN')
                        on conflict (status_id, kind, due_on) do nothing
                        returning id
                        """)
                .params(status.id(), status.communityCode(), kind, due, reason, resident)
                .query(Long.class)
                .optional()
                .orElse(null);
        if (id == null) {
            throw new BusinessRuleViolation("同一天到期的同类任务已经存在");
        }
        audit.record(AuditEvent.success("ASSISTANCE_REVIEW_TASK", "assistance_status", status.id())
                .because(kind + " task " + id));
        return id;
    }

    ReviewTask find(long id) {
        return jdbc.sql(SELECT + " where t.id = ?")
                .param(id)
                .query((rs, n) -> map(rs))
                .optional()
                .orElseThrow(() -> new NotFound("任务不存在，或不在您的数据范围内"));
    }

    private static final String SELECT = """
            select t.*, s.programme_code, s.subject_type, s.subject_id, s.monthly_amount_fen
            from assistance_review_task t join assistance_status s on s.id = t.status_id
            """;

    private static ReviewTask map(ResultSet rs) throws SQLException {
        return new ReviewTask(
                rs.getLong("id"),
                rs.getLong("status_id"),
                rs.getString("community_code"),
                rs.getString("kind"),
                rs.getObject("due_on", LocalDate.class),
                rs.getString("reason"),
                (Long) rs.getObject("resident_id"),
                rs.getString("state"),
                rs.getObject("done_on", LocalDate.class),
                rs.getString("done_by"),
                rs.getString("outcome"),
                (Long) rs.getObject("change_case_id"),
                rs.getString("programme_code"),
                rs.getString("subject_type"),
                rs.getLong("subject_id"),
                rs.getLong("monthly_amount_fen"));
    }

    static String actor() {
        return SecurityContextHolder.getContext().getAuthentication().getName();
    }
}
