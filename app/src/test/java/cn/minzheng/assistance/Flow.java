package cn.minzheng.assistance;

import static cn.minzheng.assistance.Fixtures.act;

import cn.minzheng.procedure.Cases;
import cn.minzheng.test.As;
import cn.minzheng.verification.Authorisations;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;

/** The ordinary way through a case, step by step, for tests that need a case at a later stage. */
record Flow(
        Applications applications,
        Investigations investigations,
        VerificationResults verifications,
        Assessments assessments,
        Cases cases,
        Authorisations authorisations) {

    /** Taken at the window with every material: accepted at once. */
    Application intake(As street, CaseKind kind, Long household, Long person, LocalDate on, boolean relatives) {
        List<String> kinds = switch (kind) {
            case RIGID_EXPENSE, TEMPORARY -> List.of("APPLICATION", "PROMISE", "AUTHORISATION", "EXPENSE_PROOF");
            default -> List.of("APPLICATION", "PROMISE", "AUTHORISATION", "ID_DOCUMENTS");
        };
        Applications.TemporaryRequest temporary = kind == CaseKind.TEMPORARY || kind == CaseKind.TEMPORARY_URGENT
                ? new Applications.TemporaryRequest(
                        kind == CaseKind.TEMPORARY_URGENT ? "GENERAL" : "SERIOUS", 2, "家中突发火灾，衣物和家具被毁")
                : null;
        return street.call(() -> applications.intake(new Applications.Intake(
                        kind,
                        household,
                        person,
                        false,
                        on,
                        "补录",
                        relatives,
                        relatives ? "申请人之子为本社区居委会委员" : null,
                        false,
                        kind == CaseKind.TEMPORARY_URGENT
                                ? List.of()
                                : Fixtures.materials(kinds.toArray(String[]::new)),
                        null,
                        temporary)))
                .application();
    }

    /** Authorisations, the verification request, the home visit by two and a manual verification result. */
    void investigate(As street, Application a, LocalDate on, List<Investigation.Income> incomes, long... members) {
        Fixtures.authorise(street, authorisations, on.minusDays(1), AssistanceConditions.programme(a.kind()), members);
        if (a.kind() == CaseKind.DIBAO) {
            street.run(() -> cases.perform(a.caseId(), "START_INVESTIGATION", act(on)));
        }
        street.run(() -> cases.perform(a.caseId(), "REQUEST_VERIFICATION", act(on)));
        street.call(() -> investigations.record(a.id(), investigation(on, incomes)));
        attach(street, a.caseId(), "INVESTIGATION_FORM");
        street.run(() -> cases.perform(a.caseId(), "HOME_VISIT", act(on, "社区调查员")));
        street.call(() -> verifications.recordManual(
                a.id(),
                new VerificationResults.ManualResult(on, members.length, 8, 0, 0, 1, "人工查询社保、公积金、不动产、车辆信息，未见异常")));
    }

    static Investigations.NewInvestigation investigation(LocalDate on, List<Investigation.Income> incomes) {
        return new Investigations.NewInvestigation(
                on,
                List.of("街道调查员", "社区调查员"),
                List.of(),
                incomes,
                Investigation.Property.none(),
                true,
                null,
                false,
                List.of(),
                List.of(),
                null,
                null);
    }

    void attach(As who, long caseId, String kind) {
        who.run(() -> cases.attach(
                caseId, kind, kind.toLowerCase() + ".pdf", new ByteArrayInputStream(Fixtures.pdf(kind)), null));
    }
}
