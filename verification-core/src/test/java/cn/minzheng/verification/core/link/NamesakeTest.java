package cn.minzheng.verification.core.link;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.verification.core.cli.Main;
import cn.minzheng.verification.core.store.ReadOnlyStore;
import cn.minzheng.verification.core.store.Store;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records without a number, for a probe person with namesakes born the same day (王伟, registered with another 王伟
 * and a 王玮) and for one without (陈静). Each record tests one decision of {@link NameBirthJudge}.
 */
class NamesakeTest {

    @TempDir
    static Path dir;

    static List<String> hits;
    static String report;

    @BeforeAll
    static void verify() throws Exception {
        NamesakeFixture.write(dir);
        Path sources = dir.resolve("sources");
        run(
                "load",
                "--sources",
                sources.toString(),
                "--store",
                dir.resolve("store").toString());
        report = run(
                "run",
                "--probe",
                dir.resolve("probe.csv").toString(),
                "--store",
                dir.resolve("store").toString(),
                "--out",
                dir.resolve("hits.csv").toString(),
                "--as-of",
                "2025-06-30");
        hits = Files.readAllLines(dir.resolve("hits.csv"));
    }

    static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aPersonWithoutNamesakesGetsUnnumberedRecordsIncludingHomophones() {
        assertThat(hits).contains("P2,social_insurance,si-chen,NAME_BIRTH", "P2,vehicle,v-chen,NAME_BIRTH");
    }

    @Test
    void aNamesakeWhoWritesTheNameDifferentlyIsNoRivalForARecordSpelledAsThePersonWritesIt() {
        assertThat(hits).contains("P3,social_insurance,si-li,NAME_BIRTH");
    }

    @Test
    void theInteractiveCheckOfOneHouseholdWeighsSpellingsAndOwnRecordsButHasNoRatesToWeighBy() throws Exception {
        List<ProbePerson> wang = ProbeReader.read(dir.resolve("probe.csv"), StandardCharsets.UTF_8).stream()
                .filter(p -> p.personId().equals("P1"))
                .toList();
        try (Connection connection = ReadOnlyStore.open(Store.file(dir.resolve("store")), null, 0)) {
            List<String> interactive = new HouseholdCheck(connection)
                    .check(wang).stream()
                            .map(h -> h.personId() + "," + h.source() + "," + h.recordId() + "," + h.tier())
                            .toList();
            assertThat(interactive)
                    .contains("P1,hukou,hk-wang,ID", "P1,civil_assistance,ca-nonum,NAME_BIRTH")
                    .noneMatch(line -> line.contains("v-homophone") || line.contains("hk-extra"))
                    // the batch refuses it by the source's rates; one household has none, so it stays for review
                    .contains("P1,social_insurance,si-nonum,NAME_BIRTH");
        }
    }

    @Test
    void aMemberWithoutANumberHasTheRegistersNumberedNamesakesAsRivals() {
        assertThat(hits).noneMatch(line -> line.contains("si-zhang"));
        // her own registration, without a number either, is hers
        assertThat(hits).contains("P4,hukou,hk-zhang,NAME_BIRTH");
    }

    @Test
    void aSecondRegistrationIsNotThePersonsWhenTheirOwnWasFoundByNumber() {
        assertThat(hits).contains("P1,hukou,hk-wang,ID");
        assertThat(hits).noneMatch(line -> line.contains("hk-extra"));
        assertThat(report).contains("name_birth_refused_own_record=1");
    }

    @Test
    void aSpellingOfANamesakeIsNotLinked() {
        assertThat(hits).noneMatch(line -> line.contains("v-homophone"));
        assertThat(report).contains("name_birth_refused_namesake_spelling=1");
    }

    @Test
    void withNamesakesSpelledAlikeTheSourceDecidesWhoseTheRecordMoreLikelyIs() {
        assertThat(hits).as(report).contains("P1,civil_assistance,ca-nonum,NAME_BIRTH");
        assertThat(hits).noneMatch(line -> line.contains("si-nonum"));
        assertThat(report).contains("name_birth_refused_namesake_prior=2"); // si-nonum and si-zhang
    }
}
