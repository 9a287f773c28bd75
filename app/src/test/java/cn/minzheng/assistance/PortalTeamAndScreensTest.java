package cn.minzheng.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.minzheng.assistance.Fixtures.Member;
import cn.minzheng.resident.BulkRegistration;
import cn.minzheng.resident.Relationship;
import cn.minzheng.shared.Gender;
import cn.minzheng.shared.NotFound;
import cn.minzheng.test.As;
import cn.minzheng.test.TestDistrict;
import cn.minzheng.test.TestPostgresSql;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The public portal (apply without an account, follow one's own application with the receipt number and the query
 * code, guessing throttled), the emergency response team (phones encrypted and masked), and the screens a new user
 * goes through, rendered for real.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PortalTeamAndScreensTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestDistrict district;

    @Autowired
    PortalApplications portal;

    @Autowired
    PortalInbox inbox;

    @Autowired
    EmergencyTeam team;

    @Autowired
    BulkRegistration registration;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        district.ensure();
    }

    private String page(MvcResult result) {
        return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void aResidentAppliesOnThePortalAndFollowsOnlyTheirOwnApplication() throws Exception {
        MvcResult form = mvc.perform(get("/portal/assistance")).andReturn();
        assertThat(form.getResponse().getStatus()).isEqualTo(200);
        assertThat(page(form)).contains("网上申请社会救助").contains("查询码");

        String captchaId = PortalFloodTest.captchaId(page(form));
        MvcResult receipt = mvc.perform(post("/portal/assistance/applications")
                        .with(csrf())
                        .param("captchaId", captchaId)
                        .param("captcha", PortalFloodTest.answer(jdbc, captchaId))
                        .param("programme", "DIBAO")
                        .param("communityCode", TestDistrict.COMMUNITY)
                        .param("name", "网申甲")
                        .param("phone", "13800138000")
                        .param("householdSize", "3")
                        .param("situation", "丈夫因病失去劳动能力，家庭没有稳定收入")
                        .param("consent", "true"))
                .andReturn();
        String html = page(receipt);
        Matcher number = Pattern.compile("(WS\\d{14})").matcher(html);
        Matcher code =
                Pattern.compile("查询码</dt><dd><strong>([0-9A-Z]{8})</strong>").matcher(html);
        assertThat(number.find()).isTrue();
        assertThat(code.find()).as(html).isTrue();
        String receiptNo = number.group(1);
        String queryCode = code.group(1);
        // The phone is kept only encrypted; the code only as a hash.
        byte[] sealed = TestPostgresSql.queryForObject(
                jdbc,
                "select phone_cipher from assistance_portal_application where receipt_no = ?",
                byte[].class,
                receiptNo);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("13800138000");
        assertThat(TestPostgresSql.queryForObject(
                        jdbc,
                        "select count(*) from assistance_portal_application where query_code_hash like '%' || ? || '%'",
                        Long.class,
                        queryCode))
                .isZero();

        PortalStatus status = portal.track(receiptNo, queryCode, "10.1.1.1");
        assertThat(status.stage()).contains("等待街道");
        assertThat(status.programmeLabel()).isEqualTo("最低生活保障");

        // Guessing: five wrong codes for a receipt lock it, and then even the right code gets the same refusal.
        for (int i = 0; i < PortalApplications.RECEIPT_FAILURES; i++) {
            String address = "10.2.2." + i;
            assertThatThrownBy(() -> portal.track(receiptNo, "AAAA2222", address))
                    .isInstanceOf(NotFound.class);
        }
        assertThatThrownBy(() -> portal.track(receiptNo, queryCode, "10.3.3.3"))
                .isInstanceOf(NotFound.class)
                .hasMessageContaining("过于频繁");
        // … and one address guessing across receipts is stopped too.
        for (int i = 0; i < PortalApplications.ADDRESS_FAILURES; i++) {
            String guess = "WS2026010100000" + i;
            assertThatThrownBy(() -> portal.track(guess, "BBBB3333", "10.9.9.9"))
                    .isInstanceOf(NotFound.class);
        }
        MvcResult throttled = mvc.perform(post("/portal/assistance/track")
                        .with(csrf())
                        .with(request -> {
                            request.setRemoteAddr("10.9.9.9");
                            return request;
                        })
                        .param("receiptNo", receiptNo)
                        .param("queryCode", queryCode))
                .andReturn();
        assertThat(page(throttled)).contains("过于频繁").doesNotContain("网申甲");

        // The street sees it, masked, and can take it up at the window.
        List<WaitingApplication> waiting = As.street().call(() -> inbox.waiting(false));
        assertThat(waiting)
                .anyMatch(
                        w -> w.receiptNo().equals(receiptNo) && w.maskedPhone().equals("138****8000"));
        assertThat(As.otherStreet().call(() -> inbox.waiting(true)))
                .noneMatch(w -> w.receiptNo().equals(receiptNo));
    }

    @Test
    void respondersPhonesAreEncryptedAndMaskedAndADispatchRecordsArrival() {
        EmergencyTeam.Responder r = As.street()
                .call(() -> team.enrol(
                        new EmergencyTeam.NewResponder(TestDistrict.COMMUNITY, "队员甲", "13912345678", "医护", null)));
        assertThat(r.maskedPhone()).isEqualTo("139****5678");
        byte[] sealed = TestPostgresSql.queryForObject(
                jdbc, "select phone_cipher from assistance_responder where id = ?", byte[].class, r.id());
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("13912345678");
        assertThat(As.community().call(() -> team.roster(null, 100)))
                .anyMatch(x -> x.maskedPhone().equals("139****5678"));
        assertThat(As.street().call(() -> team.phone(r.id()))).isEqualTo("13912345678");
        assertThat(TestPostgresSql.queryForObject(
                        jdbc,
                        "select count(*) from audit_entry where action = 'RESPONDER_PHONE_REVEALED' and target_id = ?",
                        Long.class,
                        Long.toString(r.id())))
                .isEqualTo(1L);

        EmergencyTeam.Dispatch d = As.street()
                .call(() -> team.dispatch(new EmergencyTeam.NewDispatch(
                        TestDistrict.COMMUNITY, null, "独居老人摔倒，需送医并临时照看", "IMMEDIATE", List.of(r.id()))));
        long assignment = d.assignments().get(0).id();
        As.street().call(() -> team.record(assignment, "ACKNOWLEDGED", null));
        EmergencyTeam.Dispatch arrived = As.street().call(() -> team.record(assignment, "ARRIVED", null));
        assertThat(arrived.assignments().get(0).acknowledgedAt()).isNotNull();
        assertThat(arrived.assignments().get(0).arrivedAt()).isNotNull();
        EmergencyTeam.Dispatch closed = As.street().call(() -> team.close(d.id(), "已送医，联系家属，转临时救助"));
        assertThat(closed.state()).isEqualTo("CLOSED");
        // Another street does not see it.
        assertThatThrownBy(() -> As.otherStreet().call(() -> team.get(d.id()))).isInstanceOf(NotFound.class);
    }

    @Test
    void theScreensANewUserGoesThroughRender() throws Exception {
        long[] h = Fixtures.household(
                registration,
                jdbc,
                TestDistrict.COMMUNITY,
                Member.of("屏幕甲", Gender.MALE, "1970-01-01", Relationship.HEAD));
        MvcResult intake = mvc.perform(multipart("/assistance/applications")
                        .file(new MockMultipartFile(
                                "file_APPLICATION", "申请书.pdf", "application/pdf", Fixtures.pdf("x")))
                        .param("kind", "DIBAO")
                        .param("householdId", Long.toString(h[0]))
                        .with(authentication(As.street().authentication()))
                        .with(csrf()))
                .andReturn();
        assertThat(intake.getResponse().getStatus()).isEqualTo(302);
        String location = intake.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/assistance/applications/");
        assertThat(String.valueOf(intake.getFlashMap().get("notice")))
                .contains("一次性告知")
                .contains("家庭经济状况承诺书");

        String application =
                page(mvc.perform(get(location).with(authentication(As.street().authentication())))
                        .andReturn());
        assertThat(application)
                .contains("一次性告知")
                .contains("屏幕甲")
                .contains("入户调查")
                // one page: the act allowed now (collecting the missing materials) and the decision's place
                .contains("现在可以办理")
                .contains("收取补正材料")
                .contains("决定");
        String id = location.substring(location.lastIndexOf('/') + 1);
        MvcResult pdf = mvc.perform(get("/assistance/applications/" + id + "/correction-notice.pdf")
                        .with(authentication(As.street().authentication())))
                .andReturn();
        assertThat(pdf.getResponse().getContentType()).isEqualTo("application/pdf");
        assertThat(Fixtures.text(pdf.getResponse().getContentAsByteArray()))
                .contains("一次性告知")
                .contains("承诺书");

        for (String path : List.of(
                "/assistance/applications",
                "/assistance/applications/new?kind=TEKUN",
                "/assistance/notices",
                "/assistance/approvals",
                "/assistance/reviews",
                "/assistance/emergency",
                "/assistance/portal-applications",
                "/portal/assistance/track")) {
            MvcResult result = mvc.perform(
                            get(path).with(authentication(As.street().authentication())))
                    .andReturn();
            assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        }
        MvcResult reviews = mvc.perform(get("/assistance/reviews")
                        .with(authentication(As.officer().authentication())))
                .andReturn();
        assertThat(page(reviews)).contains("立即生成到期核查任务");
    }
}
