package cn.minzheng.procedure;

import cn.minzheng.shared.BusinessRuleViolation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Cases over REST: open, read, act (steps, suspension, resumption, extension, termination), attach, draft and issue
 * decisions, review them, record objections, export the evidence package. Every guard is in the services; this class
 * only translates.
 */
@RestController
@RequestMapping("/api/v1/procedure")
@PreAuthorize(
        "hasAnyRole('DISTRICT_LEADER', 'DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER', 'LEGAL_REVIEWER')")
class CaseApiController {

    private final Cases cases;
    private final Decisions decisions;
    private final LegalReviews reviews;
    private final Notices notices;
    private final EvidencePackages evidence;
    private final Supervision supervision;

    CaseApiController(
            Cases cases,
            Decisions decisions,
            LegalReviews reviews,
            Notices notices,
            EvidencePackages evidence,
            Supervision supervision) {
        this.cases = cases;
        this.decisions = decisions;
        this.reviews = reviews;
        this.notices = notices;
        this.evidence = evidence;
        this.supervision = supervision;
    }

    @GetMapping("/cases")
    Cases.Page list(
            @RequestParam(required = false) String matterType,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return cases.list(
                new Cases.CaseFilter(matterType, status, q), Math.max(0, page), Math.min(Math.max(1, size), 500));
    }

    @PostMapping("/cases")
    Cases.CaseView open(@RequestBody Cases.NewCase input) {
        return cases.openOnKernel(input);
    }

    @GetMapping("/cases/{id}")
    Cases.CaseView view(@PathVariable long id) {
        return cases.view(id);
    }

    @PostMapping("/cases/{id}/steps/{step}")
    Cases.CaseView perform(
            @PathVariable long id, @PathVariable String step, @RequestBody(required = false) Cases.Act act) {
        return cases.perform(id, step, act == null ? Cases.Act.today(null) : act);
    }

    @PostMapping("/cases/{id}/suspension")
    Cases.CaseView suspend(@PathVariable long id, @RequestBody Cases.Suspension input) {
        return cases.suspend(id, input);
    }

    @PostMapping("/cases/{id}/resumption")
    Cases.CaseView resume(@PathVariable long id, @RequestBody(required = false) Cases.Act act) {
        return cases.resume(id, act == null ? Cases.Act.today(null) : act);
    }

    @PostMapping("/cases/{id}/termination")
    Cases.CaseView terminate(@PathVariable long id, @RequestBody Cases.Act act) {
        return cases.terminate(id, act);
    }

    @PostMapping("/cases/{id}/clocks/{clock}/extensions")
    @PreAuthorize("hasAnyRole('DISTRICT_LEADER', 'DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER')")
    Cases.CaseView requestExtension(
            @PathVariable long id, @PathVariable long clock, @RequestBody Cases.ExtensionRequest input) {
        return cases.requestExtension(id, clock, input);
    }

    record ExtensionDecision(Boolean approve, String note) {}

    @PostMapping("/extensions/{id}/decision")
    Cases.CaseView decideExtension(@PathVariable long id, @RequestBody ExtensionDecision input) {
        return cases.decideExtension(id, Boolean.TRUE.equals(input.approve()), input.note());
    }

    @PostMapping("/cases/{id}/attachments")
    @PreAuthorize("hasAnyRole('DISTRICT_LEADER', 'DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER')")
    Cases.AttachmentView attach(
            @PathVariable long id,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String note,
            @RequestParam(name = "file", required = false) MultipartFile file)
            throws IOException {
        if (file == null || file.isEmpty()) {
            cases.view(id); // outside the scope: 404, as for every other act
            throw new BusinessRuleViolation("请选择要上传的文件");
        }
        return cases.attach(id, kind, file.getOriginalFilename(), file.getInputStream(), note);
    }

    @GetMapping("/attachments/{id}")
    ResponseEntity<byte[]> attachment(@PathVariable long id) {
        Cases.Download download = cases.attachment(id);
        return file(
                download.content(),
                download.attachment().contentType(),
                download.attachment().fileName(),
                false);
    }

    @PostMapping("/cases/{id}/decisions")
    Decisions.DecisionView draft(@PathVariable long id, @RequestBody Decisions.Draft draft) {
        return decisions.draft(id, draft);
    }

    @GetMapping("/decisions/{id}")
    Decisions.DecisionView decision(@PathVariable long id) {
        return decisions.view(id);
    }

    @PostMapping("/decisions/{id}/review-request")
    Decisions.DecisionView submit(@PathVariable long id) {
        return decisions.submitForReview(id);
    }

    @PostMapping("/decisions/{id}/reviews")
    Decisions.DecisionView review(@PathVariable long id, @RequestBody LegalReviews.Review review) {
        return reviews.review(id, review);
    }

    @GetMapping("/decisions/{id}/document")
    ResponseEntity<byte[]> document(@PathVariable long id) {
        Decisions.DecisionView view = decisions.view(id);
        String name = (view.documentNumber() == null ? "决定书草稿-" + view.caseNumber() : view.documentNumber()) + ".pdf";
        return file(decisions.document(id), MediaType.APPLICATION_PDF_VALUE, name, true);
    }

    @GetMapping("/decisions/{id}/recheck")
    Decisions.Recheck recheck(@PathVariable long id) {
        return decisions.recheck(id);
    }

    @GetMapping("/reviews")
    List<LegalReviews.QueueItem> queue() {
        return reviews.queue();
    }

    @PostMapping("/notices/{id}/objections")
    Notices.NoticeView objection(@PathVariable long id, @RequestBody Notices.NewObjection input) {
        return notices.recordObjection(id, input);
    }

    record Resolution(Boolean upheld, String resolution) {}

    @PostMapping("/objections/{id}/resolution")
    Notices.NoticeView resolve(@PathVariable long id, @RequestBody Resolution input) {
        return notices.resolveObjection(id, Boolean.TRUE.equals(input.upheld()), input.resolution());
    }

    @GetMapping("/notices/{id}/document")
    ResponseEntity<byte[]> notice(@PathVariable long id) {
        return file(notices.staffPdf(id), MediaType.APPLICATION_PDF_VALUE, "公示-" + id + ".pdf", true);
    }

    @GetMapping("/cases/{id}/evidence")
    ResponseEntity<byte[]> evidence(@PathVariable long id) {
        // built completely before answering, so that a refusal is an answer and not a broken download
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        String number = evidence.export(id, out);
        return file(out.toByteArray(), "application/zip", "证据包-" + number + ".zip", false);
    }

    @GetMapping("/todo")
    List<Supervision.TodoItem> todo() {
        return supervision.todo();
    }

    @GetMapping("/supervision")
    Supervision.Board board() {
        return supervision.board();
    }

    static ResponseEntity<byte[]> file(byte[] content, String type, String name, boolean inline) {
        ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(name, StandardCharsets.UTF_8)
                .build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(content);
    }
}
