package cn.minzheng.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import cn.minzheng.platform.District;
import cn.minzheng.platform.SystemActor;
import cn.minzheng.test.Api;
import cn.minzheng.test.As;
import cn.minzheng.test.TestDistrict;
import cn.minzheng.test.TestPostgresSql;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Issue 13 A2 and A3: 三权分立 on every path. The attacks of the black-box test, each of which must now fail: the system
 * administrator disables the security administrator to fall back into the bootstrap and grant itself a business role;
 * the security administrator resets someone's password and signs in as them; the creator of an account knows its
 * password when a business role is granted to it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SeparationOfDutiesTest {

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

    /** One for the class: each administrator signs in once (with a fresh code), not once per test. */
    static Api api;

    @BeforeEach
    void setUp() {
        district.ensure();
        if (api == null) {
            api = new Api(mvc);
        }
    }

    private MockHttpServletResponse as(String user, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.header("Authorization", api.bearer(user)))
                .andReturn()
                .getResponse();
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private long id(String username) {
        return TestPostgresSql.queryForObject(
                jdbc, "select id from staff_account where username = ?", Long.class, username);
    }

    private void provision(String username, String scope, Role role) {
        SystemActor.run(
                theDistrict.scope(),
                () -> accounts.provision(
                        List.of(new AccountManagement.Provisioned(username, "测试", scope, Set.of(role))),
                        TestDistrict.PASSWORD,
                        false),
                "SYSTEM_ADMIN");
    }

    private boolean enabled(String username) {
        return TestPostgresSql.queryForObject(
                jdbc, "select enabled from staff_account where username = ?", Boolean.class, username);
    }

    @Test
    void theLastSecurityOrAuditAdministratorCanBeNeitherDisabledNorStrippedOfTheRole() throws Exception {
        for (String admin : List.of("t_secadmin", "t_auditor")) {
            MockHttpServletResponse disable =
                    as("t_sysadmin", json(put("/api/v1/accounts/" + id(admin) + "/enabled"), "{\"enabled\":false}"));
            assertThat(disable.getStatus()).as(admin).isEqualTo(422);
            assertThat(disable.getContentAsString()).contains("三权分立");
            assertThat(enabled(admin)).isTrue();
        }
        MockHttpServletResponse strip =
                as("t_secadmin", json(put("/api/v1/accounts/" + id("t_auditor") + "/roles"), "{\"roles\":[]}"));
        assertThat(strip.getStatus()).isEqualTo(422);
        assertThat(TestPostgresSql.queryForObject(
                        jdbc,
                        "select count(*) from staff_role r join staff_account a on a.id = r.account_id"
                                + " where a.username = 't_auditor' and r.role = 'AUDIT_ADMIN'",
                        Long.class))
                .isEqualTo(1L);

        // with a second one appointed, the first may be disabled
        provision("sec_second", TestDistrict.DISTRICT, Role.SECURITY_ADMIN);
        assertThat(as(
                                "t_sysadmin",
                                json(put("/api/v1/accounts/" + id("sec_second") + "/enabled"), "{\"enabled\":false}"))
                        .getStatus())
                .isEqualTo(200);
    }

    @Test
    void withNoEnabledSecurityAdministratorTheSystemAdministratorStillCannotGrantRoles() throws Exception {
        provision("sod_target", TestDistrict.COMMUNITY, Role.COMMUNITY_WORKER);
        // the state the black-box test reached by disabling the security administrator (now refused, see above)
        TestPostgresSql.execute(
                jdbc,
                "update staff_account set enabled = false where id in"
                        + " (select account_id from staff_role where role = 'SECURITY_ADMIN')");
        MockHttpServletResponse grant = as(
                "t_sysadmin",
                json(put("/api/v1/accounts/" + id("sod_target") + "/roles"), "{\"roles\":[\"STREET_OFFICER\"]}"));
        assertThat(grant.getStatus()).isEqualTo(403);
        MockHttpServletResponse create = as(
                "t_sysadmin",
                json(
                        post("/api/v1/accounts"),
                        "{\"username\":\"sod_created\",\"displayName\":\"新人\",\"scopeCode\":\"610113001\","
                                + "\"roles\":[\"STREET_OFFICER\"]}"));
        assertThat(create.getStatus()).isEqualTo(403);
        TestPostgresSql.execute(
                jdbc,
                "update staff_account set enabled = true where id in"
                        + " (select account_id from staff_role where role = 'SECURITY_ADMIN')");
    }

    @Test
    void theCreatorOfAnAccountNeverLearnsItsPassword() throws Exception {
        MockHttpServletResponse created = as(
                "t_sysadmin",
                json(
                        post("/api/v1/accounts"),
                        "{\"username\":\"sod_new\",\"displayName\":\"新同事\",\"scopeCode\":\"610113001\",\"roles\":[]}"));
        assertThat(created.getStatus()).isEqualTo(201);
        assertThat(created.getContentAsString()).doesNotContain("\"temporaryPassword\":\"");
        // the system administrator cannot issue it either
        String request = created.getContentAsString().replaceAll(".*\"initialPasswordRequest\":(\\d+).*", "$1");
        assertThat(as("t_sysadmin", post("/api/v1/password-resets/" + request + "/approval"))
                        .getStatus())
                .isEqualTo(403);
        assertThat(TestPostgresSql.queryForObject(
                        jdbc, "select state from password_reset where id = ?", String.class, Long.parseLong(request)))
                .isEqualTo("PENDING");
    }

    @Test
    void aPasswordResetShowsTheSecurityAdministratorNothingAndNeedsADistrictLeaderWhoAlertsTheAuditor()
            throws Exception {
        provision("sod_reset", TestDistrict.COMMUNITY, Role.COMMUNITY_WORKER);
        long target = id("sod_reset");
        String before = TestPostgresSql.queryForObject(
                jdbc, "select password_hash from staff_account where id = ?", String.class, target);

        MockHttpServletResponse asked = as(
                "t_secadmin", json(post("/api/v1/accounts/" + target + "/password-reset"), "{\"reason\":\"本人遗忘密码\"}"));
        assertThat(asked.getStatus()).isEqualTo(202);
        assertThat(asked.getContentAsString()).doesNotContain("temporaryPassword");
        assertThat(TestPostgresSql.queryForObject(
                        jdbc, "select password_hash from staff_account where id = ?", String.class, target))
                .as("nothing changes before a second person approves")
                .isEqualTo(before);
        long request = Long.parseLong(asked.getContentAsString().replaceAll(".*\"requestId\":(\\d+).*", "$1"));

        // neither the security administrator nor the audit administrator can issue it
        for (String notAllowed : List.of("t_secadmin", "t_auditor", "t_sysadmin", "t_officer")) {
            assertThat(as(notAllowed, post("/api/v1/password-resets/" + request + "/approval"))
                            .getStatus())
                    .as(notAllowed)
                    .isEqualTo(403);
        }
        MockHttpServletResponse issued = as("t_leader", post("/api/v1/password-resets/" + request + "/approval"));
        assertThat(issued.getStatus()).isEqualTo(200);
        String temporary = issued.getContentAsString().replaceAll(".*\"temporaryPassword\":\"([^\"]+)\".*", "$1");
        assertThat(mvc.perform(post("/api/v1/auth/token")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"username\":\"sod_reset\",\"password\":\"" + temporary + "\"}"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .as("the one-time password works, and must be changed first")
                .contains("修改密码");
        // issued once: a second approval finds nothing
        assertThat(as("t_leader", post("/api/v1/password-resets/" + request + "/approval"))
                        .getStatus())
                .isEqualTo(404);

        String alerts = as("t_auditor", get("/api/v1/audit/alerts")).getContentAsString();
        assertThat(alerts).contains("PASSWORD_RESET_REQUESTED").contains("PASSWORD_ISSUED");
        assertThat(TestPostgresSql.queryForObject(
                        jdbc,
                        "select count(*) from audit_entry where action in ('PASSWORD_RESET_REQUESTED', 'PASSWORD_ISSUED')"
                                + " and target_id = ?",
                        Long.class,
                        Long.toString(target)))
                .isEqualTo(2L);
        String page = mvc.perform(get("/audit")
                        .with(authentication(
                                new As("t_auditor", TestDistrict.DISTRICT, "AUDIT_ADMIN").authentication())))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("待阅安全提醒").contains("有人申请重置账号密码");
    }

    @Test
    void resettingAnAdministratorsPasswordAlsoTakesTheSecondPersonAndRaisesTheAdministratorAlert() throws Exception {
        provision("sod_sysadmin", TestDistrict.DISTRICT, Role.SYSTEM_ADMIN);
        MockHttpServletResponse asked = as(
                "t_secadmin",
                json(post("/api/v1/accounts/" + id("sod_sysadmin") + "/password-reset"), "{\"reason\":\"遗忘密码\"}"));
        assertThat(asked.getStatus()).isEqualTo(202);
        assertThat(as("t_auditor", get("/api/v1/audit/alerts")).getContentAsString())
                .contains("ADMIN_PASSWORD_RESET_REQUESTED");
        // the one who asked can never approve, whatever roles a leader account also had
        long request = Long.parseLong(asked.getContentAsString().replaceAll(".*\"requestId\":(\\d+).*", "$1"));
        assertThat(TestPostgresSql.queryForObject(
                        jdbc, "select requested_by from password_reset where id = ?", String.class, request))
                .isEqualTo("t_secadmin");
    }
}
