package cn.minzheng.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.minzheng.platform.District;
import cn.minzheng.platform.SystemActor;
import cn.minzheng.test.Api;
import cn.minzheng.test.TestDistrict;
import cn.minzheng.test.TestPostgresSql;
import cn.minzheng.test.TestTotp;
import jakarta.servlet.http.Cookie;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 13 A10: system, security and audit administrators sign in with a password and a TOTP code (等保 2.0 三级 身份鉴别
 * d). Without the code nothing is reachable; a code works once; wrong codes lock like wrong passwords; an administrator
 * without an authenticator enrols one (QR code) at the first login and gets ten single-use recovery codes; a lost
 * authenticator is reset by two persons.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SecondFactorTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestDistrict district;

    @Autowired
    AccountManagement accounts;

    @Autowired
    District theDistrict;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        district.ensure();
    }

    private MockHttpServletResponse token(String username, String code) throws Exception {
        return mvc.perform(post("/api/v1/auth/token")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"password\":\"" + TestDistrict.PASSWORD + "\""
                                + (code == null ? "" : ",\"code\":\"" + code + "\"") + "}"))
                .andReturn()
                .getResponse();
    }

    private Cookie passwordStep(String username) throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/login")
                        .with(csrf())
                        .param("username", username)
                        .param("password", TestDistrict.PASSWORD))
                .andReturn()
                .getResponse();
        return response.getCookie("MZSESSION");
    }

    private void administrator(String username) {
        SystemActor.run(
                theDistrict.scope(),
                () -> accounts.provision(
                        List.of(new AccountManagement.Provisioned(
                                username, "测试管理员", TestDistrict.DISTRICT, Set.of(Role.SYSTEM_ADMIN))),
                        TestDistrict.PASSWORD,
                        false),
                "SYSTEM_ADMIN");
    }

    @Test
    void theCodesAreRfc6238s() {
        // RFC 6238 Appendix B, SHA-1, T = 59 s: 94287082; authenticator apps show its last six digits
        String secret =
                new Base32().encodeToString("12345678901234567890".getBytes()).replace("=", "");
        assertThat(Totp.code(secret, 59 / 30)).isEqualTo("287082");
        assertThat(Totp.code(secret, 1111111109L / 30)).isEqualTo("081804");
        assertThat(TestTotp.code(secret, 1)).isEqualTo("287082");
        assertThat(Totp.matchingStep(secret, "287082", Instant.ofEpochSecond(59), 0))
                .isEqualTo(1);
        assertThat(Totp.matchingStep(secret, "287082", Instant.ofEpochSecond(59), 1))
                .as("a step already used")
                .isEqualTo(-1);
        assertThat(Totp.matchingStep(secret, "287082", Instant.ofEpochSecond(59 + 90), 0))
                .as("three steps late")
                .isEqualTo(-1);
        assertThat(Totp.uri("民政业务平台", "admin", secret))
                .startsWith("otpauth://totp/")
                .contains("secret=" + secret)
                .contains("period=30");
    }

    @Test
    void anAdministratorsPasswordAloneGetsNoTokenAndACodeWorksOnce() throws Exception {
        assertThat(token("t_secadmin", null).getStatus()).isEqualTo(401);
        assertThat(token("t_secadmin", "000000").getStatus()).isEqualTo(401);
        String code = TestTotp.next("t_secadmin");
        MockHttpServletResponse ok = token("t_secadmin", code);
        assertThat(ok.getStatus()).isEqualTo(200);
        assertThat(ok.getContentAsString()).contains("\"token\"");
        assertThat(token("t_secadmin", code).getStatus())
                .as("the same code again")
                .isEqualTo(401);
        // two wrong codes and the replay counted: the count is cleared by the right one only
        assertThat(TestPostgresSql.queryForObject(
                        jdbc, "select failed_attempts from staff_account where username = 't_secadmin'", Integer.class))
                .isEqualTo(1);
        // other accounts are not asked for a code
        assertThat(token("t_street", null).getStatus()).isEqualTo(200);
    }

    @Test
    void aWebLoginWithoutTheCodeReachesNothing() throws Exception {
        MockHttpServletResponse first = mvc.perform(post("/login")
                        .with(csrf())
                        .param("username", "t_auditor")
                        .param("password", TestDistrict.PASSWORD))
                .andReturn()
                .getResponse();
        assertThat(first.getRedirectedUrl()).isEqualTo("/login/second-factor");
        Cookie session = first.getCookie("MZSESSION");
        assertThat(mvc.perform(get("/audit").cookie(session))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/login/second-factor");
        assertThat(mvc.perform(get("/api/v1/audit/entries").cookie(session))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        String wrong = mvc.perform(post("/login/second-factor")
                        .with(csrf())
                        .cookie(session)
                        .param("code", "123456"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(wrong).contains("动态口令不正确");
        MockHttpServletResponse right = mvc.perform(post("/login/second-factor")
                        .with(csrf())
                        .cookie(session)
                        .param("code", TestTotp.next("t_auditor")))
                .andReturn()
                .getResponse();
        assertThat(right.getRedirectedUrl()).isEqualTo("/");
        assertThat(mvc.perform(get("/audit").cookie(session))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }

    @Test
    void fiveWrongCodesLockTheAccount() throws Exception {
        administrator("tf_locked");
        SystemActor.run(
                theDistrict.scope(), () -> factors.provision("tf_locked", TestDistrict.TOTP_SECRET), "SYSTEM_ADMIN");
        for (int i = 0; i < 5; i++) {
            assertThat(token("tf_locked", "00000" + i).getStatus()).isEqualTo(401);
        }
        long step = Instant.now().getEpochSecond() / 30;
        assertThat(token("tf_locked", TestTotp.code(TestDistrict.TOTP_SECRET, step))
                        .getStatus())
                .as("locked: even the right code fails")
                .isEqualTo(401);
        assertThat(TestPostgresSql.queryForObject(
                        jdbc,
                        "select locked_until > now() from staff_account where username = 'tf_locked'",
                        Boolean.class))
                .isTrue();
    }

    @Autowired
    SecondFactors factors;

    @Test
    void anAdministratorWithoutAnAuthenticatorEnrolsAtTheFirstLoginAndGetsRecoveryCodes() throws Exception {
        administrator("tf_new");
        assertThat(token("tf_new", null).getStatus())
                .as("no token before enrolling")
                .isEqualTo(403);

        Cookie session = passwordStep("tf_new");
        assertThat(mvc.perform(get("/").cookie(session))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/account/second-factor");
        String page = mvc.perform(get("/account/second-factor").cookie(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("data:image/png;base64,");
        Matcher secret = Pattern.compile("id=\"enrol-secret\">([A-Z2-7]+)<").matcher(page);
        assertThat(secret.find()).isTrue();
        assertThat(mvc.perform(get("/account/second-factor").cookie(session))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .as("a reloaded page shows the same secret")
                .contains(secret.group(1));

        String wrong = mvc.perform(post("/account/second-factor")
                        .with(csrf())
                        .cookie(session)
                        .param("code", "000000"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(wrong).contains("动态口令不正确");
        long now = Instant.now().getEpochSecond() / 30;
        String done = mvc.perform(post("/account/second-factor")
                        .with(csrf())
                        .cookie(session)
                        .param("code", TestTotp.code(secret.group(1), now)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> recovery = Pattern.compile("<code>([0-9A-Z]{4}-[0-9A-Z]{4})</code>")
                .matcher(done)
                .results()
                .map(m -> m.group(1))
                .toList();
        assertThat(recovery).hasSize(10).doesNotHaveDuplicates();
        assertThat(mvc.perform(get("/").cookie(session))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);

        // a recovery code instead of the phone, once
        assertThat(token("tf_new", recovery.get(0)).getStatus()).isEqualTo(200);
        assertThat(token("tf_new", recovery.get(0)).getStatus()).isEqualTo(401);
        assertThat(TestPostgresSql.queryForObject(
                        jdbc,
                        "select count(*) from staff_recovery_code c join staff_account a on a.id = c.account_id"
                                + " where a.username = 'tf_new' and c.code_hash like '$2%'",
                        Long.class))
                .as("kept as bcrypt hashes only")
                .isEqualTo(10L);
    }

    @Test
    void aLostAuthenticatorIsResetByTwoPersons() throws Exception {
        Api api = new Api(mvc);
        administrator("tf_lost");
        SystemActor.run(
                theDistrict.scope(), () -> factors.provision("tf_lost", TestDistrict.TOTP_SECRET), "SYSTEM_ADMIN");
        long id = TestPostgresSql.queryForObject(
                jdbc, "select id from staff_account where username = 'tf_lost'", Long.class);
        String asked = mvc.perform(post("/api/v1/accounts/" + id + "/second-factor-reset")
                        .header("Authorization", api.bearer("t_secadmin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"手机丢失\"}"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String request = asked.replaceAll(".*\"requestId\":(\\d+).*", "$1");
        assertThat(token("tf_lost", null).getStatus())
                .as("still asks for the old factor")
                .isEqualTo(401);
        assertThat(mvc.perform(post("/api/v1/password-resets/" + request + "/approval")
                                .header("Authorization", api.bearer("t_leader")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        assertThat(token("tf_lost", null).getStatus()).as("enrol again").isEqualTo(403);
        assertThat(mvc.perform(get("/api/v1/audit/alerts").header("Authorization", api.bearer("t_auditor")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("SECOND_FACTOR_RESET");
    }
}
