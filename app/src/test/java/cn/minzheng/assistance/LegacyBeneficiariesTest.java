package cn.minzheng.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.minzheng.assistance.Fixtures.Member;
import cn.minzheng.assistance.rules.CareGrade;
import cn.minzheng.resident.BulkRegistration;
import cn.minzheng.resident.Relationship;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.Gender;
import cn.minzheng.test.As;
import cn.minzheng.test.TestDistrict;
import cn.minzheng.test.TestPostgresSql;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * 存量对象: a beneficiary approved on paper is entered with that decision's number and gets a review plan; without the
 * number, or starting mid-month or in the future, nothing is entered; only the district's officer may do it; entering
 * the same beneficiary twice opens no second status.
 */
@SpringBootTest
class LegacyBeneficiariesTest {

    @Autowired
    TestDistrict district;

    @Autowired
    LegacyBeneficiaries legacy;

    @Autowired
    BulkRegistration registration;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        district.ensure();
    }

    private long count(String sql, Object... args) {
        return TestPostgresSql.queryForObject(jdbc, sql, Long.class, args);
    }

    private static LocalDate firstOfLastMonth() {
        return LocalDate.now().withDayOfMonth(1).minusMonths(1);
    }

    private static LegacyBeneficiaries.Legacy dibao(long household, String ref, LocalDate from) {
        return new LegacyBeneficiaries.Legacy(
                CaseKind.DIBAO, household, null, 2, 90_000, 0, null, from, null, true, ref);
    }

    @Test
    void aPaperBeneficiaryIsEnteredWithItsDecisionAndReviewPlanOnce() {
        long[] family = Fixtures.household(
                registration,
                jdbc,
                Fixtures.COMMUNITY,
                Member.of("存量甲", Gender.FEMALE, "1970-03-01", Relationship.HEAD),
                Member.of("存量乙", Gender.MALE, "2012-05-01", Relationship.CHILD));
        long[] alone = Fixtures.household(
                registration, jdbc, Fixtures.COMMUNITY, Member.of("存量丙", Gender.MALE, "1940-01-01", Relationship.HEAD));
        LegacyBeneficiaries.Legacy tekun = new LegacyBeneficiaries.Legacy(
                CaseKind.TEKUN,
                null,
                alone[1],
                1,
                104_000,
                40_000,
                CareGrade.PARTIAL,
                firstOfLastMonth(),
                null,
                false,
                "雁民特困〔2020〕7号");

        int made = As.officer()
                .call(() -> legacy.register(List.of(dibao(family[0], "雁民低保〔2021〕3号", firstOfLastMonth()), tekun)));

        assertThat(made).isEqualTo(2);
        assertThat(count(
                        "select count(*) from assistance_status where subject_type = 'HOUSEHOLD' and subject_id = ?"
                                + " and programme_code = 'DIBAO' and decision_ref = '雁民低保〔2021〕3号' and members = 2"
                                + " and monthly_amount_fen = 90000 and effective_to is null",
                        family[0]))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from assistance_status where subject_type = 'PERSON' and subject_id = ?"
                                + " and decision_ref = '雁民特困〔2020〕7号' and ((programme_code = 'TEKUN'"
                                + " and monthly_amount_fen = 104000) or (programme_code = 'TEKUN_CARE'"
                                + " and level = 'PARTIAL' and monthly_amount_fen = 40000))",
                        alone[1]))
                .isEqualTo(2);
        // unstable income: reviewed every six months; 特困 once a year
        assertThat(count(
                        "select cycle_months::bigint from assistance_review_plan p join assistance_status s on s.id = p.status_id"
                                + " where s.programme_code = 'DIBAO' and s.subject_id = ?",
                        family[0]))
                .isEqualTo(6);
        assertThat(count(
                        "select cycle_months::bigint from assistance_review_plan p join assistance_status s on s.id = p.status_id"
                                + " where s.programme_code = 'TEKUN' and s.subject_id = ?",
                        alone[1]))
                .isEqualTo(12);
        assertThat(count("select count(*) from audit_entry where action = 'ASSISTANCE_LEGACY_REGISTERED'"))
                .isPositive();

        // entered again (a repeated upload): nothing new
        int again =
                As.officer().call(() -> legacy.register(List.of(dibao(family[0], "雁民低保〔2021〕3号", firstOfLastMonth()))));
        assertThat(again).isZero();
        assertThat(count(
                        "select count(*) from assistance_status where subject_type = 'HOUSEHOLD' and subject_id = ?",
                        family[0]))
                .isEqualTo(1);
    }

    @Test
    void withoutTheDecisionNumberOrWithABadStartNothingIsEntered() {
        long[] family = Fixtures.household(
                registration,
                jdbc,
                Fixtures.COMMUNITY,
                Member.of("存量丁", Gender.FEMALE, "1975-03-01", Relationship.HEAD));
        long[] other = Fixtures.household(
                registration,
                jdbc,
                Fixtures.COMMUNITY,
                Member.of("存量戊", Gender.FEMALE, "1976-03-01", Relationship.HEAD));

        // the first row is fine, the second has no decision number: the whole batch is refused
        assertThatThrownBy(() -> As.officer()
                        .call(() -> legacy.register(List.of(
                                dibao(other[0], "雁民低保〔2021〕9号", firstOfLastMonth()),
                                dibao(family[0], " ", firstOfLastMonth())))))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("文号");
        assertThatThrownBy(() -> As.officer()
                        .call(() -> legacy.register(List.of(dibao(
                                family[0], "雁民低保〔2021〕4号", firstOfLastMonth().plusDays(14))))))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("1日");
        assertThatThrownBy(() -> As.officer()
                        .call(() -> legacy.register(List.of(dibao(
                                family[0],
                                "雁民低保〔2021〕5号",
                                LocalDate.now().withDayOfMonth(1).plusMonths(1))))))
                .isInstanceOf(BusinessRuleViolation.class);
        assertThat(count(
                        "select count(*) from assistance_status where subject_type = 'HOUSEHOLD' and subject_id in (?, ?)",
                        family[0],
                        other[0]))
                .isZero();
    }

    @Test
    void onlyTheDistrictsOfficerEntersThem() {
        long[] family = Fixtures.household(
                registration,
                jdbc,
                Fixtures.COMMUNITY,
                Member.of("存量己", Gender.FEMALE, "1972-03-01", Relationship.HEAD));
        assertThatThrownBy(() -> As.street()
                        .call(() -> legacy.register(List.of(dibao(family[0], "雁民低保〔2021〕6号", firstOfLastMonth())))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(count(
                        "select count(*) from assistance_status where subject_type = 'HOUSEHOLD' and subject_id = ?",
                        family[0]))
                .isZero();
    }
}
