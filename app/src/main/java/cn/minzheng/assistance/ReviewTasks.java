package cn.minzheng.assistance;

import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.platform.DataScopes;
import cn.minzheng.platform.District;
import cn.minzheng.platform.ScheduledRuns;
import cn.minzheng.platform.SystemActor;
import cn.minzheng.procedure.Cases;
import cn.minzheng.procedure.Parameters;
import cn.minzheng.resident.HouseholdView;
import cn.minzheng.resident.ResidentSummary;
import cn.minzheng.shared.AdvisoryLocks;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.DataScope;
import cn.minzheng.shared.NotFound;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 动态管理 as to-do work: reviews due every year or every six months by category (审核确认办法第三十一条; the cycle is
 * chosen when the status opens), a member's death to be reviewed within DEATH_RECHECK_MONTHS (2022 通知), three job
 * referrals refused without good reason, changes reported by the household. A nightly job makes the tasks — one
 * instance at a time (a transaction-scoped advisory lock), and never twice (a task is unique per status, kind and due
 * day). A task is closed as "no change", or becomes a change case (增发、减发、停发、渐退) decided on the kernel.
 */
@Service
public class ReviewTasks {

    private static final Logger log = LoggerFactory.getLogger(ReviewTasks.class);

    static final String NIGHTLY_JOB = "assistance.review-tasks";

    /** Tasks appear this many days before they are due, so the street can plan its visits. */
    static final int HORIZON_DAYS = 30;

    private final JdbcClient jdbc;
    private final Households households;
    private final StatusLedger ledger;
    private final ApplicationStore applications;
    private final Cases cases;
    private final Parameters parameters;
    private final District district;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final Clock clock;
    private final ScheduledRuns runs;
    private final String nightlyCron;

    ReviewTasks(
            JdbcClient jdbc,
            Households households,
            StatusLedger ledger,
            ApplicationStore applications,
            Cases cases,
            Parameters parameters,
            District district,
            TransactionTemplate transactions,
            AuditTrail audit,
            Clock clock,
            ScheduledRuns runs,
            @Value("${minzheng.assistance.review-cron:0 20 2 * * *}") String nightlyCron) {
        this.runs = runs;
        this.nightlyCron = nightlyCron;
        this.jdbc = jdbc;
        this.households = households;
        this.ledger = ledger;
        this.applications = applications;
        this.cases = cases;
        this.parameters = parameters;
        this.district = district;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    public record Task(
            long id,
            long statusId,
            String communityCode,
            String kind,
            LocalDate dueOn,
            String reason,
            Long residentId,
            String state,
            LocalDate doneOn,
            String doneBy,
            String outcome,
            Long changeCaseId,
            String programme,
            String subjectType,
            long subjectId,
            long monthlyAmountFen) {

        public String kindLabel() {
            return switch (kind) {
                case "PERIODIC" -> "定期核查";
                case "DEATH" -> "家庭成员死亡核查";
                case "JOB_REFUSAL" -> "连续拒绝就业";
                default -> "报告变化";
            };
        }

        public String stateLabel() {
            return switch (state) {
                case "OPEN" -> "待办";
                case "CHANGE_OPENED" -> "已立案核查";
                default -> "已完成";
            };
        }

        public boolean overdueOn(LocalDate day) {
            return !"DONE".equals(state) && dueOn.isBefore(day);
        }
    }

    /** What one run of the generator did; {@code -1} when another instance held the lock. */
    public record Generated(int periodic, int deaths) {}

    @Scheduled(cron = "${minzheng.assistance.review-cron:0 20 2 * * *}", zone = "${minzheng.zone:Asia/Shanghai}")
    void nightly() {
        LocalDate today = LocalDate.now(clock);
        Generated g = SystemActor.call(
                district.scope(),
                () -> transactions.execute(status -> {
                    // every instance fires; the first to claim tonight's run does it (issue 14)
                    if (!runs.claim(NIGHTLY_JOB, nightlyCron)) {
                        return null;
                    }
                    audit.record(AuditEvent.success("SCHEDULED_JOB_RUN", "scheduled_job", NIGHTLY_JOB));
                    return generate(today);
                }),
                "DEPARTMENT_OFFICER");
        if (g != null && g.periodic() + g.deaths() > 0) {
            log.info("动态管理：生成定期核查任务 {} 件、死亡核查任务 {} 件", g.periodic(), g.deaths());
        }
    }

    /** Makes the tasks due within the horizon; safe to run any number of times, on any number of instances. */
    public Generated generate(LocalDate today) {
        Generated generated = SystemActor.call(
                district.scope(),
                () -> transactions.execute(status -> {
                    boolean locked = Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(?)")
                            .param(AdvisoryLocks.REVIEW_TASKS)
                            .query(Boolean.class)
                            .single());
                    if (!locked) {
                        return new Generated(-1, -1);
                    }
                    return new Generated(periodic(today), deaths(today));
                }),
                "DEPARTMENT_OFFICER");
        return generated == null ? new Generated(0, 0) : generated;
    }

