package cn.minzheng.assistance.web;

import cn.minzheng.assistance.Application;
import cn.minzheng.assistance.Applications;
import cn.minzheng.assistance.Assessments;
import cn.minzheng.assistance.AssistanceRoles;
import cn.minzheng.assistance.CaseFiles;
import cn.minzheng.assistance.CaseKind;
import cn.minzheng.assistance.HomeVisits;
import cn.minzheng.assistance.PortalInbox;
import cn.minzheng.assistance.SinglePersonGround;
import cn.minzheng.assistance.TekunEndGround;
import cn.minzheng.assistance.VerificationResults;
import cn.minzheng.assistance.rules.IncomeKind;
import cn.minzheng.assistance.rules.PropertyFacts;
import cn.minzheng.assistance.rules.RigidExpenseHardship;
import cn.minzheng.assistance.rules.TemporaryAssistance;
import cn.minzheng.platform.Display;
import cn.minzheng.platform.documents.PdfDocument;
import cn.minzheng.platform.web.FormFailure;
import cn.minzheng.procedure.CaseScreens;
import cn.minzheng.procedure.Computation;
import cn.minzheng.procedure.MatterType;
import cn.minzheng.procedure.MatterTypes;
import cn.minzheng.resident.ResidentSearch;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.ScopedPrincipal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 社会救助申请 screens: the list, intake at the window (with the one-time notice of what is missing), and the
 * application page — household and who counts, authorisations, the investigation form, verification results, the care
 * grade, the computation and the draft. The procedural acts (steps, attachments, notices, extensions) are done on the
 * kernel's case page, which shows this module's preconditions too.
 */
@Controller
@PreAuthorize(AssistanceRoles.READ)
class ApplicationController {

    private final Applications applications;
    private final CaseFiles files;
    private final VerificationResults verifications;
    private final PortalInbox portal;
    private final MatterTypes matterTypes;
    private final ResidentSearch search;
    private final cn.minzheng.platform.ScopeNames scopeNames;
    private final CaseScreens screens;
    private final Clock clock;

    ApplicationController(
            Applications applications,
            CaseFiles files,
            VerificationResults verifications,
            PortalInbox portal,
            MatterTypes matterTypes,
            ResidentSearch search,
            cn.minzheng.platform.ScopeNames scopeNames,
            CaseScreens screens,
            Clock clock) {
        this.applications = applications;
        this.files = files;
        this.verifications = verifications;
        this.portal = portal;
        this.matterTypes = matterTypes;
        this.search = search;
        this.scopeNames = scopeNames;
        this.screens = screens;
        this.clock = clock;
    }

    @GetMapping("/assistance/applications")
    String list(
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String state,
            @RequestParam(defaultValue = "open") String show,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        CaseKind selected = CaseKind.parse(kind);
        Boolean open = switch (show) {
            case "closed" -> false;
            case "all" -> null;
            default -> true;
        };
        model.addAttribute(
                "applications",
                applications.list(
                        selected, state == null || state.isBlank() ? List.of() : List.of(state), open, page, 50));
        model.addAttribute("kinds", CaseKind.values());
        model.addAttribute("kind", kind);
        model.addAttribute("state", state);
        model.addAttribute("show", show);
        model.addAttribute("page", page);
        return "assistance/applications";
    }

    @GetMapping("/assistance/applications/new")
    @PreAuthorize(AssistanceRoles.INTAKE)
    String intakeForm(
            @RequestParam(defaultValue = "DIBAO") String kind,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Long portal,
            Model model) {
        CaseKind selected = CaseKind.parse(kind);
        if (selected == null || selected == CaseKind.CHANGE) {
            selected = CaseKind.DIBAO;
        }
        model.addAttribute("kind", selected);
        model.addAttribute("singleGrounds", SinglePersonGround.values());
        model.addAttribute(
                "kinds",
                List.of(
                        CaseKind.DIBAO,
                        CaseKind.TEKUN,
                        CaseKind.DIBAO_EDGE,
                        CaseKind.RIGID_EXPENSE,
                        CaseKind.TEMPORARY,
                        CaseKind.TEMPORARY_URGENT));
        model.addAttribute("materials", materials(selected));
        model.addAttribute("q", q);
        if (q != null && !q.isBlank()) {
            model.addAttribute(
                    "found",
                    search.search(new ResidentSearch.Query(q, null, 0, 20)).items());
        }
        if (portal != null) {
            model.addAttribute("portalApplication", this.portal.get(portal));
        }
        model.addAttribute("portal", portal);
        model.addAttribute("severities", TemporaryAssistance.Severity.values());
        model.addAttribute("today", LocalDate.now(clock));
        CaseKind chosen = selected;
        FormFailure.keep(model, "intake", () -> IntakeForm.fresh(chosen, portal, LocalDate.now(clock)));
        return "assistance/application-new";
    }

