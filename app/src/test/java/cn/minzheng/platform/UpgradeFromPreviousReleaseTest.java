package cn.minzheng.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.platform.database.EmbeddedPostgres;
import cn.minzheng.test.PlatformProcess;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 A4: the data folder of the previous release — its demo district built by that release's jar, then stopped
 * (see {@code src/test/resources/upgrade/README.md} for how the fixture was made) — is restored and started by this
 * release: the migrations since then apply, and everything still reads: the audit chain verifies, encrypted fields
 * decrypt with the kept key, a demo account signs in and its pages answer.
 *
 * <p>The fixture is kept as a backup file of the backup command (compressed, encrypted with the passphrase below — the
 * data in it are synthetic), so the test needs neither the old jar nor its build in CI.
 */
class UpgradeFromPreviousReleaseTest {

    static final String FIXTURE = "/upgrade/previous-release.mzbak";
    static final String FIXTURE_PASSPHRASE = "Upgrade-Fixture-Passphrase";
    static final String DEMO_PASSWORD = "Upgrade-Fixture-2023x";

    private Path work;

    @AfterEach
    void cleanUp() throws Exception {
        if (work != null) {
            try (Stream<Path> walk = Files.walk(work)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void theDataFolderOfThePreviousReleaseMigratesAndStillReads() throws Exception {
        Path target = Path.of("target").toAbsolutePath();
        Files.createDirectories(target);
        work = Files.createTempDirectory(target, "upgrade-");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path fixture = work.resolve("previous-release.mzbak");
        try (InputStream in = getClass().getResourceAsStream(FIXTURE)) {
            assertThat(in).as("the fixture " + FIXTURE).isNotNull();
            Files.copy(in, fixture, StandardCopyOption.REPLACE_EXISTING);
        }
        Path dataDir = work.resolve("data");
        Map<String, String> env = PlatformProcess.env(
                "MINZHENG_DATA_DIR", dataDir.toString(),
                "MINZHENG_DB_EMBEDDED_RELOCATIONROOT", work.resolve("var-lib").toString(),
                "MINZHENG_BACKUP_PASSPHRASE", FIXTURE_PASSPHRASE);
        PlatformProcess.Command restore = PlatformProcess.run(work, env, "restore", fixture.toString());
        assertThat(restore.exitCode()).as(restore.output()).isZero();

        int databasePort = PlatformProcess.freePort();
        try (PlatformProcess platform = PlatformProcess.start(
                "upgraded",
                work,
                PlatformProcess.env(
                        "MINZHENG_DATA_DIR", dataDir.toString(),
                        "MINZHENG_DB_EMBEDDED_PORT", Integer.toString(databasePort),
                        "MINZHENG_DB_EMBEDDED_RELOCATIONROOT",
                                work.resolve("var-lib").toString(),
                        "LOGGING_FILE_NAME", work.resolve("upgraded.log").toString()))) {
            platform.awaitHealthy(Duration.ofMinutes(4));
            Properties credentials = new Properties();
            try (InputStream in = Files.newInputStream(dataDir.resolve("secrets/embedded-db.properties"))) {
                credentials.load(in);
            }
            try (Connection c = DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + databasePort + "/minzheng",
                    EmbeddedPostgres.SUPERUSER,
                    credentials.getProperty("superuser"))) {
                assertThat(single(c, "select count(*) from flyway_schema_history where not success"))
                        .isZero();
                assertThat(single(c, "select count(*) from flyway_schema_history where version = '5.14'"))
                        .as("this release's migrations were applied to the old database")
                        .isEqualTo(1);
                assertThat(single(c, "select count(*) from region_unit where level = 'COMMUNITY' and valid_to is null"))
                        .isEqualTo(240);
                assertThat(single(c, "select count(*) from payment_roll where kind = 'MAIN'"))
                        .isEqualTo(single(c, "select count(*) from payment_roll"))
                        .isPositive();
                assertThat(single(c, "select count(*) from audit_entry where seq is null or id is null"))
                        .as("the old entries keep their place in the chain")
                        .isZero();
            }

            PlatformProcess.Command verify = PlatformProcess.run(
                    work,
                    PlatformProcess.env(
                            "MINZHENG_DATA_DIR", dataDir.toString(),
                            "MINZHENG_DB_EMBEDDED_RELOCATIONROOT",
                                    work.resolve("var-lib").toString()),
                    "audit-verify");
            assertThat(verify.exitCode()).as(verify.output()).isZero();
            assertThat(verify.output()).contains("审计链完整");

            // a street officer of the old demo signs in and reads a resident, whose number is decrypted to be masked
            HttpClient client = HttpClient.newHttpClient();
            String token = token(client, platform, "jiedao_610113001");
            HttpResponse<String> residents = client.send(
                    HttpRequest.newBuilder(URI.create(platform.url("/api/v1/residents?q="
                                    + java.net.URLEncoder.encode("王", java.nio.charset.StandardCharsets.UTF_8))))
                            .header("Authorization", "Bearer " + token)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(residents.statusCode()).as(residents.body()).isEqualTo(200);
            assertThat(residents.body())
                    .as("masked numbers, decrypted with the kept key")
                    .contains("********");
            HttpResponse<String> home = client.send(
                    HttpRequest.newBuilder(URI.create(platform.url("/api/v1/assistance/payment-rolls")))
                            .header("Authorization", "Bearer " + token(client, platform, "qu_jingban"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.body()).contains("\"kind\":\"MAIN\"");
        }
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String token(HttpClient client, PlatformProcess platform, String username) throws Exception {
        String body = client.send(
                        HttpRequest.newBuilder(URI.create(platform.url("/api/v1/auth/token")))
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
