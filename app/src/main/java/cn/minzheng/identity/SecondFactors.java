package cn.minzheng.identity;

import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.platform.crypto.FieldCipher;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.NotFound;
import cn.minzheng.shared.ScopedPrincipal;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second factor (等保 2.0 三级 身份鉴别 d: two kinds of authentication for privileged accounts; ASVS 2.8): a TOTP
 * authenticator app (RFC 6238), enrolled by scanning a QR code and confirmed with a first code, and ten single-use
 * recovery codes for a lost phone. Required for the system, security and audit administrators, who enrol at their first
 * login; open to every other account. A code works once; wrong codes count toward the lockout like wrong passwords. A
 * lost phone with lost recovery codes is a two-person reset ({@link PasswordResets}).
 */
@Service
public class SecondFactors {

    static final String SECRET_PURPOSE = "staff_second_factor.secret";
    static final String ISSUER = "民政业务平台";
    static final int RECOVERY_CODES = 10;
    private static final char[] CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final PasswordEncoder encoder;
    private final StaffAccounts accounts;
    private final AccountSessions sessions;
    private final AuditTrail audit;
    private final SecurityPolicyProperties policy;
    private final Clock clock;

    SecondFactors(
            JdbcClient jdbc,
            FieldCipher cipher,
            PasswordEncoder encoder,
            StaffAccounts accounts,
            AccountSessions sessions,
            AuditTrail audit,
            SecurityPolicyProperties policy,
            Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.encoder = encoder;
        this.accounts = accounts;
        this.sessions = sessions;
        this.audit = audit;
        this.policy = policy;
        this.clock = clock;
    }

    /** Where a login stands with the second factor, once the password was right. Runs in the login's transaction. */
    StaffUser.SecondFactor stageAfterPassword(StaffAccount account) {
        if (confirmed(account.id())) {
            return StaffUser.SecondFactor.CHECK;
        }
        return account.roles().stream().anyMatch(Role::isAdministrator)
                ? StaffUser.SecondFactor.ENROL
                : StaffUser.SecondFactor.NOT_REQUIRED;
    }

