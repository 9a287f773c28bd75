package cn.minzheng.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.minzheng.test.Api;
import cn.minzheng.test.TestDistrict;
import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@SpringBootTest
@AutoConfigureMockMvc
class LoginPolicyTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestDistrict district;

    @Autowired
    AccountManagement accounts;

    @Autowired
    cn.minzheng.platform.District theDistrict;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        district.ensure();
    }

    private void account(String username) {
        cn.minzheng.platform.SystemActor.run(
                theDistrict.scope(),
                () -> accounts.provision(
                        List.of(new AccountManagement.Provisioned(
                                username, "测试", TestDistrict.COMMUNITY, Set.of(Role.COMMUNITY_WORKER))),
                        TestDistrict.PASSWORD,
                        false),
                "SYSTEM_ADMIN");
    }

    private ResultActions token(String username, String password) throws Exception {
        return mvc.perform(post("/api/v1/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"));
    }

    private int auditCount(String action, String actor) {
        // The audit trail is not scoped; the application role may read it.
        return jdbc.queryForObject(
                "select count(*) from audit_entry where action = ? and actor = ?", Integer.class, action, actor);
    }

    @Test
    void locksAfterFiveFailuresForThirtyMinutesAndTheRightPasswordFailsMeanwhile() throws Exception {
        account("lock_one");
        for (int i = 1; i <= 4; i++) {
            token("lock_one", "Wrong-Password-" + i)
                    .andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("用户名或密码错误")));
        }
        String unknown = token("no_such_user", "Wrong-Password-1")
                .andExpect(status().isUnauthorized())
                .andReturn()
                .getResponse()
                .getContentAsString();
        // Issue 13 A8: a locked account gets the very answer an unknown name gets (423 told that the name exists).
        String locking = token("lock_one", "Wrong-Password-5")
                .andExpect(status().isUnauthorized())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String whileLocked = token("lock_one", TestDistrict.PASSWORD)
                .andExpect(status().isUnauthorized())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(locking).isEqualTo(unknown);
        assertThat(whileLocked).isEqualTo(unknown).contains("锁定");
        assertThat(auditCount("ACCOUNT_LOCKED", "lock_one")).isEqualTo(1);
        assertThat(auditCount("LOGIN_FAILURE", "lock_one")).isEqualTo(6);

        Integer minutes = cn.minzheng.test.TestPostgresSql.queryForObject(
                jdbc,
                "select round(extract(epoch from locked_until - now()) / 60)::int from staff_account where username = 'lock_one'",
                Integer.class);
        assertThat(minutes).isBetween(29, 30);
    }

    @Test
    void theLockEndsAfterItsTimeAndTheCountStartsAgain() throws Exception {
        account("lock_two");
        for (int i = 1; i <= 5; i++) {
            token("lock_two", "Wrong-Password-" + i);
        }
        token("lock_two", TestDistrict.PASSWORD).andExpect(status().isUnauthorized());
        // Thirty minutes pass.
        cn.minzheng.test.TestPostgresSql.execute(
                jdbc,
                "update staff_account set locked_until = now() - interval '1 second' where username = 'lock_two'");
        token("lock_two", "Wrong-Password-6").andExpect(status().isUnauthorized());
        token("lock_two", TestDistrict.PASSWORD)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.token").isNotEmpty());
    }

    @Test
    void theWebLoginShowsTheReasonInChineseAndLocksTheSameWay() throws Exception {
        account("lock_web");
        MockHttpServletResponse response = mvc.perform(post("/login")
                        .with(csrf())
                        .param("username", "lock_web")
                        .param("password", "Wrong-Password-1"))
                .andExpect(redirectedUrl("/login?error"))
                .andReturn()
                .getResponse();
        Cookie session = response.getCookie("MZSESSION");
        assertThat(session).isNotNull();
        String page = mvc.perform(get("/login?error").cookie(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("用户名或密码错误");
    }

    @Test
    void loginNeedsTheCsrfToken() throws Exception {
        // Without the token the login is not processed (a successful one goes to "/"): the form is treated as posted
        // from an expired page and the user is sent back to the login page.
        mvc.perform(post("/login").param("username", "t_street").param("password", TestDistrict.PASSWORD))
                .andExpect(redirectedUrl("/login?expired"));
        mvc.perform(post("/login")
                        .with(csrf().useInvalidToken())
                        .param("username", "t_street")
                        .param("password", TestDistrict.PASSWORD))
                .andExpect(status().isForbidden());
    }

    @Test
    void aSuccessfulLoginGetsANewSessionIdAndAnIdleTimeoutByRole() throws Exception {
        MockHttpServletResponse before = mvc.perform(get("/login")).andReturn().getResponse();
        Cookie anonymous = before.getCookie("MZSESSION");
        assertThat(anonymous).as("the login page's session, for its CSRF token").isNotNull();
        MockHttpServletResponse after = mvc.perform(post("/login")
                        .with(csrf())
                        .cookie(anonymous)
                        .param("username", "t_street")
                        .param("password", TestDistrict.PASSWORD))
                .andExpect(redirectedUrl("/"))
                .andReturn()
                .getResponse();
        Cookie signedIn = after.getCookie("MZSESSION");
        assertThat(signedIn).isNotNull();
        assertThat(signedIn.getValue()).isNotEqualTo(anonymous.getValue());
        assertThat(signedIn.isHttpOnly()).isTrue();
        mvc.perform(get("/").cookie(signedIn)).andExpect(status().isOk());
        assertThat(jdbc.queryForObject(
                        "select max_inactive_interval from spring_session where principal_name = 't_street'",
                        Integer.class))
                .isEqualTo(15 * 60);

        Cookie admin = mvc.perform(post("/login")
                        .with(csrf())
                        .param("username", "t_auditor")
                        .param("password", TestDistrict.PASSWORD))
                .andReturn()
                .getResponse()
                .getCookie("MZSESSION");
        assertThat(admin).isNotNull();
        assertThat(jdbc.queryForObject(
                        "select max_inactive_interval from spring_session where principal_name = 't_auditor'",
                        Integer.class))
                .isEqualTo(10 * 60);
    }

    @Test
    void aNewAccountMustChangeItsOneTimePasswordFirst() throws Exception {
        Api api = new Api(mvc);
        String body = mvc.perform(
                        post("/api/v1/accounts")
                                .header("Authorization", api.bearer("t_sysadmin"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"username\":\"newcomer\",\"displayName\":\"新同事\",\"scopeCode\":\"610113001001\",\"roles\":[]}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        // the creator is not told a password (issue 13 A2): a district leader issues it
        assertThat(body).doesNotContain("\"temporaryPassword\":\"");
        String request = body.replaceAll(".*\"initialPasswordRequest\"\\s*:\\s*(\\d+).*", "$1");
        String issued = mvc.perform(post("/api/v1/password-resets/" + request + "/approval")
                        .header("Authorization", api.bearer("t_leader")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String temporary = issued.replaceAll(".*\"temporaryPassword\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        token("newcomer", temporary)
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("修改密码")));
        Cookie session = mvc.perform(post("/login")
                        .with(csrf())
                        .param("username", "newcomer")
                        .param("password", temporary))
                .andExpect(redirectedUrl("/account/password"))
                .andReturn()
                .getResponse()
                .getCookie("MZSESSION");
        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(post("/account/password")
                        .with(csrf())
                        .cookie(session)
                        .param("current", temporary)
                        .param("replacement", "Fresh-Chosen-Pass42")
                        .param("confirmation", "Fresh-Chosen-Pass42"))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
        token("newcomer", "Fresh-Chosen-Pass42").andExpect(status().isOk());
    }

    @Test
    void disablingAnAccountEndsItsTokensAndRefusesItsLogin() throws Exception {
        account("leaver");
        Api api = new Api(mvc);
        String leaverToken = api.bearer("leaver");
        mvc.perform(get("/api/v1/staff").header("Authorization", leaverToken)).andExpect(status().isOk());
        long id = cn.minzheng.test.TestPostgresSql.queryForObject(
                jdbc, "select id from staff_account where username = 'leaver'", Long.class);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                                "/api/v1/accounts/" + id + "/enabled")
                        .header("Authorization", api.bearer("t_sysadmin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enabled\":false}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/staff").header("Authorization", leaverToken)).andExpect(status().isUnauthorized());
        token("leaver", TestDistrict.PASSWORD)
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("停用")));
    }

    @Test
    void anIdNumberTypedAsUserNameNeverReachesTheAuditTrail() throws Exception {
        token("11010519491231002X", "whatever-Password-1").andExpect(status().isUnauthorized());
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entry where actor like '%11010519491231002X%' or reason like '%11010519491231002X%'",
                        Integer.class))
                .isZero();
        assertThat(auditCount("LOGIN_FAILURE", "(invalid)")).isPositive();
    }
}
