package cn.minzheng.assistance;

import cn.minzheng.platform.DemoSavepoints;
import cn.minzheng.platform.documents.PdfDocument;
import cn.minzheng.procedure.Cases;
import cn.minzheng.resident.HouseholdMembershipPolicy;
import cn.minzheng.resident.Residents;
import cn.minzheng.shared.DemoFileNames;
import cn.minzheng.shared.DemoStaff;
import cn.minzheng.verification.Authorisation;
import cn.minzheng.verification.Authorisations;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The acts the assistance demo's cases are made of — intake with its scans, the investigation with its 授权书 and home
 * visit, the manual verification — each done by the demo staff member whose role the procedure names, dated back and
 * recorded as 补录 with its reason. A case that cannot be made (a year the calendar does not know) is skipped alone.
 */
@Component
class AssistanceDemoCaseWork {

    private static final Logger log = LoggerFactory.getLogger(AssistanceDemoCaseWork.class);
    static final String LATE = "演示数据：历史案卷补录";
    // --- helpers -----------------------------------------------------------------------------------------------

    static final String[] ALL_MATERIALS = {"APPLICATION", "PROMISE", "AUTHORISATION", "ID_DOCUMENTS"};

    private final Applications applications;
    private final Investigations investigations;
    private final VerificationResults verifications;
    private final Cases cases;
    private final Authorisations authorisations;
    private final Residents residents;
    private final DemoStaff staff;
    private final DemoSavepoints savepoints;

    AssistanceDemoCaseWork(
            Applications applications,
            Investigations investigations,
            VerificationResults verifications,
            Cases cases,
            Authorisations authorisations,
            Residents residents,
            DemoStaff staff,
            DemoSavepoints savepoints) {
        this.applications = applications;
        this.investigations = investigations;
        this.verifications = verifications;
        this.cases = cases;
        this.authorisations = authorisations;
        this.residents = residents;
        this.staff = staff;
        this.savepoints = savepoints;
    }

    Application intake(AssistanceDemoHousehold h, CaseKind kind, LocalDate on, boolean relatives, String... materials) {
        String street = street(h.community());
        return as(
                        street,
                        () -> applications.intake(new Applications.Intake(
                                kind,
                                kind == CaseKind.TEKUN ? null : h.id(),
                                kind == CaseKind.TEKUN ? h.head().id() : null,
                                false,
                                on,
                                LATE,
                                relatives,
                                relatives ? "申请人之女为本社区居委会委员（演示）" : null,
                                false,
                                materials(materials),
                                null,
                                kind == CaseKind.TEMPORARY || kind == CaseKind.TEMPORARY_URGENT
                                        ? new Applications.TemporaryRequest(
                                                kind == CaseKind.TEMPORARY_URGENT ? "GENERAL" : "SERIOUS",
                                                h.members().size(),
                                                kind == CaseKind.TEMPORARY_URGENT
                                                        ? "家中突发火灾，生活用品被毁（演示）"
                                                        : "家庭成员重病住院，自付医疗费用较高（演示）")
                                        : null)))
                .application();
    }

    void investigate(AssistanceDemoHousehold h, Application a, LocalDate on, long wageFen, boolean verify) {
        String street = street(h.community());
        for (long member : h.ids()) {
            as(
                    street,
                    () -> authorisations.record(new Authorisations.NewAuthorisation(
                            member,
                            Set.of("ALL"),
                            Authorisation.Signer.SELF,
                            null,
                            on.minusDays(1),
                            null,
                            null,
                            null)));
        }
        if (a.kind() == CaseKind.DIBAO) {
            as(street, () -> cases.perform(a.caseId(), "START_INVESTIGATION", act(on)));
        }
        as(street, () -> cases.perform(a.caseId(), "REQUEST_VERIFICATION", act(on)));
        // Members whose place in the household the policy leaves open (第七条) are answered by the investigators, with
        // their reason, as a caseworker would after the home visit; the others follow the policy.
        List<Investigation.Member> answers = a.householdId() == null
                ? List.of()
                : as(street, () -> residents.membersForAssistance(a.householdId(), on)).stream()
                        .filter(d -> d.verdict() == HouseholdMembershipPolicy.Verdict.NEEDS_REVIEW)
                        .map(d -> new Investigation.Member(
                                d.residentId(), d.name(), true, "入户核实：与申请人共同生活、共同生活开支，计入（演示）", false))
                        .toList();
        as(
                street,
                () -> investigations.record(
                        a.id(),
                        new Investigations.NewInvestigation(
                                on,
                                List.of("街道社会救助经办人", "社区网格员"),
                                answers,
                                wageFen > 0
                                        ? List.of(new Investigation.Income(
                                                h.head().name(), "WAGE", wageFen, "灵活就业"))
                                        : List.of(),
                                Investigation.Property.none(),
                                true,
                                null,
                                false,
                                List.of(),
                                List.of(),
                                null,
                                "入户查看居住和生活情况（演示）")));
        attach(street, a.caseId(), "INVESTIGATION_FORM");
        as(street, () -> cases.perform(a.caseId(), "HOME_VISIT", act(on, "社区网格员")));
        if (verify) {
            as(
                    street,
                    () -> verifications.recordManual(
                            a.id(),
                            new VerificationResults.ManualResult(
                                    on,
                                    h.members().size(),
                                    12,
                                    0,
                                    0,
                                    1,
                                    "核对系统尚未接入：人工向社保、公积金、不动产、车辆管理部门查询，未发现不符合条件的情形（演示）")));
        }
    }

    int attempt(String label, Runnable build) {
        try {
            savepoints.run(build);
            return 1;
        } catch (RuntimeException e) {
            log.warn("演示社会救助“{}”未能生成：{}", label, e.getMessage());
            return 0;
        }
    }

    private static List<Applications.Material> materials(String... kinds) {
        List<Applications.Material> out = new ArrayList<>();
        for (String kind : kinds) {
            out.add(new Applications.Material(kind, DemoFileNames.of(kind), pdf(kind)));
        }
        return out;
    }

    private static byte[] pdf(String kind) {
        return PdfDocument.a4("演示材料")
                .title("演示材料")
                .paragraph("这是演示区自动生成的材料（" + kind + "），不含任何真实个人信息。")
                .render();
    }

    void attach(String user, long caseId, String kind) {
        as(user, () -> cases.attach(caseId, kind, DemoFileNames.of(kind), new ByteArrayInputStream(pdf(kind)), "演示"));
    }

    static Cases.Act act(LocalDate on, String... participants) {
        return new Cases.Act(on, null, LATE, List.of(participants));
    }

    static String street(String community) {
        return "jiedao_" + community.substring(0, 9);
    }

    /** Runs the act as the named demo staff member, with the roles and scope of their account. */
    <T> T as(String username, Supplier<T> work) {
        return staff.as(username, work);
    }
}
