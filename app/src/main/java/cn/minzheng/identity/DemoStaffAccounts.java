package cn.minzheng.identity;

import cn.minzheng.shared.DataScope;
import cn.minzheng.shared.DemoStaff;
import cn.minzheng.shared.ScopedPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The demo district's staff at work: a demo step acts as the named account, with that account's roles and scope, so
 * that the records name who did what and every check applies as it would to a signed-in request.
 */
@Component
class DemoStaffAccounts implements DemoStaff {

    private static final Map<String, String> ROLE_BY_LABEL = Map.of(
            "区局领导", "DISTRICT_LEADER",
            "业务科室经办", "DEPARTMENT_OFFICER",
            "街道经办", "STREET_OFFICER",
            "社区工作者", "COMMUNITY_WORKER",
            "法制审核员", "LEGAL_REVIEWER");

    private final StaffDirectory directory;
    private final Map<String, Staff> staff = new ConcurrentHashMap<>();

    DemoStaffAccounts(StaffDirectory directory) {
        this.directory = directory;
    }

    @Override
    public <T> T as(String username, Supplier<T> work) {
        Staff member = staff(username);
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                member,
                null,
                member.roles().stream()
                        .map(r -> new SimpleGrantedAuthority("ROLE_" + r))
                        .toList()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private Staff staff(String username) {
        return staff.computeIfAbsent(username, u -> {
            StaffDirectory.Colleague colleague = directory.colleagues(u, 0, 5).stream()
                    .filter(c -> c.username().equals(u))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("演示账号 " + u + " 不存在"));
            List<String> roles = new ArrayList<>();
            for (String label : colleague.roles()) {
                roles.add(ROLE_BY_LABEL.getOrDefault(label, label));
            }
            return new Staff(colleague.id(), u, colleague.displayName(), DataScope.of(colleague.unitCode()), roles);
        });
    }

    private record Staff(long accountId, String username, String displayName, DataScope dataScope, List<String> roles)
            implements ScopedPrincipal {

        @Override
        public List<String> roleLabels() {
            return List.of();
        }
    }
}
