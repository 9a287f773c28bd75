package cn.minzheng.procedure;

import cn.minzheng.platform.web.FormFailure;
import cn.minzheng.region.RegionUnit;
import cn.minzheng.region.Regions;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.Money;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 案件办理 screens: the case list, registering a case, and the case page with its timeline, clocks, documents,
 * decisions and notices, where every act the viewer may take is a form. A refused act comes back as a message on the
 * case page; an act outside the viewer's role or scope is refused with 403 or 404 as on the API.
 */
@Controller
@RequestMapping("/procedure")
@PreAuthorize(
        "hasAnyRole('DISTRICT_LEADER', 'DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER', 'LEGAL_REVIEWER')")
class CaseController {

    private final Cases cases;
    private final Decisions decisions;
    private final Notices notices;
    private final MatterTypes matterTypes;
    private final Regions regions;
    private final CasePages casePages;
    private final CaseScreens screens;
    private final Clock clock;

    CaseController(
            Cases cases,
            Decisions decisions,
            Notices notices,
            MatterTypes matterTypes,
            Regions regions,
            CasePages casePages,
            CaseScreens screens,
            Clock clock) {
        this.cases = cases;
        this.decisions = decisions;
        this.notices = notices;
        this.matterTypes = matterTypes;
        this.regions = regions;
        this.casePages = casePages;
        this.screens = screens;
        this.clock = clock;
    }

    @GetMapping("/cases")
    String list(
            @RequestParam(required = false) String matterType,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        Cases.CaseFilter filter = new Cases.CaseFilter(matterType, status == null ? "OPEN" : status, q);
        model.addAttribute("filter", filter);
        model.addAttribute("page", cases.list(filter, Math.max(0, page), 50));
        model.addAttribute("matterTypes", matterTypes.list());
        return "procedure/cases";
    }

    @GetMapping("/cases/new")
    String newCase(@RequestParam(required = false) String matterType, Model model) {
        Actor actor = Actor.current();
        model.addAttribute(
                "matterTypes",
                matterTypes.list().stream()
                        .filter(t -> t.openVia() == null && actor.hasAnyRole(t.openRoles()))
                        .toList());
        model.addAttribute("selected", matterType);
        model.addAttribute("communities", communities(actor));
        model.addAttribute("today", LocalDate.now(clock));
        return "procedure/case-new";
    }

    record CommunityOption(String code, String label) {}

    private List<CommunityOption> communities(Actor actor) {
        LocalDate today = LocalDate.now(clock);
        List<CommunityOption> options = new ArrayList<>();
        for (Regions.Tree.Street street : regions.tree(today).streets()) {
            for (RegionUnit c : street.communities()) {
                if (actor.scope().covers(c.code())) {
                    options.add(new CommunityOption(c.code(), street.unit().name() + " · " + c.name()));
                }
            }
        }
        return options;
    }

    @PostMapping("/cases")
    String open(
            @RequestParam(required = false) String matterType,
            @RequestParam(required = false) String communityCode,
            @RequestParam(required = false) String partyName,
            @RequestParam(required = false) String partyKind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
            @RequestParam(required = false) String lateReason,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        try {
            Cases.CaseView view = cases.openOnKernel(new Cases.NewCase(
                    matterType, communityCode, partyName, partyKind, null, receivedOn, lateReason, note));
            redirect.addFlashAttribute("notice", "已登记，受理编号 " + view.caseNumber());
            return "redirect:/procedure/cases/" + view.id();
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:/procedure/cases/new" + (matterType == null ? "" : "?matterType=" + matterType);
        }
    }

    /** The case's one page: a module's page when the matter type is a module's, otherwise the kernel's own. */
    @GetMapping("/cases/{id}")
    String view(@PathVariable long id, Model model) {
        String page = casePages.pathOf(id);
        if (!page.equals("/procedure/cases/" + id)) {
            return "redirect:" + page;
        }
        Cases.CaseView view = cases.view(id);
        model.addAttribute("screen", screens.of(view));
        model.addAttribute("c", view);
        screens.addForms(model);
        return "procedure/case";
    }

