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
class ManualVerification {

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
            cases.perform(a.caseId(), CaseVerification.STEP, Cases.Act.today("核对系统无法核对，由经办人向有关部门人工查询"));
        }
        return results.recordManual(applicationId, result);
    }
}
