package cn.minzheng.assistance;

import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.platform.District;
import cn.minzheng.platform.ScheduledRuns;
import cn.minzheng.platform.SystemActor;
import cn.minzheng.procedure.Parameters;
import cn.minzheng.resident.HouseholdView;
import cn.minzheng.resident.ResidentSummary;
import cn.minzheng.shared.AdvisoryLocks;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the review tasks of 动态管理: reviews due every year or every six months by category (审核确认办法第三十一条;
 * the cycle is chosen when the status opens) and a member's death to be reviewed within DEATH_RECHECK_MONTHS (2022
 * 通知). A nightly job runs it — one instance at a time (a transaction-scoped advisory lock), and never twice (a task
 * is unique per status, kind and due day).
 */
@Service
public class ReviewTaskGenerator {

    private static final Logger log = LoggerFactory.getLogger(ReviewTaskGenerator.class);

    static final String NIGHTLY_JOB = "assistance.review-tasks";

    /** Tasks appear this many days before they are due, so the street can plan its visits. */
    static final int HORIZON_DAYS = 30;

    private final JdbcClient jdbc;
    private final Households households;
    private final Parameters parameters;
    private final District district;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final Clock clock;
    private final ScheduledRuns runs;
    private final String nightlyCron;

    ReviewTaskGenerator(
            JdbcClient jdbc,
            Households households,
            Parameters parameters,
            District district,
            TransactionTemplate transactions,
            AuditTrail audit,
            Clock clock,
            ScheduledRuns runs,
            @Value("${minzheng.assistance.review-cron:0 20 2 * * *}") String nightlyCron) {
        this.jdbc = jdbc;
        this.households = households;
        this.parameters = parameters;
        this.district = district;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
        this.runs = runs;
        this.nightlyCron = nightlyCron;
    }

    @Scheduled(cron = "${minzheng.assistance.review-cron:0 20 2 * * *}", zone = "${minzheng.zone:Asia/Shanghai}")
    void nightly() {
        LocalDate today = LocalDate.now(clock);
        GeneratedTasks g = SystemActor.call(
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
    public GeneratedTasks generate(LocalDate today) {
        GeneratedTasks generated = SystemActor.call(
                district.scope(),
                () -> transactions.execute(status -> {
                    boolean locked = Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(?)")
                            .param(AdvisoryLocks.REVIEW_TASKS)
                            .query(Boolean.class)
                            .single());
                    if (!locked) {
                        return new GeneratedTasks(-1, -1);
                    }
                    return new GeneratedTasks(periodic(today), deaths(today));
                }),
                "DEPARTMENT_OFFICER");
        return generated == null ? new GeneratedTasks(0, 0) : generated;
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
}
