package cn.minzheng.verification.core.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.minzheng.verification.core.cli.UserError;
import cn.minzheng.verification.core.normalize.IdNumbers;
import cn.minzheng.verification.core.rules.RuleCatalogue;
import cn.minzheng.verification.core.rules.Severity;
import cn.minzheng.verification.core.store.ReadOnlyStore;
import cn.minzheng.verification.core.store.Source;
import cn.minzheng.verification.core.store.StoreBuilder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API the platform uses: a store built one delivery at a time (each build a new file, the previous untouched), and
 * a run for a probe given as objects that returns hits, findings and household totals.
 */
class InProcessApiTest {

    static final String FATHER = id("61011319700101001");
    static final String MOTHER = id("61011319720202002");
    static final LocalDate DAY = LocalDate.of(2025, 6, 30);

    @TempDir
    Path dir;

    static String id(String body) {
        return body + IdNumbers.checkCharacter(body);
    }

    List<ProbePerson> household() {
        return Probes.of(List.of(
                new Probes.Member("P1", "H1", FATHER, "王建国", "M", LocalDate.of(1970, 1, 1), "户主"),
                new Probes.Member("P2", "H1", MOTHER.toLowerCase(), "李秀英", "F", LocalDate.of(1972, 2, 2), "配偶")));
    }

    Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void aStoreGrowsOneDeliveryAtATimeAndTheRunReturnsObjects() throws Exception {
        Path vehicles = write(
                "vehicle.csv",
                "record_id,id_number,name,gender,birth_date,plate,vehicle_type,registered_on,deregistered_on\n"
                        + "v1," + FATHER + ",王建国,M,1970-01-01,陕A00001,小型汽车,2015-01-01,\n"
                        + ",bad,,,,,,,\n");
        Path first = dir.resolve("g1/store.duckdb");
        StoreBuilder.SourceLoad load =
                StoreBuilder.replaceSource(null, first, Source.VEHICLE, vehicles, StandardCharsets.UTF_8, 1, "256MB");
        assertThat(load.result().accepted()).isEqualTo(1);
        assertThat(load.rejects())
                .singleElement()
                .satisfies(r -> assertThat(r.line()).isEqualTo(3));

        Path deposits = write(
                "bank_deposit.csv",
                "record_id,id_number,name,gender,birth_date,bank,balance_fen,as_of\n"
                        + "b1," + FATHER + ",王建国,M,1970-01-01,某银行,3000000,2025-06-01\n"
                        + "b2," + MOTHER + ",李秀英,F,1972-02-02,某银行,1000000,2025-06-01\n");
        Path second = dir.resolve("g2/store.duckdb");
        StoreBuilder.replaceSource(first, second, Source.BANK_DEPOSIT, deposits, StandardCharsets.UTF_8, 1, null);

        try (Connection root = ReadOnlyStore.open(second, "256MB", 1);
                Connection connection = ((DuckDBConnection) root).duplicate()) {
            InProcessRun.Outcome outcome = InProcessRun.run(connection, household(), RuleCatalogue.bundled(), DAY);
            assertThat(outcome.hits())
                    .extracting(InProcessRun.Hit::recordId)
                    .containsExactlyInAnyOrder("v1", "b1", "b2");
            assertThat(outcome.findings()).anySatisfy(f -> {
                assertThat(f.rule()).isEqualTo("VEHICLE_OWNED");
                assertThat(f.personId()).isEqualTo("P1");
                assertThat(f.severity()).isEqualTo(Severity.DISQUALIFYING);
                assertThat(f.legalBasis()).contains("最低生活保障审核确认办法");
            });
            // 40 000 yuan of deposits against 24 months × 830 yuan × 2 persons = 39 840 yuan
            assertThat(outcome.totals())
                    .filteredOn(t -> t.rule().equals("DEPOSITS_ABOVE_LIMIT"))
                    .singleElement()
                    .satisfies(t -> {
                        assertThat(t.total()).isEqualTo(4_000_000.0);
                        assertThat(t.threshold()).isEqualTo(3_984_000.0);
                        assertThat(t.exceeds()).isTrue();
                        assertThat(t.money()).isTrue();
                    });
            assertThat(outcome.totals())
                    .filteredOn(t -> t.rule().equals("SECOND_HOME"))
                    .singleElement()
                    .satisfies(t -> assertThat(t.exceeds()).isFalse());
        }
        // the first store still holds only what it held
        try (Connection root = ReadOnlyStore.open(first, null, 1)) {
            InProcessRun.Outcome outcome = InProcessRun.run(root, household(), RuleCatalogue.bundled(), DAY);
            assertThat(outcome.hits()).extracting(InProcessRun.Hit::recordId).containsExactly("v1");
        }
    }