    @PostMapping("/assistance/applications")
    @PreAuthorize(AssistanceRoles.INTAKE)
    String intake(
            @ModelAttribute("intake") IntakeForm form,
            BindingResult result,
            @RequestParam Map<String, MultipartFile> uploads,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return FormFailure.back(redirect, "intake", form, result, form.page());
        }
        try {
            Applications.IntakeResult done = applications.intake(form.toIntake(Forms.materials(uploads)));
            redirect.addFlashAttribute("notice", intakeNotice(done));
            return "redirect:/assistance/applications/" + done.application().id();
        } catch (BusinessRuleViolation e) {
            return FormFailure.refused(redirect, "intake", form, result, e, form.page());
        }
    }

    static String intakeNotice(Applications.IntakeResult result) {
        if (result.accepted()) {
            return "材料齐全，已受理（受理编号 " + result.application().caseNumber() + "），法定时限开始计算";
        }
        if (!result.missing().isEmpty()) {
            return "已登记（受理编号 " + result.application().caseNumber() + "）。已一次性告知申请人需补齐的全部材料："
                    + String.join("、", result.missing()) + "。请打印《一次性告知书》交申请人";
        }
        return "已登记（受理编号 " + result.application().caseNumber() + "）";
    }

    /**
     * The application's one page: who and what, the actions allowed now (each a form that keeps its input when
     * refused), the household, the investigation, the verification, the computation, the decision, the notice, the
     * documents and the history — the kernel's parts and this module's together.
     */
    @GetMapping("/assistance/applications/{id}")
    String view(@PathVariable long id, Model model, Authentication authentication) {
        CaseFiles.CaseFile file = files.of(id);
        LocalDate today = LocalDate.now(clock);
        Map<String, String> ownForms = ownForms(file);
        model.addAttribute("endGrounds", TekunEndGround.values());
        model.addAttribute("f", file);
        model.addAttribute("a", file.application());
        model.addAttribute("screen", screens.of(file.kernel(), ownForms.keySet()));
        model.addAttribute("ownForms", ownForms);
        screens.addForms(model);
        model.addAttribute("verificationResultMissing", verifications.resultMissing(id));
        Map<Long, Boolean> authorised = new java.util.HashMap<>();
        if (file.coverage() != null) {
            file.coverage().members().forEach(m -> authorised.put(m.residentId(), m.authorised()));
        }
        model.addAttribute("authorised", authorised);
        model.addAttribute("incomeKinds", IncomeKind.values());
        model.addAttribute("vehicles", PropertyFacts.Vehicle.values());
        model.addAttribute("expenses", RigidExpenseHardship.Expense.values());
        model.addAttribute("severities", TemporaryAssistance.Severity.values());
        model.addAttribute("outcomeNames", outcomeNames(file));
        model.addAttribute("previewResults", previewResults(file.preview()));
        model.addAttribute(
                "missingMaterials",
                file.kernel().state().equals("RECEIVED")
                        ? materials(file.application().kind()).stream()
                                .filter(m -> file.kernel().attachments().stream()
                                        .noneMatch(x -> x.kind().equals(m.code())))
                                .toList()
                        : List.of());
        String me = authentication.getPrincipal() instanceof ScopedPrincipal p ? p.displayName() : "";
        FormFailure.keep(
                model,
                "homeVisit",
                () -> InvestigationForm.next(file.investigation(), file.household(), file.policy(), me, today));
        FormFailure.keep(model, "draftForm", () -> ApplicationForms.DraftForm.today(today));
        FormFailure.keep(model, "manualResult", () -> ApplicationForms.ManualResultForm.today(today));
        FormFailure.keep(model, "careForm", () -> ApplicationForms.CareForm.today(today));
        return "assistance/application";
    }

    /**
     * The steps this page offers with forms of its own, which also supply what the step needs: the investigation form
     * is the 入户调查 step, 提请核对 asks the verification system, the draft is computed by the rules, and the missing
     * materials are collected at the window.
     */
    static Map<String, String> ownForms(CaseFiles.CaseFile file) {
        Map<String, String> own = new LinkedHashMap<>();
        own.put(HomeVisits.STEP, "assistance/application-actions :: homeVisit");
        if (file.application().householdId() != null) {
            own.put("REQUEST_VERIFICATION", "assistance/application-actions :: verificationRequest");
        }
        own.put("DRAFT", "assistance/application-actions :: draft");
        if (file.kernel().state().equals("RECEIVED")) {
            own.put("RESUME", "assistance/application-actions :: materials");
        }
        return own;
    }

    private static Map<String, String> outcomeNames(CaseFiles.CaseFile file) {
        Map<String, String> names = new LinkedHashMap<>();
        file.kernel().decisionOutcomes().forEach(o -> names.put(o.code(), o.name()));
        return names;
    }

    /** A result of the computation as a person reads it: its own label, amounts in 元. */
    record ResultLine(String label, String value) {}

    static List<ResultLine> previewResults(Assessments.Preview preview) {
        if (preview == null) {
            return List.of();
        }
        List<ResultLine> lines = new ArrayList<>();
        preview.results().forEach((name, value) -> {
            String label = preview.trace().steps().stream()
                    .filter(step -> step.out().equals(name) && step.label() != null)
                    .map(Computation.Operation::label)
                    .findFirst()
                    .orElse("金额");
            String shown = name.endsWith("Fen") && value != null && value.matches("-?\\d+")
                    ? Display.yuan(Long.parseLong(value))
                    : value;
            lines.add(new ResultLine(label, shown));
        });
        return lines;
    }

    /** 一次性告知书: every missing material, on the day it was told, for the applicant to take home. */
    @GetMapping("/assistance/applications/{id}/correction-notice.pdf")
    ResponseEntity<byte[]> correctionNotice(@PathVariable long id) {
        Applications.CorrectionNotice notice = applications.correctionNotice(id);
        if (notice == null) {
            throw new cn.minzheng.shared.NotFound("本申请没有一次性告知（受理时材料齐全）");
        }
        Application a = notice.application();
        PdfDocument pdf = PdfDocument.a4("一次性告知书")
                .issuer(scopeNames.nameOf(a.communityCode().substring(0, 9)) + "办事处")
                .title("补正材料一次性告知书")
                .right(a.caseNumber());
        pdf.facts(List.of(
                PdfDocument.Fact.of("申请人", a.applicantName()),
                PdfDocument.Fact.of("申请事项", a.kindLabel()),
                PdfDocument.Fact.of("收到申请", a.receivedOn().toString()),
                PdfDocument.Fact.of("告知日期", notice.on().toString())));
        pdf.paragraph("您提交的申请材料不齐全。根据《最低生活保障审核确认办法》第十条，现一次性告知您需补齐的全部材料如下：");
        int n = 0;
        for (String name : notice.missing()) {
            pdf.line((++n) + ". " + name);
        }
        pdf.paragraph("请补齐上述材料后到街道社会救助窗口提交。材料补齐之日起受理，审核确认时限自受理之日起计算。" + "可以通过政府部门信息共享获取的材料，无需您另行提供。");
        pdf.signature(
                scopeNames.nameOf(a.communityCode().substring(0, 9)) + "办事处社会救助窗口",
                notice.on().toString());
        byte[] bytes = pdf.render();
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename("一次性告知书-" + a.caseNumber() + ".pdf", StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(bytes);
    }

    private List<MatterType.DocumentKind> materials(CaseKind kind) {
        MatterType type = matterTypes.latest(kind.matterType());
        String step = kind == CaseKind.TEMPORARY_URGENT ? "GRANT" : "ACCEPT";
        List<String> codes = type.step(step).map(MatterType.Step::documents).orElse(List.of());
        return type.documents().stream().filter(d -> codes.contains(d.code())).toList();
    }
}
