package cn.minzheng.assistance;

import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.platform.District;
import cn.minzheng.procedure.Parameters;
import cn.minzheng.shared.AdvisoryLocks;
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

    static final String CUTOFF_DAY = "PAYMENT_ROLL_CUTOFF_DAY";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final Parameters parameters;
    private final District district;

    PaymentRolls(JdbcClient jdbc, AuditTrail audit, Clock clock, Parameters parameters, District district) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.parameters = parameters;
        this.district = district;
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
            Instant approvedAt,
            String approvalNote,
            String cancelKind,
            String cancelledBy,
            Instant cancelledAt,
            String cancelReason,
            String kind,
            Integer supplementNo) {

        public String stateLabel() {
            return state.equals("CANCELLED") && "RETURNED".equals(cancelKind) ? "已退回" : PaymentRolls.stateLabel(state);
        }

        public boolean supplementary() {
            return "SUPPLEMENTARY".equals(kind);
        }

        /** 月度名册, or 补发名册（第 n 批）. */
        public String kindLabel() {
            return supplementary() ? "补发名册（第 " + supplementNo + " 批）" : "月度名册";
        }
    }

    /** The outcome of a generation request: the roll, and whether this request created it. */
    public record Generated(Roll roll, boolean created) {}

    /** Another request (with another key) already made the roll for this programme and month. */
    public static class AlreadyGenerated extends BusinessRuleViolation {
        private final long rollId;

        AlreadyGenerated(long rollId, String programmeName, YearMonth period) {
            super(cn.minzheng.platform.Display.month(period) + programmeName + "的发放名册已经生成（名册编号 " + rollId + "），不会重复生成");
            this.rollId = rollId;
        }

        public long rollId() {
            return rollId;
        }
    }

    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER')")
    @Transactional
    public Generated generate(String programme, YearMonth period, String idempotencyKey) {
        return generate(programme, period, idempotencyKey, false);
    }

    /**
     * The month's main roll ({@code supplementary} false) — not before the month's cut-off day (a parameter), so that no
     * roll exists for a month not yet begun — or a supplementary roll (补发名册) of the beneficiaries decided for that
     * month after its main roll was made: same approval, same bank file, never a second payment for the same month.
     */
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER')")
    @Transactional
    public Generated generate(String programme, YearMonth period, String idempotencyKey, boolean supplementary) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 100) {
            throw new BusinessRuleViolation("须提供幂等键（Idempotency-Key，1–100 个字符），以免重复生成");
        }
        requireProgramme(programme);
        LocalDate first = period.atDay(1);
        // One generator at a time per programme and month, across all instances.
        jdbc.sql("select 1 from pg_advisory_xact_lock(hashtext(?))")
                .param(AdvisoryLocks.PAYMENT_ROLL + programme + ":" + first)
                .query()
                .singleValue();
        Optional<Long> byKey = jdbc.sql("select roll_id from payment_roll_request where idempotency_key = ?")
                .param(idempotencyKey)
                .query(Long.class)
                .optional();
        if (byKey.isPresent()) {
            return new Generated(roll(byKey.get()), false);
        }
        Optional<Long> existing = jdbc.sql("select id from payment_roll where programme_code = ? and period = ?"
                        + " and state <> 'CANCELLED' and kind = 'MAIN'")
                .params(programme, first)
                .query(Long.class)
                .optional();
        Integer supplementNo = null;
        if (supplementary) {
            if (existing.isEmpty()) {
                throw new BusinessRuleViolation(cn.minzheng.platform.Display.month(period) + programmeName(programme)
                        + "还没有月度名册，不需要补发：请先生成该月的名册");
            }
            supplementNo = jdbc.sql("select coalesce(max(supplement_no), 0) + 1 from payment_roll"
                            + " where programme_code = ? and period = ? and kind = 'SUPPLEMENTARY'")
                    .params(programme, first)
                    .query(Integer.class)
                    .single();
        } else {
            if (existing.isPresent()) {
                throw new AlreadyGenerated(existing.get(), programmeName(programme), period);
            }
            requireCutOffReached(period);
        }
        String actor = actor();
        Instant now = clock.instant();
        long id = jdbc.sql("""
                        insert into payment_roll (programme_code, period, state, item_count, total_fen, generated_by,
                                                  generated_at, kind, supplement_no)
                        values (?, ?, 'GENERATED', 0, 0, ?, ?, ?, ?) returning id
                        """)
                .params(
                        programme,
                        first,
                        actor,
                        Timestamp.from(now),
                        supplementary ? "SUPPLEMENTARY" : "MAIN",
                        supplementNo)
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
        Roll roll = roll(id);
        if (supplementary && roll.itemCount() == 0) {
            // rolled back with this transaction: an empty supplementary roll is not made
            throw new BusinessRuleViolation(programme + " " + period + " 没有需要补发的对象：该月有效的救助对象都已在名册中");
        }
        jdbc.sql("insert into payment_roll_request (idempotency_key, roll_id, requested_by) values (?, ?, ?)")
                .params(idempotencyKey, id, actor)
                .update();
        audit.record(AuditEvent.success(
                        supplementary ? "PAYMENT_ROLL_SUPPLEMENT_GENERATED" : "PAYMENT_ROLL_GENERATED",
                        "payment_roll",
                        id)
                .because(programme + " " + period + " items=" + roll.itemCount() + " fen=" + roll.totalFen()));
        return new Generated(roll, true);
    }

    /** No main roll before the month's cut-off day: decisions made until then are in it, later ones are 补发. */
    private void requireCutOffReached(YearMonth period) {
        LocalDate today = LocalDate.now(clock);
        int day = parameters
                .find(CUTOFF_DAY, district.code(), today)
                .map(v -> v.value().intValue())
                .orElse(1);
        LocalDate cutOff = period.atDay(Math.max(1, Math.min(day, period.lengthOfMonth())));
        if (today.isBefore(cutOff)) {
            throw new BusinessRuleViolation(period.getYear() + "年" + period.getMonthValue() + "月的发放名册须在"
                    + cutOff.getYear() + "年" + cutOff.getMonthValue() + "月" + cutOff.getDayOfMonth()
                    + "日（每月名册截止日）起生成；在此之前作出的救助决定都会进入该月名册，之后作出的进入补发名册");
        }
    }

    /** 四眼原则: the approver is not the person who generated the roll (the database refuses it too). */
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'DISTRICT_LEADER')")
    @Transactional
    public Roll approve(long rollId) {
        return approve(rollId, null);
    }

    /** Approval with the reviewer's note (what was checked), kept with the roll. */
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'DISTRICT_LEADER')")
    @Transactional
    public Roll approve(long rollId, String note) {
        Roll roll = roll(rollId);
        String actor = actor();
        if (!roll.state().equals("GENERATED")) {
            throw new BusinessRuleViolation("名册状态为“" + roll.stateLabel() + "”，不能审核");
        }
        if (roll.generatedBy().equals(actor)) {
            throw new BusinessRuleViolation("生成名册的人不能审核同一名册，请由另一位工作人员审核");
        }
        jdbc.sql(
                        "update payment_roll set state = 'APPROVED', approved_by = ?, approved_at = ?, approval_note = ? where id = ? and state = 'GENERATED'")
                .params(actor, Timestamp.from(clock.instant()), blankToNull(note), rollId)
                .update();
        audit.record(AuditEvent.success("PAYMENT_ROLL_APPROVED", "payment_roll", rollId));
        return roll(rollId);
    }

    /**
     * 退回: the reviewer sends a generated roll back with an opinion (what is wrong). The roll is cancelled and its items
     * voided, so that the month can be generated again once the statuses are put right; who, when and why are kept.
     */
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'DISTRICT_LEADER')")
    @Transactional
    public Roll returnRoll(long rollId, String opinion) {
        Roll roll = roll(rollId);
        String actor = actor();
        if (roll.generatedBy().equals(actor)) {
            throw new BusinessRuleViolation("生成名册的人不能退回自己生成的名册；如需重新生成，请作废后重新生成");
        }
        return cancel(roll, "RETURNED", opinion, "退回意见", "PAYMENT_ROLL_RETURNED");
    }

    /** 作废: a generated roll not yet approved is cancelled with the reason (a wrong month, a correction pending). */
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER')")
    @Transactional
    public Roll voidRoll(long rollId, String reason) {
        return cancel(roll(rollId), "VOIDED", reason, "作废理由", "PAYMENT_ROLL_VOIDED");
    }

    private Roll cancel(Roll roll, String kind, String reason, String what, String auditAction) {
        if (!roll.state().equals("GENERATED")) {
            throw new BusinessRuleViolation("名册状态为“" + roll.stateLabel() + "”，只有待审核的名册可以退回或作废");
        }
        if (reason == null || reason.strip().length() < 4) {
            throw new BusinessRuleViolation("请写明" + what + "（至少 4 个字）");
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        update payment_roll set state = 'CANCELLED', cancel_kind = ?, cancel_reason = ?, cancelled_by = ?,
                            cancelled_at = ? where id = ? and state = 'GENERATED'
                        """).params(kind, reason.strip(), actor(), now, roll.id()).update();
        jdbc.sql("update payment_item set state = 'VOIDED', settled_at = ? where roll_id = ? and state = 'PENDING'")
                .params(now, roll.id())
                .update();
        audit.record(AuditEvent.success(auditAction, "payment_roll", roll.id()));
        return roll(roll.id());
    }

    String programmeName(String programme) {
        return jdbc.sql("select name from assistance_programme where code = ?")
                .param(programme)
                .query(String.class)
                .optional()
                .orElse(programme);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
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

    /** What generating a roll would pay: the statuses in force on the month's first day. */
    public record Preview(
            String programme, String programmeName, YearMonth period, long items, long totalFen, Roll existing) {}

    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER')")
    @Transactional(readOnly = true)
    public Preview preview(String programme, YearMonth period) {
        requireProgramme(programme);
        LocalDate first = period.atDay(1);
        record Sum(long items, long total) {}
        Sum sum = jdbc.sql("""
                        select count(*) as items, coalesce(sum(monthly_amount_fen), 0) as total from assistance_status s
                        where s.programme_code = ? and s.effective_from <= ? and (s.effective_to is null or s.effective_to > ?)
                          and s.monthly_amount_fen > 0
                        """).params(programme, first, first).query(Sum.class).single();
        Roll existing = jdbc.sql(
                        "select * from payment_roll where programme_code = ? and period = ? and state <> 'CANCELLED'"
                                + " and kind = 'MAIN'")
                .params(programme, first)
                .query((rs, n) -> map(rs))
                .optional()
                .orElse(null);
        return new Preview(programme, programmeName(programme), period, sum.items(), sum.total(), existing);
    }

    /** A past month in which a monthly programme had beneficiaries but has no roll (nobody was paid). */
    public record MissingMonth(String programme, YearMonth period, long beneficiaries) {}

    /** The last twelve months before this one, for each monthly programme, that have beneficiaries and no live roll. */
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'DISTRICT_LEADER')")
    @Transactional(readOnly = true)
    public List<MissingMonth> missingMonths() {
        LocalDate thisMonth = YearMonth.now(clock).atDay(1);
        return jdbc.sql("""
                        select p.code as programme, m.month, count(s.id) as beneficiaries
                        from assistance_programme p
                        cross join generate_series(cast(? as date) - interval '12 months', cast(? as date) - interval '1 month',
                                                   interval '1 month') as m(month)
                        join assistance_status s on s.programme_code = p.code and s.monthly_amount_fen > 0
                             and s.effective_from <= m.month and (s.effective_to is null or s.effective_to > m.month)
                        where p.monthly
                          and not exists (select 1 from payment_roll r where r.programme_code = p.code
                                          and r.period = cast(m.month as date) and r.state <> 'CANCELLED')
                        group by p.code, m.month
                        order by m.month, p.code
                        """)
                .params(thisMonth, thisMonth)
                .query((rs, n) -> new MissingMonth(
                        rs.getString("programme"),
                        YearMonth.from(rs.getTimestamp("month").toLocalDateTime()),
                        rs.getLong("beneficiaries")))
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
            case "GENERATED" -> "待审核";
            case "APPROVED" -> "已审核";
            case "CANCELLED" -> "已作废";
            default -> state;
        };
    }

    static Roll map(java.sql.ResultSet rs) throws java.sql.SQLException {
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
                approvedAt == null ? null : approvedAt.toInstant(),
                rs.getString("approval_note"),
                rs.getString("cancel_kind"),
                rs.getString("cancelled_by"),
                rs.getTimestamp("cancelled_at") == null
                        ? null
                        : rs.getTimestamp("cancelled_at").toInstant(),
                rs.getString("cancel_reason"),
                rs.getString("kind"),
                (Integer) rs.getObject("supplement_no"));
    }

    private static String actor() {
        return SecurityContextHolder.getContext().getAuthentication().getName();
    }
}
