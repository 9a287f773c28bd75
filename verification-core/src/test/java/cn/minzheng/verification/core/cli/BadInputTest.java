package cn.minzheng.verification.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets a one-line reason and a non-zero status, never a stack trace. */
class BadInputTest {

    static final String HEADER =
            "record_id,id_number,name,gender,birth_date,plate,vehicle_type,registered_on,deregistered_on\n";
    static final String ROW = "r1,11010519491231002X,王建国,M,1949-12-31,陕A12345,小型汽车,2020-01-01,\n";

    @TempDir
    Path dir;

    private Path sources(String file, String content, Charset charset) throws Exception {
        Path sources = Files.createDirectories(dir.resolve("sources"));
        Files.writeString(sources.resolve(file), content, charset);
        return sources;
    }

    private CommandLine load(Path sources, String... extra) {
        String[] args = {
            "load",
            "--sources",
            sources.toString(),
            "--store",
            dir.resolve("store").toString()
        };
        String[] all = new String[args.length + extra.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(extra, 0, all, args.length, extra.length);
        return CommandLine.run(all);
    }

    private static void assertOneLineFailure(CommandLine result, String... fragments) {
        assertThat(result.status()).isNotZero();
        assertThat(result.err().strip().lines()).hasSize(1);
        assertThat(result.err()).doesNotContain("Exception").doesNotContain("\tat ");
        for (String fragment : fragments) {
            assertThat(result.err()).contains(fragment);
        }
    }

    @Test
    void missingRequiredColumn() throws Exception {
        Path sources = sources(
                "vehicle.csv", "record_id,name,gender,birth_date\nr1,王建国,M,1949-12-31\n", StandardCharsets.UTF_8);
        assertOneLineFailure(load(sources), "vehicle.csv", "missing required column id_number");
    }

    @Test
    void unknownSourceFile() throws Exception {
        Path sources = sources("yachts.csv", HEADER + ROW, StandardCharsets.UTF_8);
        assertOneLineFailure(load(sources), "yachts.csv", "unknown source code");
    }

    @Test
    void nonUtf8FileWithoutEncodingOptionIsRefusedNamingFileAndLine() throws Exception {
        Path sources = sources("vehicle.csv", HEADER + ROW + ROW.replace("r1", "r2"), Charset.forName("GB18030"));
        assertOneLineFailure(load(sources), "vehicle.csv", "line 2", "UTF-8");
        assertThat(Files.exists(dir.resolve("store/store.duckdb"))).isFalse();
    }

    @Test
    void gb18030DeliveryLoadsWithTheEncodingOption() throws Exception {
        Path sources = sources("vehicle.csv", HEADER + ROW, Charset.forName("GB18030"));
        CommandLine result = load(sources, "--encoding", "GB18030");
        assertThat(result.status()).as(result.err()).isZero();
        assertThat(result.out()).contains("rows_read=1 accepted=1 rejected=0");
    }

    @Test
    void bomExtraColumnsAndBadRowsAreHandledWithARejectFile() throws Exception {
        String content = "\uFEFFrecord_id,id_number,name,gender,birth_date,colour,plate,vehicle_type,registered_on,"
                + "deregistered_on\n"
                + "r1,11010519491231002X,王建国,M,1949-12-31,红,陕A1,小型汽车,2020-01-01,\n"
                + ",11010519491231002X,王建国,M,1949-12-31,红,陕A2,小型汽车,2020-01-01,\n"
                + "r3,,,M,,红,陕A3,小型汽车,2020-01-01,\n"
                + "r4,11010519491231002X,王建国,M,1949-12-31,红,陕A4,小型汽车,not-a-date,\n"
                + "r5,11010519491231002X,王建国\n";
        Path sources = sources("vehicle.csv", content, StandardCharsets.UTF_8);
        CommandLine result = load(sources);
        assertThat(result.status()).as(result.err()).isZero();
        assertThat(result.out()).contains("rows_read=5 accepted=1 rejected=4");
        String rejects = Files.readString(dir.resolve("store/rejects/vehicle.csv"));
        assertThat(rejects)
                .contains("3,,empty record_id")
                .contains("4,r3,no usable id_number (EMPTY)")
                .contains("5,r4,invalid date in registered_on")
                .contains("6,,\"expected 10 fields, found 3\"");
    }

    @Test
    void missingFilesAndOptions() {
        assertOneLineFailure(
                CommandLine.run("score", "--hits", dir.resolve("nope.csv").toString(), "--truth", "x"), "not found");
        assertOneLineFailure(CommandLine.run("run", "--probe", "x.csv"), "not found");
        assertOneLineFailure(CommandLine.run("load", "--sources", dir.toString()), "missing option --store");
        assertOneLineFailure(CommandLine.run("frobnicate"), "unknown command");
    }
}
