package cn.minzheng.assistance;

import cn.minzheng.procedure.Cases;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fallback when the verification system cannot check: the clerk records the 提请核对 step (if not yet taken) and the
 * result of the checks made by hand with the departments, in one act — the result is marked 手工录入 everywhere.
 */
@Service
public class ManualVerification {

    private final Applications applications;
    private final VerificationResults results;
    private final Cases cases;

    ManualVerification(Applications applications, VerificationResults results, Cases cases) {
        this.applications = applications;
        this.results = results;
        this.cases = cases;
    }

    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'STREET_OFFICER')")
    @Transactional
    public VerificationResults.Result record(long applicationId, VerificationResults.ManualResult result) {
        Application a = applications.find(applicationId);
        boolean requested =
                cases.view(a.caseId()).timeline().stream().anyMatch(e -> CaseVerification.STEP.equals(e.stepCode()));
        if (!requested) {
            // 提请核对 is the street's step in the procedure; the district may record a result only after it
            if (!streetOfficer()) {
                throw new cn.minzheng.shared.BusinessRuleViolation("本案尚未提请核对：提请核对由街道经办人办理，请街道经办人提请核对或录入手工核对结果");
            }
            cases.perform(a.caseId(), CaseVerification.STEP, Cases.Act.today("核对系统无法核对，由经办人向有关部门人工查询"));
        }
        return results.recordManual(applicationId, result);
    }

    private static boolean streetOfficer() {
        var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication();
        return authentication != null
                && authentication.getAuthorities().stream()
                        .anyMatch(a -> "ROLE_STREET_OFFICER".equals(a.getAuthority()));
    }
}
