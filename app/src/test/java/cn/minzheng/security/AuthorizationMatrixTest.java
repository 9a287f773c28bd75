package cn.minzheng.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import cn.minzheng.test.Api;
import cn.minzheng.test.TestDistrict;
import cn.minzheng.test.TestPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * AZ-1: every endpoint × every role × the resource's unit relative to the caller (own unit, sibling community, another
 * street), generated from the expectation tables in {@code src/test/resources/authz}. Zero unexpected successes, and
 * every expected success really succeeds (so that the test can fail both ways). Every endpoint of the application must
 * be in a table.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuthorizationMatrixTest {

    /** One test user per role, at the level the role works at. */
    private static final Map<String, String> USERS = new LinkedHashMap<>();

    static {
        USERS.put("DISTRICT_LEADER", "t_leader");
        USERS.put("DEPARTMENT_OFFICER", "t_officer");
        USERS.put("LEGAL_REVIEWER", "t_legal");
        USERS.put("SYSTEM_ADMIN", "t_sysadmin");
        USERS.put("SECURITY_ADMIN", "t_secadmin");
        USERS.put("AUDIT_ADMIN", "t_auditor");
        USERS.put("STREET_OFFICER", "t_street");
        USERS.put("COMMUNITY_WORKER", "t_community");
    }

    private static final Map<String, String> SCOPE_OF =
            Map.of("t_street", TestDistrict.STREET, "t_community", TestDistrict.COMMUNITY);

    /** The three relations: a resource in the caller's own unit, a sibling community, another street. */
    private static final List<String> UNITS =
            List.of(TestDistrict.COMMUNITY, TestDistrict.SIBLING_COMMUNITY, TestDistrict.OTHER_STREET_COMMUNITY);

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestDistrict district;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    cn.minzheng.platform.database.DatabaseAccess access;

    @Autowired
    javax.sql.DataSource dataSource;

    record Row(String file, HttpMethod method, String path, String roles, String scope, String body) {}

    @BeforeEach
    void district() {
        district.ensure();
    }

    @Test
    void noRoleReachesWhatItShouldNotAndEveryAllowedCallGoesThrough() throws Exception {
        List<Row> rows = rows();
        Map<String, String> resources = resources();
        for (String sql : setups()) {
            cn.minzheng.test.TestPostgresSql.execute(new org.springframework.jdbc.core.JdbcTemplate(dataSource), sql);
        }
        Api api = new Api(mvc);
        List<String> violations = new ArrayList<>();
        int calls = 0;
        for (Row row : rows) {
            boolean scoped = PLACEHOLDER.matcher(row.path()).find()
                    || PLACEHOLDER.matcher(row.body()).find();
            for (String unit : scoped ? UNITS : List.of(TestDistrict.COMMUNITY)) {
                for (String role : roles()) {
                    // Resolved for every call: a call may use its resource up (a revoked letter, a settled item).
                    String path = resolve(row.path(), unit, resources);
                    String user = role.equals("ANONYMOUS") ? null : USERS.get(role);
                    boolean allowed = allowed(row, role) && (!row.scope().equals("covers") || covers(user, unit));
                    String body = resolve(row.body().replace(":unit", unit), unit, resources);
                    MockHttpServletResponse response = call(row, path, body, user == null ? null : api.bearer(user));
                    calls++;
                    int status = response.getStatus();
                    String location = response.getRedirectedUrl();
                    boolean toLogin = status == 302 && location != null && location.matches(".*/login(\\?.*)?");
                    boolean deniedAnswer = status == 401 || status == 403 || status == 404 || toLogin;
                    boolean allowedAnswer = status != 401
                            && status != 403
                            && !(status == 404 && row.scope().equals("covers"))
                            && !toLogin
                            && status < 500;
                    if (allowed && !allowedAnswer) {
                        violations.add("EXPECTED SUCCESS " + describe(row, path, role, unit, status));
                    }
                    if (!allowed && !deniedAnswer) {
                        violations.add("UNEXPECTED SUCCESS " + describe(row, path, role, unit, status));
                    }
                }
            }
        }
        System.out.printf(
                "authorisation matrix: %d endpoints, %d calls, %d violations%n", rows.size(), calls, violations.size());
        assertThat(violations).as("authorisation matrix").isEmpty();
    }

    @Test
    void everyEndpointIsInTheExpectationTables() throws IOException {
        List<Row> rows = rows();
        List<String> missing = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
                mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            if (entry.getValue().getBeanType().getName().startsWith("org.springdoc")) {
                continue;
            }
            Set<PathPattern> patterns = info.getPathPatternsCondition() == null
                    ? Set.of()
                    : info.getPathPatternsCondition().getPatterns();
            Set<org.springframework.web.bind.annotation.RequestMethod> methods =
                    info.getMethodsCondition().getMethods();
            for (PathPattern pattern : patterns) {
                String text = pattern.getPatternString();
                if (text.equals("/error") || text.equals("/login")) {
                    continue;
                }
                for (var method : methods.isEmpty()
                        ? Set.of(org.springframework.web.bind.annotation.RequestMethod.GET)
                        : methods) {
                    boolean covered = rows.stream()
                            .anyMatch(row -> row.method().name().equals(method.name())
                                    && pattern.matches(org.springframework.http.server.PathContainer.parsePath(
                                            concrete(row.path()))));
                    if (!covered) {
                        missing.add(method + " " + text);
                    }
                }
            }
        }
        assertThat(missing)
                .as("endpoints without a row in src/test/resources/authz/*.endpoints.tsv")
                .isEmpty();
    }

    private List<String> roles() {
        List<String> roles = new ArrayList<>(USERS.keySet());
        roles.add("ANONYMOUS");
        return roles;
    }

    private static boolean allowed(Row row, String role) {
        return switch (row.roles()) {
            case "PUBLIC" -> true;
            case "ALL" -> !role.equals("ANONYMOUS");
            default -> List.of(row.roles().split(",")).contains(role);
        };
    }

    private static boolean covers(String user, String unit) {
        String scope = SCOPE_OF.getOrDefault(user, TestDistrict.DISTRICT);
        return unit.startsWith(scope);
    }

    private MockHttpServletResponse call(Row row, String path, String body, String bearer) throws Exception {
        MockHttpServletRequestBuilder builder =
                request(row.method(), path).accept(MediaType.APPLICATION_JSON, MediaType.TEXT_HTML);
        if (bearer != null) {
            builder.header("Authorization", bearer);
        }
        if (!body.equals("-")) {
            if (body.startsWith("{")) {
                builder.contentType(MediaType.APPLICATION_JSON).content(body);
            } else {
                builder.contentType(MediaType.APPLICATION_FORM_URLENCODED).content(body);
            }
        }
        return mvc.perform(builder).andReturn().getResponse();
    }

    private String resolve(String path, String unit, Map<String, String> resources) throws Exception {
        Matcher matcher = PLACEHOLDER.matcher(path);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String sql = resources.get(matcher.group(1));
            assertThat(sql).as("resource query for {" + matcher.group(1) + "}").isNotNull();
            matcher.appendReplacement(out, lookup(sql, unit));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private String lookup(String sql, String unit) throws Exception {
        String database = access.jdbcUrl().substring(access.jdbcUrl().lastIndexOf('/') + 1);
        try (Connection connection = TestPostgres.get().superuser(database);
                PreparedStatement statement = connection.prepareStatement(sql.replace(":unit", "?"))) {
            statement.setString(1, unit);
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).as(sql + " for " + unit).isTrue();
                return rows.getString(1);
            }
        }
    }

    private static String concrete(String path) {
        String withoutQuery = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        return PLACEHOLDER.matcher(withoutQuery).replaceAll("1");
    }

    private static String describe(Row row, String path, String role, String unit, int status) {
        return row.method() + " " + path + " as " + role + " (resource in " + unit + ") -> " + status + " ["
                + row.file() + "]";
    }

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        for (Resource file :
                new PathMatchingResourcePatternResolver().getResources("classpath*:authz/*.endpoints.tsv")) {
            try (InputStream in = file.getInputStream()) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] f = line.split("\t");
                    assertThat(f).as(file.getFilename() + ": " + line).hasSize(5);
                    rows.add(new Row(file.getFilename(), HttpMethod.valueOf(f[0]), f[1], f[2], f[3], f[4]));
                }
            }
        }
        return rows;
    }

    static List<String> setups() throws IOException {
        List<String> setups = new ArrayList<>();
        for (Resource file :
                new PathMatchingResourcePatternResolver().getResources("classpath*:authz/*.resources.tsv")) {
            try (InputStream in = file.getInputStream()) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (line.startsWith("setup\t")) {
                        setups.add(line.substring("setup\t".length()));
                    }
                }
            }
        }
        return setups;
    }

    static Map<String, String> resources() throws IOException {
        Map<String, String> resources = new LinkedHashMap<>();
        for (Resource file :
                new PathMatchingResourcePatternResolver().getResources("classpath*:authz/*.resources.tsv")) {
            try (InputStream in = file.getInputStream()) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] f = line.split("\t", 2);
                    if (!f[0].equals("setup")) {
                        resources.put(f[0], f[1]);
                    }
                }
            }
        }
        return resources;
    }
}
