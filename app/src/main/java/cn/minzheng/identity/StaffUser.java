package cn.minzheng.identity;

import cn.minzheng.shared.DataScope;
import cn.minzheng.shared.ScopedPrincipal;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in staff member, kept in the session. It holds no password: authentication is done by
 * {@link StaffAuthenticationProvider} against the database.
 */
record StaffUser(
        long accountId,
        String username,
        String displayName,
        DataScope dataScope,
        Set<Role> roles,
        boolean mustChangePassword,
        SecondFactor secondFactor)
        implements ScopedPrincipal, UserDetails, Serializable {

    /**
     * Where the login stands with the second factor: not needed, a code still to give ({@code CHECK}), an authenticator
     * still to enrol ({@code ENROL}, administrators at their first login), or given. Until it is given or not needed
     * the user holds no role at all, and {@link SessionPolicyFilter} lets them reach the second-factor pages only.
     */
    enum SecondFactor {
        NOT_REQUIRED,
        CHECK,
        ENROL,
        PASSED;

        boolean outstanding() {
            return this == CHECK || this == ENROL;
        }
    }

    StaffUser {
        secondFactor = secondFactor == null ? SecondFactor.NOT_REQUIRED : secondFactor;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        if (secondFactor.outstanding()) {
            return List.of();
        }
        return roles.stream()
                .map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList();
    }

    @Override
    public String getPassword() {
        return null;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public String getName() {
        return username;
    }

    @Override
    public List<String> roleLabels() {
        return roles.stream().sorted().map(Role::label).toList();
    }

    boolean isAdministrator() {
        return roles.stream().anyMatch(Role::isAdministrator);
    }

    StaffUser withPasswordChanged() {
        return new StaffUser(accountId, username, displayName, dataScope, roles, false, secondFactor);
    }

    StaffUser withSecondFactorPassed() {
        return new StaffUser(
                accountId, username, displayName, dataScope, roles, mustChangePassword, SecondFactor.PASSED);
    }
}
