package cn.minzheng.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class PlatformStartupTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void servesTheChineseLoginPage() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("lang=\"zh-CN\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("用户名")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("密码")));
    }

    @Test
    void sendsAnonymousVisitorsToTheLoginPage() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
    }

    @Test
    void answersAnonymousApiCallsWithJson401() throws Exception {
        mvc.perform(get("/api/v1/regions").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.message").isNotEmpty());
    }

    @Test
    void reportsHealthUp() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }

    /** Issue 13 A8: the metrics (routes, login failures, reveals) only for the scraping account and administrators. */
    @Test
    void exposesPrometheusMetricsOnlyToItsScraper() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/actuator/prometheus").with(httpBasic("metrics", "wrong-password")))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/actuator/prometheus").with(httpBasic("metrics", "Test-Metrics-Scrape-2024")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("jvm_memory_used_bytes")));
        // the scraping account reaches nothing else
        mvc.perform(get("/api/v1/regions").with(httpBasic("metrics", "Test-Metrics-Scrape-2024")))
                .andExpect(status().isUnauthorized());
    }

    @Autowired
    org.springframework.web.servlet.resource.ResourceUrlProvider resourceUrls;

    @Test
    void servesStaticFilesUnderTheirOwnPrefixesOnly() throws Exception {
        mvc.perform(get("/css/minzheng.css")).andExpect(status().isOk());
        mvc.perform(get("/js/minzheng.js")).andExpect(status().isOk());
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
        // no catch-all: every page link used to be looked up among the static files (issue 14, C14)
        assertThat(resourceUrls.getHandlerMap()).doesNotContainKey("/**");
        assertThat(resourceUrls.getForLookupPath("/assistance/applications")).isNull();
    }

    @Test
    void loadsTheReferenceDataAndTheFirstAdministratorOnFirstStart() {
        assertThat(jdbc.queryForObject(
                        "select count(*) from region_unit where level = 'STREET' and valid_to is null", Integer.class))
                .as("the ten streets of yanta-streets.csv")
                .isEqualTo(10);
        assertThat(jdbc.queryForObject("select count(*) from calendar_year", Integer.class))
                .isEqualTo(8);
    }
}
