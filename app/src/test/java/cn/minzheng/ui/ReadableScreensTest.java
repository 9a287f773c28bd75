package cn.minzheng.ui;

import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import cn.minzheng.test.ReadableText;
import cn.minzheng.test.TestPostgresSql;
import cn.minzheng.test.TestTotp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Issue 12: in the demo district, every page reachable from each role's menu — and the first detail page of each list
 * on it — shows a person Chinese prose only ({@link ReadableText}): no internal code, login name, amount in fen, raw
 * JSON, ISO timestamp or region code. Strict by design: a new screen that leaks a code fails the build. Also prints
 * how long each page took to render (a figure, never asserted).
 */
@SpringBootTest(properties = {"minzheng.demo.size=small", "minzheng.demo-password=Yanta-Pass-2023x"})
class ReadableScreensTest {

    static final String DEMO_PASSWORD = "Yanta-Pass-2023x";
    static final String ADMIN_PASSWORD = "Test-Chief-Pa55word";

    /** One account per role of the demo district (README), the administrator with the test's password. */
    static final String[] ACCOUNTS = {
        "jiedao_610113001", "shequ_610113001001", "qu_jingban", "quju_lingdao", "fazhi", "admin", "anquan", "shenji"
    };

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    MockMvc mvc;

    Set<String> loginNames;

    static final String ENROL = "/account/second-factor";
    static final String CHECK = "/login/second-factor";

