package cn.minzheng.verification;

import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.NotFound;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry of the 26 kinds of data (design/verification.md): who provides each, on what schedule, the delivery in
 * service and how many records it brought. A source whose last delivery is older than its schedule allows is overdue.
 */
@Service
public class Sources {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    Sources(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public record SourceInfo(
            String code,
            String title,
            String provider,
            String ownColumns,
            DeliverySchedule schedule,
            String scheduleNote,
            int order,
            Long currentDeliveryId,
            long currentRows,
            Instant lastDeliveredAt,
            boolean overdue) {

        public String scheduleLabel() {
            return schedule.label();
        }

        public String state() {
            if (lastDeliveredAt == null) {
                return "未交付";
            }
            return overdue ? "逾期未更新" : "正常";
        }
    }

    @PreAuthorize(VerificationRoles.SOURCES_READ)
    @Transactional(readOnly = true)
    public List<SourceInfo> all() {
        return jdbc.sql("select * from verification_source order by display_order")
                .query((rs, n) -> {
                    DeliverySchedule schedule = DeliverySchedule.valueOf(rs.getString("schedule"));
                    java.sql.Timestamp last = rs.getTimestamp("last_delivered_at");
                    Instant lastAt = last == null ? null : last.toInstant();
                    return new SourceInfo(
                            rs.getString("code"),
                            rs.getString("title"),
                            rs.getString("provider"),
                            rs.getString("own_columns"),
                            schedule,
                            rs.getString("schedule_note"),
                            rs.getInt("display_order"),
                            (Long) rs.getObject("current_delivery_id"),
                            rs.getLong("current_rows"),
                            lastAt,
                            lastAt != null
                                    && lastAt.plus(schedule.days(), ChronoUnit.DAYS)
                                            .isBefore(clock.instant()));
                })
                .list();
    }

    @PreAuthorize(VerificationRoles.SOURCES_READ)
    @Transactional(readOnly = true)
    public SourceInfo find(String code) {
        return all().stream()
                .filter(s -> s.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new NotFound("数据来源 " + code + " 不存在"));
    }

    /** The agreed schedule changes (a new agreement with the department). */
    @PreAuthorize(VerificationRoles.SOURCES_WRITE)
    @Transactional
    public void changeSchedule(String code, DeliverySchedule schedule, String note) {
        if (schedule == null) {
            throw new BusinessRuleViolation("请选择交付周期");
        }
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (cleanNote != null && cleanNote.length() > 200) {
            throw new BusinessRuleViolation("说明不能超过 200 字");
        }
        int changed = jdbc.sql("update verification_source set schedule = ?, schedule_note = ? where code = ?")
                .params(schedule.name(), cleanNote, code)
                .update();
        if (changed == 0) {
            throw new NotFound("数据来源 " + code + " 不存在");
        }
        audit.record(AuditEvent.success("VERIFICATION_SOURCE_SCHEDULED", "verification_source", code)
                .because(schedule.name()));
    }
}