    @Test
    void replacingASourceDropsItsOldRecords() throws Exception {
        String header = "record_id,id_number,name,gender,birth_date,plate,vehicle_type,registered_on,deregistered_on\n";
        Path first = dir.resolve("g1/store.duckdb");
        StoreBuilder.replaceSource(
                null,
                first,
                Source.VEHICLE,
                write("a.csv", header + "v1," + FATHER + ",王建国,M,1970-01-01,陕A1,小型汽车,2015-01-01,\n"),
                StandardCharsets.UTF_8,
                1,
                null);
        Path second = dir.resolve("g2/store.duckdb");
        StoreBuilder.replaceSource(
                first,
                second,
                Source.VEHICLE,
                write("b.csv", header + "v2," + MOTHER + ",李秀英,F,1972-02-02,陕A2,小型汽车,2015-01-01,\n"),
                StandardCharsets.UTF_8,
                1,
                null);
        try (Connection root = ReadOnlyStore.open(second, null, 1)) {
            assertThat(InProcessRun.run(root, household(), RuleCatalogue.bundled(), DAY)
                            .hits())
                    .extracting(InProcessRun.Hit::recordId)
                    .containsExactly("v2");
        }
    }

    @Test
    void aFailedBuildLeavesNoFileAndThePreviousStoreAlone() throws Exception {
        Path first = dir.resolve("g1/store.duckdb");
        StoreBuilder.replaceSource(
                null,
                first,
                Source.DEATH,
                write(
                        "death.csv",
                        "record_id,id_number,name,gender,birth_date,death_date\nd1," + FATHER
                                + ",王建国,M,1970-01-01,2025-01-01\n"),
                StandardCharsets.UTF_8,
                1,
                null);
        byte[] before = Files.readAllBytes(first);
        Path gb = dir.resolve("gb.csv");
        Files.write(
                gb,
                ("record_id,id_number,name,gender,birth_date,death_date\nd2," + MOTHER
                                + ",李秀英,F,1972-02-02,2025-01-01\n")
                        .getBytes(Charset.forName("GB18030")));
        Path second = dir.resolve("g2/store.duckdb");
        assertThatThrownBy(() ->
                        StoreBuilder.replaceSource(first, second, Source.DEATH, gb, StandardCharsets.UTF_8, 1, null))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("line 2 is not valid UTF-8");
        assertThat(second).doesNotExist();
        assertThat(dir.resolve("g2"))
                .isDirectoryNotContaining(p -> p.getFileName().toString().startsWith("store"));
        assertThat(Files.readAllBytes(first)).isEqualTo(before);
        assertThatThrownBy(() -> StoreBuilder.replaceSource(
                        first,
                        second,
                        Source.DEATH,
                        write("nocol.csv", "record_id,name,gender,birth_date,death_date\n"),
                        StandardCharsets.UTF_8,
                        1,
                        null))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("missing required column id_number");
    }

    @Test
    void anEmptyProbeFindsNothing() throws Exception {
        Path first = dir.resolve("g1/store.duckdb");
        StoreBuilder.replaceSource(
                null,
                first,
                Source.DEATH,
                write("death.csv", "record_id,id_number,name,gender,birth_date,death_date\n"),
                StandardCharsets.UTF_8,
                1,
                null);
        try (Connection root = ReadOnlyStore.open(first, null, 1)) {
            assertThat(InProcessRun.run(root, List.of(), RuleCatalogue.bundled(), DAY)
                            .hits())
                    .isEmpty();
        }
    }
}
