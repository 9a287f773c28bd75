package cn.minzheng.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.minzheng.assistance.Fixtures.Member;
import cn.minzheng.resident.BulkRegistration;
import cn.minzheng.resident.Relationship;
import cn.minzheng.shared.Gender;
import cn.minzheng.test.As;
import cn.minzheng.test.TestDistrict;
import cn.minzheng.test.TestPostgresSql;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Issue 12 §1 and §4: one case on one page. A kernel act returns to the application's page; the investigation is offered
 * only when the 入户调查 step may be taken, pre-filled (the clerk as first investigator, working-age members able to
 * work), and records the visit and takes the step in one act with the investigators entered once; a refused form comes
 * back with everything typed.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OneCasePageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestDistrict district;

    @Autowired
    BulkRegistration registration;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    java.time.Clock clock;

    @BeforeEach
    void setUp() {
        district.ensure();
    }

    private String page(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aDibaoCaseIsWorkedOnOnePageWhoseFormsKeepTheirInput() throws Exception {
        long[] h = Fixtures.household(
                registration,
                jdbc,
                TestDistrict.COMMUNITY,
                Member.of("一页甲", Gender.MALE, "1980-05-01", Relationship.HEAD),
                Member.of("一页乙", Gender.FEMALE, "1940-03-01", Relationship.PARENT));
        // 受理登记 refused (a late registration without its reason): the form comes back with the applicant chosen and
        // what was typed (the flash travels in the session, whose cookie the browser sends with the next request).
        MvcResult late = mvc.perform(multipart("/assistance/applications")
                        .param("kind", "DIBAO")
                        .param("householdId", Long.toString(h[0]))
                        .param("personId", Long.toString(h[1]))
                        .param("applicantLabel", "一页甲（家庭）")
                        .param(
                                "receivedOn",
                                java.time.LocalDate.now(clock).minusDays(3).toString())
                        .param("relativesRegister", "true")
                        .param("relativesNote", "与社区主任为表兄弟")
                        .with(authentication(As.street().authentication()))
                        .with(csrf()))
                .andReturn();
        assertThat(late.getResponse().getRedirectedUrl())
                .isEqualTo("/assistance/applications/new?kind=DIBAO#form-intake");
        String again = page(mvc.perform(get("/assistance/applications/new?kind=DIBAO")
                        .cookie(late.getResponse().getCookie("MZSESSION"))
                        .with(authentication(As.street().authentication())))
                .andReturn());
        assertThat(again)
                .contains("未能办理", "补录原因", "与社区主任为表兄弟", "一页甲（家庭）", "请重新选择材料文件")
                .containsPattern("name=\"relativesRegister\"[^>]*checked")
                .contains("value=\"" + h[0] + "\"");

        var intake = multipart("/assistance/applications")
                .param("kind", "DIBAO")
                .param("householdId", Long.toString(h[0]))
                .with(authentication(As.street().authentication()))
                .with(csrf());
        for (String kind : new String[] {"APPLICATION", "PROMISE", "AUTHORISATION", "ID_DOCUMENTS"}) {
            intake.file(new MockMultipartFile("file_" + kind, "材料.pdf", "application/pdf", Fixtures.pdf(kind)));
        }
        String applicationPage = mvc.perform(intake).andReturn().getResponse().getRedirectedUrl();
        long applicationId = Long.parseLong(applicationPage.substring(applicationPage.lastIndexOf('/') + 1));
        long caseId = TestPostgresSql.queryForObject(
                jdbc, "select case_id from assistance_application where id = ?", Long.class, applicationId);

        // Before the investigation has started, the investigation form is not offered.
        String accepted = page(
                mvc.perform(get(applicationPage).with(authentication(As.street().authentication())))
                        .andReturn());
        assertThat(accepted).contains("现在可以办理", "启动调查核实").doesNotContain("id=\"form-homeVisit\"");

        // A kernel step taken from the page comes back to the same page.
        MvcResult started = mvc.perform(post("/procedure/cases/{id}/steps/START_INVESTIGATION", caseId)
                        .with(authentication(As.street().authentication()))
                        .with(csrf()))
                .andReturn();
        assertThat(started.getResponse().getRedirectedUrl()).isEqualTo(applicationPage);
        assertThat(mvc.perform(get("/procedure/cases/{id}", caseId)
                                .with(authentication(As.street().authentication())))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .as("the kernel's page of an assistance case is the application's page")
                .isEqualTo(applicationPage);

        String investigating = page(
                mvc.perform(get(applicationPage).with(authentication(As.street().authentication())))
                        .andReturn());
        assertThat(investigating)
                .contains("id=\"form-homeVisit\"")
                .contains("value=\"测试t_street\"")
                .as("the generic kernel form of the step is replaced by the investigation form")
                .doesNotContain("id=\"form-step-HOME_VISIT\"");
        assertThat(investigating).containsPattern("name=\"members\\[0\\]\\.ableToWork\"[^>]*checked");
        assertThat(investigating).doesNotContainPattern("name=\"members\\[1\\]\\.ableToWork\"[^>]*checked");

        // One investigator only: refused, and the form comes back with what was typed.
        MvcResult refused = mvc.perform(multipart("/assistance/applications/{id}/investigation", applicationId)
                        .param("visitedOn", java.time.LocalDate.now(clock).toString())
                        .param("investigators[0]", "测试t_street")
                        .param("members[0].residentId", Long.toString(h[1]))
                        .param("members[0].name", "一页甲")
                        .param("members[0].counted", "true")
                        .param("members[1].residentId", Long.toString(h[2]))
                        .param("members[1].name", "一页乙")
                        .param("members[1].counted", "true")
                        .param("incomes[0].member", "一页甲")
                        .param("incomes[0].kind", "WAGE")
                        .param("incomes[0].yuan", "1280.50")
                        .param("note", "申请人在家，住房为公租房")
                        .with(authentication(As.street().authentication()))
                        .with(csrf()))
                .andReturn();
        assertThat(refused.getResponse().getRedirectedUrl()).startsWith(applicationPage + "#form-homeVisit");
        assertThat((java.util.Map<String, Object>) refused.getFlashMap())
                .containsKeys("homeVisit", "openForm", "problem");
        assertThat(String.valueOf(refused.getFlashMap().get("problem"))).contains("2");
        String back = page(mvc.perform(get(applicationPage)
                        .cookie(refused.getResponse().getCookie("MZSESSION"))
                        .with(authentication(As.street().authentication())))
                .andReturn());
        assertThat(back).contains("未能办理").contains("申请人在家，住房为公租房").contains("value=\"1280.50\"");

        // Two investigators and the signed form: the visit is recorded and the step taken, in one act.
        MvcResult done = mvc.perform(multipart("/assistance/applications/{id}/investigation", applicationId)
                        .file(new MockMultipartFile("scan", "入户调查表.pdf", "application/pdf", Fixtures.pdf("入户")))
                        .param("visitedOn", java.time.LocalDate.now(clock).toString())
                        .param("investigators[0]", "测试t_street")
                        .param("investigators[1]", "社区网格员王某")
                        .param("members[0].residentId", Long.toString(h[1]))
                        .param("members[0].name", "一页甲")
                        .param("members[0].counted", "true")
                        .param("members[0].ableToWork", "true")
                        .param("members[1].residentId", Long.toString(h[2]))
                        .param("members[1].name", "一页乙")
                        .param("members[1].counted", "true")
                        .param("incomes[0].member", "一页甲")
                        .param("incomes[0].kind", "WAGE")
                        .param("incomes[0].yuan", "1280.50")
                        .param("note", "申请人在家")
                        .with(authentication(As.street().authentication()))
                        .with(csrf()))
                .andReturn();
        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo(applicationPage);
        assertThat(String.valueOf(done.getFlashMap().get("notice"))).contains("社区网格员王某");
        assertThat(TestPostgresSql.queryForObject(
                        jdbc,
                        "select count(*) from case_event where case_id = ? and step_code = 'HOME_VISIT'"
                                + " and data like '%社区网格员王某%'",
                        Long.class,
                        caseId))
                .isEqualTo(1);
        String after = page(
                mvc.perform(get(applicationPage).with(authentication(As.street().authentication())))
                        .andReturn());
        assertThat(after).contains("重新登记入户调查").contains("1,280.50");
    }
}