    @PostMapping("/cases/{id}/steps/{step}")
    String perform(
            @PathVariable long id,
            @PathVariable String step,
            @ModelAttribute("actForm") ActForm form,
            BindingResult result,
            RedirectAttributes redirect) {
        return act(
                id,
                "step-" + step,
                form,
                result,
                redirect,
                "已办理",
                () -> cases.perform(
                        id, step, new Cases.Act(form.getOn(), form.getNote(), form.getLateReason(), form.people())));
    }

    @PostMapping("/cases/{id}/suspension")
    String suspend(
            @PathVariable long id,
            @ModelAttribute("actForm") ActForm form,
            BindingResult result,
            RedirectAttributes redirect) {
        return act(
                id,
                "suspend",
                form,
                result,
                redirect,
                "已中止计时",
                () -> cases.suspend(
                        id,
                        new Cases.Suspension(
                                form.getKind(),
                                form.getOn(),
                                form.getReason(),
                                form.getMissing() == null ? List.of() : form.getMissing(),
                                form.getUntil(),
                                form.getLateReason())));
    }

    @PostMapping("/cases/{id}/resumption")
    String resume(
            @PathVariable long id,
            @ModelAttribute("actForm") ActForm form,
            BindingResult result,
            RedirectAttributes redirect) {
        return act(
                id,
                "resume",
                form,
                result,
                redirect,
                "已恢复计时",
                () -> cases.resume(id, new Cases.Act(form.getOn(), form.getNote(), form.getLateReason(), List.of())));
    }

    @PostMapping("/cases/{id}/termination")
    String terminate(
            @PathVariable long id,
            @ModelAttribute("actForm") ActForm form,
            BindingResult result,
            RedirectAttributes redirect) {
        return act(
                id,
                "terminate",
                form,
                result,
                redirect,
                "已终止办理",
                () -> cases.terminate(
                        id, new Cases.Act(form.getOn(), form.getNote(), form.getLateReason(), List.of())));
    }

    @PostMapping("/cases/{id}/clocks/{clockId}/extensions")
    @PreAuthorize("hasAnyRole('DISTRICT_LEADER', 'DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER')")
    String requestExtension(
            @PathVariable long id,
            @PathVariable long clockId,
            @ModelAttribute("actForm") ActForm form,
            BindingResult result,
            RedirectAttributes redirect) {
        return act(
                id,
                "extend-" + clockId,
                form,
                result,
                redirect,
                "已提出延长申请，等待批准",
                () -> cases.requestExtension(
                        id,
                        clockId,
                        new Cases.ExtensionRequest(
                                form.getNewLimit() == null ? 0 : form.getNewLimit(), form.getReason())));
    }

