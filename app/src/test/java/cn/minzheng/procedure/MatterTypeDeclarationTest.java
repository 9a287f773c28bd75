package cn.minzheng.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Declarations are read and checked before they are accepted; every problem is named with where it is. */
class MatterTypeDeclarationTest {

    private static final String SMALL = CatalogueController.EXAMPLE;

    @Test
    void theExampleDeclarationReads() {
        MatterTypeReader.Result result = MatterTypeReader.read(SMALL);
        assertThat(result.problems()).isEmpty();
        MatterType type = result.matterType();
        assertThat(type.code()).isEqualTo("EXAMPLE_SUBSIDY");
        assertThat(type.stepsFrom("RECEIVED")).extracting(MatterType.Step::code).containsExactly("ACCEPT");
        assertThat(type.step("ACCEPT").orElseThrow().requires()).contains(Precondition.REQUIRED_DOCUMENTS);
        assertThat(type.clocks().get(1).limit()).isEqualTo(new MatterType.Limit(10, "WORKING", null));
        assertThat(type.suspension().states()).containsExactly("RECEIVED");
        assertThat(type.suspension().clocks()).containsExactly("ACCEPTANCE");
        assertThat(type.legalReview().mode()).isEqualTo("ALWAYS");
        assertThat(type.decision().computation().results()).containsExactly("amountFen");
        assertThat(type.citedBases()).contains(Basis.of("DIBAO_SHQR", "10"), Basis.of("XZCF_FA", "58"));
    }

    @Test
    void everyShippedDeclarationReads() {
        for (String resource : new ProcedureMatterTypes().resources()) {
            MatterTypeReader.Result result = MatterTypeReader.read(ProcedureReferenceData.read(resource), true);
            assertThat(result.problems()).as(resource).isEmpty();
        }
    }

    @Test
    void aNewSuspensionNamesTheStatesAndClocksItsBasisProvidesFor() {
        // Issue 11 A4: a suspension declared without where it applies and which clocks it stops is not accepted any
        // more …
        String loose = SMALL.replace("""
                suspension: {roles: [STREET_OFFICER], maxTimes: 1, states: [RECEIVED], clocks: [ACCEPTANCE],
                             maxDays: {days: 30, dayType: CALENDAR}, basis: {document: DIBAO_SHQR, article: "10"}}""", "suspension: {roles: [STREET_OFFICER], maxTimes: 1}");
        assertThat(loose).isNotEqualTo(SMALL);
        assertThat(MatterTypeReader.read(loose, true).problems())
                .anyMatch(p -> p.contains("states"))
                .anyMatch(p -> p.contains("clocks"))
                .anyMatch(p -> p.contains("法律依据"));
        // … while a version stored before still reads, limited to its initial state (补正 before 受理).
        MatterType old = MatterTypeReader.read(loose, false).matterType();
        assertThat(old.suspension().states()).containsExactly("RECEIVED");
        assertThat(MatterTypeReader.read(SMALL.replace("clocks: [ACCEPTANCE],", "clocks: [TOTAL, NOPE],"), true)
                        .problems())
                .anyMatch(p -> p.contains("时限不存在：NOPE"));
    }

    @Test
    void brokenDeclarationsNameEveryProblem() {
        String broken = SMALL.replace("to: CHECKING", "to: NOWHERE")
                .replace("roles: [DEPARTMENT_OFFICER]", "roles: [SYSTEM_ADMIN]")
                .replace("from: ACCEPT, until: [DECIDE]", "from: NEVER_HAPPENS, until: [DECIDE]")
                .replace("op: MIN", "op: POWER");
        List<String> problems = MatterTypeReader.read(broken).problems();
        assertThat(problems)
                .anyMatch(p -> p.contains("steps[0].to") && p.contains("NOWHERE"))
                .anyMatch(p -> p.contains("SYSTEM_ADMIN"))
                .anyMatch(p -> p.contains("起算事件不存在：NEVER_HAPPENS"))
                .anyMatch(p -> p.contains("运算须为"));
        assertThat(MatterTypeReader.read("not: [valid").problems()).anyMatch(p -> p.contains("不是有效的 YAML"));
        assertThat(MatterTypeReader.read("").problems()).isNotEmpty();
    }

    @Test
    void aNoticeStepNeedsADeclaredNoticeAndAForbiddenNoticeNeedsItsBasis() {
        String noticeWithoutDeclaration =
                SMALL.replace("documents: [APPLICATION]}", "documents: [APPLICATION], notice: true}");
        assertThat(MatterTypeReader.read(noticeWithoutDeclaration).problems()).anyMatch(p -> p.contains("发布公示"));
        String forbiddenWithoutBasis = SMALL + "notice: {mode: FORBIDDEN}\n";
        assertThat(MatterTypeReader.read(forbiddenWithoutBasis).problems()).anyMatch(p -> p.contains("不得公示须写明法律依据"));
    }

    @Test
    void yamlBooleansDoNotSneakInAsKeys() {
        // YAML 1.1 reads `no`, `on`, `yes` as booleans: keys that look like them are simply unknown, never crash
        String odd = SMALL.replace("casePrefix: SL", "casePrefix: SL\nno: 1");
        assertThat(MatterTypeReader.read(odd).problems()).isEmpty();
    }
}
