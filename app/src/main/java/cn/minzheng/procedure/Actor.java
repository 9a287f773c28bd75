package cn.minzheng.procedure;

import cn.minzheng.shared.DataScope;
import cn.minzheng.shared.ScopedPrincipal;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting: the signed-in staff member (or the platform itself), with role names and data scope. */
record Actor(String username, String displayName, Set<String> roles, DataScope scope) {

    static Actor current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof ScopedPrincipal principal)) {
            throw new AccessDeniedException("未登录");
        }
        Set<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring(5))
                .collect(Collectors.toUnmodifiableSet());
        return new Actor(principal.username(), principal.displayName(), roles, principal.dataScope());
    }

    boolean hasAnyRole(Collection<String> wanted) {
        return wanted.stream().anyMatch(roles::contains);
    }

    boolean has(String role) {
        return roles.contains(role);
    }

    /** Refuses with 403 unless the actor holds one of the roles the procedure names for this act. */
    void requireAnyRole(Collection<String> wanted, String what) {
        if (!hasAnyRole(wanted)) {
            throw new AccessDeniedException("“" + what + "”只能由" + Roles.labels(wanted) + "办理");
        }
    }
}
