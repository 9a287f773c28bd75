package cn.minzheng.procedure;

import cn.minzheng.region.RegionUnit;
import cn.minzheng.region.Regions;
import cn.minzheng.shared.BusinessRuleViolation;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
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
    private final Clock clock;

    CaseController(
            Cases cases, Decisions decisions, Notices notices, MatterTypes matterTypes, Regions regions, Clock clock) {
        this.cases = cases;
        this.decisions = decisions;
        this.notices = notices;
        this.matterTypes = matterTypes;
        this.regions = regions;
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

    @GetMapping("/cases/{id}")
    String view(@PathVariable long id, Model model) {
        Cases.CaseView view = cases.view(id);
        model.addAttribute("c", view);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("checklist", ReviewChecklist.values());
        model.addAttribute("channels", Notices.CHANNELS);
        return "procedure/case";
    }

    @PostMapping("/cases/{id}/steps/{step}")
    String perform(
            @PathVariable long id,
            @PathVariable String step,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) String lateReason,
            @RequestParam(required = false) String participants,
            RedirectAttributes redirect) {
        List<String> others = participants == null
                ? List.of()
                : List.of(participants.split("[,，、\\s]+")).stream()
                        .filter(s -> !s.isBlank())
                        .toList();
        return act(id, redirect, "已办理", () -> cases.perform(id, step, new Cases.Act(on, note, lateReason, others)));
    }

    @PostMapping("/cases/{id}/suspension")
    String suspend(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) List<String> missing,
            @RequestParam(required = false) String lateReason,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until,
            RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                "已中止计时",
                () -> cases.suspend(
                        id,
                        new Cases.Suspension(
                                kind, on, reason, missing == null ? List.of() : missing, until, lateReason)));
    }

    @PostMapping("/cases/{id}/resumption")
    String resume(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) String lateReason,
            RedirectAttributes redirect) {
        return act(id, redirect, "已恢复计时", () -> cases.resume(id, new Cases.Act(on, note, lateReason, List.of())));
    }

    @PostMapping("/cases/{id}/termination")
    String terminate(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) String lateReason,
            RedirectAttributes redirect) {
        return act(id, redirect, "已终止办理", () -> cases.terminate(id, new Cases.Act(on, note, lateReason, List.of())));
    }

    @PostMapping("/cases/{id}/clocks/{clockId}/extensions")
    @PreAuthorize("hasAnyRole('DISTRICT_LEADER', 'DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER')")
    String requestExtension(
            @PathVariable long id,
            @PathVariable long clockId,
            @RequestParam(required = false) Integer newLimit,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                "已提出延长申请，等待批准",
                () -> cases.requestExtension(
                        id, clockId, new Cases.ExtensionRequest(newLimit == null ? 0 : newLimit, reason)));
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
            return "redirect:/procedure/cases/" + view.id();
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return caseId == null ? "redirect:/procedure/todo" : "redirect:/procedure/cases/" + caseId;
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
            return "redirect:/procedure/cases/" + id;
        }
        var in = file.getInputStream();
        return act(id, redirect, "已上传附件", () -> cases.attach(id, kind, file.getOriginalFilename(), in, note));
    }

    @PostMapping("/cases/{id}/decisions")
    String draft(
            @PathVariable long id,
            @RequestParam Map<String, String> form,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            RedirectAttributes redirect) {
        Map<String, String> facts = new LinkedHashMap<>();
        form.forEach((key, value) -> {
            if (key.startsWith("fact.")) {
                facts.put(key.substring(5), value);
            }
        });
        boolean major = "true".equals(form.get("markMajor"));
        return act(
                id,
                redirect,
                "已起草决定",
                () -> decisions.draft(
                        id,
                        new Decisions.Draft(
                                blank(form.get("outcome")),
                                facts,
                                form.get("reasons"),
                                List.of(),
                                major,
                                form.get("majorReason"),
                                on,
                                form.get("lateReason"))));
    }

    @PostMapping("/decisions/{decisionId}/review-request")
    String submit(@PathVariable long decisionId, RedirectAttributes redirect) {
        Decisions.DecisionView view = decisions.view(decisionId);
        return act(view.caseId(), redirect, "已提请法制审核", () -> decisions.submitForReview(decisionId));
    }

    @PostMapping("/notices/{noticeId}/objections")
    String objection(
            @PathVariable long noticeId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) String summary,
            RedirectAttributes redirect) {
        Notices.NoticeView notice = notices.view(noticeId);
        return act(
                notice.caseId(),
                redirect,
                "已登记异议",
                () -> notices.recordObjection(noticeId, new Notices.NewObjection(receivedOn, channel, summary)));
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
            return "redirect:/procedure/cases/" + notice.caseId();
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return caseId == null ? "redirect:/procedure/todo" : "redirect:/procedure/cases/" + caseId;
        }
    }

    private String act(long caseId, RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", done);
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/procedure/cases/" + caseId;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    static Map<ReviewChecklist, Boolean> checklist(Map<String, String> form) {
        Map<ReviewChecklist, Boolean> answers = new EnumMap<>(ReviewChecklist.class);
        for (ReviewChecklist item : ReviewChecklist.values()) {
            String value = form.get("check." + item.name());
            if (value != null) {
                answers.put(item, "true".equals(value));
            }
        }
        return answers;
    }
}
