package cn.minzheng.assistance;

import cn.minzheng.procedure.Cases;
import cn.minzheng.procedure.Decisions;
import cn.minzheng.resident.HouseholdMembershipPolicy;
import cn.minzheng.resident.HouseholdView;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.verification.Authorisations;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything about one application that the case page and the API show: the kernel's case (clocks, timeline, steps,
 * notices, decisions), the household and who counts, the authorisation coverage, the latest investigation, the
 * verification results (manual ones marked), the care grade, the spot check, temporary aid, and the computation as it
 * would be drafted today.
 */
@Component
public class CaseFiles {

    private final Applications applications;
    private final Cases cases;
    private final Decisions decisions;
    private final Households households;
    private final Authorisations authorisations;
    private final Investigations investigations;
    private final VerificationResults verifications;
    private final SpotChecks spotChecks;
    private final TemporaryAid temporary;
    private final Assessments assessments;
    private final Clock clock;

    CaseFiles(
            Applications applications,
            Cases cases,
            Decisions decisions,
            Households households,
            Authorisations authorisations,
            Investigations investigations,
            VerificationResults verifications,
            SpotChecks spotChecks,
            TemporaryAid temporary,
            Assessments assessments,
            Clock clock) {
        this.applications = applications;
        this.cases = cases;
        this.decisions = decisions;
        this.households = households;
        this.authorisations = authorisations;
        this.investigations = investigations;
        this.verifications = verifications;
        this.spotChecks = spotChecks;
        this.temporary = temporary;
        this.assessments = assessments;
        this.clock = clock;
    }

    public record CaseFile(
            Application application,
            Cases.CaseView kernel,
            HouseholdView household,
            List<HouseholdMembershipPolicy.Decision> policy,
            Authorisations.Coverage coverage,
            Investigation investigation,
            List<VerificationResults.Result> verifications,
            Long verificationRequestId,
            Investigations.CareAssessment care,
            SpotChecks.SpotCheck spotCheck,
            TemporaryAid.Temporary temporary,
            Assessments.Preview preview,
            String previewProblem,
            List<Decisions.DecisionView> decisions,
            Applications.CorrectionNotice correction) {}

    @PreAuthorize(AssistanceRoles.READ)
    @Transactional(readOnly = true)
    public CaseFile of(long applicationId) {
        Application a = applications.find(applicationId);
        LocalDate today = LocalDate.now(clock);
        HouseholdView household = a.householdId() == null ? null : households.household(a.householdId());
        List<HouseholdMembershipPolicy.Decision> policy =
                household == null ? List.of() : households.policy(household.id(), today);
        Authorisations.Coverage coverage = household == null || a.singlePerson() || a.kind() == CaseKind.TEKUN
                ? null
                : authorisations.coverage(household.id(), AssistanceConditions.programme(a.kind()), today);
        Assessments.Preview preview = null;
        String problem = null;
        if (a.closedOn() == null) {
            try {
                preview = assessments.preview(a.id(), today, null);
            } catch (BusinessRuleViolation e) {
                problem = e.getMessage();
            }
        }
        return new CaseFile(
                a,
                cases.view(a.caseId()),
                household,
                policy,
                coverage,
                investigations.latest(a.id()).orElse(null),
                verifications.of(a.id()),
                verifications.systemRequest(a.id()),
                investigations.care(a.id()).orElse(null),
                spotChecks.of(a.id()).orElse(null),
                temporary.of(a.id()).orElse(null),
                preview,
                problem,
                decisions.ofCase(a.caseId()),
                applications.correctionNotice(a.id()));
    }
}