    @PostMapping("/extensions/{extensionId}/decision")
    String decideExtension(
            @PathVariable long extensionId,
            @RequestParam(defaultValue = "false") boolean approve,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) Long caseId,
            RedirectAttributes redirect) {
        try {
            Cases.CaseView view = cases.decideExtension(extensionId, approve, note);
            redirect.addFlashAttribute("notice", approve ? "已批准延长" : "已不予批准");
            return "redirect:" + casePages.pathOf(view.id());
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return caseId == null ? "redirect:/procedure/todo" : "redirect:" + casePages.pathOf(caseId);
        }
    }

    @PostMapping("/cases/{id}/attachments")
    @PreAuthorize("hasAnyRole('DISTRICT_LEADER', 'DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER')")
    String attach(
            @PathVariable long id,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String note,
            @RequestParam(name = "file", required = false) MultipartFile file,
            RedirectAttributes redirect)
            throws IOException {
        if (file == null || file.isEmpty()) {
            cases.view(id); // 404 outside the scope, as for every other act
            redirect.addFlashAttribute("problem", "请选择要上传的文件");
            return "redirect:" + casePages.pathOf(id);
        }
        var in = file.getInputStream();
        try {
            cases.attach(id, kind, file.getOriginalFilename(), in, note);
            redirect.addFlashAttribute("notice", "已上传附件");
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:" + casePages.pathOf(id);
    }

    /** A draft from the declared facts; amounts are typed in 元 (two decimals) and kept in fen. */
    @PostMapping("/cases/{id}/decisions")
    String draft(
            @PathVariable long id,
            @ModelAttribute("actForm") ActForm form,
            BindingResult result,
            RedirectAttributes redirect) {
        return act(id, "draft", form, result, redirect, "已起草决定", () -> {
            MatterType type = matterTypes.byId(cases.view(id).matterTypeVersionId());
            Map<String, String> facts = new LinkedHashMap<>();
            List<MatterType.FactDefinition> defined =
                    type.decision() == null ? List.of() : type.decision().facts();
            for (MatterType.FactDefinition fact : defined) {
                String value = form.getFacts().get(fact.name());
                if (value == null || value.isBlank()) {
                    continue;
                }
                facts.put(fact.name(), fact.type().equals("FEN") ? fen(fact.label(), value) : value.strip());
            }
            decisions.draft(
                    id,
                    new Decisions.Draft(
                            blank(form.getOutcome()),
                            facts,
                            form.getReason(),
                            List.of(),
                            form.isMarkMajor(),
                            form.getMajorReason(),
                            form.getOn(),
                            form.getLateReason()));
        });
    }

    private static String fen(String label, String yuan) {
        try {
            return Long.toString(Money.parse(yuan).fen());
        } catch (IllegalArgumentException e) {
            throw new BusinessRuleViolation(label + "：" + e.getMessage());
        }
    }

    @PostMapping("/decisions/{decisionId}/review-request")
    String submit(@PathVariable long decisionId, RedirectAttributes redirect) {
        Decisions.DecisionView view = decisions.view(decisionId);
        try {
            decisions.submitForReview(decisionId);
            redirect.addFlashAttribute("notice", "已提请法制审核");
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:" + casePages.pathOf(view.caseId());
    }

    @PostMapping("/notices/{noticeId}/objections")
    String objection(
            @PathVariable long noticeId,
            @ModelAttribute("actForm") ActForm form,
            BindingResult result,
            RedirectAttributes redirect) {
        Notices.NoticeView notice = notices.view(noticeId);
        return act(
                notice.caseId(),
                "objection-" + noticeId,
                form,
                result,
                redirect,
                "已登记异议",
                () -> notices.recordObjection(
                        noticeId, new Notices.NewObjection(form.getOn(), form.getChannel(), form.getSummary())));
    }

    @PostMapping("/objections/{objectionId}/resolution")
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'STREET_OFFICER')")
    String resolve(
            @PathVariable long objectionId,
            @RequestParam(defaultValue = "false") boolean upheld,
            @RequestParam(required = false) String resolution,
            @RequestParam(required = false) Long caseId,
            RedirectAttributes redirect) {
        try {
            Notices.NoticeView notice = notices.resolveObjection(objectionId, upheld, resolution);
            redirect.addFlashAttribute("notice", "已记录异议处理结果");
            return "redirect:" + casePages.pathOf(notice.caseId());
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return caseId == null ? "redirect:/procedure/todo" : "redirect:" + casePages.pathOf(caseId);
        }
    }

    /**
     * Takes an act; back to the case's one page either way. A refused or invalid act brings its form back open, with
     * what was typed and why it was refused.
     */
    private String act(
            long caseId,
            String formKey,
            ActForm form,
            BindingResult result,
            RedirectAttributes redirect,
            String done,
            Runnable action) {
        String page = casePages.pathOf(caseId);
        if (result.hasErrors()) {
            return FormFailure.back(redirect, "actForm", form, result, page, formKey);
        }
        try {
            action.run();
            redirect.addFlashAttribute("notice", done);
            return "redirect:" + page;
        } catch (BusinessRuleViolation e) {
            return FormFailure.refused(redirect, "actForm", form, result, e, page, formKey);
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
