package cn.minzheng.verification;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The work of the 核对中心 for other modules and for the demo district, synchronously: load a delivery, review a
 * finding, issue a report, run a re-verification. Each call goes through the same services, checks, roles and audit
 * as the screens; nothing here is a shortcut.
 */
@Service
public class VerificationCentre {

    private final Deliveries deliveries;
    private final FindingReviews reviews;
    private final VerificationReports reports;
    private final BatchVerifications batches;
    private final VerificationWorker worker;
    private final Findings allFindings;

    VerificationCentre(
            Deliveries deliveries,
            FindingReviews reviews,
            VerificationReports reports,
            BatchVerifications batches,
            VerificationWorker worker,
            Findings allFindings) {
        this.allFindings = allFindings;
        this.deliveries = deliveries;
        this.reviews = reviews;
        this.reports = reports;
        this.batches = batches;
        this.worker = worker;
    }

    /** A finding as other modules see it: no personal values. */
    public record FindingRef(long id, Long residentId, String rule, String severity, String recordId, String state) {}

    /** Checks a delivered file and loads it into a new generation of the store; returns the delivery's id. */
    public long deliver(String source, String fileName, byte[] content) {
        long id = deliveries.receive(source, fileName, new ByteArrayInputStream(content), null);
        deliveries.load(id);
        return id;
    }

    /** The delivery's status after its load: LOADED or FAILED. */
    public String deliveryStatus(long deliveryId) {
        return deliveries.find(deliveryId).status().name();
    }

    public List<FindingRef> findings(long requestId) {
        return allFindings.ofRequest(requestId).stream()
                .map(f -> new FindingRef(
                        f.id(),
                        f.residentId(),
                        f.ruleCode(),
                        f.severity(),
                        f.recordId(),
                        f.state().name()))
                .toList();
    }

    /** @param outcome CONFIRMED, NEEDS_EXPLANATION or FALSE_POSITIVE */
    public void classify(long findingId, String outcome, String reason) {
        reviews.classify(findingId, FindingOutcome.valueOf(outcome), reason);
    }

    public void object(long findingId, String statement, String evidenceName, byte[] evidence) {
        reviews.object(
                findingId,
                statement,
                evidence == null ? List.of() : List.of(new EvidenceUpload(evidenceName, evidence)));
    }

    public void reReview(long findingId, String outcome, String reason) {
        reviews.reReview(findingId, FindingOutcome.valueOf(outcome), reason);
    }

    /** Issues the household's report; returns its version. */
    public int issueReport(long requestId) {
        return reports.issue(requestId).version();
    }

    /** Starts and runs a re-verification of all current beneficiaries; returns the batch's id. */
    public long reverifyBeneficiaries() {
        long id = batches.start();
        batches.run(id);
        return id;
    }

    /**
     * Starts a re-verification of all current beneficiaries and leaves it to the module's worker, as the screen's
     * button does; returns the batch's id at once. The batch renders a report for every household without findings,
     * so on the first start the demo district would otherwise wait for it before serving the login page.
     */
    public long startReverificationOfBeneficiaries() {
        long id = batches.start();
        worker.runBatch(id);
        return id;
    }
}
