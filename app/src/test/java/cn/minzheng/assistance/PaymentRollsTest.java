package cn.minzheng.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.minzheng.platform.District;
import cn.minzheng.platform.SystemActor;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.test.TestDistrict;
import cn.minzheng.test.TestPostgresSql;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** A roll pays each beneficiary once a month, whatever retries and races happen; the bank's answer is matched 1:1. */
@SpringBootTest
class PaymentRollsTest {

    private static final YearMonth DECEMBER = YearMonth.of(2026, 12);

    @Autowired
    PaymentRolls rolls;

    @Autowired
    BankReturns returns;

    @Autowired
    Reissues reissues;

    @Autowired
    District district;

    @Autowired
    TestDistrict testDistrict;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @BeforeEach
    void beneficiaries() {
        testDistrict.ensure();
        SystemActor.run(
                district.scope(),
                () -> transactions.executeWithoutResult(status -> {
                    if (jdbc.queryForObject("select count(*) from assistance_status", Long.class) > 0) {
                        return;
                    }
                    for (int i = 1; i <= 30; i++) {
                        String community = i % 3 == 0 ? TestDistrict.OTHER_STREET_COMMUNITY : TestDistrict.COMMUNITY;
                        jdbc.update("""
                        insert into assistance_status (category_code, programme_code, subject_type, subject_id,
                                                       community_code, members, monthly_amount_fen, effective_from,
                                                       decision_ref)
                        values ('DIBAO', 'DIBAO', 'HOUSEHOLD', ?, ?, 2, ?, ?, ?)
                        """, i, community, 50_000L + i, LocalDate.of(2026, 1, 1), "测试决定" + i);
                    }
                    // Ended before December: not in the roll.
                    jdbc.update("""
                    insert into assistance_status (category_code, programme_code, subject_type, subject_id, community_code,
                                                   members, monthly_amount_fen, effective_from, effective_to, decision_ref)
                    values ('DIBAO', 'DIBAO', 'HOUSEHOLD', 99, ?, 1, 40000, '2026-01-01', '2026-12-01', '停保决定')
                    """, TestDistrict.COMMUNITY);
                }),
                "DEPARTMENT_OFFICER");
    }

