package cn.minzheng.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.minzheng.platform.District;
import cn.minzheng.platform.SystemActor;
import cn.minzheng.platform.database.DatabaseAccess;
import cn.minzheng.test.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

/** AL-2/AL-3: the trail is append-only for the application, and any tampering is found at the first broken entry. */
@SpringBootTest
class AuditChainTest {

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditLog log;

    @Autowired
    DatabaseAccess access;

    @Autowired
    District district;

    @Autowired
    TransactionTemplate transactions;

    @BeforeEach
    void someEntries() {
        for (int i = 0; i < 5; i++) {
            int n = i;
            transactions.executeWithoutResult(
                    status -> trail.recordAs("tester", AuditEvent.success("TEST_EVENT", "thing", n)));
        }
    }

    private ChainVerification verify() {
        return SystemActor.call(district.scope(), log::verify, "AUDIT_ADMIN");
    }

    private long head() {
        return verify().headSeq();
    }

    private void asSuperuser(String... sql) throws SQLException {
        String database = access.jdbcUrl().substring(access.jdbcUrl().lastIndexOf('/') + 1);
        try (Connection connection = TestPostgres.get().superuser(database);
                Statement statement = connection.createStatement()) {
            statement.execute("alter table audit_entry disable trigger user");
            try {
                for (String s : sql) {
                    statement.execute(s);
                }
            } finally {
                statement.execute("alter table audit_entry enable trigger user");
            }
        }
    }

    @Test
    void anUntouchedChainIsIntact() {
        ChainVerification result = verify();
        assertThat(result.intact()).isTrue();
        assertThat(result.entriesChecked()).isEqualTo(result.headSeq()).isGreaterThanOrEqualTo(5);
        assertThat(result.summary()).contains("审计链完整");
    }

