package cn.minzheng.identity;

import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.platform.DataScopes;
import cn.minzheng.platform.District;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks a user name and password against the database and applies the login policy: lockout after 5 failures for 30
 * minutes (the correct password fails while locked), throttling per client address, password expiry. A locked account
 * gets the same answer as an unknown name or a wrong password, so that nobody learns which names exist. Every outcome
 * is audited, and the bookkeeping is committed before a failure is reported.
 */
@Component
class StaffAuthenticationProvider implements AuthenticationProvider {

    static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9_]{2,39}");

    private final StaffAccounts accounts;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    private final AuditTrail audit;
    private final District district;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final SecurityPolicyProperties policy;
    private final SecondFactors secondFactors;
    private final String dummyHash;

    StaffAuthenticationProvider(
            StaffAccounts accounts,
            PasswordEncoder passwords,
            LoginThrottle throttle,
            AuditTrail audit,
            District district,
            TransactionTemplate transactions,
            Clock clock,
            SecurityPolicyProperties policy,
            SecondFactors secondFactors) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.throttle = throttle;
        this.audit = audit;
        this.district = district;
        this.transactions = transactions;
        this.clock = clock;
        this.policy = policy;
        this.secondFactors = secondFactors;
        this.dummyHash = passwords.encode("timing-equaliser-not-a-password");
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName() == null
                ? ""
                : authentication.getName().strip().toLowerCase(Locale.ROOT);
        String password = authentication.getCredentials() == null
                ? ""
                : authentication.getCredentials().toString();
        String address = address(authentication);
        Outcome outcome = DataScopes.callAs(
                district.scope(), () -> transactions.execute(status -> check(username, password, address)));
        if (outcome.failure() != null) {
            throw outcome.failure();
        }
        StaffUser user = outcome.user();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }

    private record Outcome(StaffUser user, AuthenticationException failure) {}

    private Outcome check(String username, String password, String address) {
        // Only names of the account form are written to the trail: never what someone typed by mistake (an ID number).
        String actor = USERNAME.matcher(username).matches() ? username : "(invalid)";
        if (throttle.blocked(address)) {
            audit.recordAs(actor, AuditEvent.denied("LOGIN_FAILURE", "staff_account", null, "THROTTLED"));
            return new Outcome(null, new LoginThrottled());
        }
        Optional<StaffAccount> found =
                USERNAME.matcher(username).matches() ? accounts.byUsername(username) : Optional.empty();
        if (found.isEmpty()) {
            passwords.matches(password, dummyHash);
            throttle.recordFailure(address);
            audit.recordAs(actor, AuditEvent.failure("LOGIN_FAILURE", "staff_account", null, "UNKNOWN_USER"));
            return new Outcome(null, badCredentials());
        }
        StaffAccount account = found.get();
        Instant now = clock.instant();
        if (account.lockedAt(now)) {
            // The same answer, after the same work, as for an unknown name: a lock must not tell that the name exists.
            passwords.matches(password, dummyHash);
            throttle.recordFailure(address);
            audit.recordAs(actor, AuditEvent.denied("LOGIN_FAILURE", "staff_account", account.id(), "LOCKED"));
            return new Outcome(null, badCredentials());
        }
        int failuresSoFar = account.failedAttempts();
        if (account.lockedUntil() != null) {
            accounts.unlock(account.id()); // the lock has expired: the count starts again
            failuresSoFar = 0;
        }
        if (!passwords.matches(password, account.passwordHash())) {
            int failures = failuresSoFar + 1;
            accounts.recordFailure(account.id());
            throttle.recordFailure(address);
            audit.recordAs(actor, AuditEvent.failure("LOGIN_FAILURE", "staff_account", account.id(), "BAD_PASSWORD"));
            if (failures >= policy.maxFailures()) {
                Instant until = now.plus(policy.lockout());
                accounts.lock(account.id(), until);
                audit.recordAs(
                        actor,
                        AuditEvent.success("ACCOUNT_LOCKED", "staff_account", account.id())
                                .because(failures + " FAILURES"));
                return new Outcome(null, badCredentials());
            }
            return new Outcome(null, badCredentials());
        }
        if (!account.enabled()) {
            audit.recordAs(actor, AuditEvent.denied("LOGIN_FAILURE", "staff_account", account.id(), "DISABLED"));
            return new Outcome(null, new DisabledException("账号已停用，请联系系统管理员。"));
        }
        StaffUser.SecondFactor secondFactor = secondFactors.stageAfterPassword(account);
        if (secondFactor != StaffUser.SecondFactor.CHECK) {
            // with a code still to give, the failures are cleared only when the code is right too: a known password
            // must not reset the count that guards the code
            accounts.recordSuccess(account.id(), now);
        }
        boolean expired =
                account.passwordChangedAt().plus(policy.passwordMaxAge()).isBefore(now);
        audit.recordAs(
                actor,
                AuditEvent.success("LOGIN_SUCCESS", "staff_account", account.id())
                        .because(
                                secondFactor.outstanding()
                                        ? "SECOND_FACTOR_" + secondFactor.name()
                                        : expired ? "PASSWORD_EXPIRED" : null));
        return new Outcome(account.toUser(expired, secondFactor), null);
    }

    private BadCredentialsException badCredentials() {
        return new BadCredentialsException("用户名或密码错误。连续输错 " + policy.maxFailures() + " 次，账号将被锁定 "
                + policy.lockout().toMinutes() + " 分钟，锁定期间无法登录（可请安全管理员解锁）。");
    }

    private static String address(Authentication authentication) {
        if (authentication.getDetails() instanceof WebAuthenticationDetails details) {
            return details.getRemoteAddress();
        }
        if (authentication.getDetails() instanceof String address) {
            return address;
        }
        return null;
    }
}
