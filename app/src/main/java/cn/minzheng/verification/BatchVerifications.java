package cn.minzheng.verification;

import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.shared.AdvisoryLocks;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.NotFound;
import cn.minzheng.verification.core.link.Probes;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Batch re-verification (批量复核) of every household receiving assistance today (domain spec §2.5, §4.3 item 4): each
 * household is planned as an interactive request would be (counted members, 授权书 — a household with an unauthorised
 * member is recorded as not verified, for the street to follow up), the authorised ones are compared in one engine
 * run per chunk, and each household's results are kept as its own request. Only one batch runs at a time (a unique
 * index on the running one); a scheduled batch runs once per period however many instances trigger it (a unique
 * period); the instance running it holds an advisory lock, so a batch whose instance died is recognised and closed.
 */
@Service
class BatchVerifications {

    private static final Logger log = LoggerFactory.getLogger(BatchVerifications.class);
    private static final int CHUNK = 500;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final CurrentBeneficiaries beneficiaries;
    private final HouseholdProbe probe;
    private final VerificationEngine engine;
    private final RequestRecorder recorder;
    private final VerificationReports reports;
    private final AuditTrail audit;
    private final Clock clock;

    BatchVerifications(
            JdbcClient jdbc,
            DataSource dataSource,
            TransactionTemplate transactions,
            CurrentBeneficiaries beneficiaries,
            HouseholdProbe probe,
            VerificationEngine engine,
            RequestRecorder recorder,
            VerificationReports reports,
            AuditTrail audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.beneficiaries = beneficiaries;
        this.probe = probe;
        this.engine = engine;
        this.recorder = recorder;
        this.reports = reports;
        this.audit = audit;
        this.clock = clock;
    }

    record Batch(
            long id,
            String period,
            LocalDate checkDate,
            String status,
            String triggeredBy,
            Instant startedAt,
            Instant finishedAt,
            int households,
            int verified,
            int refused,
            int persons,
            long recordsCompared,
            int findings,
            Long durationMs,
            String message) {

        public String statusLabel() {
            return switch (status) {
                case "RUNNING" -> "进行中";
                case "COMPLETED" -> "已完成";
                default -> "失败";
            };
        }
    }

    /** Starts a batch now; the caller hands the id to the worker. Refused while another one runs. */
    @PreAuthorize(VerificationRoles.BATCH)
    @Transactional
    public long start() {
        long id = insert(null);
        audit.record(AuditEvent.success("VERIFICATION_BATCH_STARTED", "verification_batch", id));
        return id;
    }

    private long insert(String period) {
        try {
            return jdbc.sql("""
                            insert into verification_batch (period, check_date, status, triggered_by)
                            values (?, ?, 'RUNNING', ?) returning id
                            """)
                    .params(period, LocalDate.now(clock), RequestRecorder.actor())
                    .query(Long.class)
                    .single();
        } catch (DuplicateKeyException e) {
            if (period != null && !running()) {
                throw new AlreadyDone(period);
            }
            throw new BusinessRuleViolation("已有批量复核正在进行，请等它完成后再开始");
        }
    }

