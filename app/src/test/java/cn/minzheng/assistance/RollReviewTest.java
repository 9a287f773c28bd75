package cn.minzheng.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.minzheng.platform.District;
import cn.minzheng.platform.SystemActor;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.test.As;
import cn.minzheng.test.TestDistrict;
import cn.minzheng.test.TestPostgresSql;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 12 §7: a roll is reviewed against last month — new, stopped and changed payees first; the reviewer approves or
 * returns it with an opinion; its generator may void it; a month with beneficiaries and no roll is flagged; the bank's
 * return file is read in the bank's own declared format.
 */
@SpringBootTest
class RollReviewTest {

    private static final YearMonth FEBRUARY = YearMonth.of(2026, 2);
    private static final YearMonth MARCH = YearMonth.of(2026, 3);
    private static final As OFFICER = new As("t_officer", "610113", "DEPARTMENT_OFFICER");
    private static final As LEADER = new As("t_leader", "610113", "DISTRICT_LEADER");

    @Autowired
    PaymentRolls rolls;

    @Autowired
    RollReview review;

    @Autowired
    BankReturns returns;

    @Autowired
    District district;

    @Autowired
    TestDistrict testDistrict;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    /** Households 1–5 from January; in March household 6 is new, 5 stops and 4 gets more. */
    @BeforeEach
    void beneficiaries() {
        testDistrict.ensure();
        SystemActor.run(
                district.scope(),
                () -> transactions.executeWithoutResult(status -> {
                    if (jdbc.queryForObject("select count(*) from assistance_status", Long.class) > 0) {
                        return;
                    }
                    for (int i = 1; i <= 6; i++) {
                        LocalDate from = i == 6
                                ? MARCH.atDay(1)
                                : FEBRUARY.minusMonths(1).atDay(1);
                        LocalDate to = i == 5 || i == 4 ? MARCH.atDay(1) : null;
                        status(i, 50_000, from, to);
                    }
                    status(4, 62_000, MARCH.atDay(1), null);
                }),
                "DEPARTMENT_OFFICER");
    }

    private void status(int household, long fen, LocalDate from, LocalDate to) {
        jdbc.update("""
                insert into assistance_status (category_code, programme_code, subject_type, subject_id, community_code,
                                               members, monthly_amount_fen, effective_from, effective_to, decision_ref)
                values ('DIBAO', 'DIBAO', 'HOUSEHOLD', ?, ?, 2, ?, ?, ?, ?)
                """, household, TestDistrict.COMMUNITY, fen, from, to, "测试决定" + household + "-" + fen);
    }

    private long roll(YearMonth month, String key) {
        return OFFICER.call(() -> rolls.generate("DIBAO", month, key)).roll().id();
    }

    @Test
    void theReviewPutsNewStoppedAndChangedPayeesFirstAgainstLastMonth() {
        long february = roll(FEBRUARY, "feb");
        LEADER.run(() -> rolls.approve(february, "已核对"));
        long march = roll(MARCH, "mar");

        RollReview.Review r = LEADER.call(() -> review.of(march, 0, 50));

        assertThat(r.previous().id()).isEqualTo(february);
        assertThat(r.changes())
                .extracting(RollReview.Line::change)
                .containsExactly(RollReview.Change.NEW, RollReview.Change.STOPPED, RollReview.Change.INCREASED);
        assertThat(r.changes().get(2).previousFen()).isEqualTo(50_000);
        assertThat(r.changes().get(2).amountFen()).isEqualTo(62_000);
        assertThat(r.changes().get(1).itemId())
                .as("a stopped payee has no item this month")
                .isNull();
        assertThat(r.unchanged()).hasSize(3);
        assertThat(r.counts()).containsEntry("SAME", 3L).containsEntry("NEW", 1L);
        assertThat(r.difference()).isEqualTo((50_000L + 62_000 + 3 * 50_000) - 5 * 50_000L);
        assertThat(LEADER.call(() -> review.of(march, 1, 2)).unchanged())
                .as("the unchanged are paged")
                .hasSize(1);
    }

    @Test
    void aReturnedRollIsCancelledWithItsOpinionAndTheMonthCanBeGeneratedAgain() {
        YearMonth may = YearMonth.of(2026, 5);
        long march = roll(may, "may-1");
        assertThatThrownBy(() -> OFFICER.call(() -> rolls.returnRoll(march, "自己退回自己")))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("不能退回自己生成的名册");
        assertThatThrownBy(() -> LEADER.call(() -> rolls.returnRoll(march, "错")))
                .hasMessageContaining("退回意见");

        PaymentRolls.Roll returned = LEADER.call(() -> rolls.returnRoll(march, "第6户的停保决定未录入，请更正后重新生成"));

        assertThat(returned.state()).isEqualTo("CANCELLED");
        assertThat(returned.stateLabel()).isEqualTo("已退回");
        assertThat(returned.cancelReason()).contains("第6户");
        assertThat(returned.cancelledBy()).isEqualTo("t_leader");
        assertThat(TestPostgresSql.queryForObject(
                        jdbc,
                        "select count(*) from payment_item where roll_id = ? and state <> 'VOIDED'",
                        Long.class,
                        march))
                .isZero();
        long again = roll(may, "may-2");
        assertThat(again).isNotEqualTo(march);
        assertThatThrownBy(() -> LEADER.call(() -> rolls.approve(march))).hasMessageContaining("已退回");
    }

