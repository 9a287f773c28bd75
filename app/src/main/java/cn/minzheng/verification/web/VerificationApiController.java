package cn.minzheng.verification.web;

import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.verification.BatchVerifications;
import cn.minzheng.verification.Deliveries;
import cn.minzheng.verification.DeliverySchedule;
import cn.minzheng.verification.EvidenceFile;
import cn.minzheng.verification.EvidenceUpload;
import cn.minzheng.verification.Finding;
import cn.minzheng.verification.FindingEvidenceFiles;
import cn.minzheng.verification.FindingOutcome;
import cn.minzheng.verification.FindingReviews;
import cn.minzheng.verification.Findings;
import cn.minzheng.verification.RequestDetails;
import cn.minzheng.verification.RequestSummary;
import cn.minzheng.verification.Sources;
import cn.minzheng.verification.VerificationReports;
import cn.minzheng.verification.VerificationRequests;
import cn.minzheng.verification.VerificationRoles;
import cn.minzheng.verification.VerificationStatistics;
import cn.minzheng.verification.VerificationWorker;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** REST API of 家庭经济状况核对: sources, deliveries, requests, findings and their review, reports, batches, statistics. */
@RestController
class VerificationApiController {

    private final Sources sources;
    private final Deliveries deliveries;
    private final VerificationRequests requests;
    private final FindingReviews reviews;
    private final VerificationReports reports;
    private final BatchVerifications batches;
    private final VerificationStatistics statistics;
    private final VerificationWorker worker;
    private final java.time.Clock clock;
    private final Findings allFindings;
    private final FindingEvidenceFiles evidenceFiles;

    VerificationApiController(
            Sources sources,
            Deliveries deliveries,
            VerificationRequests requests,
            FindingReviews reviews,
            VerificationReports reports,
            BatchVerifications batches,
            VerificationStatistics statistics,
            VerificationWorker worker,
            java.time.Clock clock,
            Findings allFindings,
            FindingEvidenceFiles evidenceFiles) {
        this.evidenceFiles = evidenceFiles;
        this.allFindings = allFindings;
        this.sources = sources;
        this.deliveries = deliveries;
        this.requests = requests;
        this.reviews = reviews;
        this.reports = reports;
        this.batches = batches;
        this.statistics = statistics;
        this.worker = worker;
        this.clock = clock;
    }

    // --- sources ---------------------------------------------------------------------------------------------------

    @GetMapping("/api/v1/verification/sources")
    @PreAuthorize(VerificationRoles.SOURCES_READ)
    List<Sources.SourceInfo> sources() {
        return sources.all();
    }

    record Schedule(DeliverySchedule schedule, String note) {}

    @PostMapping("/api/v1/verification/sources/{code}/schedule")
    @PreAuthorize(VerificationRoles.SOURCES_WRITE)
    Sources.SourceInfo schedule(@PathVariable String code, @RequestBody Schedule body) {
        sources.changeSchedule(code, body.schedule(), body.note());
        return sources.find(code);
    }

    // --- deliveries ------------------------------------------------------------------------------------------------

    @GetMapping("/api/v1/verification/deliveries")
    @PreAuthorize(VerificationRoles.SOURCES_READ)
    List<Deliveries.Delivery> deliveries(
            @RequestParam(required = false) String source, @RequestParam(defaultValue = "100") int limit) {
        return deliveries.list(source, limit);
    }

