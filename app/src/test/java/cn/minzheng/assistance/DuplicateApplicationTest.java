package cn.minzheng.assistance;

import static cn.minzheng.assistance.Fixtures.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.minzheng.assistance.Fixtures.Member;
import cn.minzheng.resident.BulkRegistration;
import cn.minzheng.resident.Relationship;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.Gender;
import cn.minzheng.test.As;
import cn.minzheng.test.TestDistrict;
import cn.minzheng.test.TestPostgresSql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 11 A10: a household already on 低保 is not given a second 低保 application; the refusal says which status and
 * since when and sends the clerk to dynamic management; the resident's and the household's pages show what they hold.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DuplicateApplicationTest {

    @Autowired
    TestDistrict district;

    @Autowired
    Applications applications;

    @Autowired
    BulkRegistration registration;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    long[] family;
    long status;

    @BeforeEach
    void setUp() {
        district.ensure();
        family = Fixtures.household(
                registration,
                jdbc,
                Fixtures.COMMUNITY,
                Member.of("重复甲", Gender.MALE, "1970-03-01", Relationship.HEAD),
                Member.of("重复乙", Gender.FEMALE, "1972-05-01", Relationship.SPOUSE));
        status = TestPostgresSql.queryForObject(jdbc, """
                insert into assistance_status (category_code, programme_code, subject_type, subject_id, community_code,
                    level, members, monthly_amount_fen, effective_from, decision_ref)
                values ('DIBAO', 'DIBAO', 'HOUSEHOLD', ?, ?, '低保', 2, 98000, '2026-08-01', '雁民低保〔2026〕7号')
                returning id""", Long.class, family[0], Fixtures.COMMUNITY);
    }

    @Test
    void aHouseholdOnDibaoIsNotGivenASecondDibaoApplication() {
        assertThatThrownBy(() -> As.street()
                        .call(() -> applications.intake(new Applications.Intake(
                                CaseKind.DIBAO,
                                family[0],
                                null,
                                false,
                                d(11, 20),
                                "补录",
                                false,
                                null,
                                false,
                                Fixtures.materials("APPLICATION"),
                                null,
                                null))))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("该家庭已是最低生活保障对象（自2026年8月1日起，每月 980.00 元，决定文号 雁民低保〔2026〕7号）")
                .hasMessageContaining("动态管理");
        assertThat(TestPostgresSql.queryForObject(
                        jdbc,
                        "select count(*) from assistance_application where household_id = ?",
                        Long.class,
                        family[0]))
                .isZero();
        // Another programme is not a duplicate: the household may still ask for temporary aid.
        assertThat(As.street()
                        .call(() -> applications.intake(new Applications.Intake(
                                CaseKind.TEMPORARY,
                                family[0],
                                null,
                                false,
                                d(11, 20),
                                "补录",
                                false,
                                null,
                                false,
                                Fixtures.materials("APPLICATION"),
                                null,
                                new Applications.TemporaryRequest("GENERAL", 2, "家中突发火灾，衣物被毁"))))
                        .application())
                .isNotNull();
    }

    @Test
    void theResidentsAndTheHouseholdsPagesShowWhatTheyHold() throws Exception {
        for (String path : new String[] {"/households/" + family[0], "/residents/" + family[1]}) {
            String page = mvc.perform(get(path)
                            .param("purpose", "CASE_HANDLING")
                            .with(authentication(As.street().authentication())))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page)
                    .contains("社会救助（现享受）")
                    .contains("最低生活保障对象（自2026年8月1日起，每月 980.00 元")
                    .contains("/assistance/reviews?status=" + status);
        }
    }
}
