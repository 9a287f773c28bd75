package cn.minzheng.verification.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code load} reads {@code .csv.gz} and single-file {@code .zip} deliveries as their CSV, without unpacking them. */
class CompressedDeliveriesTest {

    @TempDir
    Path dir;

    @Test
    void compressedSourcesLoadAsTheirCsvAndGiveTheSameHits() throws Exception {
        Path data = dir.resolve("data");
        ok("generate", "--size", "3000", "--seed", "4", "--out", data.toString());
        Path packed = Files.createDirectories(dir.resolve("packed"));
        List<Path> files;
        try (var listing = Files.list(data.resolve("sources"))) {
            files = listing.sorted().toList();
        }
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            String name = file.getFileName().toString();
            if (i % 3 == 0) {
                try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(packed.resolve(name + ".gz")))) {
                    Files.copy(file, out);
                }
            } else if (i % 3 == 1) {
                String code = name.substring(0, name.length() - 4);
                try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(packed.resolve(code + ".zip")))) {
                    out.putNextEntry(new ZipEntry("export/" + name));
                    Files.copy(file, out);
                    out.closeEntry();
                }
            } else {
                Files.copy(file, packed.resolve(name));
            }
        }
        ok(
                "load",
                "--sources",
                data.resolve("sources").toString(),
                "--store",
                dir.resolve("plain").toString());
        String loaded = ok(
                "load",
                "--sources",
                packed.toString(),
                "--store",
                dir.resolve("packed-store").toString());
        assertThat(loaded).contains("rows_read=3025 accepted=3025"); // hukou, from hukou.csv.gz
        for (String store : new String[] {"plain", "packed-store"}) {
            ok(
                    "run",
                    "--probe",
                    data.resolve("probe.csv").toString(),
                    "--store",
                    dir.resolve(store).toString(),
                    "--out",
                    dir.resolve(store + ".csv").toString(),
                    "--as-of",
                    "2025-06-30");
        }
        assertThat(new TreeSet<>(Files.readAllLines(dir.resolve("packed-store.csv"))))
                .hasSizeGreaterThan(100)
                .isEqualTo(new TreeSet<>(Files.readAllLines(dir.resolve("plain.csv"))));
    }

    private static String ok(String... args) {
        CommandLine result = CommandLine.run(args);
        assertThat(result.status()).as(result.err()).isZero();
        return result.out();
    }

    @Test
    void anArchiveOfSeveralFilesOrTwoFilesForOneSourceAreRefusedInOneLine() throws Exception {
        Path sources = Files.createDirectories(dir.resolve("bad"));
        String csv = "record_id,id_number,name,gender,birth_date,death_date\nd1,,张三,M,1950-01-01,2020-01-01\n";
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(sources.resolve("death.zip")))) {
            for (String name : new String[] {"a.csv", "b.csv"}) {
                out.putNextEntry(new ZipEntry(name));
                out.write(csv.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        assertRefused(sources, "holds more than one file");
        Files.delete(sources.resolve("death.zip"));
        Files.writeString(sources.resolve("death.csv"), csv);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(sources.resolve("death.csv.gz")))) {
            out.write(csv.getBytes(StandardCharsets.UTF_8));
        }
        assertRefused(sources, "a second file for source death");
        Files.delete(sources.resolve("death.csv"));
        Files.writeString(sources.resolve("death.csv.gz"), csv);
        assertRefused(sources, "not a gzip file");
    }

    private void assertRefused(Path sources, String reason) {
        CommandLine result = CommandLine.run(
                "load",
                "--sources",
                sources.toString(),
                "--store",
                dir.resolve("s").toString());
        String message = result.err();
        assertThat(result.status()).as(message).isEqualTo(2);
        assertThat(message.strip().lines()).hasSize(1);
        assertThat(message).contains(reason);
    }
}
