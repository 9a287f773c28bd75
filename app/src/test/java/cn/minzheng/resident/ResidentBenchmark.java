package cn.minzheng.resident;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.platform.District;
import cn.minzheng.platform.SystemActor;
import cn.minzheng.platform.crypto.FieldCipher;
import cn.minzheng.platform.database.DatabaseAccess;
import cn.minzheng.shared.DataScope;
import cn.minzheng.test.TestPostgres;
import cn.minzheng.test.TestPostgresSql;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Prints figures; asserts none of them (no test here may fail on time). Skipped unless {@code -Dminzheng.benchmark=true}:
 *
 * <pre>
 * ./mvnw -pl app test -Dtest=ResidentBenchmark -Dminzheng.benchmark=true
 * </pre>
 *
 * <p>Loads the demo district at size {@code district} (about 1.3 million residents) into the embedded PostgreSQL, then
 * measures (1) search through {@link ResidentSearch} — security, transaction, row-level security included — by name,
 * surname, full pinyin, initials, full ID number and last four characters with the name, at district scope and at
 * community scope, p50 and p99 over a sample of real rows; (2) an import of 100 000 rows (CSV and .xlsx) in a separate
 * JVM started with {@code -Xmx512m}, so that finishing proves the heap goal, which also reports its peak heap.
 */
@EnabledIfSystemProperty(named = "minzheng.benchmark", matches = "true")
@SpringBootTest(properties = {"minzheng.demo.size=district", "minzheng.demo-password=Bench-Pass-2023x"})
class ResidentBenchmark {

    private static final int SAMPLE = 300;

    @Autowired
    ResidentSearch search;

    @Autowired
    FieldCipher cipher;

    @Autowired
    District district;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DatabaseAccess access;

    record Sample(String name, String pinyin, String initials, String community, String idNumber) {}

    @Test
    void printsSearchAndImportFigures() throws Exception {
        long residents = TestPostgresSql.queryForObject(jdbc, "select count(*) from resident", Long.class);
        long households = TestPostgresSql.queryForObject(jdbc, "select count(*) from household", Long.class);
        System.out.printf(
                "%n=== 居民基准 / resident benchmark: %,d residents, %,d households ===%n", residents, households);
        TestPostgresSql.execute(jdbc, "analyze");

        List<Sample> samples = samples();
        Map<String, java.util.function.Function<Sample, String>> kinds = new LinkedHashMap<>();
        kinds.put("姓名 full name", Sample::name);
        kinds.put("姓氏 surname prefix", s -> s.name().substring(0, s.name().offsetByCodePoints(0, 1)));
        kinds.put("全拼 full pinyin", Sample::pinyin);
        kinds.put("首字母 initials", s -> s.initials().length() >= 2 ? s.initials() : s.pinyin());
        kinds.put("证件号码 full ID", Sample::idNumber);
        kinds.put("后四位+姓名 last four + name", s -> s.name() + " " + s.idNumber().substring(14));
        System.out.printf(
                "%-34s %-10s %9s %9s %9s %12s%n", "query", "scope", "p50 ms", "p99 ms", "max ms", "avg results");
        for (var kind : kinds.entrySet()) {
            for (String scope : List.of("district", "community")) {
                measure(kind.getKey(), scope, samples, kind.getValue());
            }
        }

        Path dir = Files.createDirectories(Path.of("target/benchmark"));
        Path csv = dir.resolve("import-100k.csv");
        Path xlsx = dir.resolve("import-100k.xlsx");
        BenchmarkFiles.write(100_000, csv, xlsx);
        for (Path file : List.of(csv, xlsx, csv)) { // the CSV twice: the second run finds everything registered
            runImportInSmallJvm(file);
        }
    }

    private List<Sample> samples() throws Exception {
        List<Sample> samples = new ArrayList<>();
        String database = TestPostgresSql.databaseOf(jdbc.getDataSource());
        try (Connection admin = TestPostgres.get().superuser(database);
                Statement statement = admin.createStatement();
                ResultSet rows = statement.executeQuery("""
                        select name, name_pinyin, name_initials, community_code, id_cipher from resident
                        where id_cipher is not null and merged_into is null and strpos(name, '·') = 0
                        order by md5(id::text) limit %d
                        """.formatted(SAMPLE))) {
            while (rows.next()) {
                samples.add(new Sample(
                        rows.getString(1),
                        rows.getString(2),
                        rows.getString(3),
                        rows.getString(4),
                        cipher.decrypt(rows.getBytes(5), "resident.id_number")));
            }
        }
        return samples;
    }

    private void measure(
            String label, String scopeKind, List<Sample> samples, java.util.function.Function<Sample, String> query) {
        long[] nanos = new long[samples.size()];
        long results = 0;
        for (int round = 0; round < 2; round++) { // the first round warms caches and the JIT
            for (int i = 0; i < samples.size(); i++) {
                Sample sample = samples.get(i);
                DataScope scope = scopeKind.equals("district") ? district.scope() : DataScope.of(sample.community());
                String role = scopeKind.equals("district") ? "DEPARTMENT_OFFICER" : "COMMUNITY_WORKER";
                String text = query.apply(sample);
                long started = System.nanoTime();
                ResidentSearch.Page page =
                        SystemActor.call(scope, () -> search.search(new ResidentSearch.Query(text, null, 0, 50)), role);
                nanos[i] = System.nanoTime() - started;
                if (round == 1) {
                    results += page.items().size();
                }
            }
        }
        Arrays.sort(nanos);
        System.out.printf(
                "%-34s %-10s %9.2f %9.2f %9.2f %12.1f%n",
                label,
                scopeKind,
                nanos[nanos.length / 2] / 1e6,
                nanos[(int) Math.ceil(nanos.length * 0.99) - 1] / 1e6,
                nanos[nanos.length - 1] / 1e6,
                results / (double) samples.size());
    }

    /** A JVM capped at 512 MB heap runs the platform (no web server) against the same database and imports the file. */
    private void runImportInSmallJvm(Path file) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-Dfile.encoding=UTF-8",
                "-Duser.timezone=Asia/Shanghai",
                "-cp",
                System.getProperty("java.class.path"),
                ImportBenchmarkMain.class.getName(),
                access.jdbcUrl(),
                access.ownerUser(),
                access.ownerPassword(),
                access.appUser(),
                access.appPassword(),
                file.toAbsolutePath().toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("IMPORT ")) {
                    System.out.println(line.substring(7));
                }
            }
        }
        assertThat(process.waitFor()).as("the 512 MB import JVM finished").isZero();
    }
}
