package cn.minzheng.verification.core.link;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.verification.core.store.ReadOnlyStore;
import cn.minzheng.verification.core.store.Store;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ID tier's name check takes the same name in another script for the person's, refuses only a name (or, without
 * one, a sex and birth date) that belongs to someone else; a transposed number links when exactly one candidate
 * agrees and goes to review, candidates named, when several do. The batch run and the one-household check agree.
 */
class ScriptAndTranspositionTest {

    @TempDir
    static Path dir;

    static List<String> hits;
    static List<String> findings;
    static String report;

    @BeforeAll
    static void verify() throws Exception {
        ScriptAndTranspositionFixture.write(dir);
        NamesakeTest.run(
                "load",
                "--sources",
                dir.resolve("sources").toString(),
                "--store",
                dir.resolve("store").toString());
        report = NamesakeTest.run(
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

    @Test
    void theSameNameInAnotherScriptWithTheExactNumberLinksByNumber() {
        assertThat(hits)
                .contains(
                        "P1,civil_assistance,ca-trad,ID",
                        "P1,civil_assistance,ca-pinyin,ID",
                        "P2,civil_assistance,ca-spaced,ID",
                        "P3,civil_assistance,ca-xiao,ID",
                        "P4,civil_assistance,ca-zhong,ID",
                        "P5,civil_assistance,ca-mai,ID");
    }

    @Test
    void theFindingShowsTheNameAsTheDepartmentRecordedIt() {
        assertThat(findings).anyMatch(line -> line.contains("ca-trad") && line.contains("记录姓名：張偉"));
        assertThat(findings).anyMatch(line -> line.contains("ca-spaced") && line.contains("记录姓名：瀋　靜"));
    }

    @Test
    void anotherGivenNameOrAContradictingSexAndBirthDateIsSomeoneElse() {
        assertThat(hits)
                .doesNotContain("P6,civil_assistance,ca-child,ID")
                .contains("P7,civil_assistance,ca-child,NAME_BIRTH");
        assertThat(hits).noneMatch(line -> line.contains("ca-noname"));
        assertThat(report).contains("id_name_conflicts=2");
    }

    @Test
    void aTransposedNumberWithOneAgreeingCandidateLinksToItsOwner() {
        assertThat(hits).contains("P8,civil_assistance,ca-swap,ID");
        assertThat(findings).anyMatch(line -> line.contains("ca-swap,") && line.contains("相邻两位颠倒后为本人号码"));
    }

    @Test
    void severalAgreeingCandidatesGoToReviewWithTheCandidatesNamed() {
        assertThat(hits)
                .contains("P9,civil_assistance,ca-swap-two,NAME_BIRTH", "P10,civil_assistance,ca-swap-two,NAME_BIRTH");
        assertThat(hits).contains("P11,civil_assistance,ca-swap-stranger,NAME_BIRTH");
        String liu0 = ScriptAndTranspositionFixture.LIU[0].substring(14);
        String liu1 = ScriptAndTranspositionFixture.LIU[1].substring(14);
        assertThat(findings)
                .anyMatch(line -> line.contains("ca-swap-two")
                        && line.contains("2个号码")
                        && line.contains("尾号" + liu0)
                        && line.contains("尾号" + liu1));
        assertThat(report).contains("transposition_links=1", "transposition_reviews=3");
    }

    @Test
    void theOneHouseholdCheckGivesTheBatchsHits() throws Exception {
        Map<String, List<ProbePerson>> households = new LinkedHashMap<>();
        for (ProbePerson p : ProbeReader.read(dir.resolve("probe.csv"), StandardCharsets.UTF_8)) {
            households.computeIfAbsent(p.householdId(), h -> new ArrayList<>()).add(p);
        }
        TreeSet<String> interactive = new TreeSet<>();
        try (Connection connection = ReadOnlyStore.open(Store.file(dir.resolve("store")), null, 0)) {
            HouseholdCheck check = new HouseholdCheck(connection);
            for (List<ProbePerson> members : households.values()) {
                check.check(members)
                        .forEach(h ->
                                interactive.add(h.personId() + "," + h.source() + "," + h.recordId() + "," + h.tier()));
            }
        }
        assertThat(interactive).isEqualTo(new TreeSet<>(hits.subList(1, hits.size())));
    }
}
