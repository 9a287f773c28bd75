package cn.minzheng.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.platform.SystemActor;
import cn.minzheng.shared.DataScope;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 14 C14: how many audit entries per second 50 concurrent writers append. Prints figures, asserts none of them
 * (only that the chain is intact afterwards). Skipped unless {@code -Dminzheng.benchmark=true}:
 *
 * <pre>
 * ./mvnw -pl app test -Dtest=AuditAppendBenchmark -Dminzheng.benchmark=true
 * </pre>
 *
 * <p>Two kinds of writer, each for {@link #SECONDS} seconds: a transaction that only appends one entry, and one that
 * appends an entry and then goes on with 5 ms of other work before it commits — what a page that logs a read and
 * then renders the record does. The pool has a connection for every writer, so the database is not the queue.
 */
@EnabledIfSystemProperty(named = "minzheng.benchmark", matches = "true")
@SpringBootTest(properties = "minzheng.db.pool-size=60")
class AuditAppendBenchmark {

    static final int WRITERS = 50;
    static final int SECONDS = 10;

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditLog log;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void fiftyConcurrentWriters() throws Exception {
        measure("只追加一条", 0);
        measure("追加后同一事务内继续工作 5 ms", 5);
        ChainVerification verification = SystemActor.call(DataScope.of("610113"), log::verifyChain, "AUDIT_ADMIN");
        System.out.println("[audit-append] " + verification.summary());
        assertThat(verification.intact()).isTrue();
    }

    private void measure(String label, int workMillis) throws InterruptedException {
        AtomicLong appended = new AtomicLong();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                while (System.nanoTime() < deadline) {
                    long began = System.nanoTime();
                    SystemActor.run(
                            DataScope.of("610113"),
                            () -> transactions.executeWithoutResult(status -> {
                                trail.record(AuditEvent.success("BENCHMARK_APPEND", "writer", writer));
                                if (workMillis > 0) {
                                    jdbc.sql("select pg_sleep(?)")
                                            .param(workMillis / 1000.0)
                                            .query()
                                            .listOfRows();
                                }
                            }),
                            "DEPARTMENT_OFFICER");
                    latencies.add(System.nanoTime() - began);
                    appended.incrementAndGet();
                }
            });
            thread.start();
            threads.add(thread);
        }
        long began = System.nanoTime();
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        sorted.sort(null);
        System.out.printf(
                "[audit-append] %d 个并发写入者，%s：%d 条 / %.1f s = %.0f 条/秒；每笔事务 p50 %.1f ms，p99 %.1f ms%n",
                WRITERS,
                label,
                appended.get(),
                seconds,
                appended.get() / seconds,
                percentile(sorted, 0.50),
                percentile(sorted, 0.99));
    }

    private static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
