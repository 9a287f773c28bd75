package cn.minzheng.procedure;

import java.io.ByteArrayOutputStream;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The documents of a case as pages link to them (决定书, 公示, materials, the evidence package, the recheck of a
 * computation): the same content as the REST API, but a refusal is the Chinese error page, never JSON.
 */
@Controller
@RequestMapping("/procedure")
@PreAuthorize(
        "hasAnyRole('DISTRICT_LEADER', 'DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER', 'LEGAL_REVIEWER')")
class CaseDocumentController {

    private final Cases cases;
    private final Decisions decisions;
    private final Notices notices;
    private final EvidencePackages evidence;
    private final CasePages casePages;

    CaseDocumentController(
            Cases cases, Decisions decisions, Notices notices, EvidencePackages evidence, CasePages casePages) {
        this.cases = cases;
        this.decisions = decisions;
        this.notices = notices;
        this.evidence = evidence;
        this.casePages = casePages;
    }

    @GetMapping("/decisions/{id}/document.pdf")
    ResponseEntity<byte[]> decision(@PathVariable long id) {
        Decisions.DecisionView view = decisions.view(id);
        String name = (view.documentNumber() == null ? "决定书草稿-" + view.caseNumber() : view.documentNumber()) + ".pdf";
        return CaseApiController.file(decisions.document(id), MediaType.APPLICATION_PDF_VALUE, name, true);
    }

    /** Re-does the decision's computation from its record and says, in words, whether it comes out the same. */
    @GetMapping("/decisions/{id}/recheck")
    String recheck(@PathVariable long id, Model model) {
        Decisions.DecisionView view = decisions.view(id);
        model.addAttribute("decision", view);
        model.addAttribute("recheck", decisions.recheck(id));
        model.addAttribute("casePage", casePages.pathOf(view.caseId()));
        return "procedure/recheck";
    }

    @GetMapping("/notices/{id}/document.pdf")
    ResponseEntity<byte[]> notice(@PathVariable long id) {
        return CaseApiController.file(notices.staffPdf(id), MediaType.APPLICATION_PDF_VALUE, "公示-" + id + ".pdf", true);
    }

    @GetMapping("/attachments/{id}")
    ResponseEntity<byte[]> attachment(@PathVariable long id) {
        Cases.Download download = cases.attachment(id);
        return CaseApiController.file(
                download.content(),
                download.attachment().contentType(),
                download.attachment().fileName(),
                false);
    }

    @GetMapping("/cases/{id}/evidence.zip")
    @PreAuthorize("hasAnyRole('DISTRICT_LEADER', 'DEPARTMENT_OFFICER', 'LEGAL_REVIEWER')")
    ResponseEntity<byte[]> evidence(@PathVariable long id) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String number = evidence.export(id, out);
        return CaseApiController.file(out.toByteArray(), "application/zip", "证据包-" + number + ".zip", false);
    }
}