    private int periodic(LocalDate today) {
        return jdbc.sql("""
                        insert into assistance_review_task (status_id, community_code, kind, due_on, reason, state)
                        select p.status_id, s.community_code, 'PERIODIC',
                               (p.last_reviewed_on + make_interval(months => p.cycle_months))::date,
                               case when p.cycle_months < 12 then '收入不稳定或有劳动能力成员，每 ' || p.cycle_months || ' 个月核查一次'
                                    else '每 ' || p.cycle_months || ' 个月核查一次' end || '（审核确认办法第三十一条）',
                               'OPEN'
                        from assistance_review_plan p join assistance_status s on s.id = p.status_id
                        where s.effective_to is null
                          and (p.last_reviewed_on + make_interval(months => p.cycle_months))::date <= ?
                        on conflict (status_id, kind, due_on) do nothing
                        """).param(today.plusDays(HORIZON_DAYS)).update();
    }

    /**
     * The resident module publishes no death event: deaths are found here, among the members of households and the
     * persons with an open 低保 or 特困 status, and reviewed within the months the 2022 notice gives.
     */
    private int deaths(LocalDate today) {
        record Open(long id, String type, long subject, String community, LocalDate from) {}
        List<Open> open = jdbc.sql("""
                        select id, subject_type, subject_id, community_code, effective_from from assistance_status
                        where effective_to is null and programme_code in ('DIBAO', 'TEKUN')
                        order by id
                        """)
                .query((rs, n) -> new Open(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getObject(5, LocalDate.class)))
                .list();
        int made = 0;
        for (Open s : open) {
            List<ResidentSummary> people = new ArrayList<>();
            if ("HOUSEHOLD".equals(s.type())) {
                HouseholdView h = households.household(s.subject());
                h.members().forEach(m -> people.add(m.resident()));
                h.formerMembers().forEach(m -> people.add(m.resident()));
            } else {
                people.add(households.person(s.subject()));
            }
            for (ResidentSummary person : people) {
                LocalDate died = person.diedOn();
                if (died == null || died.isBefore(s.from().minusMonths(1)) || died.isAfter(today)) {
                    continue;
                }
                int months = parameters
                        .valueAsOf("DEATH_RECHECK_MONTHS", s.community(), died)
                        .whole();
                made += jdbc.sql("""
                                insert into assistance_review_task (status_id, community_code, kind, due_on, reason,
                                    resident_id, state)
                                values (?, ?, 'DEATH', ?, ?, ?, 'OPEN')
                                on conflict (status_id, kind, due_on) do nothing
                                """)
                        .params(
                                s.id(),
                                s.community(),
                                died.plusMonths(months),
                                "家庭成员于 " + died + " 死亡，须在 " + months + " 个月内完成核查（2022年兜底保障通知第三部分）",
                                person.id())
                        .update();
            }
        }
        return made;
    }

    /** The to-do list: open tasks in the viewer's scope, the most urgent first. */
    @PreAuthorize(AssistanceRoles.READ)
    @Transactional(readOnly = true)
    public List<Task> todo(int limit) {
        return todo(limit, 0);
    }

