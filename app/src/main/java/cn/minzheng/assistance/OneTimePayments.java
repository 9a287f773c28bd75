package cn.minzheng.assistance;

import cn.minzheng.shared.AdvisoryLocks;
import cn.minzheng.shared.BusinessRuleViolation;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 临时救助 is paid once, not monthly. Each payment is kept where the statistics count payments: as a paid item of the
 * month's "一次性救助发放登记" register for the TEMPORARY programme (one register per month, approved by the decisions
 * it holds), linked to a status row that covers the day it was paid and points at the decision. The item's period is
 * the day of payment, so two aids to one household in a month are two items; the same aid twice on one day is refused.
 */
@Component
class OneTimePayments {

    static final String REGISTER = "一次性救助登记";

    private final JdbcClient jdbc;
    private final StatusLedger ledger;
    private final Clock clock;

    OneTimePayments(JdbcClient jdbc, StatusLedger ledger, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Records the payment of an approved temporary aid; returns the payment item's id. */
    long pay(Application a, long amountFen, int members, LocalDate paidOn, String decisionRef, String level) {
        if (amountFen <= 0) {
            throw new BusinessRuleViolation("临时救助金额须大于零");
        }
        Long already = jdbc.sql("select payment_item_id from assistance_temporary where application_id = ?")
                .param(a.id())
                .query(Long.class)
                .optional()
                .orElse(null);
        if (already != null) {
            return already;
        }
        LocalDate month = paidOn.withDayOfMonth(1);
        jdbc.sql("select 1 from pg_advisory_xact_lock(hashtext(?))")
                .param(AdvisoryLocks.PAYMENT_ROLL + "TEMPORARY:" + month)
                .query()
                .singleValue();
        Timestamp now = Timestamp.from(clock.instant());
        long roll = jdbc.sql("""
                        select id from payment_roll where programme_code = 'TEMPORARY' and period = ? and state <> 'CANCELLED'
                        """)
                .param(month)
                .query(Long.class)
                .optional()
                .orElseGet(() -> jdbc.sql("""
                                insert into payment_roll (programme_code, period, state, item_count, total_fen,
                                    generated_by, generated_at, approved_by, approved_at)
                                values ('TEMPORARY', ?, 'APPROVED', 0, 0, ?, ?, '逐笔决定审批', ?) returning id
                                """)
                        .params(month, REGISTER, now, now)
                        .query(Long.class)
                        .single());
        String subjectType = a.householdId() != null && !a.singlePerson() ? "HOUSEHOLD" : "PERSON";
        long subject = "HOUSEHOLD".equals(subjectType) ? a.householdId() : a.personId();
        long status = ledger.open(new StatusLedger.NewStatus(
                "OTHER_HARDSHIP",
                "TEMPORARY",
                subjectType,
                subject,
                a.communityCode(),
                level,
                members,
                0,
                paidOn,
                paidOn.plusDays(1),
                decisionRef));
        long item;
        try {
            item = jdbc.sql("""
                            insert into payment_item (roll_id, programme_code, period, status_id, subject_type,
                                subject_id, community_code, amount_fen, state, settled_at)
                            values (?, 'TEMPORARY', ?, ?, ?, ?, ?, ?, 'PAID', ?) returning id
                            """)
                    .params(roll, paidOn, status, subjectType, subject, a.communityCode(), amountFen, now)
                    .query(Long.class)
                    .single();
        } catch (DuplicateKeyException e) {
            throw new BusinessRuleViolation("该家庭当天已发放过一笔临时救助，请核实是否重复发放");
        }
        jdbc.sql("""
                        update payment_roll r set item_count = r.item_count + 1, total_fen = r.total_fen + ?
                        where r.id = ?
                        """).params(amountFen, roll).update();
        jdbc.sql(
                        "update assistance_temporary set payment_item_id = ?, paid_fen = ?, paid_on = ? where application_id = ?")
                .params(item, amountFen, paidOn, a.id())
                .update();
        return item;
    }
}
