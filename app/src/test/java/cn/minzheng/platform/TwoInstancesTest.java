package cn.minzheng.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.platform.database.EmbeddedPostgres;
import cn.minzheng.test.PlatformProcess;
import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 14, with real processes: the platform started as root from a private folder (A1); two stateless instances on
 * one PostgreSQL — the first's embedded server is the second's "external" database — behind what would be a reverse
 * proxy (A5): one roll for 16 concurrent requests split across both, a sign-in on one honoured by the other, a calendar
 * job run once per due time; and the first's embedded PostgreSQL killed: noticed at once, DOWN, no request waits, and
 * restarted (B10).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesTest {

    private static final String DEMO_PASSWORD = "Two-Instances-2023x";
    private static final String REVIEW_CRON = "*/3 * * * * *";

    private static Path work;
    private static Path dataDir;
    private static Path relocationRoot;
    private static int databasePort;
    private static PlatformProcess interrupted;
    private static PlatformProcess first;
    private static PlatformProcess second;
    private static Properties credentials;

    @BeforeAll
    static void startBoth() throws Exception {
        Path target = Path.of("target").toAbsolutePath();
        Files.createDirectories(target);
        work = Files.createTempDirectory(target, "two-instances-");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        // root's home: PostgreSQL, run as nobody, cannot enter it
        Path home = Files.createDirectories(work.resolve("root-home"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        dataDir = home.resolve("minzheng/data");
        relocationRoot = work.resolve("var-lib-minzheng");
        databasePort = PlatformProcess.freePort();
        // the first start is killed while it builds the demo district (B6) ...
        interrupted = PlatformProcess.start("first-interrupted", work, firstEnvironment());
        interrupted.awaitOutput("演示居民：40/", Duration.ofMinutes(5));
        interrupted.kill();
        // ... and started again
        first = PlatformProcess.start("first", work, firstEnvironment());
        first.awaitHealthy(Duration.ofMinutes(5));
        credentials = new Properties();
        try (InputStream in = Files.newInputStream(dataDir.resolve("secrets/embedded-db.properties"))) {
            credentials.load(in);
        }
        // the second instance: same shared data folder (uploads, field key), the first's server as its database
        second = PlatformProcess.start(
                "second",
                work,
                PlatformProcess.env(
                        "MINZHENG_DATA_DIR",
                        dataDir.toString(),
                        "MINZHENG_DB_URL",
                        "jdbc:postgresql://127.0.0.1:" + databasePort + "/minzheng",
                        "MINZHENG_DB_USER",
                        "minzheng_owner",
                        "MINZHENG_DB_PASSWORD",
                        credentials.getProperty("owner"),
                        "MINZHENG_DB_APP_USER",
                        "minzheng_app",
                        "MINZHENG_DB_APP_PASSWORD",
                        credentials.getProperty("app"),
                        "MINZHENG_SECURITY_BCRYPTSTRENGTH",
                        "4",
                        "MINZHENG_ASSISTANCE_REVIEWCRON",
                        REVIEW_CRON,
                        "LOGGING_FILE_NAME",
                        work.resolve("second.log").toString()));
        second.awaitHealthy(Duration.ofMinutes(3));
    }

    private static java.util.Map<String, String> firstEnvironment() {
        return PlatformProcess.env(
                "MINZHENG_DATA_DIR",
                dataDir.toString(),
                "MINZHENG_DB_EMBEDDED_PORT",
                Integer.toString(databasePort),
                "MINZHENG_DB_EMBEDDED_RELOCATIONROOT",
                relocationRoot.toString(),
                "MINZHENG_DEMO_SIZE",
                "small",
                "MINZHENG_DEMO_PASSWORD",
                DEMO_PASSWORD,
                "MINZHENG_ADMIN_PASSWORD",
                "Two-Chief-Pass-2023x",
                "MINZHENG_SECURITY_BCRYPTSTRENGTH",
                "4",
                "MINZHENG_ASSISTANCE_REVIEWCRON",
                REVIEW_CRON,
                "LOGGING_FILE_NAME",
                work.resolve("first.log").toString());
    }

    @AfterAll
    static void stopBoth() throws Exception {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
        if (work != null) {
            try (Stream<Path> walk = Files.walk(work)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + databasePort + "/minzheng",
                EmbeddedPostgres.SUPERUSER,
                credentials.getProperty("superuser"));
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = database();
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    @Order(1)
    void theFirstStartedAsRootFromAPrivateFolder() throws Exception {
        if (!"root".equals(System.getProperty("user.name"))) {
            return; // only root meets the problem: PostgreSQL then runs as nobody
        }
        assertThat(dataDir.resolve("pg")).isSymbolicLink();
        assertThat(Files.readSymbolicLink(dataDir.resolve("pg"))).startsWith(relocationRoot);
        // said on the start that made the cluster
        assertThat(interrupted.output()).contains("内置 PostgreSQL 的程序和数据库文件改放在");
    }

    /** B6: the first start was killed while registering the demo's residents; the next start finished the district. */
    @Test
    @Order(2)
    void anInterruptedFirstStartIsResumedAndTheDemoDistrictIsWhole() throws Exception {
        assertThat(first.output()).contains("从中断处继续生成");
        assertThat(count("select count(*) from platform_setting where key = 'demo.loaded'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from region_unit where level = 'COMMUNITY' and valid_to is null"))
                .isEqualTo(240);
        assertThat(count("select count(*) from household where household_no like 'H%'"))
                .as("eight households in every community, none twice")
                .isEqualTo(240 * 8);
        assertThat(count("select count(*) from staff_account where username = 'qu_jingban'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from verification_request where case_ref like 'case:demo-%'"))
                .isEqualTo(5);
        assertThat(count("select count(distinct period) from payment_roll where programme_code = 'DIBAO'"))
                .as("the demo's year of 低保 rolls")
                .isEqualTo(12);
        assertThat(count("select count(*) from (select programme_code, period from payment_roll where kind = 'MAIN'"
                        + " group by 1, 2 having count(*) > 1) twice"))
                .isZero();
    }

    @Test
    @Order(3)
    void sixteenConcurrentRollGenerationsAcrossBothInstancesMakeOneRoll() throws Exception {
        // a month before the demo's year of rolls: past its cut-off day, no roll yet
        String period =
                YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(13).toString();
        HttpClient client = HttpClient.newHttpClient();
        String[] tokens = {token(client, first, "qu_jingban"), token(client, second, "qu_jingban2")};
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 16; i++) {
                PlatformProcess instance = i % 2 == 0 ? first : second;
                String token = tokens[i % 2];
                Callable<Integer> call = () -> client.send(
                                HttpRequest.newBuilder(URI.create(instance.url("/api/v1/assistance/payment-rolls")))
                                        .header("Authorization", "Bearer " + token)
                                        .header("Content-Type", "application/json")
                                        .header(
                                                "Idempotency-Key",
                                                UUID.randomUUID().toString())
                                        .timeout(Duration.ofSeconds(60))
                                        .POST(HttpRequest.BodyPublishers.ofString(
                                                "{\"programme\":\"DIBAO\",\"period\":\"" + period + "\"}"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode();
                answers.add(pool.submit(call));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertThat(count("select count(*) from payment_roll where programme_code = 'DIBAO' and period = date '" + period
                        + "-01'"))
                .isEqualTo(1);
    }

    @Test
    @Order(4)
    void aSignInOnOneInstanceIsHonouredByTheOther() throws Exception {
        // one browser, as behind a reverse proxy that sends each request to either instance
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String login = browser.send(
                        HttpRequest.newBuilder(URI.create(first.url("/login"))).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login);
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> signedIn = browser.send(
                HttpRequest.newBuilder(URI.create(first.url("/login")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=qu_jingban&password="
                                + URLEncoder.encode(DEMO_PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");

        HttpResponse<String> onTheOther = browser.send(
                HttpRequest.newBuilder(URI.create(second.url("/assistance/payment-rolls")))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(onTheOther.statusCode()).isEqualTo(200);
        assertThat(onTheOther.body()).contains("发放名册");

        // and signing out on the other ends it on the first
        String page = onTheOther.body();
        Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).isTrue();
        browser.send(
                HttpRequest.newBuilder(URI.create(second.url("/logout")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> afterLogout = browser.send(
                HttpRequest.newBuilder(URI.create(first.url("/assistance/payment-rolls")))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(afterLogout.statusCode()).isEqualTo(302);
        assertThat(afterLogout.headers().firstValue("Location").orElse("")).contains("/login");
    }

    @Test
    @Order(5)
    void aCalendarJobRunsOncePerDueTimeThoughBothInstancesFireIt() throws Exception {
        // both instances fire the nightly review-task job every three seconds here
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> count("select count(*) from scheduled_run where job = 'assistance.review-tasks'") >= 3);
        // one statement, one snapshot: a run committing meanwhile cannot make the two counts differ
        long[] slotsAndRuns = new long[2];
        try (Connection c = database();
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery(
                        "select (select count(*) from scheduled_run where job = 'assistance.review-tasks'),"
                                + " (select count(*) from audit_entry where action = 'SCHEDULED_JOB_RUN'"
                                + " and target_id = 'assistance.review-tasks')")) {
            rows.next();
            slotsAndRuns[0] = rows.getLong(1);
            slotsAndRuns[1] = rows.getLong(2);
        }
        assertThat(slotsAndRuns[0]).isGreaterThanOrEqualTo(3);
        assertThat(slotsAndRuns[1]).as("one run per due time").isEqualTo(slotsAndRuns[0]);
        // claimed by these instances only (the interrupted first start may have claimed some before it was killed)
        List<String> pids =
                Stream.of(interrupted, first, second).map(p -> p.pid() + "@").toList();
        try (Connection c = database();
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery(
                        "select distinct instance from scheduled_run where job = 'assistance.review-tasks'")) {
            while (rows.next()) {
                String instance = rows.getString(1);
                assertThat(pids).anySatisfy(pid -> assertThat(instance).startsWith(pid));
            }
        }
    }

    /**
     * A3: a backup taken while both instances run, restored into an empty folder (as on another machine), serves the
     * platform as it was at the backup — later changes absent — and its audit chain verifies; without the passphrase
     * the commands refuse in one line.
     */
    @Test
    @Order(6)
    void aBackupTakenWhileRunningRestoresElsewhereAndItsAuditChainVerifies() throws Exception {
        Path file = work.resolve("backups/minzheng.mzbak");
        Files.createDirectories(file.getParent());
        java.util.Map<String, String> env = PlatformProcess.env(
                "MINZHENG_DATA_DIR", dataDir.toString(),
                "MINZHENG_DB_EMBEDDED_RELOCATIONROOT", relocationRoot.toString());
        PlatformProcess.Command refused = PlatformProcess.run(work, env, "backup", file.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.output().strip())
                .contains("MINZHENG_BACKUP_PASSPHRASE")
                .doesNotContain("\n");
        assertThat(file).doesNotExist();

        long rollsAtBackup = count("select count(*) from payment_roll");
        long entriesAtBackup = count("select count(*) from audit_entry");
        env.put("MINZHENG_BACKUP_PASSPHRASE", "Backup-Passphrase-2026");
        PlatformProcess.Command backup = PlatformProcess.run(work, env, "backup", file.toString());
        assertThat(backup.exitCode()).as(backup.output()).isZero();
        assertThat(backup.output()).contains("备份完成");
        // written after the backup: not in it
        HttpClient client = HttpClient.newHttpClient();
        String later = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(14).toString();
        assertThat(client.send(
                                HttpRequest.newBuilder(URI.create(second.url("/api/v1/assistance/payment-rolls")))
                                        .header("Authorization", "Bearer " + token(client, second, "qu_jingban"))
                                        .header("Content-Type", "application/json")
                                        .header(
                                                "Idempotency-Key",
                                                UUID.randomUUID().toString())
                                        .POST(HttpRequest.BodyPublishers.ofString(
                                                "{\"programme\":\"DIBAO\",\"period\":\"" + later + "\"}"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(201);
        // the field key and the key material are never in the file unencrypted
        byte[] raw = Files.readAllBytes(file);
        String fieldKey = Files.readString(dataDir.resolve("secrets/field.key")).strip();
        assertThat(new String(raw, StandardCharsets.ISO_8859_1)).doesNotContain(fieldKey);

        Path restoredDir = work.resolve("elsewhere/data");
        java.util.Map<String, String> restoreEnv = PlatformProcess.env(
                "MINZHENG_DATA_DIR", restoredDir.toString(),
                "MINZHENG_DB_EMBEDDED_RELOCATIONROOT", relocationRoot.toString(),
                "MINZHENG_BACKUP_PASSPHRASE", "Not-The-Right-One-2026");
        PlatformProcess.Command wrong = PlatformProcess.run(work, restoreEnv, "restore", file.toString());
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.output()).contains("口令");
        restoreEnv.put("MINZHENG_BACKUP_PASSPHRASE", "Backup-Passphrase-2026");
        PlatformProcess.Command restore = PlatformProcess.run(work, restoreEnv, "restore", file.toString());
        assertThat(restore.exitCode()).as(restore.output()).isZero();
        assertThat(restoredDir.resolve("secrets/field.key"))
                .hasSameTextualContentAs(dataDir.resolve("secrets/field.key"));

        int restoredDatabase = PlatformProcess.freePort();
        try (PlatformProcess restored = PlatformProcess.start(
                "restored",
                work,
                PlatformProcess.env(
                        "MINZHENG_DATA_DIR", restoredDir.toString(),
                        "MINZHENG_DB_EMBEDDED_PORT", Integer.toString(restoredDatabase),
                        "MINZHENG_DB_EMBEDDED_RELOCATIONROOT", relocationRoot.toString(),
                        "MINZHENG_DEMO_SIZE", "small",
                        "LOGGING_FILE_NAME", work.resolve("restored.log").toString()))) {
            restored.awaitHealthy(Duration.ofMinutes(3));
            Properties restoredCredentials = new Properties();
            try (InputStream in = Files.newInputStream(restoredDir.resolve("secrets/embedded-db.properties"))) {
                restoredCredentials.load(in);
            }
            try (Connection c = DriverManager.getConnection(
                            "jdbc:postgresql://127.0.0.1:" + restoredDatabase + "/minzheng",
                            EmbeddedPostgres.SUPERUSER,
                            restoredCredentials.getProperty("superuser"));
                    Statement st = c.createStatement();
                    ResultSet rows = st.executeQuery(
                            "select (select count(*) from payment_roll)," + " (select count(*) from audit_entry)")) {
                rows.next();
                assertThat(rows.getLong(1)).as("the rolls as at the backup").isEqualTo(rollsAtBackup);
                assertThat(rows.getLong(2)).isGreaterThanOrEqualTo(entriesAtBackup);
            }
            PlatformProcess.Command verify = PlatformProcess.run(
                    work,
                    PlatformProcess.env(
                            "MINZHENG_DATA_DIR", restoredDir.toString(),
                            "MINZHENG_DB_EMBEDDED_RELOCATIONROOT", relocationRoot.toString()),
                    "audit-verify");
            assertThat(verify.exitCode()).as(verify.output()).isZero();
            assertThat(verify.output()).contains("审计链完整");
        }
    }

    @Test
    @Order(7)
    void aKilledEmbeddedDatabaseIsNoticedAtOnceAnswersAtOnceAndIsRestarted() throws Exception {
        long postmaster;
        try (Stream<String> lines = Files.lines(dataDir.resolve("pg/postmaster.pid"))) {
            postmaster = Long.parseLong(lines.findFirst().orElseThrow().trim());
        }
        new ProcessBuilder("kill", "-KILL", Long.toString(postmaster)).start().waitFor();

        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        first.awaitOutput("内置 PostgreSQL 意外退出", Duration.ofSeconds(10));
        // a request now gets an answer within seconds, not after half a minute
        HttpResponse<String> during = client.send(
                HttpRequest.newBuilder(URI.create(first.url("/login")))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(during.statusCode()).isIn(200, 503);
        if (during.statusCode() == 503) {
            assertThat(during.body()).contains("数据库暂时不可用");
        }
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .until(() -> first.healthStatus(client).equals("UP"));
        assertThat(first.output()).contains("内置 PostgreSQL 已在第");
        assertThat(count("select count(*) from staff_account where username = 'qu_jingban'"))
                .isEqualTo(1);
        assertThat(client.send(
                                HttpRequest.newBuilder(URI.create(first.url("/login")))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(200);
    }

    private static String token(HttpClient client, PlatformProcess instance, String username)
            throws IOException, InterruptedException {
        String body = client.send(
                        HttpRequest.newBuilder(URI.create(instance.url("/api/v1/auth/token")))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"username\":\"" + username + "\",\"password\":\"" + DEMO_PASSWORD + "\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher token = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
        assertThat(token.find()).as(body).isTrue();
        return token.group(1);
    }
}
