package cn.minzheng.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.minzheng.platform.District;
import cn.minzheng.platform.SystemActor;
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
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 13 A7: a password change ends every other session and every token (whoever had the old password is out);
 * logging out with a bearer token revokes it; users list and revoke their own tokens, and only their own.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SessionsAndTokensTest {

    private static final String NEW_PASSWORD = "Fresh-Chosen-Pass42";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestDistrict district;

    @Autowired
    AccountManagement accounts;

    @Autowired
    District theDistrict;

    @BeforeEach
    void setUp() {
        district.ensure();
    }

    private void account(String username) {
        SystemActor.run(
                theDistrict.scope(),
                () -> accounts.provision(
                        List.of(new AccountManagement.Provisioned(
                                username, "测试", TestDistrict.COMMUNITY, Set.of(Role.COMMUNITY_WORKER))),
                        TestDistrict.PASSWORD,
                        false),
                "SYSTEM_ADMIN");
    }

    private String token(String username, String password) throws Exception {
        String body = mvc.perform(post("/api/v1/auth/token")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return "Bearer " + body.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }

    private Cookie login(String username, String password) throws Exception {
        Cookie session = mvc.perform(
                        post("/login").with(csrf()).param("username", username).param("password", password))
                .andReturn()
                .getResponse()
                .getCookie("MZSESSION");
        assertThat(session).isNotNull();
        return session;
    }

    private int status(Cookie session) throws Exception {
        return mvc.perform(get("/api/v1/staff").cookie(session))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    private int status(String bearer) throws Exception {
        return mvc.perform(get("/api/v1/staff").header("Authorization", bearer))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    @Test
    void aPasswordChangeEndsEveryOtherSessionAndEveryToken() throws Exception {
        account("sessions_one");
        Cookie mine = login("sessions_one", TestDistrict.PASSWORD);
        Cookie thief = login("sessions_one", TestDistrict.PASSWORD);
        String thiefToken = token("sessions_one", TestDistrict.PASSWORD);
        assertThat(status(thief)).isEqualTo(200);
        assertThat(status(thiefToken)).isEqualTo(200);

        mvc.perform(post("/account/password")
                .with(csrf())
                .cookie(mine)
                .param("current", TestDistrict.PASSWORD)
                .param("replacement", NEW_PASSWORD)
                .param("confirmation", NEW_PASSWORD));

        assertThat(status(mine)).as("the session that changed it goes on").isEqualTo(200);
        assertThat(status(thief)).as("another session of the old password").isNotEqualTo(200);
        assertThat(status(thiefToken)).isEqualTo(401);
    }

    @Test
    void loggingOutWithABearerTokenRevokesIt() throws Exception {
        account("sessions_two");
        String bearer = token("sessions_two", TestDistrict.PASSWORD);
        assertThat(status(bearer)).isEqualTo(200);
        String answer = mvc.perform(post("/logout").header("Authorization", bearer))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(answer).contains("令牌已撤销");
        assertThat(status(bearer)).isEqualTo(401);
    }

    @Test
    void usersListAndRevokeTheirOwnTokensOnly() throws Exception {
        account("sessions_three");
        account("sessions_four");
        String first = token("sessions_three", TestDistrict.PASSWORD);
        String second = token("sessions_three", TestDistrict.PASSWORD);
        String other = token("sessions_four", TestDistrict.PASSWORD);
        String list = mvc.perform(get("/api/v1/account/tokens").header("Authorization", first))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> ids = java.util.regex.Pattern.compile("\"id\":(\\d+)")
                .matcher(list)
                .results()
                .map(m -> m.group(1))
                .toList();
        assertThat(ids).hasSize(2);
        assertThat(list).doesNotContain("mz_");

        String othersList = mvc.perform(get("/api/v1/account/tokens").header("Authorization", other))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String othersId = othersList.replaceAll("(?s).*\"id\":(\\d+).*", "$1");
        assertThat(mvc.perform(delete("/api/v1/account/tokens/" + othersId).header("Authorization", first))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("someone else's token")
                .isEqualTo(404);
        assertThat(status(other)).isEqualTo(200);

        // the newest is listed first: revoke the second one issued
        assertThat(mvc.perform(delete("/api/v1/account/tokens/" + ids.get(0)).header("Authorization", first))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        assertThat(status(second)).isEqualTo(401);
        assertThat(status(first)).isEqualTo(200);
    }
}