    private boolean running() {
        return jdbc.sql("select count(*) from verification_batch where status = 'RUNNING'")
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The period's scheduled batch exists already (another instance ran it, or is running it). */
    static final class AlreadyDone extends RuntimeException {
        AlreadyDone(String period) {
            super("batch of " + period + " exists", null, false, false);
        }
    }

    /**
     * The scheduled batch of a period (a month): started and run here unless some instance already has; then
     * nothing happens. Returns the batch's id when this call ran it.
     */
    @PreAuthorize(VerificationRoles.BATCH)
    public Optional<Long> runScheduled(YearMonth period) {
        Long id;
        try {
            id = transactions.execute(status -> {
                // the advisory lock orders concurrent triggers, so the losers see the winner's row and stop quietly
                jdbc.sql("select pg_advisory_xact_lock(?, 0)")
                        .param(AdvisoryLocks.VERIFICATION_BATCH)
                        .query()
                        .singleValue();
                boolean exists = jdbc.sql("select count(*) from verification_batch where period = ?")
                                .param(period.toString())
                                .query(Long.class)
                                .single()
                        > 0;
                if (exists) {
                    return null;
                }
                long started = insert(period.toString());
                audit.record(AuditEvent.success("VERIFICATION_BATCH_STARTED", "verification_batch", started)
                        .because("scheduled " + period));
                return started;
            });
        } catch (AlreadyDone | BusinessRuleViolation e) {
            log.info("批量复核 {}：未开始（{}）", period, e.getMessage());
            return Optional.empty();
        }
        if (id == null) {
            return Optional.empty();
        }
        run(id);
        return Optional.of(id);
    }

    /** Runs a started batch to its end, holding its liveness lock. */
    @PreAuthorize(VerificationRoles.BATCH)
    public void run(long id) {
        long started = System.nanoTime();
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(true);
            Deliveries.advisory(lock, "pg_advisory_lock", AdvisoryLocks.VERIFICATION_BATCH, (int) id);
            try {
                runLocked(id, started);
            } catch (RuntimeException e) {
                String message = e instanceof BusinessRuleViolation refused ? refused.getMessage() : "批量复核时发生内部错误";
                if (!(e instanceof BusinessRuleViolation)) {
                    log.error("批量复核第 {} 批失败", id, e);
                }
                transactions.executeWithoutResult(status -> {
                    jdbc.sql("update verification_batch set status = 'FAILED', message = ?, finished_at = now(),"
                                    + " duration_ms = ? where id = ?")
                            .params(message, (System.nanoTime() - started) / 1_000_000, id)
                            .update();
                    audit.record(AuditEvent.failure("VERIFICATION_BATCH_FINISHED", "verification_batch", id, "FAILED"));
                });
            } finally {
                Deliveries.advisory(lock, "pg_advisory_unlock", AdvisoryLocks.VERIFICATION_BATCH, (int) id);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("批量复核的数据库锁不可用", e);
        }
    }

    private void runLocked(long id, long started) {
        LocalDate day = transactions.execute(
                status -> jdbc.sql("select check_date from verification_batch where id = ? and status = 'RUNNING'")
                        .param(id)
                        .query(LocalDate.class)
                        .optional()
                        .orElse(null));
        if (day == null) {
            return;
        }
        List<CurrentBeneficiaries.Beneficiary> all = transactions.execute(status -> beneficiaries.on(day));
        // a batch resumed after its instance died goes on where it stopped: each household is verified once a batch
        java.util.Set<String> done = transactions.execute(status -> jdbc.sql(
                        "select household_id || ':' || programme from verification_request where batch_id = ?")
                .param(id)
                .query(String.class)
                .set());
        if (!done.isEmpty()) {
            log.info("批量复核第 {} 批继续进行：已核对 {} 户，余下 {} 户", id, done.size(), all.size() - done.size());
        }
        String reference = "批量复核第 " + id + " 批";
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<CurrentBeneficiaries.Beneficiary> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            List<HouseholdProbe.Plan> plans = new ArrayList<>();
            for (CurrentBeneficiaries.Beneficiary b : chunk) {
                if (done.contains(b.householdId() + ":" + b.programme())) {
                    continue;
                }
                HouseholdProbe.Plan plan;
                try {
                    plan = transactions.execute(status -> probe.plan(b.householdId(), b.programme(), day, reference));
                } catch (NotFound gone) {
                    continue; // a household merged away since its status was recorded
                }
                if (plan.refused()) {
                    transactions.executeWithoutResult(status -> recorder.refused(plan, id, day));
                } else if (!plan.probe().isEmpty()) {
                    plans.add(plan);
                }
            }
            if (plans.isEmpty()) {
                progress(id, all.size(), null);
                continue;
            }
            List<Probes.Member> members =
                    plans.stream().flatMap(p -> p.probe().stream()).toList();
            VerificationEngine.Run run = engine.run(members, day);
            long share = run.millis() / plans.size();
            for (HouseholdProbe.Plan plan : plans) {
                RequestRecorder.Results results = RequestRecorder.Results.of(
                        run.generation(), run.outcome(), Long.toString(plan.householdId()), share);
                transactions.executeWithoutResult(status -> {
                    long request = recorder.completed(plan, RequestRecorder.Kind.BATCH, null, id, day, results);
                    if (results.findings().isEmpty()) {
                        reports.issue(request);
                    }
                });
            }
            progress(id, all.size(), null);
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        Counts c = transactions.execute(status -> {
            Counts counts = progress(id, all.size(), ms);
            audit.record(AuditEvent.success("VERIFICATION_BATCH_FINISHED", "verification_batch", id)
                    .because("households " + counts.households() + ", verified " + counts.verified() + ", refused "
                            + counts.refused()));
            return counts;
        });
        log.info(
                "批量复核第 {} 批完成：{} 户，核对 {} 户 {} 人，未授权 {} 户，比对到 {} 条，疑点 {} 条，{} ms",
                id,
                c.households(),
                c.verified(),
                c.persons(),
                c.refused(),
                c.records(),
                c.findings(),
                ms);
    }

    record Counts(int households, int verified, int refused, int persons, long records, int findings) {}

    /**
     * The batch's figures, counted from the requests it has recorded (so an interrupted batch shows what it did, and a
     * resumed one counts each household once); with {@code finishedMs}, the batch is closed as completed.
     */
    private Counts progress(long id, int households, Long finishedMs) {
        return transactions.execute(status -> {
            Counts counts = jdbc.sql("""
                            select count(*) filter (where status = 'COMPLETED') as verified,
                                   count(*) filter (where status = 'REFUSED') as refused,
                                   coalesce(sum(persons) filter (where status = 'COMPLETED'), 0) as persons,
                                   coalesce(sum(records_compared), 0) as records,
                                   (select count(*) from verification_finding f
                                    join verification_request q on q.id = f.request_id where q.batch_id = ?) as findings
                            from verification_request where batch_id = ?
                            """)
                    .params(id, id)
                    .query((rs, n) -> new Counts(
                            households,
                            rs.getInt("verified"),
                            rs.getInt("refused"),
                            rs.getInt("persons"),
                            rs.getLong("records"),
                            rs.getInt("findings")))
                    .single();
            jdbc.sql("""
                            update verification_batch set households = ?, verified = ?, refused = ?, persons = ?,
                                records_compared = ?, findings = ?,
                                status = case when ? then 'COMPLETED' else status end,
                                finished_at = case when ? then clock_timestamp() else finished_at end,
                                duration_ms = coalesce(?, duration_ms)
                            where id = ?
                            """)
                    .params(
                            counts.households(),
                            counts.verified(),
                            counts.refused(),
                            counts.persons(),
                            counts.records(),
                            counts.findings(),
                            finishedMs != null,
                            finishedMs != null,
                            finishedMs,
                            id)
                    .update();
            return counts;
        });
    }

    @PreAuthorize(VerificationRoles.BATCH_READ)
    @Transactional(readOnly = true)
    public List<Batch> list(int limit) {
        return jdbc.sql("select * from verification_batch order by id desc limit ?")
                .param(Math.max(1, Math.min(limit, 200)))
                .query((rs, n) -> map(rs))
                .list();
    }

    @PreAuthorize(VerificationRoles.BATCH_READ)
    @Transactional(readOnly = true)
    public Batch find(long id) {
        return jdbc.sql("select * from verification_batch where id = ?")
                .param(id)
                .query((rs, n) -> map(rs))
                .optional()
                .orElseThrow(() -> new NotFound("批量复核第 " + id + " 批不存在"));
    }

    /**
     * Batches left RUNNING by an instance that died (their lock is free), to be resumed: they go on where they stopped
     * ({@link #run}), keeping what they did, rather than starting again and counting households twice.
     */
    List<Long> abandoned() {
        List<Long> running = jdbc.sql("select id from verification_batch where status = 'RUNNING'")
                .query(Long.class)
                .list();
        List<Long> free = new ArrayList<>();
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(true);
            for (long id : running) {
                try (var statement = lock.createStatement();
                        var rs = statement.executeQuery("select pg_try_advisory_lock("
                                + AdvisoryLocks.VERIFICATION_BATCH + ", " + (int) id + ")")) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        Deliveries.advisory(lock, "pg_advisory_unlock", AdvisoryLocks.VERIFICATION_BATCH, (int) id);
                        free.add(id);
                    }
                }
            }
        } catch (SQLException e) {
            log.warn("interrupted batches could not be checked", e);
        }
        return free;
    }

    private static Batch map(java.sql.ResultSet rs) throws SQLException {
        java.sql.Timestamp finished = rs.getTimestamp("finished_at");
        return new Batch(
                rs.getLong("id"),
                rs.getString("period"),
                rs.getObject("check_date", LocalDate.class),
                rs.getString("status"),
                rs.getString("triggered_by"),
                rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(),
                rs.getInt("households"),
                rs.getInt("verified"),
                rs.getInt("refused"),
                rs.getInt("persons"),
                rs.getLong("records_compared"),
                rs.getInt("findings"),
                (Long) rs.getObject("duration_ms"),
                rs.getString("message"));
    }
}
