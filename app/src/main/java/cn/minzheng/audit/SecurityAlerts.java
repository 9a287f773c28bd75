package cn.minzheng.audit;

import cn.minzheng.shared.NotFound;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Alerts for the audit administrator: acts that an auditor must look at soon (a password reset, an administrator's
 * second factor reset …), shown on the home page and the audit screen until acknowledged, and written to the log. An
 * alert is raised in the caller's transaction, so it exists exactly when the act does.
 */
@Service
public class SecurityAlerts {

    private static final Logger log = LoggerFactory.getLogger(SecurityAlerts.class);

    private final JdbcClient jdbc;
    private final AuditTrail trail;
    private final Clock clock;

    SecurityAlerts(JdbcClient jdbc, AuditTrail trail, Clock clock) {
        this.jdbc = jdbc;
        this.trail = trail;
        this.clock = clock;
    }

    public record Alert(
            long id,
            Instant raisedAt,
            String kind,
            String targetType,
            String targetId,
            String actor,
            String acknowledgedBy,
            Instant acknowledgedAt) {}

    /** Raises an alert; {@code kind} has a Chinese label {@code audit.alert.<kind>} in the messages. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void raise(String kind, String targetType, Object targetId) {
        String actor = AuditTrail.currentActor();
        jdbc.sql("""
                        insert into audit_alert (raised_at, kind, target_type, target_id, actor)
                        values (?, ?, ?, ?, ?)
                        """)
                .params(
                        Timestamp.from(clock.instant()),
                        AuditTrail.clean(kind),
                        AuditTrail.clean(targetType),
                        targetId == null ? null : AuditTrail.clean(targetId.toString()),
                        AuditTrail.clean(actor))
                .update();
        log.warn("安全提醒：{}（对象 {} {}，操作人 {}）", kind, targetType, targetId, AuditTrail.clean(actor));
    }

    @PreAuthorize("hasRole('AUDIT_ADMIN')")
    @Transactional(readOnly = true)
    public List<Alert> open() {
        return jdbc.sql("select * from audit_alert where acknowledged_at is null order by raised_at desc, id desc")
                .query((rs, n) -> new Alert(
                        rs.getLong("id"),
                        rs.getTimestamp("raised_at").toInstant(),
                        rs.getString("kind"),
                        rs.getString("target_type"),
                        rs.getString("target_id"),
                        rs.getString("actor"),
                        null,
                        null))
                .list();
    }

    @PreAuthorize("hasRole('AUDIT_ADMIN')")
    @Transactional(readOnly = true)
    public long openCount() {
        return jdbc.sql("select count(*) from audit_alert where acknowledged_at is null")
                .query(Long.class)
                .single();
    }

    /** The auditor has looked at it; recorded in the trail. */
    @PreAuthorize("hasRole('AUDIT_ADMIN')")
    @Transactional
    public void acknowledge(long id) {
        int changed = jdbc.sql("""
                        update audit_alert set acknowledged_by = ?, acknowledged_at = ?
                        where id = ? and acknowledged_at is null
                        """)
                .params(AuditTrail.currentActor(), Timestamp.from(clock.instant()), id)
                .update();
        if (changed == 0) {
            throw new NotFound("没有这条待阅的安全提醒");
        }
        trail.record(AuditEvent.success("SECURITY_ALERT_ACKNOWLEDGED", "audit_alert", id));
    }
}
