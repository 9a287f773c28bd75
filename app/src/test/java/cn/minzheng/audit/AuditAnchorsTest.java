package cn.minzheng.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.platform.crypto.AnchorKey;
import cn.minzheng.platform.database.DatabaseAccess;
import cn.minzheng.test.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 13 A9: the chain's head is anchored outside the database, signed with a key the database does not hold, so
 * that the database's owner can no longer cut off or rewrite the tail unnoticed — the attack the chain alone cannot
 * see, because a rewritten tail is a chain of its own.
 */
@SpringBootTest
class AuditAnchorsTest {

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditLog log;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AnchorKey key;

    @Autowired
    AuditChainer chainer;

    @Autowired
    Clock clock;

    @Autowired
    DatabaseAccess access;

    @Autowired
    TransactionTemplate transactions;

    @TempDir
    Path folder;

    AuditAnchors anchors;

    @BeforeEach
    void setUp() {
        anchors = new AuditAnchors(jdbc, chainer, key, clock, folder.resolve("audit/anchors.log"));
        entries(3);
    }

    private void entries(int count) {
        for (int i = 0; i < count; i++) {
            int n = i;
            transactions.executeWithoutResult(
                    status -> trail.recordAs("tester", AuditEvent.success("TEST_EVENT", "thing", n)));
        }
    }

    private ChainVerification verify() {
        return transactions.execute(status -> anchors.check(log.verifyChain()));
    }

    private long anchor() {
        return transactions
                .execute(status -> anchors.anchorHead())
                .orElseThrow()
                .seq();
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
    void theHeadIsAnchoredOnceInASignedLineAndTheChainMatchesIt() throws Exception {
        long head = anchor();
        java.util.Optional<AuditAnchors.Anchor> again = transactions.execute(status -> anchors.anchorHead());
        assertThat(again).as("an unchanged head is not anchored twice").isEmpty();
        List<String> lines = Files.readAllLines(folder.resolve("audit/anchors.log"), StandardCharsets.US_ASCII);
        assertThat(lines)
                .singleElement()
                .satisfies(line ->
                        assertThat(line).matches("seq=" + head + " hash=[0-9a-f]{64} at=\\S+ mac=[0-9a-f]{64}"));
        ChainVerification result = verify();
        assertThat(result.intact()).isTrue();
        assertThat(result.anchorsChecked()).isEqualTo(1);
        assertThat(result.summary()).contains("外部锚点相符");
    }

    @Test
    void aTailCutOffAfterAnAnchorIsFound() throws Exception {
        entries(2);
        long head = anchor();
        asSuperuser("delete from audit_entry where seq >= " + (head - 1));
        ChainVerification result = verify();
        assertThat(log.verifyChain().intact())
                .as("the chain alone cannot see it")
                .isTrue();
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(head);
        assertThat(result.problem()).contains("截断");
    }

    @Test
    void aRewrittenTailIsFoundAtTheAnchoredEntry() throws Exception {
        entries(2);
        long first = anchor();
        entries(2);
        long head = anchor();
        // the owner removes the last entries and writes others in their place, chained properly
        asSuperuser("delete from audit_entry where seq > " + first);
        entries(2);
        assertThat(log.verifyChain().intact())
                .as("a rewritten tail is a chain of its own")
                .isTrue();
        ChainVerification result = verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(head);
        assertThat(result.entriesChecked())
                .as("up to the last anchor that still matches")
                .isEqualTo(first);
        assertThat(result.summary()).contains("第 " + head + " 条").contains("不符");
    }

    @Test
    void anAnchorLineWithoutTheKeysSignatureIsFound() throws Exception {
        anchor();
        Path file = folder.resolve("audit/anchors.log");
        String forged = Files.readString(file).replaceAll("mac=[0-9a-f]{64}", "mac=" + "0".repeat(64));
        Files.writeString(file, forged);
        ChainVerification result = verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.summary()).contains("第 1 行").contains("签名");
    }
}
