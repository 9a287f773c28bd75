package cn.minzheng.resident;

import cn.minzheng.shared.BusinessRuleViolation;
import jakarta.servlet.http.HttpSession;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 家庭 screens: a household's members, history and who counts for assistance; changes of its composition. */
@Controller
class HouseholdController {

    private final ResidentFiles files;
    private final HouseholdManagement management;
    private final Communities communities;
    private final java.util.List<ResidentPageSections> sections;

    HouseholdController(
            ResidentFiles files,
            HouseholdManagement management,
            Communities communities,
            java.util.List<ResidentPageSections> sections) {
        this.files = files;
        this.management = management;
        this.communities = communities;
        this.sections = sections;
    }

    @GetMapping("/households/{id}")
    @PreAuthorize(ResidentRoles.READ)
    String open(
            @PathVariable long id,
            @RequestParam(required = false) String purpose,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            HttpSession session,
            Model model) {
        AccessPurpose chosen = AccessPurpose.parse(purpose).orElse(null);
        if (chosen == null || (chosen == AccessPurpose.OTHER && (note == null || note.isBlank()))) {
            files.requireHousehold(id);
            model.addAttribute("target", "/households/" + id);
            model.addAttribute("purposes", AccessPurpose.values());
            model.addAttribute("current", session.getAttribute(ResidentController.PURPOSE));
            return "resident/purpose";
        }
        session.setAttribute(ResidentController.PURPOSE, chosen.name());
        LocalDate date = on == null ? communities.today() : on;
        HouseholdView household = files.openHousehold(id, chosen, note);
        model.addAttribute("household", household);
        model.addAttribute("communityName", communities.nameOf(household.communityCode()));
        model.addAttribute("decisions", files.assistanceMembers(id, date));
        model.addAttribute(
                "sections",
                sections.stream()
                        .flatMap(x -> x.forHousehold(id, date).stream())
                        .toList());
        model.addAttribute("on", date);
        model.addAttribute("purpose", chosen);
        model.addAttribute("article", HouseholdMembershipPolicy.ARTICLE);
        model.addAttribute("relationships", Relationship.values());
        model.addAttribute(
                "joinReasons", new JoinReason[] {JoinReason.BIRTH, JoinReason.MARRIAGE, JoinReason.MOVED_IN});
        model.addAttribute("leaveReasons", new LeaveReason[] {
            LeaveReason.DEATH, LeaveReason.MARRIAGE, LeaveReason.DIVORCE, LeaveReason.MOVED_OUT
        });
        model.addAttribute("today", communities.today());
        return "resident/household";
    }

    @PostMapping("/households")
    @PreAuthorize(ResidentRoles.WRITE)
    String form(
            @RequestParam(required = false) Long headResidentId,
            @RequestParam(required = false) String householdNo,
            RedirectAttributes redirect) {
        try {
            if (headResidentId == null) {
                throw new BusinessRuleViolation("请指定户主");
            }
            long id = management.form(headResidentId, householdNo, null);
            redirect.addFlashAttribute("notice", "已立户");
            return "redirect:/households/" + id + "?purpose=RECORD_MAINTENANCE";
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return headResidentId == null
                    ? "redirect:/residents"
                    : "redirect:/residents/" + headResidentId + "?purpose=RECORD_MAINTENANCE";
        }
    }

    @PostMapping("/households/{id}/members")
    @PreAuthorize(ResidentRoles.WRITE)
    String join(
            @PathVariable long id,
            @RequestParam(required = false) Long residentId,
            @RequestParam(required = false) Relationship relationship,
            @RequestParam(required = false) JoinReason reason,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            RedirectAttributes redirect) {
        return done(id, redirect, "已办理入户", () -> management.addMember(id, residentId, relationship, reason, on));
    }

    @PostMapping("/households/{id}/members/{residentId}/leave")
    @PreAuthorize(ResidentRoles.WRITE)
    String leave(
            @PathVariable long id,
            @PathVariable long residentId,
            @RequestParam(required = false) LeaveReason reason,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            RedirectAttributes redirect) {
        return done(id, redirect, "已办理离户", () -> management.removeMember(id, residentId, reason, on));
    }

    @PostMapping("/households/{id}/head")
    @PreAuthorize(ResidentRoles.WRITE)
    String head(
            @PathVariable long id,
            @RequestParam(required = false) Long residentId,
            @RequestParam(required = false) Relationship formerHeadBecomes,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            RedirectAttributes redirect) {
        return done(id, redirect, "已变更户主", () -> management.changeHead(id, residentId, formerHeadBecomes, on));
    }

    @PostMapping("/households/{id}/members/{residentId}/relationship")
    @PreAuthorize(ResidentRoles.WRITE)
    String relationship(
            @PathVariable long id,
            @PathVariable long residentId,
            @RequestParam(required = false) Relationship relationship,
            RedirectAttributes redirect) {
        return done(id, redirect, "已更正与户主关系", () -> management.changeRelationship(id, residentId, relationship));
    }

    private static String done(long id, RedirectAttributes redirect, String notice, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/households/" + id + "?purpose=" + AccessPurpose.RECORD_MAINTENANCE.name();
    }
}
