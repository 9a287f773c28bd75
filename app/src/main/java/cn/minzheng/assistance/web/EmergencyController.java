package cn.minzheng.assistance.web;

import cn.minzheng.assistance.EmergencyTeam;
import cn.minzheng.shared.BusinessRuleViolation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 急难问题应急响应服务队 screens: the roster (phones masked), dispatching, acknowledgement and arrival, outcome. */
@Controller
class EmergencyController {

    private final EmergencyTeam team;
    private final Clock clock;

    EmergencyController(EmergencyTeam team, Clock clock) {
        this.team = team;
        this.clock = clock;
    }

    @GetMapping("/assistance/emergency")
    @PreAuthorize(EmergencyTeam.READ)
    String page(@RequestParam(required = false) String community, Model model) {
        model.addAttribute("responders", team.roster(community, 500));
        model.addAttribute("dispatches", team.dispatches(false, 50));
        model.addAttribute("community", community);
        model.addAttribute("today", LocalDate.now(clock));
        return "assistance/emergency";
    }

    @PostMapping("/assistance/emergency/responders")
    @PreAuthorize(EmergencyTeam.MANAGE)
    String enrol(@RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        return act(redirect, () -> {
            EmergencyTeam.Responder r = team.enrol(new EmergencyTeam.NewResponder(
                    Forms.text(form, "communityCode"),
                    Forms.text(form, "name"),
                    Forms.text(form, "phone"),
                    Forms.text(form, "skills"),
                    Forms.date(form, "joinedOn")));
            return "已登记队员 " + r.name() + "（" + r.maskedPhone() + "）";
        });
    }

    @PostMapping("/assistance/emergency/responders/{id}/active")
    @PreAuthorize(EmergencyTeam.MANAGE)
    String active(
            @PathVariable long id, @RequestParam(defaultValue = "false") boolean active, RedirectAttributes redirect) {
        return act(redirect, () -> {
            EmergencyTeam.Responder r = team.setActive(id, active);
            return r.name() + (r.active() ? " 已启用" : " 已停用");
        });
    }

    /** The full phone, answered on this page only (never put into a redirect); the reading is audited. */
    @PostMapping("/assistance/emergency/responders/{id}/phone")
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER')")
    String phone(@PathVariable long id, Model model) {
        model.addAttribute("revealedPhone", team.phone(id));
        model.addAttribute("revealedFor", id);
        return page(null, model);
    }

    @PostMapping("/assistance/emergency/dispatches")
    @PreAuthorize(EmergencyTeam.MANAGE)
    String dispatch(@RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        return act(redirect, () -> {
            List<Long> responders = form.getOrDefault("responderId", List.of()).stream()
                    .filter(v -> !v.isBlank())
                    .map(Long::valueOf)
                    .toList();
            EmergencyTeam.Dispatch d = team.dispatch(new EmergencyTeam.NewDispatch(
                    Forms.text(form, "communityCode"),
                    Forms.optionalLong(form, "applicationId"),
                    Forms.text(form, "summary"),
                    Forms.text(form, "urgency"),
                    responders));
            return "已派单，派出 " + d.assignments().size() + " 名队员";
        });
    }

    @PostMapping("/assistance/emergency/assignments/{id}/{event}")
    @PreAuthorize(EmergencyTeam.MANAGE)
    String event(@PathVariable long id, @PathVariable String event, RedirectAttributes redirect) {
        return act(redirect, () -> {
            team.record(id, event.toUpperCase(), null);
            return "ARRIVED".equalsIgnoreCase(event) ? "已记录到场时间" : "已记录响应时间";
        });
    }

    @PostMapping("/assistance/emergency/dispatches/{id}/closure")
    @PreAuthorize(EmergencyTeam.MANAGE)
    String close(@PathVariable long id, @RequestParam(required = false) String outcome, RedirectAttributes redirect) {
        return act(redirect, () -> {
            team.close(id, outcome);
            return "派单已结束";
        });
    }

    private static String act(RedirectAttributes redirect, Supplier<String> action) {
        try {
            redirect.addFlashAttribute("notice", action.get());
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/assistance/emergency";
    }
}