    boolean confirmed(long accountId) {
        return jdbc.sql("select count(*) from staff_second_factor where account_id = ? and confirmed_at is not null")
                        .param(accountId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * Checks a code from the app (6 digits) or a recovery code; a wrong one counts as a failed login and locks the
     * account at the fifth. Runs in the caller's transaction; true when the code was right.
     */
    boolean check(long accountId, String code) {
        StaffAccount account = accounts.byId(accountId).orElseThrow(() -> new NotFound("账号不存在"));
        Instant now = clock.instant();
        if (account.lockedAt(now)) {
            audit.recordAs(
                    account.username(), AuditEvent.denied("LOGIN_SECOND_FACTOR", "staff_account", accountId, "LOCKED"));
            return false;
        }
        record Factor(byte[] secret, long lastStep) {}
        Optional<Factor> factor = jdbc.sql("""
                        select secret_cipher, last_step from staff_second_factor
                        where account_id = ? and confirmed_at is not null
                        """)
                .param(accountId)
                .query((rs, n) -> new Factor(rs.getBytes(1), rs.getLong(2)))
                .optional();
        boolean right = false;
        String how = "TOTP";
        if (factor.isPresent()) {
            String secret = cipher.decrypt(factor.get().secret(), SECRET_PURPOSE);
            long step = Totp.matchingStep(secret, code, now, factor.get().lastStep());
            if (step >= 0) {
                jdbc.sql("update staff_second_factor set last_step = ? where account_id = ? and last_step < ?")
                        .params(step, accountId, step)
                        .update();
                right = true;
            } else if (useRecoveryCode(accountId, code)) {
                right = true;
                how = "RECOVERY_CODE";
            }
        }
        if (right) {
            accounts.recordSuccess(accountId, now);
            audit.recordAs(
                    account.username(),
                    AuditEvent.success("LOGIN_SECOND_FACTOR", "staff_account", accountId)
                            .because(how));
            return true;
        }
        int failures = accounts.recordFailure(accountId);
        audit.recordAs(
                account.username(), AuditEvent.failure("LOGIN_SECOND_FACTOR", "staff_account", accountId, "BAD_CODE"));
        if (failures >= policy.maxFailures()) {
            accounts.lock(accountId, now.plus(policy.lockout()));
            sessions.end(account);
            audit.recordAs(
                    account.username(),
                    AuditEvent.success("ACCOUNT_LOCKED", "staff_account", accountId)
                            .because(failures + " FAILURES"));
        }
        return false;
    }

    private boolean useRecoveryCode(long accountId, String code) {
        String typed = code == null ? "" : code.replace(" ", "").strip().toUpperCase(Locale.ROOT);
        if (!typed.matches("[0-9A-Z]{4}-?[0-9A-Z]{4}")) {
            return false;
        }
        String normalised = typed.replace("-", "");
        for (String hash : jdbc.sql(
                        "select code_hash from staff_recovery_code where account_id = ? and used_at is null")
                .param(accountId)
                .query(String.class)
                .list()) {
            if (encoder.matches(normalised, hash)) {
                jdbc.sql("update staff_recovery_code set used_at = ? where account_id = ? and code_hash = ?")
                        .params(Timestamp.from(clock.instant()), accountId, hash)
                        .update();
                return true;
            }
        }
        return false;
    }

    /** What the enrolment page shows: the QR code and the same secret as text, for typing it in. */
    public record Enrolment(String secret, String uri, String qrDataUri, boolean alreadyConfirmed) {}

    /**
     * A secret for the signed-in user, not yet in force: it counts once a first code from the app confirms it. An
     * account that has a confirmed factor keeps it (a new one needs the two-person reset).
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public Enrolment beginEnrolment() {
        long id = currentAccountId();
        StaffAccount account = accounts.byId(id).orElseThrow(() -> new NotFound("账号不存在"));
        if (confirmed(id)) {
            return new Enrolment(null, null, null, true);
        }
        // the secret already shown (a wrong first code, a reloaded page) stays, so that the app need not scan again
        String secret = jdbc.sql("select secret_cipher from staff_second_factor where account_id = ?")
                .param(id)
                .query(byte[].class)
                .optional()
                .map(stored -> cipher.decrypt(stored, SECRET_PURPOSE))
                .orElse(null);
        if (secret == null) {
            secret = Totp.newSecret();
            jdbc.sql("insert into staff_second_factor (account_id, secret_cipher) values (?, ?)")
                    .params(id, cipher.encrypt(secret, SECRET_PURPOSE))
                    .update();
        }
        String uri = Totp.uri(ISSUER, account.username(), secret);
        return new Enrolment(secret, uri, QrCodes.pngDataUri(uri), false);
    }

    /** The first code confirms the secret; returns the recovery codes, shown this once. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public List<String> confirmEnrolment(String code) {
        long id = currentAccountId();
        StaffAccount account = accounts.byId(id).orElseThrow(() -> new NotFound("账号不存在"));
        record Pending(byte[] secret, Instant confirmedAt) {}
        Pending pending = jdbc.sql("select secret_cipher, confirmed_at from staff_second_factor where account_id = ?")
                .param(id)
                .query((rs, n) -> new Pending(
                        rs.getBytes(1),
                        rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()))
                .optional()
                .orElseThrow(() -> new BusinessRuleViolation("请先扫描二维码，再输入应用显示的动态口令"));
        if (pending.confirmedAt() != null) {
            throw new BusinessRuleViolation("动态口令已启用");
        }
        String secret = cipher.decrypt(pending.secret(), SECRET_PURPOSE);
        long step = Totp.matchingStep(secret, code, clock.instant(), 0);
        if (step < 0) {
            audit.record(AuditEvent.failure("SECOND_FACTOR_ENROLLED", "staff_account", id, "BAD_CODE"));
            throw new BusinessRuleViolation("动态口令不正确：请确认手机时间准确，输入应用当前显示的 6 位数字");
        }
        jdbc.sql("update staff_second_factor set confirmed_at = ?, last_step = ? where account_id = ?")
                .params(Timestamp.from(clock.instant()), step, id)
                .update();
        List<String> codes = newRecoveryCodes(id);
        audit.record(AuditEvent.success("SECOND_FACTOR_ENROLLED", "staff_account", account.id()));
        return codes;
    }

    private List<String> newRecoveryCodes(long accountId) {
        jdbc.sql("delete from staff_recovery_code where account_id = ?")
                .param(accountId)
                .update();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            StringBuilder code = new StringBuilder(9);
            for (int c = 0; c < 8; c++) {
                if (c == 4) {
                    code.append('-');
                }
                code.append(CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)]);
            }
            codes.add(code.toString());
            jdbc.sql("insert into staff_recovery_code (account_id, code_hash) values (?, ?)")
                    .params(accountId, encoder.encode(code.toString().replace("-", "")))
                    .update();
        }
        return codes;
    }

    /** The two-person reset of a lost factor (in the approval's transaction): enrolment again at the next login. */
    void clear(StaffAccount account) {
        jdbc.sql("delete from staff_second_factor where account_id = ?")
                .param(account.id())
                .update();
        jdbc.sql("delete from staff_recovery_code where account_id = ?")
                .param(account.id())
                .update();
        sessions.end(account);
    }

    /**
     * For the platform's own set-up of test districts: an account whose authenticator holds this secret. Only the
     * platform itself may call it.
     */
    @PreAuthorize("hasRole('SYSTEM_ADMIN') and principal.username() == 'system'")
    @Transactional
    public void provision(String username, String base32Secret) {
        StaffAccount account = accounts.byUsername(username).orElseThrow(() -> new NotFound("账号不存在"));
        if (confirmed(account.id())) {
            return;
        }
        jdbc.sql("""
                        insert into staff_second_factor (account_id, secret_cipher, confirmed_at) values (?, ?, ?)
                        on conflict (account_id) do update
                            set secret_cipher = excluded.secret_cipher, confirmed_at = excluded.confirmed_at
                        """)
                .params(account.id(), cipher.encrypt(base32Secret, SECRET_PURPOSE), Timestamp.from(clock.instant()))
                .update();
        audit.record(AuditEvent.success("SECOND_FACTOR_ENROLLED", "staff_account", account.id())
                .because("PROVISIONED"));
    }

    private static long currentAccountId() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ScopedPrincipal p) {
            return p.accountId();
        }
        throw new NotFound("账号不存在");
    }
}
