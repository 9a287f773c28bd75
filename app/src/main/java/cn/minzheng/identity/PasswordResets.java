package cn.minzheng.identity;

import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.audit.SecurityAlerts;
import cn.minzheng.platform.DataScopes;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.DataScope;
import cn.minzheng.shared.NotFound;
import cn.minzheng.shared.ScopedPrincipal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time passwords with two persons (两人操作). The security administrator asks for a reset (or the system
 * administrator's new account asks for its initial password); a district leader — neither the asker nor the account
 * itself — confirms the person and is shown the password once, to hand it over in person (a printed slip). The asker
 * never sees it, so no single administrator can sign in as someone else; resetting an administrator's password takes
 * the same second person, and the administrator's second factor still stands in the way. Every step is in the audit
 * trail and raises an alert for the audit administrator.
 */
@Service
class PasswordResets {

    private final JdbcClient jdbc;
    private final StaffAccounts accounts;
    private final PasswordEncoder encoder;
    private final AccountSessions sessions;
    private final AuditTrail audit;
    private final SecurityAlerts alerts;
    private final SecondFactors secondFactors;
    private final Clock clock;

    PasswordResets(
            JdbcClient jdbc,
            StaffAccounts accounts,
            PasswordEncoder encoder,
            AccountSessions sessions,
            AuditTrail audit,
            SecurityAlerts alerts,
            SecondFactors secondFactors,
            Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.encoder = encoder;
        this.sessions = sessions;
        this.audit = audit;
        this.alerts = alerts;
        this.secondFactors = secondFactors;
        this.clock = clock;
    }

    enum Kind {
        RESET("重置密码"),
        INITIAL("初始密码"),
        SECOND_FACTOR("重置动态口令");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /** A request as the approver sees it. */
    record Request(
            long id,
            long accountId,
            String username,
            String displayName,
            String scopeCode,
            boolean administrator,
            Kind kind,
            String reason,
            String requestedBy,
            Instant requestedAt) {

        public String kindLabel() {
            return kind.label();
        }
    }

    /**
     * The one-time password, for the approver to hand over; never stored, never shown again. Null for a second-factor
     * reset, after which the person enrols a new authenticator at the next login.
     */
    record Issued(long requestId, String username, String displayName, String temporaryPassword) {}

    /** Must run in the caller's transaction (the security administrator's, already checked). */
    long requestReset(StaffAccount account, String reason) {
        long id = insert(account, Kind.RESET, reason(reason));
        audit.record(AuditEvent.success("PASSWORD_RESET_REQUESTED", "staff_account", account.id())
                .because("request " + id));
        alerts.raise(
                isAdministrator(account) ? "ADMIN_PASSWORD_RESET_REQUESTED" : "PASSWORD_RESET_REQUESTED",
                "staff_account",
                account.id());
        return id;
    }

    /** A lost authenticator and lost recovery codes; the same two persons. */
    long requestSecondFactorReset(StaffAccount account, String reason) {
        long id = insert(account, Kind.SECOND_FACTOR, reason(reason));
        audit.record(AuditEvent.success("SECOND_FACTOR_RESET_REQUESTED", "staff_account", account.id())
                .because("request " + id));
        alerts.raise("SECOND_FACTOR_RESET_REQUESTED", "staff_account", account.id());
        return id;
    }

    private static String reason(String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 2 || why.length() > 200) {
            throw new BusinessRuleViolation("请写明申请的原因（2 至 200 字），如：本人遗忘密码，已电话核实");
        }
        return why;
    }

    /** For a new account, in the creating transaction. */
    long requestInitial(StaffAccount account) {
        return insert(account, Kind.INITIAL, "新建账号的初始密码");
    }

    private long insert(StaffAccount account, Kind kind, String reason) {
        boolean pending = jdbc.sql("select count(*) from password_reset where account_id = ? and state = 'PENDING'")
                        .param(account.id())
                        .query(Long.class)
                        .single()
                > 0;
        if (pending) {
            throw new BusinessRuleViolation("该账号已有待批准的申请，请等待区局领导核实后办理，或先撤回");
        }
        return jdbc.sql("""
                        insert into password_reset (account_id, scope_code, kind, reason, requested_by, requested_at,
                                                    state)
                        values (?, ?, ?, ?, ?, ?, 'PENDING') returning id
                        """)
                .params(
                        account.id(),
                        account.scope().code(),
                        kind.name(),
                        reason,
                        actor(),
                        Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
    }

    @PreAuthorize("hasAnyRole('DISTRICT_LEADER', 'SECURITY_ADMIN', 'SYSTEM_ADMIN')")
    @Transactional(readOnly = true)
    public List<Request> pending() {
        DataScope scope = DataScopes.current().orElseThrow(() -> new AccessDeniedException("没有数据范围"));
        return jdbc.sql("""
                        select r.*, a.username, a.display_name,
                               exists (select 1 from staff_role x where x.account_id = a.id
                                       and x.role in ('SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN')) as administrator
                        from password_reset r join staff_account a on a.id = r.account_id
                        where r.state = 'PENDING' and starts_with(r.scope_code, ?)
                        order by r.requested_at, r.id
                        """)
                .param(scope.code())
                .query((rs, n) -> new Request(
                        rs.getLong("id"),
                        rs.getLong("account_id"),
                        rs.getString("username"),
                        rs.getString("display_name"),
                        rs.getString("scope_code"),
                        rs.getBoolean("administrator"),
                        Kind.valueOf(rs.getString("kind")),
                        rs.getString("reason"),
                        rs.getString("requested_by"),
                        rs.getTimestamp("requested_at").toInstant()))
                .list();
    }

    /**
     * The district leader has confirmed the person: the account gets a one-time password (to be changed at the first
     * login), is unlocked, its sessions and tokens end. The password is returned once, to be handed over.
     */
    @PreAuthorize("hasRole('DISTRICT_LEADER')")
    @Transactional
    public Issued approve(long requestId) {
        Request request = pendingRequest(requestId);
        String me = actor();
        if (me.equals(request.requestedBy())) {
            throw new AccessDeniedException("申请人不能自己批准发放密码");
        }
        if (request.accountId() == currentAccountId()) {
            throw new AccessDeniedException("不能批准发放自己账号的密码");
        }
        StaffAccount account = accounts.byId(request.accountId()).orElseThrow(() -> notFound());
        if (request.kind() == Kind.SECOND_FACTOR) {
            secondFactors.clear(account);
            decide(requestId, "ISSUED", me);
            audit.record(AuditEvent.success("SECOND_FACTOR_RESET", "staff_account", account.id())
                    .because("request " + requestId));
            alerts.raise("SECOND_FACTOR_RESET", "staff_account", account.id());
            return new Issued(requestId, account.username(), account.displayName(), null);
        }
        String temporary = TemporaryPasswords.generate();
        accounts.setPassword(account.id(), encoder.encode(temporary), true, clock.instant());
        accounts.unlock(account.id());
        sessions.end(account);
        decide(requestId, "ISSUED", me);
        audit.record(AuditEvent.success("PASSWORD_ISSUED", "staff_account", account.id())
                .because(request.kind().name() + " request " + requestId));
        alerts.raise(
                request.administrator() ? "ADMIN_PASSWORD_ISSUED" : "PASSWORD_ISSUED", "staff_account", account.id());
        return new Issued(requestId, account.username(), account.displayName(), temporary);
    }

    /** Withdrawn by the security administrator or turned down by the leader (the person could not be confirmed). */
    @PreAuthorize("hasAnyRole('DISTRICT_LEADER', 'SECURITY_ADMIN')")
    @Transactional
    public void cancel(long requestId) {
        Request request = pendingRequest(requestId);
        decide(requestId, "CANCELLED", actor());
        audit.record(AuditEvent.success("PASSWORD_RESET_CANCELLED", "staff_account", request.accountId())
                .because("request " + requestId));
    }

    private void decide(long requestId, String state, String by) {
        jdbc.sql("update password_reset set state = ?, decided_by = ?, decided_at = ? where id = ?")
                .params(state, by, Timestamp.from(clock.instant()), requestId)
                .update();
    }

    private Request pendingRequest(long requestId) {
        return pending().stream().filter(r -> r.id() == requestId).findFirst().orElseThrow(PasswordResets::notFound);
    }

    private static NotFound notFound() {
        return new NotFound("没有这个待批准的密码申请，或不在您的数据范围内");
    }

    private static boolean isAdministrator(StaffAccount account) {
        return account.roles().stream().anyMatch(Role::isAdministrator);
    }

    private static String actor() {
        return SecurityContextHolder.getContext().getAuthentication().getName();
    }

    private static long currentAccountId() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof ScopedPrincipal p
                ? p.accountId()
                : -1;
    }
}
