package cn.minzheng.identity;

import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.platform.web.JsonAnswers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.stereotype.Component;

/** What happens after a login attempt and at logout. */
@Component
class LoginHandlers {

    static final String LOGIN_PROBLEM = "minzheng.loginProblem";

    private final Clock clock;
    private final SecurityPolicyProperties policy;
    private final AuditTrail audit;
    private final ApiTokens tokens;

    LoginHandlers(Clock clock, SecurityPolicyProperties policy, AuditTrail audit, ApiTokens tokens) {
        this.clock = clock;
        this.policy = policy;
        this.audit = audit;
        this.tokens = tokens;
    }

    /** Sets the idle timeout by role (administrators 10 minutes, others 15) and notes the login time. */
    SavedRequestAwareAuthenticationSuccessHandler success() {
        SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(
                    HttpServletRequest request, HttpServletResponse response, Authentication authentication)
                    throws IOException, jakarta.servlet.ServletException {
                HttpSession session = request.getSession();
                StaffUser user = (StaffUser) authentication.getPrincipal();
                var idle = user.isAdministrator() ? policy.adminIdleTimeout() : policy.idleTimeout();
                session.setMaxInactiveInterval((int) idle.toSeconds());
                session.setAttribute(SessionPolicyFilter.LOGGED_IN_AT, clock.instant());
                if (user.secondFactor() == StaffUser.SecondFactor.CHECK) {
                    getRedirectStrategy().sendRedirect(request, response, SecondFactorController.CHECK_PAGE);
                    return;
                }
                if (user.secondFactor() == StaffUser.SecondFactor.ENROL) {
                    getRedirectStrategy().sendRedirect(request, response, SecondFactorController.ENROL_PAGE);
                    return;
                }
                if (user.mustChangePassword()) {
                    getRedirectStrategy().sendRedirect(request, response, "/account/password");
                    return;
                }
                super.onAuthenticationSuccess(request, response, authentication);
            }
        };
        handler.setDefaultTargetUrl("/");
        return handler;
    }

    /** Keeps the Chinese reason for the login page, then shows it again. */
    AuthenticationFailureHandler failure() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) -> {
            request.getSession().setAttribute(LOGIN_PROBLEM, exception.getMessage());
            response.sendRedirect(request.getContextPath() + "/login?error");
        };
    }

    /**
     * Ends the session; a client that logs out with its bearer token has that token revoked (it would otherwise work
     * until it expires) and gets JSON instead of the login page.
     */
    LogoutSuccessHandler logout() {
        return (request, response, authentication) -> {
            if (BearerTokenFilter.hasBearer(request)) {
                String token = request.getHeader("Authorization").substring(7).strip();
                tokens.revoke(token)
                        .ifPresent(account -> audit.recordAs(
                                account.username(),
                                AuditEvent.success("LOGOUT", "staff_account", account.id())
                                        .because("TOKEN_REVOKED")));
                JsonAnswers.write(response, HttpServletResponse.SC_OK, new LoggedOut("ok", "已退出，令牌已撤销"));
                return;
            }
            if (authentication != null && authentication.getPrincipal() instanceof StaffUser user) {
                audit.recordAs(user.username(), AuditEvent.success("LOGOUT", "staff_account", user.accountId()));
            }
            response.sendRedirect(request.getContextPath() + "/login?logout");
        };
    }

    /** The answer to a token logout: {"result":"ok","message":…}. */
    record LoggedOut(String result, String message) {}
}
