package cn.minzheng.platform;

import cn.minzheng.shared.DataScope;
import cn.minzheng.shared.ScopedPrincipal;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs work as the platform itself ("system"): reference-data loading, the demo district, scheduled jobs. The work
 * goes through the same method security and row-level security as a person's, with the roles and scope named here.
 */
public final class SystemActor {

    private SystemActor() {}

    public static <T> T call(DataScope scope, Supplier<T> work, String... roles) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        List<SimpleGrantedAuthority> authorities = Arrays.stream(roles)
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(new SystemPrincipal(scope), null, authorities));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void run(DataScope scope, Runnable work, String... roles) {
        call(
                scope,
                () -> {
                    work.run();
                    return null;
                },
                roles);
    }

    record SystemPrincipal(DataScope dataScope) implements ScopedPrincipal, Serializable {

        @Override
        public long accountId() {
            return 0;
        }

        @Override
        public String username() {
            return "system";
        }

        @Override
        public String displayName() {
            return "系统";
        }

        @Override
        public List<String> roleLabels() {
            return List.of("系统");
        }
    }
}
