package cn.minzheng.identity;

import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.platform.DataScopes;
import cn.minzheng.platform.PlatformSettings;
import cn.minzheng.region.Regions;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.DataScope;
import cn.minzheng.shared.NotFound;
import cn.minzheng.shared.RegionCode;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Managing staff accounts under separation of duties (三权分立): the system administrator creates, disables and
 * enables accounts; the security administrator grants roles and scope, unlocks and asks for password resets; a district
 * leader issues one-time passwords; nobody changes their own roles. On a fresh installation the system administrator
 * may appoint the first security and audit administrators (the one-time bootstrap); the last enabled security or audit
 * administrator can be neither disabled nor stripped of the role.
 */
@Service
public class AccountManagement {

    static final String BOOTSTRAP_CLOSED = "identity.bootstrap-closed";

    private final StaffAccounts accounts;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy = PasswordPolicy.withBundledList();
    private final AuditTrail audit;
    private final Regions regions;
    private final ApiTokens tokens;
    private final AccountSessions sessions;
    private final PasswordResets resets;
    private final PlatformSettings settings;

    private final SecurityPolicyProperties securityPolicy;
    private final Clock clock;

    AccountManagement(
            StaffAccounts accounts,
            PasswordEncoder encoder,
            AuditTrail audit,
            Regions regions,
            ApiTokens tokens,
            AccountSessions sessions,
            PasswordResets resets,
            PlatformSettings settings,
            SecurityPolicyProperties securityPolicy,
            Clock clock) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.audit = audit;
        this.regions = regions;
        this.tokens = tokens;
        this.sessions = sessions;
        this.resets = resets;
        this.settings = settings;
        this.securityPolicy = securityPolicy;
        this.clock = clock;
    }

    /**
     * A new account. It has no usable password yet: its one-time initial password is issued by a district leader who
     * confirms the person ({@link PasswordResets}), so that the system administrator who created it never knows it
     * (三权分立: the system administrator must not be able to sign in as an account that holds a business role).
     *
     * @param temporaryPassword always null (kept for clients of the earlier answer); {@code initialPasswordRequest}
     *     is the request a district leader approves
     */
    public record Created(long id, String username, String temporaryPassword, long initialPasswordRequest) {}

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Transactional
    public Created create(String username, String displayName, String scopeCode, Set<Role> roles) {
        String name = checkUsername(username);
        checkDisplayName(displayName);
        DataScope scope = checkScope(scopeCode);
        Set<Role> granted = roles == null
                ? EnumSet.noneOf(Role.class)
                : EnumSet.copyOf(roles.isEmpty() ? EnumSet.noneOf(Role.class) : roles);
        if (!granted.isEmpty()) {
            requireMayGrantRoles();
            checkRoles(granted, scope, null);
            requireBootstrapGrant(granted);
        }
        if (accounts.byUsername(name).isPresent()) {
            throw new BusinessRuleViolation("用户名 " + name + " 已被使用");
        }
        // a random password nobody is told: the account cannot be used until the initial password is issued
        long id = accounts.insert(
                name,
                displayName.strip(),
                encoder.encode(TemporaryPasswords.generate()),
                scope,
                true,
                clock.instant(),
                actor());
        accounts.setRoles(id, granted);
        closeBootstrapIfSecurityAdministrator(granted);
        audit.record(AuditEvent.success("ACCOUNT_CREATED", "staff_account", id).because(roleCodes(granted)));
        long request = resets.requestInitial(accounts.byId(id).orElseThrow());
        return new Created(id, name, null, request);
    }

    @PreAuthorize("hasAnyRole('SECURITY_ADMIN', 'SYSTEM_ADMIN')")
    @Transactional
    public void grantRoles(long accountId, Set<Role> roles) {
        requireMayGrantRoles();
        StaffAccount account = visible(accountId);
        if (account.id() == currentAccountId()) {
            throw new AccessDeniedException("不能修改自己的角色");
        }
        Set<Role> granted = roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        checkRoles(granted, account.scope(), account.id());
        requireBootstrapGrant(granted);
        for (Role kept : EnumSet.of(Role.SECURITY_ADMIN, Role.AUDIT_ADMIN)) {
            if (account.roles().contains(kept) && !granted.contains(kept) && account.enabled()) {
                requireAnotherEnabled(kept, account);
            }
        }
        accounts.setRoles(accountId, granted);
        closeBootstrapIfSecurityAdministrator(granted);
        sessions.end(account);
        audit.record(AuditEvent.success("ROLES_CHANGED", "staff_account", accountId)
                .because(roleCodes(account.roles()) + " -> " + roleCodes(granted)));
    }

    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    @Transactional
    public void changeScope(long accountId, String scopeCode) {
        StaffAccount account = visible(accountId);
        if (account.id() == currentAccountId()) {
            throw new AccessDeniedException("不能修改自己的数据范围");
        }
        DataScope scope = checkScope(scopeCode);
        checkRoles(account.roles(), scope, account.id());
        accounts.setScope(accountId, scope);
        sessions.end(account);
        audit.record(AuditEvent.success("SCOPE_CHANGED", "staff_account", accountId)
                .because(account.scope().code() + " -> " + scope.code()));
    }

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Transactional
    public void setEnabled(long accountId, boolean enabled) {
        StaffAccount account = visible(accountId);
        if (account.id() == currentAccountId()) {
            throw new BusinessRuleViolation("不能停用或启用自己的账号");
        }
        if (!enabled) {
            for (Role kept : EnumSet.of(Role.SECURITY_ADMIN, Role.AUDIT_ADMIN)) {
                if (account.roles().contains(kept)) {
                    requireAnotherEnabled(kept, account);
                }
            }
        }
        accounts.setEnabled(accountId, enabled);
        if (!enabled) {
            sessions.end(account);
        }
        audit.record(AuditEvent.success(enabled ? "ACCOUNT_ENABLED" : "ACCOUNT_DISABLED", "staff_account", accountId));
    }

    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    @Transactional
    public void unlock(long accountId) {
        visible(accountId);
        accounts.unlock(accountId);
        audit.record(AuditEvent.success("ACCOUNT_UNLOCKED", "staff_account", accountId));
    }

    /**
     * Asks for a one-time password for the account: nothing is shown to the security administrator; a district leader
     * confirms the person and is shown the password once ({@link PasswordResets#approve}). The audit administrator is
     * alerted. Returns the request's id.
     */
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    @Transactional
    public long resetPassword(long accountId, String reason) {
        StaffAccount account = visible(accountId);
        if (account.id() == currentAccountId()) {
            throw new BusinessRuleViolation("请在“修改密码”中修改自己的密码");
        }
        return resets.requestReset(account, reason);
    }

    /** Asks for the second factor of the account to be reset (a lost phone), with the same two persons. */
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    @Transactional
    public long resetSecondFactor(long accountId, String reason) {
        StaffAccount account = visible(accountId);
        if (account.id() == currentAccountId()) {
            throw new BusinessRuleViolation("不能为自己的账号申请重置动态口令");
        }
        return resets.requestSecondFactorReset(account, reason);
    }

    /** The signed-in user changes their own password; returns the rule violations (empty when changed). */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public List<String> changeOwnPassword(String current, String replacement) {
        long id = currentAccountId();
        StaffAccount account = accounts.byId(id).orElseThrow(() -> new NotFound("账号不存在"));
        if (!encoder.matches(current == null ? "" : current, account.passwordHash())) {
            audit.record(AuditEvent.failure("PASSWORD_CHANGED", "staff_account", id, "BAD_CURRENT_PASSWORD"));
            return List.of("当前密码不正确");
        }
        List<String> hashes = accounts.recentPasswordHashes(id, securityPolicy.passwordHistory());
        List<String> problems = policy.violations(
                account.username(),
                replacement,
                candidate -> encoder.matches(candidate, account.passwordHash())
                        || hashes.stream().anyMatch(hash -> encoder.matches(candidate, hash)));
        if (!problems.isEmpty()) {
            return problems;
        }
        accounts.setPassword(id, encoder.encode(replacement), false, clock.instant());
        // Whoever else knew the old password is out: every other session ends, and every token (this one's too).
        sessions.endOthers(account);
        audit.record(AuditEvent.success("PASSWORD_CHANGED", "staff_account", id));
        return List.of();
    }

    /** The signed-in user's own API tokens that still work. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<ApiTokens.Listed> ownTokens() {
        return tokens.valid(currentAccountId());
    }

    /** The signed-in user revokes one of their own tokens (a lost laptop, a finished script). */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void revokeOwnToken(long tokenId) {
        long id = currentAccountId();
        if (!tokens.revoke(id, tokenId)) {
            throw new NotFound("没有这个有效的令牌");
        }
        audit.record(AuditEvent.success("TOKEN_REVOKED", "staff_account", id).because("token " + tokenId));
    }

    /** Checks a password against the policy for a user name, without storing anything (for set-up and forms). */
    public List<String> passwordProblems(String username, String candidate) {
        return policy.violations(username, candidate, c -> false);
    }

    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN')")
    @Transactional(readOnly = true)
    public List<StaffAccount> list(String text, Role role, String scopeWithin, int page, int size) {
        DataScope viewer = DataScopes.current().orElseThrow(() -> new AccessDeniedException("没有数据范围"));
        return accounts.list(viewer, new StaffAccounts.Filter(text, role, scopeWithin), size, page * size);
    }

    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN')")
    @Transactional(readOnly = true)
    public StaffAccount get(long accountId) {
        return visible(accountId);
    }

    // --- system use: first-start administrator and the demo district -------------------------------------------

    /** An account prepared by the platform itself (first administrator, demo staff), all with the same password. */
    public record Provisioned(String username, String displayName, String scopeCode, Set<Role> roles) {}

    @PreAuthorize("hasRole('SYSTEM_ADMIN') and principal.username() == 'system'")
    @Transactional
    public int provision(List<Provisioned> wanted, String password, boolean mustChange) {
        String hash = encoder.encode(password);
        Instant now = clock.instant();
        int created = 0;
        for (Provisioned account : wanted) {
            String name = checkUsername(account.username());
            if (accounts.byUsername(name).isPresent()) {
                continue;
            }
            DataScope scope = checkScope(account.scopeCode());
            checkRoles(account.roles(), scope, null);
            long id = accounts.insert(name, account.displayName(), hash, scope, mustChange, now, "system");
            accounts.setRoles(id, account.roles());
            closeBootstrapIfSecurityAdministrator(account.roles());
            audit.record(
                    AuditEvent.success("ACCOUNT_CREATED", "staff_account", id).because(roleCodes(account.roles())));
            created++;
        }
        return created;
    }

    /** A password that meets the policy, for the platform's own set-up (demo accounts). */
    public static String generatedPassword() {
        return TemporaryPasswords.generate();
    }

    @Transactional(readOnly = true)
    public boolean anyAccountWith(Role role) {
        return accounts.countWithRole(role) > 0;
    }

    // --- rules ----------------------------------------------------------------------------------------------------

    private StaffAccount visible(long accountId) {
        return accounts.byId(accountId).orElseThrow(() -> new NotFound("账号不存在，或不在您的数据范围内"));
    }

    private void requireMayGrantRoles() {
        if (!hasRole(Role.SECURITY_ADMIN) && !(hasRole(Role.SYSTEM_ADMIN) && bootstrapOpen())) {
            throw new AccessDeniedException("角色由安全管理员授予");
        }
    }

    /**
     * The bootstrap: on a fresh installation the system administrator appoints the first security (and audit)
     * administrator, and nothing else — no business role, which would let it read residents' data. It ends for good
     * once a security administrator has existed; disabling one later does not open it again.
     */
    boolean bootstrapOpen() {
        if (settings.get(BOOTSTRAP_CLOSED).isPresent()) {
            return false;
        }
        if (accounts.countEverWithRole(Role.SECURITY_ADMIN) > 0) {
            settings.put(BOOTSTRAP_CLOSED, "found");
            return false;
        }
        return true;
    }

    private void requireBootstrapGrant(Set<Role> granted) {
        if (!hasRole(Role.SECURITY_ADMIN)
                && granted.stream().anyMatch(r -> r != Role.SECURITY_ADMIN && r != Role.AUDIT_ADMIN)) {
            throw new AccessDeniedException("系统管理员只能在初始化时任命安全管理员和审计管理员，其他角色由安全管理员授予");
        }
    }

    private void closeBootstrapIfSecurityAdministrator(Set<Role> granted) {
        if (granted.contains(Role.SECURITY_ADMIN)
                && settings.get(BOOTSTRAP_CLOSED).isEmpty()) {
            settings.put(BOOTSTRAP_CLOSED, clock.instant().toString());
        }
    }

    /** 三权分立 needs each of these roles held by someone: the last enabled holder keeps it and stays enabled. */
    private void requireAnotherEnabled(Role role, StaffAccount account) {
        if (accounts.countEnabledWithRoleExcept(role, account.id()) == 0) {
            throw new BusinessRuleViolation(
                    "三权分立：" + account.username() + " 是唯一启用的" + role.label() + "，不能停用或取消其角色；请先任命另一名" + role.label());
        }
    }

    /**
     * Roles must fit the scope (a 社区工作者 works for one community), and no account holds two of the three
     * administrator roles.
     */
    private void checkRoles(Set<Role> roles, DataScope scope, Long accountId) {
        long administratorRoles = roles.stream().filter(Role::isAdministrator).count();
        if (administratorRoles > 1) {
            throw new BusinessRuleViolation("三权分立：系统管理员、安全管理员、审计管理员不能由同一账号兼任");
        }
        if (administratorRoles == 1 && roles.size() > 1) {
            throw new BusinessRuleViolation("管理员账号不兼任业务角色：管理员不应能查看居民信息");
        }
        for (Role role : roles) {
            if (role.scopeLevel() != scope.level()) {
                throw new BusinessRuleViolation(
                        role.label() + "的数据范围须是一个" + role.scopeLevel().label() + "，而该账号的范围是"
                                + scope.level().label());
            }
        }
    }

    private DataScope checkScope(String scopeCode) {
        if (!RegionCode.isWellFormed(scopeCode)) {
            throw new BusinessRuleViolation("数据范围须是区、街道或社区的代码（6、9或12位数字）");
        }
        DataScope scope = DataScope.of(scopeCode);
        if (!regions.isActive(scopeCode, regions.today())) {
            throw new BusinessRuleViolation("区划代码 " + scopeCode + " 不存在或已撤销");
        }
        DataScope mine = DataScopes.current().orElseThrow(() -> new AccessDeniedException("没有数据范围"));
        if (!mine.covers(scope)) {
            throw new AccessDeniedException("只能在自己的数据范围内设置账号范围");
        }
        return scope;
    }

    private static String checkUsername(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (!StaffAuthenticationProvider.USERNAME.matcher(name).matches()) {
            throw new BusinessRuleViolation("用户名须以小写字母开头，由 3–40 个小写字母、数字或下划线组成");
        }
        return name;
    }

    private static void checkDisplayName(String displayName) {
        if (displayName == null
                || displayName.isBlank()
                || displayName.strip().codePointCount(0, displayName.strip().length()) > 50) {
            throw new BusinessRuleViolation("姓名（显示名）不能为空，且不超过50个字");
        }
    }

    private static boolean hasRole(Role role) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.getAuthorities().stream()
                        .anyMatch(a -> a.getAuthority().equals(role.authority()));
    }

    private static long currentAccountId() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof cn.minzheng.shared.ScopedPrincipal p) {
            return p.accountId();
        }
        return -1;
    }

    private static String actor() {
        return SecurityContextHolder.getContext().getAuthentication().getName();
    }

    private static String roleCodes(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(",", "[", "]"));
    }
}
