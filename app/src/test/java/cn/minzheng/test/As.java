package cn.minzheng.test;

import cn.minzheng.shared.DataScope;
import cn.minzheng.shared.ScopedPrincipal;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs service calls as a named staff member of the test district (its accounts), as a signed-in request would. Shared
 * by the module tests that call services directly.
 */
public record As(String username, String scope, String... roles) {

    public static As street() {
        return new As("t_street", "610113001", "STREET_OFFICER");
    }

    public static As community() {
        return new As("t_community", "610113001001", "COMMUNITY_WORKER");
    }

    public static As officer() {
        return new As("t_officer", "610113", "DEPARTMENT_OFFICER");
    }

    public static As leader() {
        return new As("t_leader", "610113", "DISTRICT_LEADER");
    }

    public static As legal() {
        return new As("t_legal", "610113", "LEGAL_REVIEWER");
    }

    public static As otherStreet() {
        return new As("t_street2", "610113002", "STREET_OFFICER");
    }

    /** The authentication a signed-in request of this person carries (for MockMvc on the screens). */
    public UsernamePasswordAuthenticationToken authentication() {
        return UsernamePasswordAuthenticationToken.authenticated(
                new Principal(username, "测试" + username, DataScope.of(scope)),
                null,
                Arrays.stream(roles)
                        .map(r -> new SimpleGrantedAuthority("ROLE_" + r))
                        .toList());
    }

    public <T> T call(Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication());
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    public record Principal(String username, String displayName, DataScope dataScope)
            implements ScopedPrincipal, java.io.Serializable {

        @Override
        public long accountId() {
            return 0;
        }

        @Override
        public List<String> roleLabels() {
            return List.of();
        }
    }
}