    /** Multipart: {@code file} (.csv or .xlsx), optional {@code source} (else the file's name) and {@code encoding}. */
    @PostMapping("/api/v1/verification/deliveries")
    @PreAuthorize(VerificationRoles.SOURCES_WRITE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> deliver(
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String source,
            @RequestParam(required = false) String encoding) {
        if (file == null || file.isEmpty()) {
            throw new BusinessRuleViolation("请选择要上传的交付文件（multipart 字段 file）");
        }
        long id;
        try {
            id = deliveries.receive(source, file.getOriginalFilename(), file.getInputStream(), encoding);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        worker.load(id);
        return Map.of("id", id, "status", "RECEIVED");
    }

    @GetMapping("/api/v1/verification/deliveries/{id}")
    @PreAuthorize(VerificationRoles.SOURCES_READ)
    Deliveries.Delivery delivery(@PathVariable long id) {
        return deliveries.find(id);
    }

    @GetMapping("/api/v1/verification/deliveries/{id}/rejects.csv")
    @PreAuthorize(VerificationRoles.SOURCES_READ)
    void rejects(@PathVariable long id, HttpServletResponse response) throws IOException {
        // Written on the request's own thread (no async streaming): the rows come straight from one query, and the
        // security context, the data scope and the session stay those of this request.
        Deliveries.Delivery delivery = deliveries.find(id);
        response.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8).toString());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename("拒收记录-" + delivery.sourceCode() + "-" + id + ".csv", StandardCharsets.UTF_8)
                        .build()
                        .toString());
        deliveries.writeRejects(id, response.getOutputStream());
    }

    // --- requests --------------------------------------------------------------------------------------------------

    record NewRequest(long householdId, String programme, String caseRef) {}

    @PostMapping("/api/v1/verification/requests")
    @PreAuthorize(VerificationRoles.HANDLE)
    @ResponseStatus(HttpStatus.CREATED)
    RequestSummary request(@RequestBody NewRequest body) {
        return requests.request(
                new VerificationRequests.HouseholdRequest(body.householdId(), body.programme(), body.caseRef()));
    }

    @GetMapping("/api/v1/verification/requests")
    @PreAuthorize(VerificationRoles.READ)
    List<RequestSummary> requests(
            @RequestParam(required = false) Long household,
            @RequestParam(required = false) Long batch,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        return requests.list(household, batch, status, limit, offset);
    }

    @GetMapping("/api/v1/verification/requests/{id}")
    @PreAuthorize(VerificationRoles.READ)
    RequestDetails.Detail requestDetail(@PathVariable long id) {
        return requests.detail(id);
    }

    @PostMapping("/api/v1/verification/requests/{id}/reports")
    @PreAuthorize(VerificationRoles.HANDLE)
    @ResponseStatus(HttpStatus.CREATED)
    RequestDetails.Report issue(@PathVariable long id) {
        return reports.issue(id);
    }

    @GetMapping("/api/v1/verification/reports/{id}.pdf")
    @PreAuthorize(VerificationRoles.READ)
    ResponseEntity<byte[]> report(@PathVariable long id) {
        VerificationReports.ReportFile file = reports.pdf(id);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(file.fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-SM3", file.sm3())
                .body(file.pdf());
    }

    // --- findings --------------------------------------------------------------------------------------------------

    @GetMapping("/api/v1/verification/findings/{id}")
    @PreAuthorize(VerificationRoles.READ)
    Finding finding(@PathVariable long id) {
        return allFindings.find(id);
    }

    record Decision(FindingOutcome outcome, String reason) {}

    @PostMapping("/api/v1/verification/findings/{id}/classification")
    @PreAuthorize(VerificationRoles.HANDLE)
    Finding classify(@PathVariable long id, @RequestBody Decision body) {
        reviews.classify(id, body.outcome(), body.reason());
        return allFindings.find(id);
    }

    /** Multipart or form: {@code statement} and up to five {@code evidence} files (PDF, JPEG, PNG). */
    @PostMapping("/api/v1/verification/findings/{id}/objection")
    @PreAuthorize(VerificationRoles.HANDLE)
    Finding object(
            @PathVariable long id,
            @RequestParam(required = false) String statement,
            @RequestParam(name = "evidence", required = false) List<MultipartFile> evidence) {
        reviews.object(id, statement, uploads(evidence));
        return allFindings.find(id);
    }

    @PostMapping("/api/v1/verification/findings/{id}/re-review")
    @PreAuthorize(VerificationRoles.HANDLE)
    Finding reReview(@PathVariable long id, @RequestBody Decision body) {
        reviews.reReview(id, body.outcome(), body.reason());
        return allFindings.find(id);
    }

    @GetMapping("/api/v1/verification/evidence/{id}")
    @PreAuthorize(VerificationRoles.READ)
    ResponseEntity<byte[]> evidence(@PathVariable long id) {
        EvidenceFile file = evidenceFiles.evidence(id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file.fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-SM3", file.sm3())
                .body(file.content());
    }

    static List<EvidenceUpload> uploads(List<MultipartFile> files) {
        List<EvidenceUpload> uploads = new ArrayList<>();
        if (files == null) {
            return uploads;
        }
        for (MultipartFile file : files) {
            if (file == null || file.isEmpty()) {
                continue;
            }
            try {
                uploads.add(new EvidenceUpload(file.getOriginalFilename(), file.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return uploads;
    }

    // --- batches ---------------------------------------------------------------------------------------------------

    @GetMapping("/api/v1/verification/batches")
    @PreAuthorize(VerificationRoles.BATCH_READ)
    List<BatchVerifications.Batch> batches() {
        return batches.list(50);
    }

    @PostMapping("/api/v1/verification/batches")
    @PreAuthorize(VerificationRoles.BATCH)
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> startBatch() {
        long id = batches.start();
        worker.runBatch(id);
        return Map.of("id", id, "status", "RUNNING");
    }

    @GetMapping("/api/v1/verification/batches/{id}")
    @PreAuthorize(VerificationRoles.BATCH_READ)
    BatchVerifications.Batch batch(@PathVariable long id) {
        return batches.find(id);
    }

    // --- statistics ------------------------------------------------------------------------------------------------

    @GetMapping("/api/v1/verification/statistics")
    @PreAuthorize(VerificationRoles.STATISTICS)
    VerificationStatistics.Report statistics(
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        YearMonth now = YearMonth.now(clock);
        return statistics.between(month(from, now.withMonth(1)), month(to, now));
    }

    static YearMonth month(String text, YearMonth otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new BusinessRuleViolation("月份格式应为 YYYY-MM，如 2026-01");
        }
    }
}
