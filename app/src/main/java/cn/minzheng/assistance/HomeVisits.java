package cn.minzheng.assistance;

import cn.minzheng.procedure.Cases;
import cn.minzheng.shared.BusinessRuleViolation;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 入户调查 in one act: the investigation form is recorded, its signed scan attached and the kernel's step taken with
 * the same investigators — all or nothing, so a refused step leaves no half-recorded visit and nobody types the
 * investigators twice.
 */
@Service
public class HomeVisits {

    public static final String STEP = "HOME_VISIT";

    private final Applications applications;
    private final Investigations investigations;
    private final Cases cases;

    HomeVisits(Applications applications, Investigations investigations, Cases cases) {
        this.applications = applications;
        this.investigations = investigations;
        this.cases = cases;
    }

    /** A scan of the signed 入户调查表, if one comes with the form. */
    public record Scan(String fileName, byte[] content) {}

    @PreAuthorize(AssistanceRoles.INVESTIGATE)
    @Transactional
    public Investigation record(
            long applicationId, Investigations.NewInvestigation visit, Scan scan, String lateReason) {
        Application a = applications.find(applicationId);
        Investigation recorded = investigations.record(applicationId, visit);
        if (scan != null) {
            cases.attach(
                    a.caseId(),
                    "INVESTIGATION_FORM",
                    scan.fileName(),
                    new ByteArrayInputStream(scan.content()),
                    "入户调查表");
        }
        LocalDate on = visit.visitedOn();
        try {
            cases.perform(a.caseId(), STEP, new Cases.Act(on, visit.note(), lateReason, visit.investigators()));
        } catch (BusinessRuleViolation e) {
            throw new BusinessRuleViolation("入户调查未能登记：" + e.getMessage());
        }
        return recorded;
    }
}