    @Test
    void aPendingRollCanBeVoidedWithAReasonAndTheVoidingIsAudited() {
        long march = roll(YearMonth.of(2026, 6), "jun-void");
        assertThatThrownBy(() -> OFFICER.call(() -> rolls.voidRoll(march, ""))).hasMessageContaining("作废理由");
        PaymentRolls.Roll voided = OFFICER.call(() -> rolls.voidRoll(march, "误选了三月，应生成二月"));
        assertThat(voided.state()).isEqualTo("CANCELLED");
        assertThat(voided.cancelKind()).isEqualTo("VOIDED");
        assertThat(TestPostgresSql.queryForObject(
                        jdbc,
                        "select count(*) from audit_entry where action = 'PAYMENT_ROLL_VOIDED' and target_id = ?",
                        Long.class,
                        String.valueOf(march)))
                .isEqualTo(1);
        LEADER.run(
                () -> assertThatThrownBy(() -> rolls.voidRoll(march, "再作废一次")).isInstanceOf(Exception.class));
    }

    @Test
    void monthsWithBeneficiariesAndNoRollAreFlagged() {
        roll(YearMonth.of(2026, 8), "aug-only");
        List<PaymentRolls.MissingMonth> missing = OFFICER.call(() -> rolls.missingMonths());
        assertThat(missing)
                .extracting(m -> m.programme() + " " + m.period())
                .contains("DIBAO 2026-01", "DIBAO 2026-09")
                .doesNotContain("DIBAO 2026-08");
        assertThat(missing)
                .filteredOn(m -> m.period().equals(YearMonth.of(2026, 9)))
                .first()
                .extracting(PaymentRolls.MissingMonth::beneficiaries)
                .isEqualTo(5L);
    }

    @Test
    void theBanksReturnFileIsReadInTheBanksOwnFormat() {
        long february = roll(YearMonth.of(2026, 7), "jul-bank");
        LEADER.run(() -> rolls.approve(february));
        List<Long> items = java.util.Arrays.stream(TestPostgresSql.queryForObject(
                                jdbc,
                                "select string_agg(id::text, ',' order by id) from payment_item where roll_id = ?",
                                String.class,
                                february)
                        .split(","))
                .map(Long::valueOf)
                .toList();
        StringBuilder file = new StringBuilder("汇总|5笔|2500.00\r\n");
        for (int i = 0; i < items.size(); i++) {
            long fen = TestPostgresSql.queryForObject(
                    jdbc, "select amount_fen from payment_item where id = ?", Long.class, items.get(i));
            // the bank writes 元; the last line says one 元 less than the roll
            String amount = cn.minzheng.platform.Display.amount(i == items.size() - 1 ? fen - 100 : fen)
                    .replace(",", "");
            String result = i == 0 ? "账户已销户" : "成功";
            file.append(i + 1)
                    .append('|')
                    .append(items.get(i))
                    .append("|张三|6222000000|")
                    .append(amount)
                    .append('|')
                    .append(result)
                    .append("|\r\n");
        }
        file.append("T|").append(items.size()).append("\r\n");
        byte[] bytes = file.toString().getBytes(Charset.forName("GB18030"));

        BankReturns.Report report =
                OFFICER.call(() -> returns.reconcile(february, new ByteArrayInputStream(bytes), "SAMPLE_BANK_PIPE"));

        assertThat(report.paid()).isEqualTo(items.size() - 2);
        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.mismatched())
                .singleElement()
                .extracting(BankReturns.Problem::reason)
                .asString()
                .contains("金额不符", "元");
        assertThat(TestPostgresSql.queryForObject(
                        jdbc, "select failure_reason from payment_item where id = ?", String.class, items.get(0)))
                .isEqualTo("账户已销户");
        assertThatThrownBy(() -> OFFICER.call(() -> returns.reconcile(
                        february,
                        new ByteArrayInputStream("x|y\r\n1|2|3|4|5|不知道|\r\n".getBytes(Charset.forName("GB18030"))),
                        "SAMPLE_BANK_PIPE")))
                .hasMessageContaining("第2行");
    }
}
