package cn.minzheng.procedure;

import cn.minzheng.calendar.DayType;
import cn.minzheng.shared.BusinessRuleViolation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Screens of what procedures rest on: the matter-type catalogue (and declaring a new one), the parameter registry (and
 * its proposals and approvals), the legal-basis catalogue (and its upkeep).
 */
@Controller
@RequestMapping("/procedure")
class CatalogueController {

    private final MatterTypes matterTypes;
    private final Parameters parameters;
    private final LegalBasis legalBasis;
    private final Clock clock;

    CatalogueController(MatterTypes matterTypes, Parameters parameters, LegalBasis legalBasis, Clock clock) {
        this.matterTypes = matterTypes;
        this.parameters = parameters;
        this.legalBasis = legalBasis;
        this.clock = clock;
    }

    // --- matter types ------------------------------------------------------------------------------------------

    @GetMapping("/matter-types")
    String matterTypes(Model model) {
        model.addAttribute("types", matterTypes.list());
        model.addAttribute(
                "pending",
                Actor.current().hasAnyRole(List.of("LEGAL_REVIEWER", "DEPARTMENT_OFFICER", "DISTRICT_LEADER"))
                        ? matterTypes.pending()
                        : List.of());
        return "procedure/matter-types";
    }

    /** Approval of a version that weakens safeguards (a 法制审核员 and a second officer, four eyes). */
    @PostMapping("/matter-type-versions/{id}/decision")
    @PreAuthorize("hasAnyRole('LEGAL_REVIEWER', 'DEPARTMENT_OFFICER', 'DISTRICT_LEADER')")
    String decideVersion(
            @PathVariable long id,
            @RequestParam(required = false) String approve,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        try {
            MatterTypes.Pending done = matterTypes.decide(id, "true".equals(approve), note);
            redirect.addFlashAttribute("notice", "已审批 " + done.name() + " 第 " + done.version() + " 版");
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/procedure/matter-types";
    }

    @GetMapping("/matter-types/{code}")
    String matterType(@PathVariable String code, Model model) {
        MatterType type = matterTypes.latest(code);
        model.addAttribute("t", type);
        model.addAttribute("versions", matterTypes.versions(code));
        model.addAttribute("source", matterTypes.source(type.id()));
        model.addAttribute(
                "citations",
                type.citedBases().stream()
                        .distinct()
                        .map(b -> legalBasis.find(b).orElse(null))
                        .filter(java.util.Objects::nonNull)
                        .toList());
        return "procedure/matter-type";
    }

    @GetMapping("/matter-types/new")
    @PreAuthorize("hasRole('DEPARTMENT_OFFICER')")
    String declareForm(@RequestParam(required = false) String from, Model model) {
        if (!model.containsAttribute("definition")) {
            model.addAttribute(
                    "definition",
                    from == null
                            ? EXAMPLE
                            : matterTypes.source(matterTypes.latest(from).id()));
        }
        return "procedure/matter-type-new";
    }

    @PostMapping("/matter-types")
    @PreAuthorize("hasRole('DEPARTMENT_OFFICER')")
    String declare(@RequestParam(required = false) String definition, RedirectAttributes redirect) {
        try {
            MatterType type = matterTypes.declare(definition);
            redirect.addFlashAttribute(
                    "notice",
                    "PENDING".equals(matterTypes.status(type.id()))
                            ? type.name() + " 第 " + type.version() + " 版削弱了法定保障，须经法制审核员和另一名工作人员批准后生效"
                            : "已发布 " + type.name() + " 第 " + type.version() + " 版");
            return "redirect:/procedure/matter-types/" + type.code();
        } catch (MatterTypes.Rejected e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            redirect.addFlashAttribute("problems", e.problems());
            redirect.addFlashAttribute("definition", definition);
            return "redirect:/procedure/matter-types/new";
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            redirect.addFlashAttribute("definition", definition);
            return "redirect:/procedure/matter-types/new";
        }
    }

    /** A small complete declaration to start from (see docs/procedure.md). */
    static final String EXAMPLE = """
            code: EXAMPLE_SUBSIDY
            name: 示例：一次性生活补贴申请
            category: 示例
            casePrefix: SL
            partyKinds: [PERSON]
            openRoles: [STREET_OFFICER]
            documents:
              - {code: APPLICATION, name: 书面申请书}
            states:
              - {code: RECEIVED, name: 已登记}
              - {code: CHECKING, name: 审查中}
              - {code: DECIDED, name: 已决定, terminal: true}
            initial: RECEIVED
            steps:
              - {code: ACCEPT, name: 受理, from: [RECEIVED], to: CHECKING, roles: [STREET_OFFICER],
                 basis: {document: DIBAO_SHQR, article: "10"}, documents: [APPLICATION]}
              - {code: DECIDE, name: 作出决定, from: [CHECKING], to: DECIDED, roles: [DEPARTMENT_OFFICER],
                 basis: {document: DIBAO_SHQR, article: "21"}, decision: true}
            clocks:
              - {code: ACCEPTANCE, name: 审查材料决定是否受理, from: OPENED, until: [ACCEPT],
                 limit: {days: 5, dayType: WORKING}, basis: {document: DIBAO_SHQR, article: "10"}}
              - {code: TOTAL, name: 办理时限, from: ACCEPT, until: [DECIDE], limit: {days: 10, dayType: WORKING},
                 basis: {document: DIBAO_SHQR, article: "22"}}
            suspension: {roles: [STREET_OFFICER], maxTimes: 1, states: [RECEIVED], clocks: [ACCEPTANCE],
                         maxDays: {days: 30, dayType: CALENDAR}, basis: {document: DIBAO_SHQR, article: "10"}}
            legalReview: {mode: ALWAYS, basis: {document: XZCF_FA, article: "58"}, returnTo: CHECKING}
            decision:
              drafterRoles: [DEPARTMENT_OFFICER]
              draftIn: [CHECKING]
              issuingUnit: DISTRICT
              series: 雁民示例
              outcomes:
                - {code: APPROVE, name: 予以补贴, title: 一次性生活补贴决定书, basis: [{document: SHJZ_ZXBF, article: "47"}]}
                - {code: REJECT, name: 不予补贴, title: 不予补贴决定书, basis: [{document: SHJZ_ZXBF, article: "47"}]}
              facts:
                - {name: expenseFen, label: 突发刚性支出, type: FEN}
              computation:
                code: EXAMPLE_AMOUNT
                steps:
                  - {out: eligible, op: GT, args: [expenseFen, "0"], label: 有突发支出}
                  - {out: half, op: DIV, args: [expenseFen, "2"], label: 支出的一半}
                  - {out: amountFen, op: MIN, args: [half, "300000"], label: 补贴金额（不超过3000元）}
                outcome: {when: eligible, then: APPROVE, otherwise: REJECT}
                results: [amountFen]
            """;

    // --- parameters ----------------------------------------------------------------------------------------------

    @GetMapping("/parameters")
    String parameters(Model model) {
        model.addAttribute("overview", parameters.overview());
        model.addAttribute("pending", parameters.pending());
        return "procedure/parameters";
    }

    @GetMapping("/parameters/{code}")
    String parameter(@PathVariable String code, Model model) {
        model.addAttribute("history", parameters.history(code));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("documents", legalBasis.search(null));
        return "procedure/parameter";
    }

    @PostMapping("/parameters/{code}/values")
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'LEGAL_REVIEWER')")
    String propose(
            @PathVariable String code,
            @RequestParam(required = false) String scopeCode,
            @RequestParam(required = false) String value,
            @RequestParam(required = false) DayType dayType,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
            @RequestParam(required = false) String basisDocument,
            @RequestParam(required = false) String basisArticle,
            @RequestParam(required = false) String basisNote,
            @RequestParam(defaultValue = "false") boolean needsConfirmation,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        try {
            Basis basis = basisDocument == null || basisDocument.isBlank()
                    ? null
                    : new Basis(basisDocument.strip(), basisArticle == null ? null : basisArticle.strip());
            parameters.propose(
                    code,
                    new Parameters.Proposal(
                            scopeCode, value, dayType, effectiveFrom, basis, basisNote, needsConfirmation, reason));
            redirect.addFlashAttribute("notice", "已提出新值，经区局领导批准后生效");
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/procedure/parameters/" + code;
    }

    @PostMapping("/parameter-values/{id}/approval")
    @PreAuthorize("hasRole('DISTRICT_LEADER')")
    String decide(
            @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean approve,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        ParameterValue value = parameters.byId(id);
        try {
            if (approve) {
                parameters.approve(id, note);
                redirect.addFlashAttribute("notice", "已批准，新值自 " + value.effectiveFrom() + " 起生效");
            } else {
                parameters.refuse(id, note);
                redirect.addFlashAttribute("notice", "已不予批准");
            }
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/procedure/parameters/" + value.code();
    }

    // --- legal basis ---------------------------------------------------------------------------------------------

    @GetMapping("/legal-basis")
    String legalBasis(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("documents", legalBasis.search(q));
        model.addAttribute("kinds", LegalBasis.KIND_LABELS);
        return "procedure/legal-basis";
    }

    @GetMapping("/legal-basis/{code}")
    String legalDocument(@PathVariable String code, Model model) {
        model.addAttribute(
                "d", legalBasis.document(code).orElseThrow(() -> new cn.minzheng.shared.NotFound("法律依据目录中没有 " + code)));
        return "procedure/legal-document";
    }

    @PostMapping("/legal-basis")
    @PreAuthorize("hasAnyRole('LEGAL_REVIEWER', 'DEPARTMENT_OFFICER')")
    String addDocument(
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String shortTitle,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String issuer,
            @RequestParam(required = false) String documentNumber,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
            @RequestParam(required = false) String confidence,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        try {
            LegalBasis.Document d = legalBasis.addDocument(new LegalBasis.NewDocument(
                    code == null ? null : code.strip().toUpperCase(),
                    title,
                    shortTitle,
                    kind,
                    issuer,
                    documentNumber,
                    effectiveFrom,
                    null,
                    confidence,
                    note));
            redirect.addFlashAttribute("notice", "已录入《" + d.title() + "》");
            return "redirect:/procedure/legal-basis/" + d.code();
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:/procedure/legal-basis";
        }
    }

    @PostMapping("/legal-basis/{code}/articles")
    @PreAuthorize("hasAnyRole('LEGAL_REVIEWER', 'DEPARTMENT_OFFICER')")
    String addArticle(
            @PathVariable String code,
            @RequestParam(required = false) String article,
            @RequestParam(required = false) String label,
            @RequestParam(required = false) String summary,
            RedirectAttributes redirect) {
        try {
            legalBasis.addArticle(
                    code, new LegalBasis.NewArticle(article == null ? null : article.strip(), label, summary));
            redirect.addFlashAttribute("notice", "已录入条文");
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/procedure/legal-basis/" + code;
    }
}
