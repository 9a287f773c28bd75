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
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Appends entries to the audit trail. An entry is written in the caller's transaction, so a decision and its audit
 * entry commit or roll back together. Writers are serialised by a transaction-scoped advisory lock, so every entry
 * chains to exactly the one before it.
 */
@Service
public class AuditTrail {

    /** Arbitrary but fixed key of the advisory lock that serialises chain writes. */
    private static final long CHAIN_LOCK = 0x4D5A_4155_4449_5401L;

    private static final int MAX_REASON = 200;

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
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

    private void append(String actor, AuditEvent event) {
        jdbc.sql("select 1 from pg_advisory_xact_lock(?)")
                .param(CHAIN_LOCK)
                .query()
                .singleValue();
        record Head(long seq, String hash) {}
        Head head = jdbc.sql("select seq, hash from audit_entry order by seq desc limit 1")
                .query(Head.class)
                .optional()
                .orElse(new Head(0, ChainHash.GENESIS));
        AuditEntry entry = new AuditEntry(
                head.seq() + 1,
                ChainHash.truncate(clock.instant()),
                clean(actor),
                clean(event.action()),
                clean(event.targetType()),
                clean(event.targetId()),
                DataScopes.current().map(DataScope::code).orElse(null),
                event.result().name(),
                clean(event.reason()),
                clientAddress().orElse(null),
                head.hash(),
                null);
        String hash = ChainHash.of(head.hash(), entry);
        jdbc.sql("""
                        insert into audit_entry (seq, occurred_at, actor, action, target_type, target_id, actor_scope,
                                                 result, reason, client_address, prev_hash, hash)
                        values (:seq, :occurredAt, :actor, :action, :targetType, :targetId, :scopeCode,
                                :result, :reason, :clientAddress, :prevHash, :hash)
                        """)
                .param("seq", entry.seq())
                .param("occurredAt", java.sql.Timestamp.from(entry.occurredAt()))
                .param("actor", entry.actor())
                .param("action", entry.action())
                .param("targetType", entry.targetType())
                .param("targetId", entry.targetId())
                .param("scopeCode", entry.scopeCode())
                .param("result", entry.result())
                .param("reason", entry.reason())
                .param("clientAddress", entry.clientAddress())
                .param("prevHash", entry.prevHash())
                .param("hash", hash)
                .update();
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
