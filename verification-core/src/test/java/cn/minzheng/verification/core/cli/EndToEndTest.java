package cn.minzheng.verification.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.verification.core.score.Scorer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** generate → load → run → score on a small standard-profile data set with a fixed seed. */
class EndToEndTest {

    @TempDir
    static Path work;

    static Path data;
    static Path store;
    static Path hits;
    static CommandLine runOutput;

    @BeforeAll
    static void generateLoadAndRun() throws Exception {
        data = work.resolve("data");
        store = work.resolve("store");
        hits = work.resolve("out/hits.csv");
        CommandLine generated = CommandLine.run(
                "generate", "--size", "30000", "--seed", "7", "--profile", "standard", "--out", data.toString());
        assertThat(generated.status()).as(generated.err()).isZero();
        CommandLine loaded =
                CommandLine.run("load", "--sources", data.resolve("sources").toString(), "--store", store.toString());
        assertThat(loaded.status()).as(loaded.err()).isZero();
        // the residue spill files, and a temp directory made only for them, are gone once the load is done
        try (var entries = Files.list(store)) {
            assertThat(entries.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("store.duckdb", "rejects");
        }
        runOutput = CommandLine.run(
                "run",
                "--probe",
                data.resolve("probe.csv").toString(),
                "--store",
                store.toString(),
                "--out",
                hits.toString(),
                "--as-of",
                "2025-06-30");
        assertThat(runOutput.status()).as(runOutput.err()).isZero();
    }

    @Test
    void generatorIsDeterministicPerSeed() throws Exception {
        Path again = work.resolve("again");
        CommandLine.run("generate", "--size", "30000", "--seed", "7", "--out", again.toString());
        assertThat(Files.mismatch(again.resolve("sources/vehicle.csv"), data.resolve("sources/vehicle.csv")))
                .isEqualTo(-1);
        assertThat(Files.mismatch(again.resolve("probe.csv"), data.resolve("probe.csv")))
                .isEqualTo(-1);
    }

    @Test
    void meetsTheAccuracyGoal() throws Exception {
        CommandLine scored = CommandLine.run(
                "score",
                "--hits",
                hits.toString(),
                "--truth",
                data.resolve("truth/pairs.csv").toString());
        assertThat(scored.status()).isZero();
        assertThat(scored.out().strip().lines()).hasSize(1);
        assertThat(scored.out()).matches("precision=[0-9.]+ recall=[0-9.]+ f1=[0-9.]+ tp=\\d+ fp=\\d+ fn=\\d+\\s*");
        Scorer.Score score = Scorer.score(hits, data.resolve("truth/pairs.csv"));
        assertThat(score.tp()).isGreaterThan(1000);
        assertThat(score.precision()).isGreaterThanOrEqualTo(0.999);
        assertThat(score.recall()).isGreaterThanOrEqualTo(0.999);
    }

    @Test
    void recoversEveryFifteenDigitAndFormattingError() throws Exception {
        List<String> columns = List.of("person_id", "source", "record_id");
        Set<String> truth = Scorer.pairs(data.resolve("truth/pairs.csv"), columns);
        Set<String> found = Scorer.pairs(hits, columns);
        Map<String, Scorer.ErrorBreakdown> byError = Scorer.byError(found, truth, data.resolve("truth/errors.csv"));
        assertThat(byError.get("E1").pairs()).isPositive();
        assertThat(byError.get("E1").recall()).isEqualTo(1.0);
        assertThat(byError.get("E4").pairs()).isPositive();
        assertThat(byError.get("E4").recall()).isEqualTo(1.0);
        assertThat(byError.get("E6").recall()).isGreaterThan(0.97);
    }

    @Test
    void hitsKeepTheContractFormatAndFindingsAreSeparate() throws Exception {
        List<String> lines = Files.readAllLines(hits);
        assertThat(lines.get(0)).isEqualTo("person_id,source,record_id,tier");
        assertThat(lines.subList(1, lines.size()))
                .allMatch(line -> line.matches("P\\d+,[a-z_]+,[0-9a-f]+,(ID|NAME_BIRTH)"));
        assertThat(lines).anyMatch(line -> line.endsWith(",NAME_BIRTH"));
        Path findings = hits.resolveSibling("findings.csv");
        assertThat(Files.readAllLines(findings).get(0))
                .isEqualTo("household_id,person_id,rule,severity,source,record_id,tier,evidence,title,legal_basis");
        assertThat(runOutput.out()).contains("phases").contains("peak_rss=");
    }
}
