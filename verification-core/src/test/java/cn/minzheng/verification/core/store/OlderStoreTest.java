package cn.minzheng.verification.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.verification.core.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform keeps store generations written by earlier versions. One written before the register kept its names and
 * before the current lookup tables still runs; the one-household lookup asks for a new load instead of failing.
 */
class OlderStoreTest {

    @TempDir
    Path dir;

    @Test
    void aStoreWithoutTheRegistersNamesStillRunsAndLookupAsksForANewLoad() throws Exception {
        Path data = dir.resolve("data");
        Path store = dir.resolve("store");
        assertThat(run("generate", "--size", "3000", "--seed", "5", "--out", data.toString()).status)
                .isZero();
        assertThat(run("load", "--sources", data.resolve("sources").toString(), "--store", store.toString()).status)
                .isZero();
        try (Connection connection = Store.open(Store.file(store));
                Statement statement = connection.createStatement()) {
            // what an earlier version wrote: no names for numbered registrations, no register_lookup
            statement.execute("ALTER TABLE " + Source.REGISTER.table() + " DROP COLUMN name");
            statement.execute("DROP TABLE register_lookup");
            statement.execute("CHECKPOINT");
        }
        Result ran = run(
                "run",
                "--probe",
                data.resolve("probe.csv").toString(),
                "--store",
                store.toString(),
                "--out",
                dir.resolve("hits.csv").toString(),
                "--as-of",
                "2025-06-30");
        assertThat(ran.status).as(ran.err).isZero();
        assertThat(Files.readAllLines(dir.resolve("hits.csv"))).hasSizeGreaterThan(100);

        Result looked = run(
                "lookup",
                "--probe",
                data.resolve("probe.csv").toString(),
                "--store",
                store.toString(),
                "--sample",
                "5");
        assertThat(looked.status).isEqualTo(2);
        assertThat(looked.err.strip().lines()).hasSize(1);
        assertThat(looked.err).contains("run load again");
    }

    @Test
    void aStoreWhoseNameKeysAnEarlierVersionComputedIsRefusedInOneLine() throws Exception {
        Path data = dir.resolve("keys-data");
        Path store = dir.resolve("keys-store");
        assertThat(run("generate", "--size", "2000", "--seed", "6", "--out", data.toString()).status)
                .isZero();
        assertThat(run("load", "--sources", data.resolve("sources").toString(), "--store", store.toString()).status)
                .isZero();
        try (Connection connection = Store.open(Store.file(store));
                Statement statement = connection.createStatement()) {
            // what a store loaded before the name table came from ICU looks like: no record of its name keys
            statement.execute("DROP TABLE store_meta");
            statement.execute("CHECKPOINT");
        }
        for (String command : new String[] {"run", "lookup"}) {
            Result result = command.equals("run")
                    ? run(
                            "run",
                            "--probe",
                            data.resolve("probe.csv").toString(),
                            "--store",
                            store.toString(),
                            "--out",
                            dir.resolve("keys-hits.csv").toString())
                    : run(
                            "lookup",
                            "--probe",
                            data.resolve("probe.csv").toString(),
                            "--store",
                            store.toString(),
                            "--sample",
                            "5");
            assertThat(result.status).as(command).isEqualTo(2);
            assertThat(result.err.strip().lines()).hasSize(1);
            assertThat(result.err).contains("name keys differ", "run load again");
        }
        // a platform generation built on it starts afresh instead of mixing keys
        Path next = dir.resolve("keys-next/store.duckdb");
        StoreBuilder.replaceSource(
                Store.file(store),
                next,
                Source.VEHICLE,
                data.resolve("sources/vehicle.csv"),
                java.nio.charset.StandardCharsets.UTF_8,
                2,
                null);
        assertThat(StoreBuilder.hasCurrentNameKeys(next)).isTrue();
        try (Connection connection = Store.open(next);
                Statement statement = connection.createStatement();
                java.sql.ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + Source.REGISTER.table())) {
            rows.next();
            assertThat(rows.getLong(1)).isZero();
        }
    }

    record Result(int status, String err) {}

    static Result run(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(
                args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, err.toString(StandardCharsets.UTF_8));
    }
}
