package cn.minzheng.audit;

import cn.minzheng.shared.AdvisoryLocks;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Links committed entries into the chain, in order of arrival: the one writer of {@code seq}, {@code prev_hash} and
 * {@code hash}. Appending is thus a plain insert that waits for nobody (it used to hold one lock for the whole district
 * until its transaction committed), while the chain stays exactly as before: gap-free positions, each hash over the
 * previous hash and the canonical entry, verified by {@link AuditLog#verify()}.
 *
 * <p>One chainer at a time, across all instances: a pass holds a transaction-scoped advisory lock (the key the appenders
 * of earlier versions serialised on, so an older instance during a rolling upgrade cannot interleave). A pass runs
 * after every commit that appended entries (the trigger is coalesced), every second in any case, and before the chain
 * is verified or exported.
 */
@Component
class AuditChainer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditChainer.class);

    private static final int BATCH = 1_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate ownTransaction;
    private final Semaphore wake = new Semaphore(0);
    private volatile Thread worker;

    AuditChainer(JdbcClient jdbc, JdbcTemplate batch, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Asks for a pass soon (after a commit that appended entries); many requests make one pass. */
    void wake() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    /**
     * Links every entry committed so far, waiting for a pass running elsewhere to finish first.
     *
     * @return how many entries this call linked
     */
    int catchUp() {
        int total = 0;
        int linked;
        do {
            linked = pass(true);
            total += linked;
        } while (linked == BATCH);
        return total;
    }

    /** One batch in its own transaction; with {@code wait} false, returns 0 at once if another pass holds the lock. */
    private int pass(boolean wait) {
        Integer linked = ownTransaction.execute(status -> {
            if (wait) {
                jdbc.sql("select 1 from pg_advisory_xact_lock(?)")
                        .param(AdvisoryLocks.AUDIT_CHAIN)
                        .query()
                        .singleValue();
            } else if (!Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(?)")
                    .param(AdvisoryLocks.AUDIT_CHAIN)
                    .query(Boolean.class)
                    .single())) {
                return 0;
            }
            return link();
        });
        return linked == null ? 0 : linked;
    }

    private int link() {
        record Head(long seq, String hash) {}
        Head head = jdbc.sql("select seq, hash from audit_entry where seq is not null order by seq desc limit 1")
                .query(Head.class)
                .optional()
                .orElse(new Head(0, ChainHash.GENESIS));
        List<AuditEntry> pending = jdbc.sql("select * from audit_entry where seq is null order by id limit ?")
                .param(BATCH)
                .query((rs, n) -> AuditLog.map(rs))
                .list();
        if (pending.isEmpty()) {
            return 0;
        }
        List<Object[]> links = new java.util.ArrayList<>(pending.size());
        long seq = head.seq();
        String previous = head.hash();
        for (AuditEntry entry : pending) {
            seq++;
            String hash = ChainHash.of(previous, entry.chainedAt(seq, previous));
            links.add(new Object[] {seq, previous, hash, entry.id()});
            previous = hash;
        }
        batch.batchUpdate(
                "update audit_entry set seq = ?, prev_hash = ?, hash = ? where id = ? and seq is null", links);
        return pending.size();
    }

    // --- the background pass -------------------------------------------------------------------------------------

    @Override
    public void start() {
        Thread thread = new Thread(this::loop, "audit-chainer");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    @Override
    public void stop() {
        Thread thread = worker;
        worker = null;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // whatever committed meanwhile is linked by the next start, here or on another instance
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }

    private void loop() {
        while (worker == Thread.currentThread()) {
            try {
                wake.tryAcquire(1, TimeUnit.SECONDS);
                wake.drainPermits();
                while (pass(false) == BATCH) {
                    // more waiting: go on
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // the database may be restarting: the next pass links what is still waiting
                log.warn("审计链链接暂时失败，稍后重试：{}", e.getMessage());
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }
}