    private <T> T as(String user, Callable<T> work) {
        return SystemActor.call(
                district.scope(),
                () -> {
                    try {
                        return work.call();
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                "DEPARTMENT_OFFICER",
                "DISTRICT_LEADER");
    }

    private long liveItems(YearMonth month) {
        return TestPostgresSql.queryForObject(
                jdbc,
                "select count(*) from payment_item where period = ? and state <> 'VOIDED'",
                Long.class,
                month.atDay(1));
    }

    /** Issue 14 B8: a month not yet begun has no roll, so that no decision for it is left unpaid. */
    @Test
    void noRollBeforeTheMonthsCutOffDay() {
        YearMonth next = YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).plusMonths(1);
        assertThatThrownBy(() -> cn.minzheng.test.As.officer().call(() -> rolls.generate("DIBAO", next, "future")))
                .isInstanceOf(cn.minzheng.shared.BusinessRuleViolation.class)
                .hasMessageContaining("截止日")
                .hasMessageContaining("补发");
        assertThat(liveItems(next)).isZero();
    }

    /**
     * Issue 14 B8: a household decided after the month's roll was made is paid through a supplementary roll of that
     * month, approved by another officer (its bank file: BankFilesTest); the month's roll itself is not made again,
     * and nobody is paid twice.
     */
    @Test
    void aDecisionAfterTheMonthsRollIsPaidThroughASupplementaryRoll() {
        YearMonth month = YearMonth.of(2026, 3);
        cn.minzheng.test.As officer = cn.minzheng.test.As.officer();
        PaymentRolls.Roll main = officer.call(() -> rolls.generate("DIBAO", month, "main-" + month))
                .roll();
        assertThat(main.supplementary()).isFalse();
        assertThatThrownBy(() -> officer.call(() -> rolls.generate("DIBAO", month, "supplement-none", true)))
                .hasMessageContaining("没有需要补发的对象");

        // decided after the roll: effective this month
        SystemActor.run(
                district.scope(),
                () -> transactions.executeWithoutResult(
                        status -> jdbc.update("""
                        insert into assistance_status (category_code, programme_code, subject_type, subject_id,
                                                       community_code, members, monthly_amount_fen, effective_from,
                                                       decision_ref)
                        values ('DIBAO', 'DIBAO', 'HOUSEHOLD', 501, ?, 3, 61000, ?, '月中作出的决定')
                        """, TestDistrict.COMMUNITY, month.atDay(1))),
                "DEPARTMENT_OFFICER");
        assertThatThrownBy(() -> officer.call(() -> rolls.generate("DIBAO", month, "main-again")))
                .isInstanceOf(PaymentRolls.AlreadyGenerated.class);

        PaymentRolls.Roll supplement = officer.call(() -> rolls.generate("DIBAO", month, "supplement-1", true))
                .roll();
        assertThat(supplement.supplementary()).isTrue();
        assertThat(supplement.kindLabel()).isEqualTo("补发名册（第 1 批）");
        assertThat(supplement.itemCount()).isEqualTo(1);
        assertThat(supplement.totalFen()).isEqualTo(61000);
        // the same request again: the same roll; nothing left to pay after it
        assertThat(officer.call(() -> rolls.generate("DIBAO", month, "supplement-1", true))
                        .roll()
                        .id())
                .isEqualTo(supplement.id());
        assertThatThrownBy(() -> officer.call(() -> rolls.generate("DIBAO", month, "supplement-2", true)))
                .hasMessageContaining("没有需要补发的对象");

        // the same approval: not by the one who generated it
        assertThatThrownBy(() -> officer.call(() -> rolls.approve(supplement.id())))
                .hasMessageContaining("不能审核");
        assertThat(cn.minzheng.test.As.leader()
                        .call(() -> rolls.approve(supplement.id()))
                        .state())
                .isEqualTo("APPROVED");
        assertThat(TestPostgresSql.queryForObject(
                        jdbc,
                        "select count(*) from payment_item where period = ? and subject_id = 501 and state <> 'VOIDED'",
                        Long.class,
                        month.atDay(1)))
                .isEqualTo(1);
    }

    @Test
    void concurrentAndRepeatedRequestsMakeExactlyOneRoll() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Object>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < 12; i++) {
                String key = "key-" + (i % 4);
                outcomes.add(pool.submit(() -> {
                    try {
                        return as("system", () -> rolls.generate("DIBAO", DECEMBER, key));
                    } catch (PaymentRolls.AlreadyGenerated e) {
                        return e;
                    }
                }));
            }
            List<Long> ids = new ArrayList<>();
            int created = 0;
            for (Future<Object> outcome : outcomes) {
                Object result = outcome.get();
                if (result instanceof PaymentRolls.Generated generated) {
                    ids.add(generated.roll().id());
                    created += generated.created() ? 1 : 0;
                } else {
                    ids.add(((PaymentRolls.AlreadyGenerated) result).rollId());
                }
            }
            assertThat(created).isEqualTo(1);
            assertThat(ids).containsOnly(ids.get(0));
        } finally {
            pool.shutdown();
        }
        assertThat(TestPostgresSql.queryForObject(
                        jdbc,
                        "select count(*) from payment_roll where programme_code = 'DIBAO' and period = '2026-12-01'",
                        Long.class))
                .isEqualTo(1);
        assertThat(liveItems(DECEMBER)).isEqualTo(30);
        PaymentRolls.Roll roll = as("x", () -> rolls.list("DIBAO")).get(0);
        long expected = 0;
        for (int i = 1; i <= 30; i++) {
            expected += 50_000L + i;
        }
        assertThat(roll.itemCount()).isEqualTo(30);
        assertThat(roll.totalFen()).isEqualTo(expected);
    }

    @Test
    void theSameKeyGetsTheSameRollAndAnotherKeyIsToldWhichRollExists() {
        YearMonth month = YearMonth.of(2026, 10);
        PaymentRolls.Generated first = as("x", () -> rolls.generate("DIBAO", month, "oct-1"));
        PaymentRolls.Generated again = as("x", () -> rolls.generate("DIBAO", month, "oct-1"));
        assertThat(first.created()).isTrue();
        assertThat(again.created()).isFalse();
        assertThat(again.roll().id()).isEqualTo(first.roll().id());
        assertThatThrownBy(() -> as("x", () -> rolls.generate("DIBAO", month, "oct-2")))
                .isInstanceOf(PaymentRolls.AlreadyGenerated.class)
                .hasMessageContaining("名册编号 " + first.roll().id());
    }

    @Test
    void theDatabaseAllowsOneLiveItemPerBeneficiaryAndMonth() {
        YearMonth month = YearMonth.of(2026, 9);
        long roll = as("x", () -> rolls.generate("DIBAO", month, "sep")).roll().id();
        assertThatThrownBy(() -> TestPostgresSql.execute(jdbc, """
                        insert into payment_item (roll_id, programme_code, period, status_id, subject_type, subject_id,
                                                  community_code, amount_fen, state)
                        select roll_id, programme_code, period, status_id, subject_type, subject_id, community_code,
                               amount_fen, 'PENDING' from payment_item where roll_id = %d limit 1
                        """.formatted(roll)))
                .hasMessageContaining("payment_item_one_live");
    }

    @Test
    void whoeverGeneratedARollCannotApproveIt() {
        YearMonth month = YearMonth.of(2026, 8);
        long roll = as("x", () -> rolls.generate("DIBAO", month, "aug")).roll().id();
        assertThatThrownBy(() -> as("x", () -> rolls.approve(roll)))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("不能审核同一名册");
        assertThatThrownBy(() -> TestPostgresSql.execute(
                        jdbc,
                        "update payment_roll set state = 'APPROVED', approved_by = generated_by, approved_at = now() where id = "
                                + roll))
                .hasMessageContaining("payment_roll_check");
        PaymentRolls.Roll approved = SystemActor.call(
                district.scope(),
                () -> {
                    var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
                    context.setAuthentication(
                            org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                                    .authenticated(
                                            "leader",
                                            null,
                                            List.of(
                                                    new org.springframework.security.core.authority
                                                            .SimpleGrantedAuthority("ROLE_DISTRICT_LEADER"))));
                    var previous = org.springframework.security.core.context.SecurityContextHolder.getContext();
                    org.springframework.security.core.context.SecurityContextHolder.setContext(context);
                    try {
                        return cn.minzheng.platform.DataScopes.callAs(district.scope(), () -> rolls.approve(roll));
                    } finally {
                        org.springframework.security.core.context.SecurityContextHolder.setContext(previous);
                    }
                },
                "DISTRICT_LEADER");
        assertThat(approved.state()).isEqualTo("APPROVED");
        assertThat(approved.approvedBy()).isEqualTo("leader");
    }

    @Test
    void theBanksAnswerIsMatchedOneToOneAndOddLinesAreReportedNotApplied() {
        YearMonth month = YearMonth.of(2026, 7);
        PaymentRolls.Roll generated =
                as("x", () -> rolls.generate("DIBAO", month, "jul")).roll();
        long roll = generated.id();
        assertThat(generated.itemCount())
                .as("30 current households and one that left in December")
                .isEqualTo(31);
        List<Long> items = itemsOf(roll);
        long a = items.get(0);
        long b = items.get(1);
        long c = items.get(2);
        long amountA = amountOf(a);
        long amountB = amountOf(b);
        String file = "item_id,result,amount_fen,reason\n"
                + a + ",PAID," + amountA + ",\n"
                + b + ",FAILED," + amountB + ",账户已销户\n"
                + c + ",PAID,1,\n"
                + "987654321,PAID,100,\n"
                + items.get(3) + ",PAID," + amountOf(items.get(3)) + ",\n"
                + items.get(3) + ",PAID," + amountOf(items.get(3)) + ",\n";
        BankReturns.Report report = as("x", () -> returns.reconcile(roll, stream(file)));
        assertThat(report.lines()).isEqualTo(6);
        assertThat(report.paid()).isEqualTo(1);
        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.paidFen()).isEqualTo(amountA);
        assertThat(report.mismatched()).extracting(BankReturns.Problem::itemId).containsExactly(Long.toString(c));
        assertThat(report.unknown()).extracting(BankReturns.Problem::itemId).containsExactly("987654321");
        assertThat(report.duplicates()).hasSize(2);
        assertThat(stateOf(items.get(3))).isEqualTo("PENDING");

        BankReturns.Report again = as("x", () -> returns.reconcile(roll, stream(file)));
        assertThat(again.applied())
                .as("uploading the same file twice changes nothing")
                .isZero();
        assertThat(again.alreadySettled()).hasSize(2);

        long reissued = as("x", () -> reissues.reissue(b));
        assertThat(stateOf(b)).isEqualTo("VOIDED");
        assertThat(stateOf(reissued)).isEqualTo("PENDING");
        assertThat(liveItems(month)).isEqualTo(31);
        assertThatThrownBy(() -> as("x", () -> reissues.reissue(a))).hasMessageContaining("只有发放失败的明细");
    }

    @Test
    void aBadReturnFileChangesNothing() {
        YearMonth month = YearMonth.of(2026, 6);
        long roll = as("x", () -> rolls.generate("DIBAO", month, "jun")).roll().id();
        long a = itemsOf(roll).get(0);
        assertThatThrownBy(() -> as(
                        "x",
                        () -> returns.reconcile(
                                roll,
                                stream("item_id,result,amount_fen\n" + a + ",PAID," + amountOf(a) + "\nx,PAID,abc\n"))))
                .hasMessageContaining("第3行");
        assertThat(stateOf(a)).isEqualTo("PENDING");
    }

    private List<Long> itemsOf(long roll) {
        return SystemActor.call(
                district.scope(),
                () -> transactions.execute(s -> jdbc.queryForList(
                        "select id from payment_item where roll_id = ? order by id", Long.class, roll)),
                "DEPARTMENT_OFFICER");
    }

    private long amountOf(long item) {
        return TestPostgresSql.queryForObject(
                jdbc, "select amount_fen from payment_item where id = ?", Long.class, item);
    }

    private String stateOf(long item) {
        return TestPostgresSql.queryForObject(jdbc, "select state from payment_item where id = ?", String.class, item);
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
