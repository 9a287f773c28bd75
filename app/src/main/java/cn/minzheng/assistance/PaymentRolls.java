package cn.minzheng.assistance;

import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.NotFound;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monthly payment rolls (发放名册). A roll is generated once per programme and month, whatever retries, concurrent clicks
 * or crashes happen: generation is one transaction that takes an advisory lock on (programme, month), returns the roll
 * a repeated request already made, and inserts its items with {@code ON CONFLICT DO NOTHING} against the unique index
 * that allows one live item per beneficiary and month. A crash rolls the whole transaction back; a retry starts clean.
 */
@Service
public class PaymentRolls {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    PaymentRolls(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public record Roll(
            long id,
            String programme,
            YearMonth period,
            String state,
            int itemCount,
            long totalFen,
            String generatedBy,
            Instant generatedAt,
            String approvedBy,
            Instant approvedAt) {}

    /** The outcome of a generation request: the roll, and whether this request created it. */
    public record Generated(Roll roll, boolean created) {}

    /** Another request (with another key) already made the roll for this programme and month. */
    public static class AlreadyGenerated extends BusinessRuleViolation {
        private final long rollId;

        AlreadyGenerated(long rollId, String programme, YearMonth period) {
            super(programme + " " + period + " 的发放名册已经生成（名册编号 " + rollId + "），不会重复生成");
            this.rollId = rollId;
        }

        public long rollId() {
            return rollId;
        }
    }

    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER')")
    @Transactional
    public Generated generate(String programme, YearMonth period, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 100) {
            throw new BusinessRuleViolation("须提供幂等键（Idempotency-Key，1–100 个字符），以免重复生成");
        }
        requireProgramme(programme);
        LocalDate first = period.atDay(1);
        // One generator at a time per programme and month, across all instances.
        jdbc.sql("select 1 from pg_advisory_xact_lock(hashtext('payment-roll:' || ? || ':' || ?))")
                .params(programme, first.toString())
                .query()
                .singleValue();
        Optional<Long> byKey = jdbc.sql("select roll_id from payment_roll_request where idempotency_key = ?")
                .param(idempotencyKey)
                .query(Long.class)
                .optional();
        if (byKey.isPresent()) {
            return new Generated(roll(byKey.get()), false);
        }
        Optional<Long> existing = jdbc.sql(
                        "select id from payment_roll where programme_code = ? and period = ? and state <> 'CANCELLED'")
                .params(programme, first)
                .query(Long.class)
                .optional();
        if (existing.isPresent()) {
            throw new AlreadyGenerated(existing.get(), programme, period);
        }
        String actor = actor();
        Instant now = clock.instant();
        long id = jdbc.sql("""
                        insert into payment_roll (programme_code, period, state, item_count, total_fen, generated_by,
                                                  generated_at)
                        values (?, ?, 'GENERATED', 0, 0, ?, ?) returning id
                        """)
                .params(programme, first, actor, Timestamp.from(now))
                .query(Long.class)
                .single();
        jdbc.sql("""
                        insert into payment_item (roll_id, programme_code, period, status_id, subject_type, subject_id,
                                                  community_code, amount_fen, state)
                        select :roll, s.programme_code, :period, s.id, s.subject_type, s.subject_id, s.community_code,
                               s.monthly_amount_fen, 'PENDING'
                        from assistance_status s
                        where s.programme_code = :programme
                          and s.effective_from <= :period
                          and (s.effective_to is null or s.effective_to > :period)
                          and s.monthly_amount_fen > 0
                        order by s.id
                        on conflict (programme_code, subject_type, subject_id, period) where state <> 'VOIDED'
                        do nothing
                        """)
                .param("roll", id)
                .param("period", first)
                .param("programme", programme)
                .update();
        jdbc.sql("""
                        update payment_roll r
                        set item_count = t.n, total_fen = t.total
                        from (select count(*) as n, coalesce(sum(amount_fen), 0) as total
                              from payment_item where roll_id = ?) t
                        where r.id = ?
                        """).params(id, id).update();
        jdbc.sql("insert into payment_roll_request (idempotency_key, roll_id, requested_by) values (?, ?, ?)")
                .params(idempotencyKey, id, actor)
                .update();
        Roll roll = roll(id);
        audit.record(AuditEvent.success("PAYMENT_ROLL_GENERATED", "payment_roll", id)
                .because(programme + " " + period + " items=" + roll.itemCount() + " fen=" + roll.totalFen()));
        return new Generated(roll, true);
    }

    /** 四眼原则: the approver is not the person who generated the roll (the database refuses it too). */
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'DISTRICT_LEADER')")
    @Transactional
    public Roll approve(long rollId) {
        Roll roll = roll(rollId);
        String actor = actor();
        if (!roll.state().equals("GENERATED")) {
            throw new BusinessRuleViolation("名册状态为“" + stateLabel(roll.state()) + "”，不能审核");
        }
        if (roll.generatedBy().equals(actor)) {
            throw new BusinessRuleViolation("生成名册的人不能审核同一名册，请由另一位工作人员审核");
        }
        jdbc.sql(
                        "update payment_roll set state = 'APPROVED', approved_by = ?, approved_at = ? where id = ? and state = 'GENERATED'")
                .params(actor, Timestamp.from(clock.instant()), rollId)
                .update();
        audit.record(AuditEvent.success("PAYMENT_ROLL_APPROVED", "payment_roll", rollId));
        return roll(rollId);
    }

    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'DISTRICT_LEADER')")
    @Transactional(readOnly = true)
    public List<Roll> list(String programme) {
        return jdbc.sql(
                        "select * from payment_roll where (cast(? as text) is null or programme_code = ?) order by period desc, id desc")
                .params(programme, programme)
                .query((rs, n) -> map(rs))
                .list();
    }

    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'DISTRICT_LEADER')")
    @Transactional(readOnly = true)
    public Roll get(long rollId) {
        return roll(rollId);
    }

    Roll roll(long id) {
        return jdbc.sql("select * from payment_roll where id = ?")
                .param(id)
                .query((rs, n) -> map(rs))
                .optional()
                .orElseThrow(() -> new NotFound("发放名册 " + id + " 不存在"));
    }

    private void requireProgramme(String programme) {
        Boolean monthly = jdbc.sql("select monthly from assistance_programme where code = ?")
                .param(programme)
                .query(Boolean.class)
                .optional()
                .orElseThrow(() -> new BusinessRuleViolation("没有救助项目 " + programme));
        if (!monthly) {
            throw new BusinessRuleViolation(programme + " 不是按月发放的项目，没有月度名册");
        }
    }

    static String stateLabel(String state) {
        return switch (state) {
            case "GENERATED" -> "已生成待审核";
            case "APPROVED" -> "已审核";
            case "CANCELLED" -> "已作废";
            default -> state;
        };
    }

    private static Roll map(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp approvedAt = rs.getTimestamp("approved_at");
        return new Roll(
                rs.getLong("id"),
                rs.getString("programme_code"),
                YearMonth.from(rs.getObject("period", LocalDate.class)),
                rs.getString("state"),
                rs.getInt("item_count"),
                rs.getLong("total_fen"),
                rs.getString("generated_by"),
                rs.getTimestamp("generated_at").toInstant(),
                rs.getString("approved_by"),
                approvedAt == null ? null : approvedAt.toInstant());
    }

    private static String actor() {
        return SecurityContextHolder.getContext().getAuthentication().getName();
    }
}
