package cn.minzheng.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.test.As;
import cn.minzheng.test.TestDistrict;
import cn.minzheng.test.TestPostgresSql;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Issue 13 A6: the black-box test buried genuine portal applications under ~200 junk posts, after which they could not
 * even be opened. Posts now need an offline CAPTCHA and are throttled per client address, phone number and community;
 * the street's inbox is paged and an application opens by its id however many came after it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PortalFloodTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    PortalApplications portal;

    @Autowired
    PortalInbox inbox;

    @Autowired
    TestDistrict district;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        district.ensure();
    }

    static String captchaId(String form) {
        Matcher id = Pattern.compile("name=\"captchaId\" value=\"([^\"]+)\"").matcher(form);
        assertThat(id.find()).as("the form carries a CAPTCHA").isTrue();
        return id.group(1);
    }

    /** What a person reads in the picture. */
    static String answer(JdbcTemplate jdbc, String captchaId) {
        return TestPostgresSql.queryForObject(
                jdbc, "select answer from captcha_challenge where id = ?", String.class, captchaId);
    }

    private static PortalSubmission submission(String community, String phone) {
        return new PortalSubmission("DIBAO", community, "网申测试", phone, 2, "家庭困难，想申请低保", true);
    }

    private MockHttpServletRequestBuilder post(String captchaId, String answer, String address) {
        return post(captchaId, answer, address, TestDistrict.OTHER_STREET_COMMUNITY);
    }

    private MockHttpServletRequestBuilder post(String captchaId, String answer, String address, String community) {
        return org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                        "/portal/assistance/applications")
                .with(csrf())
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                })
                .param("captchaId", captchaId)
                .param("captcha", answer)
                .param("programme", "TEKUN")
                .param("communityCode", community)
                .param("name", "验证码甲")
                .param("phone", "13900000001")
                .param("householdSize", "1")
                .param("situation", "独居老人，无劳动能力")
                .param("consent", "true");
    }

    private String form() throws Exception {
        return new String(
                mvc.perform(get("/portal/assistance")).andReturn().getResponse().getContentAsByteArray(),
                StandardCharsets.UTF_8);
    }

    private String body(MockHttpServletRequestBuilder request) throws Exception {
        return new String(
                mvc.perform(request).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    private long stored(String name) {
        return TestPostgresSql.queryForObject(
                jdbc, "select count(*) from assistance_portal_application where applicant_name = ?", Long.class, name);
    }

    @Test
    void aPostNeedsTheCaptchaWhichWorksOnceAndWhatWasTypedIsKept() throws Exception {
        String form = form();
        assertThat(form).contains("data:image/png;base64,");
        String id = captchaId(form);
        String right = answer(jdbc, id);
        String wrong = right.equals("00000") ? "11111" : "00000";

        String refused = body(post(id, wrong, "10.5.0.1"));
        assertThat(refused).contains("验证码不正确").contains("独居老人，无劳动能力").contains("验证码甲");
        assertThat(stored("验证码甲")).isZero();
        assertThat(body(post(id, right, "10.5.0.1")))
                .as("a challenge is used up by its first answer, right or wrong")
                .contains("验证码不正确");

        String fresh = captchaId(form());
        assertThat(body(post(fresh, answer(jdbc, fresh), "10.5.0.1"))).containsPattern("WS\\d{14}");
        assertThat(stored("验证码甲")).isEqualTo(1);
        assertThat(body(post(fresh, answer(jdbc, captchaId(form())), "10.5.0.1")))
                .as("an answer for another challenge")
                .contains("验证码不正确");
    }

    @Test
    void oneAddressOnePhoneAndOneCommunityAreThrottled() throws Exception {
        for (int i = 0; i < 5; i++) {
            portal.submit(submission(TestDistrict.COMMUNITY, "1370000100" + i), "10.6.0.1");
        }
        assertThatThrownBy(() -> portal.submit(submission(TestDistrict.COMMUNITY, "13700001009"), "10.6.0.1"))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("过于频繁");
        // rotating addresses does not help with one phone number
        for (int i = 0; i < 3; i++) {
            portal.submit(submission(TestDistrict.OTHER_STREET_COMMUNITY, "13700002000"), "10.6.1." + i);
        }
        assertThatThrownBy(
                        () -> portal.submit(submission(TestDistrict.OTHER_STREET_COMMUNITY, "13700002000"), "10.6.1.9"))
                .hasMessageContaining("过于频繁");
        // nor rotating both against one community's inbox
        long before = TestPostgresSql.queryForObject(
                jdbc,
                "select count(*) from assistance_portal_application where community_code = ?",
                Long.class,
                TestDistrict.SIBLING_COMMUNITY);
        int accepted = 0;
        for (int i = 0; i < 25; i++) {
            try {
                portal.submit(submission(TestDistrict.SIBLING_COMMUNITY, "1380000" + (3000 + i)), "10.6.2." + i);
                accepted++;
            } catch (BusinessRuleViolation e) {
                assertThat(e.getMessage()).contains("过于频繁");
            }
        }
        assertThat(before + accepted).isEqualTo(20);
        // the web form says so in Chinese, the entries kept
        String id = captchaId(form());
        assertThat(body(post(id, answer(jdbc, id), "10.6.3.1", TestDistrict.SIBLING_COMMUNITY)))
                .contains("过于频繁")
                .contains("验证码甲");
    }

    @Test
    void theInboxIsPagedAndAnApplicationOpensByItsIdWhateverCameAfterIt() throws Exception {
        long genuine = portalId(
                portal.submit(submission(TestDistrict.COMMUNITY, "13700009999")).receiptNo());
        // ~250 junk posts after it (written directly: the throttles would stop a real flood much earlier)
        TestPostgresSql.execute(
                jdbc,
                "insert into assistance_portal_application (receipt_no, query_code_hash, community_code, programme,"
                        + " applicant_name, phone_cipher, phone_masked, household_size, situation, submitted_at, state)"
                        + " select 'WSJUNK' || n, 'x', '" + TestDistrict.COMMUNITY + "', 'DIBAO', '垃圾', '\\x00',"
                        + " '137****0000', 1, '垃圾', now() + n * interval '1 second', 'SUBMITTED'"
                        + " from generate_series(1, 250) n");
        InboxPage first = As.street().call(() -> inbox.inbox(false, 0, 100));
        assertThat(first.total()).isGreaterThanOrEqualTo(251);
        assertThat(first.items()).hasSize(100).noneMatch(w -> w.id() == genuine);
        boolean found = false;
        for (int page = 0; page < first.pages(); page++) {
            int p = page;
            found |= As.street().call(() -> inbox.inbox(false, p, 100)).items().stream()
                    .anyMatch(w -> w.id() == genuine);
        }
        assertThat(found).as("every application is on some page").isTrue();
        assertThat(As.street().call(() -> inbox.get(genuine)).applicantName()).isEqualTo("网申测试");
        assertThatThrownBy(() -> As.otherStreet().call(() -> inbox.get(genuine)))
                .isInstanceOf(cn.minzheng.shared.NotFound.class);
    }

    private long portalId(String receiptNo) {
        return TestPostgresSql.queryForObject(
                jdbc, "select id from assistance_portal_application where receipt_no = ?", Long.class, receiptNo);
    }
}
