package cn.minzheng.identity;

import cn.minzheng.platform.DataScopes;
import cn.minzheng.platform.District;
import cn.minzheng.shared.BusinessRuleViolation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second step of a login (动态口令) and the enrolment of an authenticator app: by QR code, confirmed with a first
 * code, answered with ten recovery codes shown once. Administrators enrol at their first login.
 */
@Controller
class SecondFactorController {

    static final String CHECK_PAGE = "/login/second-factor";
    static final String ENROL_PAGE = "/account/second-factor";

    private final SecondFactors secondFactors;
    private final District district;
    private final TransactionTemplate transactions;

    SecondFactorController(SecondFactors secondFactors, District district, TransactionTemplate transactions) {
        this.secondFactors = secondFactors;
        this.district = district;
        this.transactions = transactions;
    }

    @GetMapping(CHECK_PAGE)
    String checkForm(Authentication authentication) {
        return user(authentication).secondFactor() == StaffUser.SecondFactor.CHECK
                ? "identity/second-factor-check"
                : "redirect:/";
    }

    @PostMapping(CHECK_PAGE)
    String check(
            @RequestParam(required = false) String code,
            Authentication authentication,
            HttpServletRequest request,
            Model model) {
        StaffUser user = user(authentication);
        if (user.secondFactor() != StaffUser.SecondFactor.CHECK) {
            return "redirect:/";
        }
        boolean right = DataScopes.callAs(
                district.scope(), () -> transactions.execute(status -> secondFactors.check(user.accountId(), code)));
        if (!right) {
            model.addAttribute("problem", "动态口令不正确。连续输错 5 次，账号将被锁定 30 分钟。");
            return "identity/second-factor-check";
        }
        replace(request, user.withSecondFactorPassed());
        return user.mustChangePassword() ? "redirect:/account/password" : "redirect:/";
    }

    @GetMapping(ENROL_PAGE)
    String enrolForm(Model model) {
        model.addAttribute("enrolment", secondFactors.beginEnrolment());
        return "identity/second-factor-enrol";
    }

    @PostMapping(ENROL_PAGE)
    String enrol(
            @RequestParam(required = false) String code,
            Authentication authentication,
            HttpServletRequest request,
            Model model) {
        StaffUser user = user(authentication);
        try {
            model.addAttribute("recoveryCodes", secondFactors.confirmEnrolment(code));
        } catch (BusinessRuleViolation e) {
            model.addAttribute("problem", e.getMessage());
            model.addAttribute("enrolment", secondFactors.beginEnrolment());
            return "identity/second-factor-enrol";
        }
        if (user.secondFactor().outstanding()) {
            replace(request, user.withSecondFactorPassed());
        }
        model.addAttribute("next", user.mustChangePassword() ? "/account/password" : "/");
        return "identity/second-factor-recovery";
    }

    private static StaffUser user(Authentication authentication) {
        return (StaffUser) authentication.getPrincipal();
    }

    /** The session now holds the user with every role (and still the "must change password" mark, if any). */
    private static void replace(HttpServletRequest request, StaffUser updated) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(updated, null, updated.getAuthorities()));
        SecurityContextHolder.setContext(context);
        request.getSession().setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
    }
}
