package cn.minzheng.assistance;

import cn.minzheng.assistance.rules.CareGrade;
import cn.minzheng.assistance.rules.IncomeKind;
import cn.minzheng.assistance.rules.PropertyFacts;
import cn.minzheng.assistance.rules.RigidExpenseHardship;
import cn.minzheng.assistance.rules.TemporaryAssistance;
import cn.minzheng.platform.documents.PdfDocument;
import cn.minzheng.procedure.MatterType;
import cn.minzheng.procedure.MatterTypes;
import cn.minzheng.resident.ResidentSearch;
import cn.minzheng.shared.BusinessRuleViolation;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
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
    private final Investigations investigations;
    private final VerificationResults verifications;
    private final CaseVerification caseVerification;
    private final Assessments assessments;
    private final TemporaryAid temporary;
    private final PortalApplications portal;
    private final MatterTypes matterTypes;
    private final ResidentSearch search;
    private final cn.minzheng.platform.ScopeNames scopeNames;
    private final Clock clock;

    ApplicationController(
            Applications applications,
            CaseFiles files,
            Investigations investigations,
            VerificationResults verifications,
            CaseVerification caseVerification,
            Assessments assessments,
            TemporaryAid temporary,
            PortalApplications portal,
            MatterTypes matterTypes,
            ResidentSearch search,
            cn.minzheng.platform.ScopeNames scopeNames,
            Clock clock) {
        this.applications = applications;
        this.files = files;
        this.investigations = investigations;
        this.verifications = verifications;
        this.caseVerification = caseVerification;
        this.assessments = assessments;
        this.temporary = temporary;
        this.portal = portal;
        this.matterTypes = matterTypes;
        this.search = search;
        this.scopeNames = scopeNames;
        this.clock = clock;
    }

    @GetMapping("/assistance/applications")
    String list(
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String state,
            @RequestParam(defaultValue = "open") String show,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        CaseKind selected = kind(kind);
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
        CaseKind selected = kind(kind);
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
        return "assistance/application-new";
    }

    @PostMapping("/assistance/applications")
    @PreAuthorize(AssistanceRoles.INTAKE)
    String intake(
            @RequestParam MultiValueMap<String, String> form,
            @RequestParam Map<String, MultipartFile> uploads,
            RedirectAttributes redirect) {
        String kind = Forms.text(form, "kind");
        try {
            CaseKind selected = kind(kind);
            Applications.TemporaryRequest request = selected == CaseKind.TEMPORARY
                            || selected == CaseKind.TEMPORARY_URGENT
                    ? new Applications.TemporaryRequest(
                            Forms.text(form, "severity"), Forms.number(form, "members"), Forms.text(form, "situation"))
                    : null;
            Applications.IntakeResult result = applications.intake(new Applications.Intake(
                    selected,
                    Forms.optionalLong(form, "householdId"),
                    Forms.optionalLong(form, "personId"),
                    Forms.flag(form, "singlePerson"),
                    Forms.date(form, "receivedOn"),
                    Forms.text(form, "lateReason"),
                    Forms.flag(form, "relativesRegister"),
                    Forms.text(form, "relativesNote"),
                    Forms.flag(form, "childWelfare"),
                    Forms.materials(uploads),
                    Forms.optionalLong(form, "portalId"),
                    request,
                    singleGround(Forms.text(form, "singleGround")),
                    Forms.text(form, "singleGroundNote")));
            redirect.addFlashAttribute("notice", intakeNotice(result));
            return "redirect:/assistance/applications/" + result.application().id();
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:/assistance/applications/new?kind=" + (kind == null ? "DIBAO" : kind);
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

    @GetMapping("/assistance/applications/{id}")
    String view(@PathVariable long id, Model model) {
        CaseFiles.CaseFile file = files.of(id);
        model.addAttribute("endGrounds", TekunEndGround.values());
        model.addAttribute("f", file);
        model.addAttribute("a", file.application());
        model.addAttribute("today", LocalDate.now(clock));
        Map<Long, Boolean> authorised = new java.util.HashMap<>();
        if (file.coverage() != null) {
            file.coverage().members().forEach(m -> authorised.put(m.residentId(), m.authorised()));
        }
        model.addAttribute("authorised", authorised);
        model.addAttribute("incomeKinds", IncomeKind.values());
        model.addAttribute("vehicles", PropertyFacts.Vehicle.values());
        model.addAttribute("expenses", RigidExpenseHardship.Expense.values());
        model.addAttribute("severities", TemporaryAssistance.Severity.values());
        model.addAttribute(
                "missingMaterials",
                file.kernel().state().equals("RECEIVED")
                        ? materials(file.application().kind()).stream()
                                .filter(m -> file.kernel().attachments().stream()
                                        .noneMatch(x -> x.kind().equals(m.code())))
                                .toList()
                        : List.of());
        return "assistance/application";
    }

    @PostMapping("/assistance/applications/{id}/materials")
    @PreAuthorize(AssistanceRoles.INTAKE)
    String materials(
            @PathVariable long id,
            @RequestParam MultiValueMap<String, String> form,
            @RequestParam Map<String, MultipartFile> uploads,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            Applications.IntakeResult result = applications.completeMaterials(
                    id, Forms.materials(uploads), Forms.date(form, "on"), Forms.text(form, "lateReason"));
            return result.accepted()
                    ? "材料已补齐，予以受理，法定时限恢复计算"
                    : "已收取所交材料；仍缺少：" + String.join("、", result.missing()) + "（一次性告知已作出，不再重复告知）";
        });
    }

    @PostMapping("/assistance/applications/{id}/investigation")
    @PreAuthorize(AssistanceRoles.INVESTIGATE)
    String investigation(
            @PathVariable long id, @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            investigations.record(id, investigationFrom(form));
            return "入户调查已登记；请上传入户调查表并在案件办理页面办理“入户调查”步骤（调查人员为其他参与人员）";
        });
    }

    /** The investigation form: members as counted_&lt;id&gt;, incomes as rows, property, supporters, expenses. */
    static Investigations.NewInvestigation investigationFrom(MultiValueMap<String, String> form) {
        List<Investigation.Member> members = new ArrayList<>();
        for (String key : form.keySet()) {
            if (key.startsWith("member_")) {
                long resident = Long.parseLong(key.substring(7));
                members.add(new Investigation.Member(
                        resident,
                        null,
                        Forms.flag(form, "counted_" + resident),
                        Forms.text(form, "reason_" + resident),
                        Forms.flag(form, "able_" + resident)));
            }
        }
        List<Investigation.Income> incomes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String kind = Forms.text(form, "incomeKind" + i);
            if (kind != null && Forms.text(form, "incomeYuan" + i) != null) {
                incomes.add(new Investigation.Income(
                        Forms.text(form, "incomeMember" + i),
                        kind,
                        Forms.fen(form, "incomeYuan" + i),
                        Forms.text(form, "incomeNote" + i)));
            }
        }
        List<Investigation.Expense> expenses = new ArrayList<>();
        for (RigidExpenseHardship.Expense kind : RigidExpenseHardship.Expense.values()) {
            long fen = Forms.fen(form, "expense_" + kind.name());
            if (fen > 0) {
                expenses.add(new Investigation.Expense(kind.name(), fen));
            }
        }
        List<Investigation.Supporter> supporters = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String relation = Forms.text(form, "supporterRelation" + i);
            if (relation != null) {
                supporters.add(new Investigation.Supporter(
                        relation,
                        Forms.number(form, "supporterAge" + i),
                        Forms.flag(form, "supporterTekun" + i),
                        Forms.flag(form, "supporterDibao60" + i),
                        Forms.flag(form, "supporterLowIncome" + i),
                        Forms.flag(form, "supporterDisabled" + i),
                        Forms.flag(form, "supporterMissing" + i)));
            }
        }
        List<String> vehicles = form.getOrDefault("vehicle", List.of()).stream()
                .filter(v -> !v.isBlank())
                .toList();
        return new Investigations.NewInvestigation(
                Forms.date(form, "visitedOn"),
                Forms.names(Forms.text(form, "investigators")),
                members,
                incomes,
                new Investigation.Property(
                        Forms.fen(form, "financialAssets"),
                        vehicles,
                        Forms.number(form, "residential"),
                        Forms.number(form, "nonResidential"),
                        Forms.flag(form, "businessWithEmployees"),
                        Forms.flag(form, "highConsumption")),
                Forms.choice(form, "propertyWithinRules"),
                Forms.text(form, "propertyJudgement"),
                Forms.flag(form, "unstableIncome"),
                expenses,
                supporters,
                Forms.text(form, "severity"),
                Forms.text(form, "note"));
    }

    @PostMapping("/assistance/applications/{id}/care")
    @PreAuthorize(AssistanceRoles.INVESTIGATE)
    String care(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            Investigations.CareAssessment care = investigations.assessCare(
                    id,
                    Forms.date(form, "assessedOn"),
                    new CareGrade.Activities(
                            Forms.flag(form, "eating"),
                            Forms.flag(form, "dressing"),
                            Forms.flag(form, "bed"),
                            Forms.flag(form, "toilet"),
                            Forms.flag(form, "walkingIndoors"),
                            Forms.flag(form, "bathing")),
                    Forms.text(form, "assessor"));
            return "生活自理能力评估：" + care.gradeLabel();
        });
    }

    @PostMapping("/assistance/applications/{id}/verification-request")
    @PreAuthorize("hasRole('STREET_OFFICER')")
    String verificationRequest(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            CaseVerification.Requested r = caseVerification.request(id);
            return "已向家庭经济状况核对系统提请核对（核对请求 " + r.requestId() + "，" + r.stage() + "）；核对报告出具后自动附到本案";
        });
    }

    @PostMapping("/assistance/applications/{id}/verification")
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'STREET_OFFICER')")
    String verification(
            @PathVariable long id, @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            verifications.recordManual(
                    id,
                    new VerificationResults.ManualResult(
                            Forms.date(form, "checkedOn"),
                            Forms.number(form, "personsChecked"),
                            Forms.number(form, "recordsCompared"),
                            Forms.number(form, "disqualifying"),
                            Forms.number(form, "needsExplanation"),
                            Forms.number(form, "information"),
                            Forms.text(form, "summary")));
            return "已手工录入核对结果（标注为手工录入，后备方式）";
        });
    }

    @PostMapping("/assistance/applications/{id}/draft")
    @PreAuthorize(AssistanceRoles.DRAFT)
    String draft(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            var view = assessments.draft(
                    id,
                    Forms.date(form, "on"),
                    Forms.text(form, "reasons"),
                    Forms.text(form, "lateReason"),
                    options(form));
            return "已按计算规则起草第 " + view.revision() + " 稿：" + view.outcomeName();
        });
    }

    static Assessments.Options options(MultiValueMap<String, String> form) {
        return new Assessments.Options(
                Forms.choice(form, "eligible"),
                Forms.text(form, "finding"),
                Forms.optionalLong(form, "refusingMemberId"),
                Forms.optionalNumber(form, "graceMonths"),
                Forms.choice(form, "stillEligible"),
                endGround(Forms.text(form, "endGround")));
    }

    static TekunEndGround endGround(String ground) {
        if (ground == null || ground.isBlank()) {
            return null;
        }
        try {
            return TekunEndGround.valueOf(ground);
        } catch (IllegalArgumentException e) {
            throw new BusinessRuleViolation("未知的终止情形：" + ground);
        }
    }

    @PostMapping("/assistance/applications/{id}/coordination")
    @PreAuthorize("hasRole('DEPARTMENT_OFFICER')")
    String coordination(
            @PathVariable long id, @RequestParam(required = false) String minutes, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            temporary.recordCoordination(id, minutes);
            return "已登记一事一议会议纪要";
        });
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

    private String act(long id, RedirectAttributes redirect, Supplier<String> action) {
        try {
            redirect.addFlashAttribute("notice", action.get());
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/assistance/applications/" + id;
    }

    static SinglePersonGround singleGround(String ground) {
        if (ground == null || ground.isBlank()) {
            return null;
        }
        try {
            return SinglePersonGround.valueOf(ground);
        } catch (IllegalArgumentException e) {
            throw new BusinessRuleViolation("未知的单人户情形：" + ground);
        }
    }

    static CaseKind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        try {
            return CaseKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new BusinessRuleViolation("未知的申请事项：" + kind);
        }
    }
}
