package cn.minzheng.identity;

import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 登录页. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login(
            @RequestParam(required = false) String error,
            @RequestParam(required = false) String logout,
            @RequestParam(required = false) String expired,
            HttpSession session,
            Model model) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return "redirect:/";
        }
        if (error != null) {
            Object problem = session.getAttribute(LoginHandlers.LOGIN_PROBLEM);
            session.removeAttribute(LoginHandlers.LOGIN_PROBLEM);
            model.addAttribute("problem", problem == null ? "用户名或密码错误。" : problem);
        }
        if (logout != null) {
            model.addAttribute("notice", "您已安全退出。");
        }
        if (expired != null) {
            model.addAttribute("notice", "会话已超时，请重新登录。");
        }
        return "identity/login";
    }
}