    @Test
    void anEditedFieldIsFoundAtItsEntry() throws SQLException {
        long target = head() - 2;
        asSuperuser("update audit_entry set reason = 'edited' where seq = " + target);
        try {
            ChainVerification result = verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBrokenSeq()).isEqualTo(target);
            assertThat(result.entriesChecked()).isEqualTo(target - 1);
            assertThat(result.summary()).contains("第 " + target + " 条");
        } finally {
            asSuperuser("update audit_entry set reason = null where seq = " + target);
        }
        assertThat(verify().intact()).isTrue();
    }

    @Test
    void aDeletedEntryIsFound() throws SQLException {
        long target = head() - 1;
        asSuperuser(
                "drop table if exists audit_kept",
                "create table audit_kept as select * from audit_entry where seq = " + target,
                "delete from audit_entry where seq = " + target);
        try {
            ChainVerification result = verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBrokenSeq()).isEqualTo(target);
            assertThat(result.problem()).contains("缺少");
        } finally {
            asSuperuser("insert into audit_entry select * from audit_kept", "drop table audit_kept");
        }
    }

    @Test
    void swappedEntriesAreFound() throws SQLException {
        long a = head() - 3;
        long b = head() - 2;
        asSuperuser(
                "update audit_entry set seq = 999999999 where seq = " + a,
                "update audit_entry set seq = " + a + " where seq = " + b,
                "update audit_entry set seq = " + b + " where seq = 999999999");
        try {
            ChainVerification result = verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBrokenSeq()).isEqualTo(a);
        } finally {
            asSuperuser(
                    "update audit_entry set seq = 999999999 where seq = " + a,
                    "update audit_entry set seq = " + a + " where seq = " + b,
                    "update audit_entry set seq = " + b + " where seq = 999999999");
        }
        assertThat(verify().intact()).isTrue();
    }

    @Test
    void theApplicationRoleCannotChangeOrDeleteEntries() throws SQLException {
        try (Connection app = DriverManager.getConnection(access.jdbcUrl(), access.appUser(), access.appPassword());
                Statement statement = app.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("update audit_entry set reason = 'x' where seq = 1"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> statement.executeUpdate("delete from audit_entry where seq = 1"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> statement.executeUpdate("truncate audit_entry"))
                    .hasMessageContaining("permission denied");
        }
    }

    @Test
    void theTriggerRefusesChangesEvenFromTheOwner() throws SQLException {
        try (Connection owner =
                        DriverManager.getConnection(access.jdbcUrl(), access.ownerUser(), access.ownerPassword());
                Statement statement = owner.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("update audit_entry set reason = 'x' where seq = 1"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.executeUpdate("delete from audit_entry where seq = 1"))
                    .hasMessageContaining("append-only");
        }
    }

    @Test
    void concurrentWritersKeepOneUnbrokenChain() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<?>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                futures.add(pool.submit(() -> transactions.executeWithoutResult(
                        status -> trail.recordAs("writer", AuditEvent.success("CONCURRENT", "n", n)))));
            }
            for (var future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        ChainVerification result = verify();
        assertThat(result.intact()).isTrue();
        assertThat(result.entriesChecked()).isEqualTo(result.headSeq());
    }

    @Test
    void aWriterDoesNotWaitForAnotherWritersOpenTransaction() throws Exception {
        java.util.concurrent.CountDownLatch appended = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            // a page that logs a read first and renders the record afterwards, still inside its transaction
            java.util.concurrent.Future<?> slow = pool.submit(() -> transactions.executeWithoutResult(status -> {
                trail.recordAs("slow", AuditEvent.success("SLOW_READ", "thing", 1));
                appended.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(appended.await(30, java.util.concurrent.TimeUnit.SECONDS))
                    .isTrue();
            // used to wait on the chain lock until the slow transaction committed, which waits for this one: never
            java.util.concurrent.CompletableFuture.runAsync(() -> transactions.executeWithoutResult(
                            status -> trail.recordAs("fast", AuditEvent.success("FAST_READ", "thing", 2))))
                    .get(30, java.util.concurrent.TimeUnit.SECONDS);
            // and the chain moves on past the open transaction
            java.util.concurrent.CompletableFuture.runAsync(trail::chainPending)
                    .get(30, java.util.concurrent.TimeUnit.SECONDS);
            release.countDown();
            slow.get(30, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            release.countDown();
            pool.shutdown();
        }
        ChainVerification result = verify();
        assertThat(result.intact()).isTrue();
        assertThat(result.entriesChecked()).isEqualTo(result.headSeq());
        // the slow entry arrived first and was linked last, behind the one that committed before it
        var entries = SystemActor.call(
                        district.scope(),
                        () -> log.entries(new AuditLog.Filter(null, null, "thing", null, null, null), 0, 500),
                        "AUDIT_ADMIN")
                .entries();
        AuditEntry slowEntry = entries.stream()
                .filter(e -> e.action().equals("SLOW_READ"))
                .findFirst()
                .orElseThrow();
        AuditEntry fastEntry = entries.stream()
                .filter(e -> e.action().equals("FAST_READ"))
                .findFirst()
                .orElseThrow();
        assertThat(slowEntry.id()).isLessThan(fastEntry.id());
        assertThat(slowEntry.seq()).isGreaterThan(fastEntry.seq());
    }

    @Test
    void aRolledBackAppendLeavesNoGap() {
        transactions.executeWithoutResult(status -> {
            trail.recordAs("tester", AuditEvent.success("ROLLED_BACK", "thing", 9));
            status.setRollbackOnly();
        });
        transactions.executeWithoutResult(status -> trail.recordAs("tester", AuditEvent.success("KEPT", "thing", 10)));
        ChainVerification result = verify();
        assertThat(result.intact()).isTrue();
        assertThat(result.entriesChecked()).isEqualTo(result.headSeq());
    }

    @Test
    void theApplicationMayLinkAnEntryOnceAndChangeNothingElse() throws SQLException {
        long head = head();
        try (Connection app = DriverManager.getConnection(access.jdbcUrl(), access.appUser(), access.appPassword());
                Statement statement = app.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate(
                            "update audit_entry set seq = seq, hash = repeat('0', 64) where seq = " + head))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.executeUpdate("update audit_entry set seq = null where seq = " + head))
                    .hasMessageContaining("append-only");
        }
        assertThat(verify().intact()).isTrue();
    }

    @Test
    void controlCharactersCannotForgeLines() {
        assertThat(AuditTrail.clean("ok\r\nFAKE ENTRY\u001b[31m")).doesNotContain("\n", "\r", "\u001b");
    }
}
