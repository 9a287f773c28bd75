package cn.minzheng.identity;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 密码发放: the requests waiting for a district leader, who confirms the person and is shown the one-time password on
 * the answer page itself — not through the session, so that it is nowhere stored.
 */
@Controller
class PasswordResetController {

    private final PasswordResets resets;

    PasswordResetController(PasswordResets resets) {
        this.resets = resets;
    }

    @GetMapping("/password-resets")
    @PreAuthorize("hasAnyRole('DISTRICT_LEADER', 'SECURITY_ADMIN', 'SYSTEM_ADMIN')")
    String pending(Model model) {
        model.addAttribute("requests", resets.pending());
        return "identity/password-resets";
    }

    @PostMapping("/password-resets/{id}/approval")
    @PreAuthorize("hasRole('DISTRICT_LEADER')")
    String approve(@PathVariable long id, Model model) {
        model.addAttribute("issued", resets.approve(id));
        return "identity/password-issued";
    }

    @PostMapping("/password-resets/{id}/cancellation")
    @PreAuthorize("hasAnyRole('DISTRICT_LEADER', 'SECURITY_ADMIN')")
    String cancel(@PathVariable long id, RedirectAttributes redirect) {
        resets.cancel(id);
        redirect.addFlashAttribute("notice", "已撤回该密码申请。");
        return "redirect:/password-resets";
    }
}
