package cn.minzheng.verification.core.link;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.verification.core.cli.Main;
import cn.minzheng.verification.core.normalize.IdNumbers;
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
 * A hand-made household: 王建国 (head), 李秀英 (spouse), 王子涵 (child). Each record tests one linkage or rule decision.
 */
class LinkageAndRulesTest {

    static final String FATHER = id("61011319700101001");
    static final String MOTHER = id("61011319720202002");
    static final String CHILD = id("61011320100303003");

    @TempDir
    static Path dir;

    static List<String> hits;
    static List<String> findings;

    static String id(String body) {
        return body + IdNumbers.checkCharacter(body);
    }

    @BeforeAll
    static void verify() throws Exception {
        Path sources = Files.createDirectories(dir.resolve("sources"));
        Files.writeString(
                dir.resolve("probe.csv"),
                "person_id,household_id,id_number,name,gender,birth_date,relation\n"
                        + "P1,H1," + FATHER + ",王建国,M,1970-01-01,户主\n"
                        + "P2,H1," + MOTHER + ",李秀英,F,1972-02-02,配偶\n"
                        + "P3,H1," + CHILD + ",王子涵,M,2010-03-03,子女\n");
        String vehicleHeader =
                "record_id,id_number,name,gender,birth_date,plate,vehicle_type,registered_on,deregistered_on\n";
        Files.writeString(
                sources.resolve("vehicle.csv"),
                vehicleHeader
                        + "v-car," + FATHER + ",王建国,M,1970-01-01,陕A00001,小型汽车,2015-01-01,\n"
                        + "v-disabled," + MOTHER + ",李秀英,F,1972-02-02,陕A00002,残疾人专用车,2015-01-01,\n"
                        + "v-sold," + MOTHER + ",李秀英,F,1972-02-02,陕A00003,小型汽车,2010-01-01,2020-05-01\n"
                        // the child's record filed under the father's number
                        + "v-child," + FATHER + ",王子涵,M,2010-03-03,陕A00004,摩托车,2024-01-01,\n"
                        // old 15-digit number, traditional characters
                        + "v-old," + FATHER.substring(0, 6) + FATHER.substring(8, 17) + ",王建國,M,1970-01-01,陕A00005,"
                        + "货车,2019-01-01,2019-12-31\n"
                        // spreadsheet damage: only name and birth date can link it, for review
                        + "v-excel," + FATHER.substring(0, 15) + "000,王建国,M,1970-01-01,陕A00006,小型汽车,2018-01-01,\n"
                        // a namesake with a damaged number that does not fit the father's: no link
                        + "v-namesake,6.20102E+17,王建国,M,1970-01-01,陕A00007,小型汽车,2018-01-01,\n");
        Files.writeString(
                sources.resolve("real_estate.csv"),
                "record_id,id_number,name,gender,birth_date,property_type,area_m2,registered_on,ended_on\n"
                        + "h1," + FATHER + ",王建国,M,1970-01-01,住宅,89.5,2005-01-01,\n"
                        + "h2," + MOTHER + ",李秀英,F,1972-02-02,住宅,60.0,2012-01-01,\n"
                        + "h3," + MOTHER + ",李秀英,F,1972-02-02,住宅,45.0,2001-01-01,2010-01-01\n");
        run(
                "load",
                "--sources",
                sources.toString(),
                "--store",
                dir.resolve("store").toString());
        run(
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
        findings = Files.readAllLines(dir.resolve("findings.csv"));
    }

    static void run(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(
                args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
    }

    @Test
    void exactAndConvertedNumbersLinkByIdAcrossTraditionalCharacters() {
        assertThat(hits).contains("P1,vehicle,v-car,ID", "P1,vehicle,v-old,ID", "P2,vehicle,v-disabled,ID");
    }

    @Test
    void aFamilyMembersNumberDoesNotMakeAnIdLink() {
        assertThat(hits).doesNotContain("P1,vehicle,v-child,ID");
        assertThat(hits).contains("P3,vehicle,v-child,NAME_BIRTH");
    }

    @Test
    void damagedNumbersLinkOnlyForReviewAndOnlyWhenTheSurvivingDigitsFit() {
        assertThat(hits).contains("P1,vehicle,v-excel,NAME_BIRTH");
        assertThat(hits).noneMatch(line -> line.contains("v-namesake"));
    }

    @Test
    void vehicleRuleSkipsDisabilityVehiclesAndDeregisteredOnes() {
        assertThat(findings).anyMatch(f -> f.contains("VEHICLE_OWNED,DISQUALIFYING,vehicle,v-car,ID"));
        assertThat(findings).noneMatch(f -> f.contains("v-disabled") || f.contains("v-sold") || f.contains("v-old"));
        // linked by name and birth date only: never disqualifying by itself
        assertThat(findings).anyMatch(f -> f.contains("VEHICLE_OWNED,NEEDS_EXPLANATION,vehicle,v-excel,NAME_BIRTH"));
    }

    @Test
    void secondHomeCountsOnlyPropertiesStillOwned() {
        assertThat(findings).anyMatch(f -> f.startsWith("H1,,SECOND_HOME,DISQUALIFYING,real_estate,,ID,2,"));
    }

    @Test
    void theInteractiveCheckFindsWhatTheRunFinds() throws Exception {
        List<ProbePerson> household = ProbeReader.read(dir.resolve("probe.csv"), StandardCharsets.UTF_8);
        try (Connection connection = ReadOnlyStore.open(Store.file(dir.resolve("store")), null, 0)) {
            List<String> interactive = new HouseholdCheck(connection)
                    .check(household).stream()
                            .map(h -> h.personId() + "," + h.source() + "," + h.recordId() + "," + h.tier())
                            .toList();
            assertThat(interactive).containsExactlyInAnyOrderElementsOf(hits.subList(1, hits.size()));
        }
    }

    @Test
    void everyFindingCitesItsLegalBasis() {
        assertThat(findings.subList(1, findings.size())).allMatch(f -> f.contains("《"));
    }
}
