package cn.minzheng.assistance;

import static cn.minzheng.assistance.Fixtures.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.minzheng.assistance.Fixtures.Member;
import cn.minzheng.resident.BulkRegistration;
import cn.minzheng.resident.Relationship;
import cn.minzheng.resident.StatusKind;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.Gender;
import cn.minzheng.test.As;
import cn.minzheng.test.TestDistrict;
import cn.minzheng.test.TestPostgresSql;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 11 A2: 单人户 only on the grounds of 《最低生活保障审核确认办法》第八条 and the 2022 通知, checked against the
 * resident file and the household's 低保边缘 recognition — the law's own examples: a grade-2 physically disabled member
 * of an edge household may apply alone; the same person in a household not recognised as 低保边缘 may not; a grade-3
 * <em>physical</em> disability is not a ground (only grade-3 intellectual or mental); an adult unemployed grade-1
 * disabled person may apply alone whatever the household; a minor may not on that ground.
 */
@SpringBootTest
class SinglePersonApplicationTest {

    @Autowired
    TestDistrict district;

    @Autowired
    Applications applications;

    @Autowired
    BulkRegistration registration;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        district.ensure();
    }

    private static BulkRegistration.Status disability(String category, int grade) {
        return new BulkRegistration.Status(StatusKind.DISABILITY, category, grade, null, LocalDate.of(2015, 1, 1));
    }

    private long[] family(String name, BulkRegistration.Status status, String born) {
        return Fixtures.household(
                registration,
                jdbc,
                Fixtures.COMMUNITY,
                Member.of(name + "父", Gender.MALE, "1960-03-01", Relationship.HEAD),
                Member.of(name, Gender.MALE, born, Relationship.CHILD).with(status));
    }

    private void recognisedAsEdge(long household) {
        TestPostgresSql.execute(
                jdbc,
                "insert into assistance_status (category_code, subject_type, subject_id, community_code, level, members,"
                        + " monthly_amount_fen, effective_from, decision_ref) values ('DIBAO_EDGE', 'HOUSEHOLD', "
                        + household + ", '" + Fixtures.COMMUNITY + "', '低保边缘', 2, 0, '2026-01-01', '雁民边缘〔2026〕1号')");
    }

    private Applications.IntakeResult single(long household, long person, SinglePersonGround ground, String note) {
        return As.street()
                .call(() -> applications.intake(new Applications.Intake(
                        CaseKind.DIBAO,
                        household,
                        person,
                        true,
                        d(11, 2),
                        "补录",
                        false,
                        null,
                        false,
                        Fixtures.materials("APPLICATION", "PROMISE", "AUTHORISATION", "ID_DOCUMENTS"),
                        null,
                        null,
                        ground,
                        note)));
    }

    @Test
    void aSeverelyDisabledMemberMayApplyAloneOnlyFromAnEdgeHousehold() {
        long[] ids = family("单户甲", disability("肢体", 2), "1990-01-01");
        assertThatThrownBy(() -> single(ids[0], ids[2], null, null))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("第八条");
        assertThatThrownBy(() -> single(ids[0], ids[2], SinglePersonGround.EDGE_SEVERE_DISABILITY, null))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("未被认定为低保边缘家庭");
        recognisedAsEdge(ids[0]);
        Applications.IntakeResult taken = single(ids[0], ids[2], SinglePersonGround.EDGE_SEVERE_DISABILITY, null);
        assertThat(taken.accepted()).isTrue();
        assertThat(taken.application().singlePerson()).isTrue();
        assertThat(taken.application().singleGround()).isEqualTo(SinglePersonGround.EDGE_SEVERE_DISABILITY);
    }

    @Test
    void gradeThreeCountsOnlyForIntellectualOrMentalDisability() {
        long[] physical = family("单户乙", disability("肢体", 3), "1990-01-01");
        recognisedAsEdge(physical[0]);
        assertThatThrownBy(() -> single(physical[0], physical[2], SinglePersonGround.EDGE_SEVERE_DISABILITY, null))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("肢体残疾3级");
        long[] mental = family("单户丙", disability("精神", 3), "1990-01-01");
        recognisedAsEdge(mental[0]);
        assertThat(single(mental[0], mental[2], SinglePersonGround.EDGE_SEVERE_DISABILITY, null)
                        .accepted())
                .isTrue();
    }

    @Test
    void anAdultUnemployedSeverelyDisabledPersonMayApplyAloneWithoutAnEdgeRecognition() {
        long[] adult = family("单户丁", disability("视力", 1), "1995-06-01");
        assertThat(single(adult[0], adult[2], SinglePersonGround.ADULT_UNEMPLOYED_SEVERELY_DISABLED, "未就业，无经营收入")
                        .accepted())
                .isTrue();
        long[] minor = family("单户戊", disability("视力", 1), "2012-06-01");
        assertThatThrownBy(() ->
                        single(minor[0], minor[2], SinglePersonGround.ADULT_UNEMPLOYED_SEVERELY_DISABLED, "未就业，无经营收入"))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("未满18周岁");
    }

    @Test
    void clergyMustHaveLivedApartAtLeastThreeYears() {
        long[] recent = family(
                "单户己",
                new BulkRegistration.Status(StatusKind.CLERGY_LIVING_APART, null, null, null, LocalDate.of(2024, 3, 1)),
                "1970-01-01");
        assertThatThrownBy(() -> single(recent[0], recent[2], SinglePersonGround.CLERGY, "某寺院常住"))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("不满三年");
        long[] longer = family(
                "单户庚",
                new BulkRegistration.Status(
                        StatusKind.CLERGY_LIVING_APART, null, null, null, LocalDate.of(2023, 11, 2)),
                "1970-01-01");
        assertThat(single(longer[0], longer[2], SinglePersonGround.CLERGY, "某寺院常住")
                        .accepted())
                .isTrue();
    }
}
