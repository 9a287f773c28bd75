package cn.minzheng.audit;

import cn.minzheng.platform.DataScopes;
import cn.minzheng.shared.DataScope;
import cn.minzheng.shared.ScopedPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Appends entries to the audit trail. An entry is written in the caller's transaction, so a decision and its audit
 * entry commit or roll back together. Appending waits for no other writer: the entry is inserted unchained, and after
 * the commit the {@link AuditChainer} links it into the SM3 chain, behind every entry committed before it.
 */
@Service
public class AuditTrail {

    private static final int MAX_REASON = 200;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditChainer chainer;

    AuditTrail(JdbcClient jdbc, Clock clock, AuditChainer chainer) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.chainer = chainer;
    }

    /** Records the event as done by the signed-in user (or "system" when no one is signed in). */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(AuditEvent event) {
        append(currentActor(), event);
    }

    /** Records the event for a named actor: a failed login has no signed-in user yet. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordAs(String actor, AuditEvent event) {
        append(actor, event);
    }

    /**
     * Links every entry committed so far into the chain (it happens within a second anyway): for whoever is about to
     * read the chain's hashes, such as an evidence export.
     */
    public void chainPending() {
        chainer.catchUp();
    }

    private void append(String actor, AuditEvent event) {
        jdbc.sql("""
                        insert into audit_entry (occurred_at, actor, action, target_type, target_id, actor_scope,
                                                 result, reason, client_address)
                        values (:occurredAt, :actor, :action, :targetType, :targetId, :scopeCode,
                                :result, :reason, :clientAddress)
                        """)
                .param("occurredAt", java.sql.Timestamp.from(ChainHash.truncate(clock.instant())))
                .param("actor", clean(actor))
                .param("action", clean(event.action()))
                .param("targetType", clean(event.targetType()))
                .param("targetId", clean(event.targetId()))
                .param("scopeCode", DataScopes.current().map(DataScope::code).orElse(null))
                .param("result", event.result().name())
                .param("reason", clean(event.reason()))
                .param("clientAddress", clientAddress().orElse(null))
                .update();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    chainer.wake();
                }
            });
        }
    }

    static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return "system";
        }
        if (authentication.getPrincipal() instanceof ScopedPrincipal principal) {
            return principal.username();
        }
        return authentication.getName();
    }

    private static Optional<String> clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return Optional.ofNullable(request.getRemoteAddr());
        }
        return Optional.empty();
    }

    /** No line breaks or control characters in the trail (log injection), and a bounded length. */
    static String clean(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_REASON));
        value.codePoints().limit(MAX_REASON).forEach(cp -> out.appendCodePoint(Character.isISOControl(cp) ? ' ' : cp));
        return out.toString();
    }
}