    /** One page of the to-do list. */
    @PreAuthorize(AssistanceRoles.READ)
    @Transactional(readOnly = true)
    public List<Task> todo(int limit, int offset) {
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
    public Task task(long id) {
        return find(id);
    }

    /** The review found nothing to change: the task is done and the next review counts from today. */
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER')")
    @Transactional
    public Task complete(long taskId, LocalDate on, String note) {
        Task t = find(taskId);
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
                        """).params(day, actor(), "无变化：" + note.strip(), t.id()).update();
        jdbc.sql("update assistance_review_plan set last_reviewed_on = ? where status_id = ? and last_reviewed_on < ?")
                .params(day, t.statusId(), day)
                .update();
        audit.record(AuditEvent.success("ASSISTANCE_REVIEW_DONE", "assistance_status", t.statusId())
                .because("task " + t.id() + " no change"));
        return find(t.id());
    }

    /** The review found a change: a change case (动态管理) is opened on the kernel and investigated. */
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'STREET_OFFICER')")
    @Transactional
    public Application openChange(long taskId, LocalDate on, String lateReason) {
        Task t = find(taskId);
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
                actor()));
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
    public Task report(long statusId, LocalDate dueOn, String reason) {
        StatusLedger.Status status = ledger.find(statusId).orElseThrow(() -> new NotFound("救助状态不存在，或不在您的数据范围内"));
        if (status.effectiveTo() != null) {
            throw new BusinessRuleViolation("该救助已终止");
        }
        if (reason == null || reason.strip().length() < 2) {
            throw new BusinessRuleViolation("请写明报告的变化");
        }
        LocalDate due = dueOn == null ? LocalDate.now(clock).plusMonths(1) : dueOn;
        long id = insertTask(status, "REPORTED", due, reason.strip(), null);
        return find(id);
    }

    /** 就业：a job referral and whether it was refused; three refusals in a row without good reason make a task. */
    public record Referral(
            long id,
            long statusId,
            long residentId,
            String memberName,
            LocalDate referredOn,
            String job,
            boolean refused,
            String goodReason) {}

    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER')")
    @Transactional
    public Referral recordReferral(
            long statusId, Long residentId, LocalDate referredOn, String job, boolean refused, String goodReason) {
        StatusLedger.Status status = ledger.find(statusId).orElseThrow(() -> new NotFound("救助状态不存在，或不在您的数据范围内"));
        if (status.effectiveTo() != null) {
            throw new BusinessRuleViolation("该救助已终止");
        }
        if (residentId == null) {
            throw new BusinessRuleViolation("请填写被介绍工作的家庭成员（居民编号）");
        }
        if (job == null || job.isBlank()) {
            throw new BusinessRuleViolation("请写明介绍的工作");
        }
        ResidentSummary member = households.person(residentId);
        if ("HOUSEHOLD".equals(status.subjectType())
                ? !java.util.Objects.equals(member.householdId(), status.subjectId())
                : member.id() != status.subjectId()) {
            throw new BusinessRuleViolation("被介绍工作的人须为该保障家庭的成员");
        }
        LocalDate day = referredOn == null ? LocalDate.now(clock) : referredOn;
        String reason = goodReason == null || goodReason.isBlank() ? null : goodReason.strip();
        long id = jdbc.sql("""
                        insert into assistance_job_referral (status_id, community_code, resident_id, member_name,
                            referred_on, job, refused, good_reason, recorded_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                        """)
                .params(
                        status.id(),
                        status.communityCode(),
                        member.id(),
                        member.name(),
                        day,
                        job.strip(),
                        refused,
                        reason,
                        actor())
                .query(Long.class)
                .single();
        int limit = parameters
                .valueAsOf("JOB_REFUSAL_LIMIT", status.communityCode(), day)
                .whole();
        int inARow = consecutive(status.id(), member.id());
        if (refused && reason == null && inARow >= limit) {
            insertTask(
                    status,
                    "JOB_REFUSAL",
                    day.plusMonths(1),
                    member.name() + "连续 " + inARow + " 次无正当理由拒绝介绍的工作，可减发或停发其本人的保障金（审核确认办法第三十四条）",
                    member.id());
        }
        return new Referral(id, status.id(), member.id(), member.name(), day, job.strip(), refused, reason);
    }

    int consecutive(long statusId, long residentId) {
        List<Boolean> refusals =
                jdbc.sql("""
                        select refused and good_reason is null from assistance_job_referral
                        where status_id = ? and resident_id = ? order by referred_on desc, id desc
                        """).params(statusId, residentId).query(Boolean.class).list();
        int n = 0;
        for (boolean refusal : refusals) {
            if (!refusal) {
                break;
            }
            n++;
        }
        return n;
    }

    private long insertTask(StatusLedger.Status status, String kind, LocalDate due, String reason, Long resident) {
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

    private Task find(long id) {
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

    private static Task map(ResultSet rs) throws SQLException {
        return new Task(
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

    private static String actor() {
        return SecurityContextHolder.getContext().getAuthentication().getName();
    }
}
