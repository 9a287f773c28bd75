package cn.minzheng.platform;

import cn.minzheng.shared.DataScope;
import cn.minzheng.shared.ScopedPrincipal;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The data scope of the work in progress: an explicit one set by {@link #callAs} (scheduled jobs, the demo loader,
 * the login flow) or else the signed-in user's. The transaction manager passes it to PostgreSQL at the start of every
 * transaction; no scope means no rows from scoped tables.
 */
public final class DataScopes {

    private static final ThreadLocal<DataScope> EXPLICIT = new ThreadLocal<>();
    private static final ThreadLocal<Boolean> RESOLVING = new ThreadLocal<>();

    private DataScopes() {}

    public static Optional<DataScope> current() {
        DataScope explicit = EXPLICIT.get();
        if (explicit != null) {
            return Optional.of(explicit);
        }
        // Loading a deferred security context reads the session from the database, in a transaction that asks for
        // the scope again: that inner question is answered "none" (the session tables are not scoped).
        if (RESOLVING.get() != null) {
            return Optional.empty();
        }
        RESOLVING.set(Boolean.TRUE);
        try {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.getPrincipal() instanceof ScopedPrincipal principal) {
                return Optional.of(principal.dataScope());
            }
            return Optional.empty();
        } finally {
            RESOLVING.remove();
        }
    }

    public static <T> T callAs(DataScope scope, Supplier<T> work) {
        DataScope previous = EXPLICIT.get();
        EXPLICIT.set(scope);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                EXPLICIT.remove();
            } else {
                EXPLICIT.set(previous);
            }
        }
    }

    public static void runAs(DataScope scope, Runnable work) {
        callAs(scope, () -> {
            work.run();
            return null;
        });
    }
}