    /** The authenticator secrets the administrators bound during the crawl. */
    final Map<String, String> secrets = new LinkedHashMap<>();

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build();
        String names = TestPostgresSql.queryForObject(
                jdbc, "select string_agg(username, ',') from staff_account", String.class);
        loginNames = new LinkedHashSet<>(Arrays.asList(names.split(",")));
    }

    @Test
    void everyPageOfEveryRoleReadsAsChineseProse() throws Exception {
        Map<String, List<ReadableText.Leak>> leaks = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        List<String> timings = new ArrayList<>();
        for (String account : ACCOUNTS) {
            MockHttpSession session = logIn(account, leaks);
            Set<String> visited = new LinkedHashSet<>();
            Page home = get(session, "/", account, failures, timings);
            if (home == null) {
                continue;
            }
            visited.add("/");
            check(account, "/", home, leaks);
            List<String> menu = home.document.select("nav.sidebar a[href]").eachAttr("href");
            for (String path : menu) {
                if (!visited.add(path) || skipped(path)) {
                    continue;
                }
                Page page = get(session, path, account, failures, timings);
                if (page == null) {
                    continue;
                }
                check(account, path, page, leaks);
                String detail = firstDetail(page.document, path);
                if (detail != null && visited.add(detail)) {
                    Page detailPage = get(session, detail, account, failures, timings);
                    if (detailPage != null) {
                        check(account, detail, detailPage, leaks);
                    }
                }
            }
        }
        // an administrator's next login: the 动态口令 step of the login is a screen too
        secondLogIn("admin", leaks, failures);
        String times = "页面用时（毫秒，演示区，MockMvc）：\n  " + String.join("\n  ", timings) + "\n";
        System.out.println(times);
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "page-times.txt"), times);
        StringBuilder report = new StringBuilder();
        failures.forEach(f -> report.append(f).append('\n'));
        leaks.forEach((where, found) -> {
            report.append(where).append("（").append(found.size()).append(" 处）\n");
            Map<String, ReadableText.Leak> distinct = new LinkedHashMap<>();
            found.forEach(leak -> distinct.putIfAbsent(leak.kind() + leak.fragment(), leak));
            distinct.values().stream()
                    .limit(12)
                    .forEach(leak -> report.append("    ").append(leak).append('\n'));
        });
        if (!report.isEmpty()) {
            throw new AssertionError("页面上有不应给人看的内容或页面打不开：\n" + report);
        }
    }

    private record Page(Document document, String html) {}

    private MockHttpSession logIn(String account, Map<String, List<ReadableText.Leak>> leaks) throws Exception {
        String password = account.equals("admin") ? ADMIN_PASSWORD : DEMO_PASSWORD;
        MvcResult result = mvc.perform(SecurityMockMvcRequestBuilders.formLogin("/login")
                        .user(account)
                        .password(password))
                .andReturn();
        MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);
        if (session == null || result.getResponse().getStatus() >= 400) {
            throw new AssertionError(account + " 无法登录：" + result.getResponse().getStatus());
        }
        if (ENROL.equals(result.getResponse().getRedirectedUrl())) {
            enrol(account, session, leaks);
        }
        return session;
    }

    /** Administrators bind an authenticator at their first login: the binding and recovery-code pages are read too. */
    private void enrol(String account, MockHttpSession session, Map<String, List<ReadableText.Leak>> leaks)
            throws Exception {
        String page = mvc.perform(MockMvcRequestBuilders.get(ENROL).session(session))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        check(account, ENROL, new Page(Jsoup.parse(page), page), leaks);
        String secret = Jsoup.parse(page).select("#enrol-secret").text();
        if (secret.isBlank()) {
            throw new AssertionError(account + " 绑定动态口令的页面上没有密钥");
        }
        secrets.put(account, secret);
        String recovery = mvc.perform(MockMvcRequestBuilders.post(ENROL)
                        .session(session)
                        .param(
                                "code",
                                TestTotp.code(secret, java.time.Instant.now().getEpochSecond() / 30))
                        .with(SecurityMockMvcRequestPostProcessors.csrf()))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        if (!recovery.contains("recovery-codes")) {
            throw new AssertionError(
                    account + " 未能绑定动态口令：" + Jsoup.parse(recovery).text());
        }
        check(account, ENROL + "（恢复码）", new Page(Jsoup.parse(recovery), recovery), leaks);
    }

    /** Logs in again with the bound authenticator: the 动态口令 page of the login. */
    private void secondLogIn(String account, Map<String, List<ReadableText.Leak>> leaks, List<String> failures)
            throws Exception {
        MvcResult result = mvc.perform(SecurityMockMvcRequestBuilders.formLogin("/login")
                        .user(account)
                        .password(account.equals("admin") ? ADMIN_PASSWORD : DEMO_PASSWORD))
                .andReturn();
        MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);
        if (!CHECK.equals(result.getResponse().getRedirectedUrl())) {
            failures.add(account + " 再次登录时没有要求动态口令：" + result.getResponse().getRedirectedUrl());
            return;
        }
        String page = mvc.perform(MockMvcRequestBuilders.get(CHECK).session(session))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        check(account, CHECK, new Page(Jsoup.parse(page), page), leaks);
        // the code of the next step: the binding used this step's code, and each code is taken once
        MockHttpServletResponse passed = mvc.perform(MockMvcRequestBuilders.post(CHECK)
                        .session(session)
                        .param(
                                "code",
                                TestTotp.code(
                                        secrets.get(account),
                                        java.time.Instant.now().getEpochSecond() / 30 + 1))
                        .with(SecurityMockMvcRequestPostProcessors.csrf()))
                .andReturn()
                .getResponse();
        if (passed.getStatus() != 302) {
            failures.add(account + " 动态口令未通过：HTTP " + passed.getStatus());
        }
    }

    private Page get(MockHttpSession session, String path, String account, List<String> failures, List<String> timings)
            throws Exception {
        long started = System.nanoTime();
        MvcResult result =
                mvc.perform(MockMvcRequestBuilders.get(path).session(session)).andReturn();
        long millis = (System.nanoTime() - started) / 1_000_000;
        MockHttpServletResponse response = result.getResponse();
        timings.add(String.format("%5d  %-20s %s", millis, account, path));
        if (response.getStatus() == 302) {
            String location = response.getRedirectedUrl();
            if (location != null && !location.contains("/login")) {
                return get(session, location, account, failures, timings);
            }
        }
        if (response.getStatus() != 200) {
            failures.add(account + " " + path + "：HTTP " + response.getStatus());
            return null;
        }
        String type = response.getContentType();
        if (type == null || !type.startsWith("text/html")) {
            failures.add(account + " " + path + "：不是页面（" + type + "）");
            return null;
        }
        String html = response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        return new Page(Jsoup.parse(html, "http://localhost"), html);
    }

    private void check(String account, String path, Page page, Map<String, List<ReadableText.Leak>> leaks) {
        List<ReadableText.Leak> found = ReadableText.leaks(ReadableText.visibleText(page.html), loginNames);
        if (!found.isEmpty()) {
            leaks.put(account + " " + path, found);
        }
    }

    /** The first link in the page's main table (or list) that leads to a page of its own. */
    private static String firstDetail(Document page, String listPath) {
        for (Element link : page.select("main table a[href], main ul.results a[href], main .worklist a[href]")) {
            String href = link.attr("href");
            if (!skipped(href) && !href.equals(listPath) && !href.contains("?") && href.startsWith("/")) {
                return href;
            }
        }
        return null;
    }

    private static boolean skipped(String path) {
        return path.startsWith("/api/")
                || path.startsWith("http")
                || path.startsWith("#")
                || path.contains("logout")
                || path.endsWith(".pdf")
                || path.endsWith(".xlsx")
                || path.endsWith(".csv")
                || path.contains("/document")
                || path.contains("/download")
                || path.contains("/bank-file")
                || path.contains("/export");
    }
}
