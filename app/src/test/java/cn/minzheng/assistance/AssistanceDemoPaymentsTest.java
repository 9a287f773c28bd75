package cn.minzheng.assistance;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.platform.District;
import cn.minzheng.platform.SystemActor;
import cn.minzheng.test.TestDistrict;
import cn.minzheng.test.TestPostgresSql;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** A year of history through the real services: rolls, four-eyes approval, bank files, reconciliation, re-issues. */
@SpringBootTest
class AssistanceDemoPaymentsTest {

    @Autowired
    AssistanceDemoPayments payments;

    @Autowired
    AssistanceStatistics statistics;

    @Autowired
    District district;

    @Autowired
    TestDistrict testDistrict;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyMonthIsPaidOnceAndTheStatisticsAddUp() {
        testDistrict.ensure();
        LocalDate start = LocalDate.now().minusMonths(14).withDayOfMonth(1);
        for (int i = 1; i <= 40; i++) {
            long head = TestPostgresSql.queryForObject(jdbc, """
                    insert into resident (community_code, name, name_pinyin, name_initials, gender, birth_date, document_type, created_by)
                    values ('%s', '示例户主', 'x', 'x', 'FEMALE', date '1965-01-01', 'NONE', 'test') returning id""".formatted(TestDistrict.COMMUNITY), Long.class);
            long household =
                    TestPostgresSql.queryForObject(jdbc, """
                    insert into household (community_code, household_no, head_id, created_by) values ('%s', 'PAY-%d', %d, 'test') returning id""".formatted(TestDistrict.COMMUNITY, i, head), Long.class);
            TestPostgresSql.execute(jdbc, """
                    insert into assistance_status (category_code, programme_code, subject_type, subject_id, community_code,
                                                   members, monthly_amount_fen, effective_from, decision_ref)
                    values ('DIBAO', 'DIBAO', 'HOUSEHOLD', %d, '%s', 2, %d, '%s', '测试')""".formatted(household, TestDistrict.COMMUNITY, 50_000 + i, start));
        }
        SystemActor.run(district.scope(), () -> payments.build("small", 7), "DEPARTMENT_OFFICER");

        assertThat(TestPostgresSql.queryForObject(
                        jdbc,
                        "select count(*) from payment_roll where programme_code = 'DIBAO' and state = 'APPROVED'",
                        Long.class))
                .isEqualTo(12);
        assertThat(TestPostgresSql.queryForObject(
                        jdbc, "select count(*) from payment_item where state in ('PENDING', 'FAILED')", Long.class))
                .as("every item paid, failed ones re-issued and paid")
                .isZero();
        assertThat(TestPostgresSql.queryForObject(jdbc, """
                        select count(*) from (select subject_id, period from payment_item where state <> 'VOIDED'
                                              group by 1, 2 having count(*) > 1) twice""", Long.class)).isZero();
        long paid = TestPostgresSql.queryForObject(
                jdbc, "select sum(amount_fen)::bigint from payment_item where state = 'PAID'", Long.class);
        int thisYear = LocalDate.now().getYear();
        long counted = SystemActor.call(
                district.scope(),
                () -> statistics.of(thisYear).paidFen()
                        + statistics.of(thisYear - 1).paidFen(),
                "DEPARTMENT_OFFICER");
        assertThat(counted).isEqualTo(paid);
        assertThat(TestPostgresSql.queryForObject(
                        jdbc, "select count(*) from payment_roll where generated_by = approved_by", Long.class))
                .isZero();
    }
}
