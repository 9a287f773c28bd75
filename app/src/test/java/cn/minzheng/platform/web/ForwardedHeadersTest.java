package cn.minzheng.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.test.TestDistrict;
import cn.minzheng.test.TestPostgresSql;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.apache.catalina.valves.RemoteIpValve;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 13 A4, on the real server (Tomcat, not MockMvc): {@code X-Forwarded-*} from a client that is not a configured
 * proxy changes nothing — not the address in the audit trail, not the login throttle, not the host of a redirect.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ForwardedHeadersTest {

    @LocalServerPort
    int port;

    @Autowired
    TestDistrict district;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> wrongLogin(String forwardedFor) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/auth/token"))
                        .header("Content-Type", "application/json")
                        .header("X-Forwarded-For", forwardedFor)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"no_such_user\",\"password\":\"Wrong-Password-1\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aForgedClientAddressReachesNeitherTheAuditTrailNorTheThrottle() throws Exception {
        district.ensure();
        long before = TestPostgresSql.queryForObject(
                jdbc, "select count(*) from audit_entry where client_address = '203.0.113.7'", Long.class);
        assertThat(wrongLogin("203.0.113.7").statusCode()).isEqualTo(401);
        assertThat(TestPostgresSql.queryForObject(
                        jdbc, "select count(*) from audit_entry where client_address = '203.0.113.7'", Long.class))
                .isEqualTo(before);
        assertThat(TestPostgresSql.queryForObject(
                        jdbc,
                        "select client_address from audit_entry where action = 'LOGIN_FAILURE'"
                                + " order by occurred_at desc limit 1",
                        String.class))
                .isEqualTo("127.0.0.1");

        // rotating the header does not step around the per-address throttle (20 failures in 10 minutes)
        int status = 0;
        for (int i = 0; i < 22; i++) {
            status = wrongLogin("198.51.100." + i).statusCode();
        }
        assertThat(status).isEqualTo(429);
        TestPostgresSql.execute(jdbc, "delete from login_throttle");
    }

    @Test
    void aForwardedHostDoesNotSteerARedirect() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                        .header("X-Forwarded-Host", "evil.example")
                        .header("X-Forwarded-Proto", "https")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElse("");
        assertThat(location).doesNotContain("evil.example").doesNotStartWith("https:");
    }

    @Test
    void configuredProxiesAreBelievedAndNobodyElse() {
        assertThat(TrustedProxies.parse("")).isEmpty();
        assertThat(TrustedProxies.parse(" 10.0.0.5, 10.0.0.6 ")).containsExactly("10.0.0.5", "10.0.0.6");
        String pattern = TrustedProxies.pattern(List.of("10.0.0.5", "10.0.0.6"));
        assertThat("10.0.0.5".matches(pattern)).isTrue();
        assertThat("10.0.0.50".matches(pattern))
                .as("exact addresses, not prefixes")
                .isFalse();
        assertThat("10.0.0.6".matches(pattern)).isTrue();

        TomcatServletWebServerFactory none = new TomcatServletWebServerFactory();
        new TrustedProxies("").customize(none);
        assertThat(none.getEngineValves()).noneMatch(v -> v instanceof RemoteIpValve);
        TomcatServletWebServerFactory configured = new TomcatServletWebServerFactory();
        new TrustedProxies("10.0.0.5").customize(configured);
        assertThat(configured.getEngineValves())
                .filteredOn(v -> v instanceof RemoteIpValve)
                .singleElement()
                .satisfies(v ->
                        assertThat(((RemoteIpValve) v).getInternalProxies()).isEqualTo(pattern.split("\\|")[0]));
    }
}
