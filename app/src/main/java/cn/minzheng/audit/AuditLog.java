package cn.minzheng.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The auditors' side of the trail: browse entries, verify the chain. */
@Service
public class AuditLog {

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;
    private final ZoneId zone;
    private final AuditChainer chainer;
    private final TransactionTemplate readOnly;
    private final AuditAnchors anchors;

    AuditLog(
            JdbcClient jdbc,
            DataSource dataSource,
            java.time.Clock clock,
            AuditChainer chainer,
            PlatformTransactionManager transactions,
            AuditAnchors anchors) {
        this.jdbc = jdbc;
        this.zone = clock.getZone();
        this.chainer = chainer;
        this.anchors = anchors;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(5_000);
    }

    public record Filter(
            String action, String actor, String targetType, String targetId, LocalDate from, LocalDate to) {

        public static Filter none() {
            return new Filter(null, null, null, null, null, null);
        }
    }

    public record Page(List<AuditEntry> entries, long total, int page, int size) {

        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    @PreAuthorize("hasRole('AUDIT_ADMIN')")
    @Transactional(readOnly = true)
    public Page entries(Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (filter.action() != null && !filter.action().isBlank()) {
            where.append(" and action = ?");
            params.add(filter.action().trim());
        }
        if (filter.actor() != null && !filter.actor().isBlank()) {
            where.append(" and actor = ?");
            params.add(filter.actor().trim());
        }
        if (filter.targetType() != null && !filter.targetType().isBlank()) {
            where.append(" and target_type = ?");
            params.add(filter.targetType().trim());
        }
        if (filter.targetId() != null && !filter.targetId().isBlank()) {
            where.append(" and target_id = ?");
            params.add(filter.targetId().trim());
        }
        if (filter.from() != null) {
            where.append(" and occurred_at >= ?");
            params.add(java.sql.Timestamp.from(filter.from().atStartOfDay(zone).toInstant()));
        }
        if (filter.to() != null) {
            where.append(" and occurred_at < ?");
            params.add(java.sql.Timestamp.from(
                    filter.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        long total = jdbc.sql("select count(*) from audit_entry" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) Math.max(0, page) * size);
        List<AuditEntry> entries = jdbc.sql("select * from audit_entry" + where + " order by id desc limit ? offset ?")
                .params(pageParams)
                .query((rs, n) -> map(rs))
                .list();
        return new Page(entries, total, page, size);
    }

    @PreAuthorize("hasRole('AUDIT_ADMIN')")
    public ChainVerification verify() {
        return verifyChain();
    }

    /**
     * For the command line, where there is no signed-in auditor. Links whatever has been committed but not yet linked
     * first, so that the walk covers every entry written before the call; then compares the chain with the anchors
     * kept outside the database ({@link AuditAnchors}).
     */
    ChainVerification verifyChain() {
        chainer.catchUp();
        return readOnly.execute(status -> {
            Walker walker = new Walker();
            streaming.query("select * from audit_entry where seq is not null order by seq", rs -> {
                walker.accept(map(rs));
            });
            return anchors.check(walker.result());
        });
    }

    /** Checks each entry against the one before it; stops at the first break. */
    private static final class Walker {
        private long expectedSeq = 1;
        private String previousHash = ChainHash.GENESIS;
        private long checked;
        private Long brokenAt;
        private String problem;

        void accept(AuditEntry entry) {
            if (brokenAt != null) {
                return;
            }
            if (entry.seq() != expectedSeq) {
                fail(expectedSeq, "缺少第 " + expectedSeq + " 条记录（之后是第 " + entry.seq() + " 条），记录可能被删除");
                return;
            }
            if (!entry.prevHash().equals(previousHash)) {
                fail(entry.seq(), "前一条记录的哈希不符，记录可能被删除、插入或调换");
                return;
            }
            if (!ChainHash.of(previousHash, entry).equals(entry.hash())) {
                fail(entry.seq(), "记录内容与其哈希不符，记录可能被篡改");
                return;
            }
            checked++;
            expectedSeq++;
            previousHash = entry.hash();
        }

        private void fail(long seq, String why) {
            brokenAt = seq;
            problem = why;
        }

        ChainVerification result() {
            return new ChainVerification(brokenAt == null, checked, brokenAt, problem, expectedSeq - 1, previousHash);
        }
    }

    static AuditEntry map(ResultSet rs) throws SQLException {
        return new AuditEntry(
                rs.getLong("id"),
                (Long) rs.getObject("seq"),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("actor"),
                rs.getString("action"),
                rs.getString("target_type"),
                rs.getString("target_id"),
                rs.getString("actor_scope"),
                rs.getString("result"),
                rs.getString("reason"),
                rs.getString("client_address"),
                rs.getString("prev_hash"),
                rs.getString("hash"));
    }
}
