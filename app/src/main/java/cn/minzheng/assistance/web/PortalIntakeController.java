package cn.minzheng.assistance.web;

import cn.minzheng.assistance.InboxPage;
import cn.minzheng.assistance.PortalInbox;
import cn.minzheng.assistance.WaitingApplication;
import cn.minzheng.shared.BusinessRuleViolation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The street's side of the portal: applications made online, to be called back and taken up at the window. */
@Controller
class PortalIntakeController {

    private final PortalInbox portal;

    PortalIntakeController(PortalInbox portal) {
        this.portal = portal;
    }

    @GetMapping("/assistance/portal-applications")
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER')")
    String list(
            @RequestParam(defaultValue = "false") boolean all,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        InboxPage inbox = portal.inbox(all, page, 50);
        model.addAttribute("waiting", inbox.items());
        model.addAttribute("inbox", inbox);
        model.addAttribute("all", all);
        return "assistance/portal-applications";
    }

    /** One application by its id (a receipt the applicant reads out on the phone, a link from elsewhere). */
    @GetMapping("/assistance/portal-applications/{id}")
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER')")
    String one(@PathVariable long id, Model model) {
        WaitingApplication one = portal.get(id);
        model.addAttribute("waiting", java.util.List.of(one));
        model.addAttribute("inbox", new InboxPage(java.util.List.of(one), 1, 0, 1));
        model.addAttribute("all", true);
        return "assistance/portal-applications";
    }

    @PostMapping("/assistance/portal-applications/{id}/phone")
    @PreAuthorize("hasAnyRole('STREET_OFFICER', 'COMMUNITY_WORKER')")
    String phone(@PathVariable long id, Model model) {
        model.addAttribute("revealedPhone", portal.phone(id));
        model.addAttribute("revealedFor", id);
        return one(id, model);
    }

    @PostMapping("/assistance/portal-applications/{id}/decline")
    @PreAuthorize("hasRole('STREET_OFFICER')")
    String decline(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            portal.decline(id, reason);
            redirect.addFlashAttribute("notice", "已不予受理，申请人查询时可见理由");
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/assistance/portal-applications";
    }
}
