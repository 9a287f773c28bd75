package cn.minzheng.platform;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Once per due time, however many instances serve the district (issue 14): a calendar job calls {@link #claim} inside
 * the transaction of its work; the instance that records the job's slot first runs it, the others see the slot taken
 * and skip. The claim commits or rolls back with the work, so a failed run leaves the slot to the next attempt.
 */
@Component
public class ScheduledRuns {

    /** How far apart instances may fire the same job (clocks, scheduler delays) and still agree on its slot. */
    private static final Duration SKEW = Duration.ofSeconds(2);

    private static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName();

    private final JdbcClient jdbc;
    private final Clock clock;

    ScheduledRuns(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** True when this instance is the one to run the job for its current slot; in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean claim(String job, String cron) {
        ZonedDateTime slot = slot(cron, ZonedDateTime.now(clock));
        return jdbc.sql("""
                                insert into scheduled_run (job, slot, instance) values (?, ?, ?)
                                on conflict (job, slot) do nothing
                                """)
                        .params(job, Timestamp.from(slot.toInstant()), INSTANCE)
                        .update()
                == 1;
    }

    /** The due time the job fired for: the cron's first time after a moment shortly before now. */
    static ZonedDateTime slot(String cron, ZonedDateTime now) {
        ZonedDateTime due = CronExpression.parse(cron).next(now.minus(SKEW));
        return due == null || due.isAfter(now) ? now.withNano(0) : due;
    }
}
