package cn.minzheng.verification.spark;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.verification.core.cli.Main;
import cn.minzheng.verification.core.link.NamesakeFixture;
import cn.minzheng.verification.core.link.ScriptAndTranspositionFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark engine and the DuckDB engine give the same hits and the same findings, as sets, on generated data with
 * the standard error profile. The S-size comparison is part of the benchmark (bench --spark true); this test uses a
 * smaller population so that the build stays within minutes on two cores.
 */
class SparkMatchesDuckDbTest {

    @TempDir
    static Path dir;

    static Path data;
    static Path store;

    @BeforeAll
    static void generateAndLoad() {
        data = dir.resolve("data");
        store = dir.resolve("store");
        core("generate", "--size", "20000", "--seed", "11", "--out", data.toString());
        core("load", "--sources", data.resolve("sources").toString(), "--store", store.toString());
        core(
                "run",
                "--probe",
                data.resolve("probe.csv").toString(),
                "--store",
                store.toString(),
                "--out",
                dir.resolve("duckdb/hits.csv").toString(),
                "--as-of",
                "2025-06-30");
        spark(data.resolve("probe.csv"), store, dir.resolve("spark/hits.csv"));
    }

    static void spark(Path probe, Path storeDir, Path hits) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = SparkVerificationJob.run(
                new String[] {
                    "run",
                    "--engine",
                    "spark",
                    "--master",
                    "local[2]",
                    "--probe",
                    probe.toString(),
                    "--store",
                    storeDir.toString(),
                    "--out",
                    hits.toString(),
                    "--as-of",
                    "2025-06-30"
                },
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
    }

    static void core(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(
                args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
    }

    static Set<String> rows(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        return new HashSet<>(lines.subList(1, lines.size()));
    }

    @Test
    void hitsAreTheSameSet() throws Exception {
        Set<String> duck = rows(dir.resolve("duckdb/hits.csv"));
        Set<String> spark = rows(dir.resolve("spark/hits.csv"));
        assertThat(duck).hasSizeGreaterThan(500);
        assertThat(duck).anyMatch(line -> line.endsWith(",NAME_BIRTH"));
        assertThat(spark).isEqualTo(duck);
    }

    @Test
    void findingsAreTheSameSet() throws Exception {
        Set<String> duck = rows(dir.resolve("duckdb/findings.csv"));
        Set<String> spark = rows(dir.resolve("spark/findings.csv"));
        assertThat(duck).anyMatch(line -> line.contains(",DISQUALIFYING,"));
        assertThat(spark).isEqualTo(duck);
    }

    @Test
    void namesakesAreWeighedAlike() throws Exception {
        Path fixture = dir.resolve("namesakes");
        NamesakeFixture.write(fixture);
        Path fixtureStore = fixture.resolve("store");
        core("load", "--sources", fixture.resolve("sources").toString(), "--store", fixtureStore.toString());
        core(
                "run",
                "--probe",
                fixture.resolve("probe.csv").toString(),
                "--store",
                fixtureStore.toString(),
                "--out",
                fixture.resolve("duckdb/hits.csv").toString(),
                "--as-of",
                "2025-06-30");
        spark(fixture.resolve("probe.csv"), fixtureStore, fixture.resolve("spark/hits.csv"));
        Set<String> duck = rows(fixture.resolve("duckdb/hits.csv"));
        // the fixture's decisions were taken (NamesakeTest checks each), and Spark takes the same
        assertThat(duck).contains("P1,civil_assistance,ca-nonum,NAME_BIRTH", "P2,vehicle,v-chen,NAME_BIRTH");
        assertThat(duck)
                .noneMatch(
                        line -> line.contains("si-nonum") || line.contains("v-homophone") || line.contains("hk-extra"));
        assertThat(rows(fixture.resolve("spark/hits.csv"))).isEqualTo(duck);
    }

    @Test
    void scriptVariantsAndTranspositionsAreDecidedAlike() throws Exception {
        Path fixture = dir.resolve("scripts");
        ScriptAndTranspositionFixture.write(fixture);
        Path fixtureStore = fixture.resolve("store");
        core("load", "--sources", fixture.resolve("sources").toString(), "--store", fixtureStore.toString());
        core(
                "run",
                "--probe",
                fixture.resolve("probe.csv").toString(),
                "--store",
                fixtureStore.toString(),
                "--out",
                fixture.resolve("duckdb/hits.csv").toString(),
                "--as-of",
                "2025-06-30");
        spark(fixture.resolve("probe.csv"), fixtureStore, fixture.resolve("spark/hits.csv"));
        Set<String> duck = rows(fixture.resolve("duckdb/hits.csv"));
        // the fixture's decisions were taken (ScriptAndTranspositionTest checks each), and Spark takes the same
        assertThat(duck)
                .contains(
                        "P1,civil_assistance,ca-trad,ID",
                        "P8,civil_assistance,ca-swap,ID",
                        "P9,civil_assistance,ca-swap-two,NAME_BIRTH",
                        "P7,civil_assistance,ca-child,NAME_BIRTH");
        assertThat(rows(fixture.resolve("spark/hits.csv"))).isEqualTo(duck);
        assertThat(rows(fixture.resolve("spark/findings.csv"))).isEqualTo(rows(fixture.resolve("duckdb/findings.csv")));
    }

    @Test
    void badInputGetsOneLineAndNonZeroStatus() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = SparkVerificationJob.run(
                new String[] {"run", "--probe", dir.resolve("missing.csv").toString(), "--out", "x.csv"},
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isNotZero();
        assertThat(err.toString(StandardCharsets.UTF_8).strip().lines()).hasSize(1);
    }
}
