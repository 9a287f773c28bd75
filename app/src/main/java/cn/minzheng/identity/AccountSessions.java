package cn.minzheng.identity;

import jakarta.servlet.http.HttpSession;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Ends an account's sessions and revokes its API tokens: when its rights change, it is disabled or its password. */
@Component
class AccountSessions {

    private final ApiTokens tokens;
    /** Absent when the jar runs a command without the web server. */
    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;

    AccountSessions(ApiTokens tokens, ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions) {
        this.tokens = tokens;
        this.sessions = sessions;
    }

    void end(StaffAccount account) {
        endAllBut(account, null);
    }

    /** Every session of the account but the current request's, and every token. */
    void endOthers(StaffAccount account) {
        endAllBut(account, currentSessionId());
    }

    private void endAllBut(StaffAccount account, String keptSessionId) {
        sessions.ifAvailable(repository -> repository.findByPrincipalName(account.username()).keySet().stream()
                .filter(sessionId -> !sessionId.equals(keptSessionId))
                .forEach(repository::deleteById));
        tokens.revokeAll(account.id());
    }

    private static String currentSessionId() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpSession session = attributes.getRequest().getSession(false);
            return session == null ? null : session.getId();
        }
        return null;
    }
}
