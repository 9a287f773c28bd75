package cn.minzheng.procedure;

import cn.minzheng.platform.District;
import cn.minzheng.platform.SystemActor;
import cn.minzheng.shared.AdvisoryLocks;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The procedure kernel's housekeeping, every few minutes on one instance only (a transaction-scoped advisory lock:
 * another instance finding it taken skips the round): takes down notices whose period is over, and computes the
 * deadlines that were waiting for a year's holiday arrangement once the calendar knows it.
 */
@Component
class NoticeSweep {

    private static final Logger log = LoggerFactory.getLogger(NoticeSweep.class);

    private final Notices notices;
    private final CaseStore cases;
    private final CaseEngine engine;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final District district;
    private final Clock clock;

    NoticeSweep(
            Notices notices,
            CaseStore cases,
            CaseEngine engine,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            District district,
            Clock clock) {
        this.notices = notices;
        this.cases = cases;
        this.engine = engine;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.district = district;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${minzheng.procedure.sweep-initial-delay:PT1M}",
            fixedDelayString = "${minzheng.procedure.sweep-interval:PT10M}")
    void scheduled() {
        int taken = sweep(LocalDate.now(clock));
        if (taken > 0) {
            log.info("公示期满自动撤下 {} 条", taken);
        }
    }

    /** One round; returns how many notices were taken down, or −1 when another instance holds the lock. */
    int sweep(LocalDate today) {
        Actor system = new Actor("system", "系统", Set.of(), district.scope());
        Integer result = SystemActor.call(
                district.scope(),
                () -> transactions.execute(status -> {
                    boolean locked = Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(?)")
                            .param(AdvisoryLocks.NOTICE_SWEEP)
                            .query(Boolean.class)
                            .single());
                    if (!locked) {
                        return -1;
                    }
                    int taken = notices.takeDownExpired(today, system);
                    for (long caseId : cases.casesWithUnknownDeadlines()) {
                        for (StatutoryClock clock : cases.liveClocks(caseId)) {
                            if (clock.status() == StatutoryClock.Status.RUNNING && clock.dueOn() == null) {
                                clock.refresh(engine.days());
                                if (clock.dueOn() != null) {
                                    cases.updateClock(clock);
                                }
                            }
                        }
                    }
                    return taken;
                }),
                "DEPARTMENT_OFFICER");
        return result == null ? 0 : result;
    }
}
