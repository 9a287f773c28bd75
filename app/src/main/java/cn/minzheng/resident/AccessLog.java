package cn.minzheng.resident;

import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.platform.DataScopes;
import cn.minzheng.shared.DataScope;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The access log of residents' records: who opened which record, when and why, and every revealing of a full number.
 * Written in the same transaction as the reading it records, together with an entry in the audit trail; the
 * application can only append to it. Auditors read it without seeing any personal value: it holds ids only.
 */
@Service
class AccessLog {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ZoneId zone;

    AccessLog(JdbcClient jdbc, AuditTrail audit, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.zone = clock.getZone();
        this.audit = audit;
    }

    enum Action {
        VIEW("查看档案", "RESIDENT_VIEWED"),
        REVEAL_ID_NUMBER("显示完整证件号码", "RESIDENT_ID_REVEALED"),
        REVEAL_BANK_ACCOUNT("显示完整银行账号", "RESIDENT_ACCOUNT_REVEALED");

        private final String label;
        private final String auditAction;

        Action(String label, String auditAction) {
            this.label = label;
            this.auditAction = auditAction;
        }

        String label() {
            return label;
        }
    }

    public record Entry(
            long id,
            long residentId,
            String communityCode,
            Instant accessedAt,
            String actor,
            String action,
            String actionLabel,
            String purpose,
            String purposeLabel,
            String purposeNote,
            String clientAddress) {}

    void record(long residentId, String communityCode, Action action, AccessPurpose purpose, String note) {
        String actor = SecurityContextHolder.getContext().getAuthentication().getName();
        String address = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getRemoteAddr()
                : null;
        String cleanNote = note == null || note.isBlank() ? null : PersonCheck.shorten(note.strip());
        jdbc.sql("""
                        insert into resident_access (resident_id, community_code, actor, action, purpose, purpose_note,
                                                     client_address)
                        values (?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(residentId, communityCode, actor, action.name(), purpose.name(), cleanNote, address)
                .update();
        audit.record(
                AuditEvent.success(action.auditAction, "resident", residentId).because(purpose.name()));
    }

    /**
     * One purpose for many records at once (a bank payment file): one access-log row per person, one audit entry for
     * the whole act.
     */
    void recordBulk(java.util.Collection<Long> residentIds, Action action, AccessPurpose purpose, String note) {
        String actor = SecurityContextHolder.getContext().getAuthentication().getName();
        String cleanNote = note == null || note.isBlank() ? null : PersonCheck.shorten(note.strip());
        jdbc.sql("""
                        insert into resident_access (resident_id, community_code, actor, action, purpose, purpose_note)
                        select r.id, r.community_code, ?, ?, ?, ? from resident r where r.id = any(?)
                        """)
                .params(actor, action.name(), purpose.name(), cleanNote, residentIds.toArray(Long[]::new))
                .update();
        audit.record(AuditEvent.success(action.auditAction, "resident", null)
                .because(purpose.name() + " x" + residentIds.size()));
    }

    /**
     * The log of one record (and of records merged into it). The record must lie in the caller's scope; only its
     * existence is looked at, no personal value.
     */
    @PreAuthorize(ResidentRoles.ACCESS_LOG)
    @Transactional(readOnly = true)
    public List<Entry> ofResident(long residentId) {
        boolean visible = jdbc.sql("select count(*) from resident where id = ?")
                        .param(residentId)
                        .query(Long.class)
                        .single()
                > 0;
        if (!visible) {
            throw new cn.minzheng.shared.NotFound("居民档案 " + residentId + " 不存在，或不在您的数据范围内");
        }
        return entries(new Filter(residentId, null, null, null), 500, 0);
    }

    public record Filter(Long residentId, String actor, LocalDate from, LocalDate to) {}

    /** Newest first, inside the viewer's scope. */
    @PreAuthorize(ResidentRoles.ACCESS_LOG)
    @Transactional(readOnly = true)
    public List<Entry> entries(Filter filter, int limit, int offset) {
        DataScope scope = DataScopes.current().orElseThrow();
        StringBuilder sql =
                new StringBuilder("select * from resident_access a where " + ResidentRecords.scopeCondition("a"));
        List<Object> params = new ArrayList<>(ResidentRecords.scopeParameters(scope.code()));
        if (filter.residentId() != null) {
            sql.append(" and a.resident_id = any(?)");
            // a merged record's openings belong to the survivor's log too
            List<Long> ids = new ArrayList<>(jdbc.sql("select id from resident where merged_into = ?")
                    .param(filter.residentId())
                    .query(Long.class)
                    .list());
            ids.add(filter.residentId());
            params.add(ids.toArray(Long[]::new));
        }
        if (filter.actor() != null && !filter.actor().isBlank()) {
            sql.append(" and a.actor = ?");
            params.add(filter.actor().strip());
        }
        if (filter.from() != null) {
            sql.append(" and a.accessed_at >= ?");
            params.add(java.sql.Timestamp.from(filter.from().atStartOfDay(zone).toInstant()));
        }
        if (filter.to() != null) {
            sql.append(" and a.accessed_at < ?");
            params.add(java.sql.Timestamp.from(
                    filter.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        sql.append(" order by a.accessed_at desc, a.id desc limit ? offset ?");
        params.add(limit);
        params.add(offset);
        return jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> {
                    Action action = Action.valueOf(rs.getString("action"));
                    AccessPurpose purpose = AccessPurpose.valueOf(rs.getString("purpose"));
                    return new Entry(
                            rs.getLong("id"),
                            rs.getLong("resident_id"),
                            rs.getString("community_code"),
                            rs.getTimestamp("accessed_at").toInstant(),
                            rs.getString("actor"),
                            action.name(),
                            action.label(),
                            purpose.name(),
                            purpose.label(),
                            rs.getString("purpose_note"),
                            rs.getString("client_address"));
                })
                .list();
    }
}
