package cn.minzheng.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 登录页. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login(HttpServletRequest request, HttpSession session, Model model) {
        // "?error", "?logout", "?expired" carry no value: look for the names.
        boolean error = request.getParameterMap().containsKey("error");
        boolean logout = request.getParameterMap().containsKey("logout");
        boolean expired = request.getParameterMap().containsKey("expired");
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return "redirect:/";
        }
        if (error) {
            Object problem = session.getAttribute(LoginHandlers.LOGIN_PROBLEM);
            session.removeAttribute(LoginHandlers.LOGIN_PROBLEM);
            model.addAttribute("problem", problem == null ? "用户名或密码错误。" : problem);
        }
        if (logout) {
            model.addAttribute("notice", "您已安全退出。");
        }
        if (expired) {
            model.addAttribute("notice", "会话已超时，请重新登录。");
        }
        return "identity/login";
    }
}
