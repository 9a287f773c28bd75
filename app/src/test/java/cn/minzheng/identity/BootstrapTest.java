package cn.minzheng.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import cn.minzheng.test.Api;
import cn.minzheng.test.TestDistrict;
import cn.minzheng.test.TestPostgresSql;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 13 A2: the bootstrap — the system administrator appointing the first security administrator — is a one-time
 * state. In it the system administrator may appoint security and audit administrators only, never a business role;
 * once a security administrator exists it is over for good.
 */
@SpringBootTest
@AutoConfigureMockMvc
class BootstrapTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestDistrict district;

    @Autowired
    JdbcTemplate jdbc;

    private int as(Api api, String user, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder r)
            throws Exception {
        return mvc.perform(r.header("Authorization", api.bearer(user)))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    private long id(String username) {
        return TestPostgresSql.queryForObject(
                jdbc, "select id from staff_account where username = ?", Long.class, username);
    }

    @Test
    void theBootstrapAppointsAdministratorsOnlyAndEndsForGood() throws Exception {
        district.ensure();
        Api api = new Api(mvc);
        api.bearer("t_sysadmin");
        // a fresh installation: no security administrator has ever existed
        TestPostgresSql.execute(jdbc, "delete from staff_role where role = 'SECURITY_ADMIN'");
        TestPostgresSql.execute(jdbc, "delete from platform_setting where key = 'identity.bootstrap-closed'");

        long target = id("x_own");
        assertThat(as(
                        api,
                        "t_sysadmin",
                        put("/api/v1/accounts/" + target + "/roles")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"roles\":[\"COMMUNITY_WORKER\"]}")))
                .as("a business role, even in the bootstrap")
                .isEqualTo(403);

        long appointee = id("x_other");
        TestPostgresSql.execute(jdbc, "update staff_account set scope_code = '610113' where id = " + appointee);
        assertThat(as(
                        api,
                        "t_sysadmin",
                        put("/api/v1/accounts/" + appointee + "/roles")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"roles\":[\"SECURITY_ADMIN\"]}")))
                .isEqualTo(200);

        // over: not even the audit administrator role now, and not after the appointee is disabled either
        long sibling = id("x_sibling");
        TestPostgresSql.execute(jdbc, "update staff_account set scope_code = '610113' where id = " + sibling);
        assertThat(as(
                        api,
                        "t_sysadmin",
                        put("/api/v1/accounts/" + sibling + "/roles")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"roles\":[\"AUDIT_ADMIN\"]}")))
                .isEqualTo(403);
        TestPostgresSql.execute(jdbc, "update staff_account set enabled = false where id = " + appointee);
        TestPostgresSql.execute(jdbc, "delete from staff_role where role = 'SECURITY_ADMIN'");
        assertThat(as(
                        api,
                        "t_sysadmin",
                        post("/api/v1/accounts")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"username\":\"boot_late\",\"displayName\":\"迟到\",\"scopeCode\":\"610113\","
                                        + "\"roles\":[\"SECURITY_ADMIN\"]}")))
                .as("the setting remembers that the bootstrap is over")
                .isEqualTo(403);
    }
}
