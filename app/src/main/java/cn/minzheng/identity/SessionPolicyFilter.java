package cn.minzheng.identity;

import cn.minzheng.platform.web.JsonAnswers;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Session rules that Spring Security has no switch for: an absolute lifetime (8 hours from login, whatever the
 * activity), a second factor that must be given (or, for an administrator, enrolled) and a password that must be
 * changed before anything else can be done.
 */
class SessionPolicyFilter extends OncePerRequestFilter {

    static final String LOGGED_IN_AT = "minzheng.loggedInAt";

    private final Clock clock;
    private final SecurityPolicyProperties policy;

    SessionPolicyFilter(Clock clock, SecurityPolicyProperties policy) {
        this.clock = clock;
        this.policy = policy;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null
                && session.getAttribute(LOGGED_IN_AT) instanceof Instant loggedInAt
                && loggedInAt.plus(policy.absoluteTimeout()).isBefore(clock.instant())) {
            session.invalidate();
            SecurityContextHolder.clearContext();
            refuse(request, response, "会话已超过最长时限，请重新登录。", "/login?expired");
            return;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof StaffUser user) {
            String path = request.getRequestURI();
            if (user.secondFactor() == StaffUser.SecondFactor.CHECK
                    && !allowedAlways(path, SecondFactorController.CHECK_PAGE)) {
                refuse(request, response, "请先输入动态口令。", SecondFactorController.CHECK_PAGE);
                return;
            }
            if (user.secondFactor() == StaffUser.SecondFactor.ENROL
                    && !allowedAlways(path, SecondFactorController.ENROL_PAGE)) {
                refuse(request, response, "管理员账号须先绑定动态口令。", SecondFactorController.ENROL_PAGE);
                return;
            }
            if (!user.secondFactor().outstanding()
                    && user.mustChangePassword()
                    && !allowedAlways(path, "/account/password")) {
                refuse(request, response, "请先修改密码。", "/account/password");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The one page the user must go through, logging out, and what pages are made of. */
    private static boolean allowedAlways(String path, String page) {
        return path.equals(page)
                || path.equals("/logout")
                || path.startsWith("/css/")
                || path.startsWith("/js/")
                || path.startsWith("/webjars/")
                || path.equals("/error");
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, String message, String page)
            throws IOException {
        if (request.getRequestURI().startsWith("/api/")) {
            JsonAnswers.error(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", message);
        } else {
            response.sendRedirect(request.getContextPath() + page);
        }
    }
}
