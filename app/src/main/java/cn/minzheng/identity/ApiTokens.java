package cn.minzheng.identity;

import cn.minzheng.platform.DataScopes;
import cn.minzheng.platform.District;
import cn.minzheng.shared.Sm3;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bearer tokens for API clients: issued only after every factor was given, random, shown once, stored only as an SM3 hash, valid for a fixed lifetime, revoked
 * at logout with the token, when the password changes, when the account is disabled or its roles or scope change, and
 * by their owner one by one.
 */
@Component
class ApiTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final StaffAccounts accounts;
    private final Clock clock;
    private final SecurityPolicyProperties policy;
    private final District district;
    private final TransactionTemplate transactions;

    ApiTokens(
            JdbcClient jdbc,
            StaffAccounts accounts,
            Clock clock,
            SecurityPolicyProperties policy,
            District district,
            TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
        this.policy = policy;
        this.district = district;
        this.transactions = transactions;
    }

    record Issued(String token, Instant expiresAt) {}

    Issued issue(StaffUser user) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "mz_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        Instant expires = now.plus(policy.tokenLifetime());
        jdbc.sql("insert into api_token (token_hash, account_id, issued_at, expires_at) values (?, ?, ?, ?)")
                .params(hash(token), user.accountId(), Timestamp.from(now), Timestamp.from(expires))
                .update();
        return new Issued(token, expires);
    }

    /** The user a valid token stands for; empty when unknown, expired, revoked, or the account is disabled or locked. */
    Optional<StaffUser> authenticate(String token) {
        if (token == null || !token.startsWith("mz_") || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return DataScopes.callAs(
                district.scope(),
                () -> transactions.execute(status -> jdbc.sql("""
                        select account_id from api_token
                        where token_hash = ? and revoked_at is null and expires_at > ?
                        """)
                        .params(hash(token), Timestamp.from(now))
                        .query(Long.class)
                        .optional()
                        .flatMap(accounts::byId)
                        .filter(account -> account.enabled() && !account.lockedAt(now))
                        .map(account -> account.toUser(false, StaffUser.SecondFactor.PASSED))));
    }

    /** One of the account's tokens as its owner sees it: never the token itself, which is not kept. */
    record Listed(long id, Instant issuedAt, Instant expiresAt) {}

    /** The account's tokens that still work, newest first. */
    List<Listed> valid(long accountId) {
        return jdbc.sql("""
                        select id, issued_at, expires_at from api_token
                        where account_id = ? and revoked_at is null and expires_at > ?
                        order by issued_at desc, id desc
                        """)
                .params(accountId, Timestamp.from(clock.instant()))
                .query((rs, n) -> new Listed(
                        rs.getLong(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3).toInstant()))
                .list();
    }

    /** Revokes one token of the account; false when the account has no such valid token. */
    boolean revoke(long accountId, long tokenId) {
        return jdbc.sql("update api_token set revoked_at = ? where id = ? and account_id = ? and revoked_at is null")
                        .params(Timestamp.from(clock.instant()), tokenId, accountId)
                        .update()
                > 0;
    }

    /** Revokes the token presented (at logout); the account it belonged to, when it was valid. */
    Optional<StaffAccount> revoke(String token) {
        if (token == null || !token.startsWith("mz_") || token.length() > 100) {
            return Optional.empty();
        }
        return DataScopes.callAs(
                district.scope(),
                () -> transactions.execute(status -> jdbc.sql("""
                                update api_token set revoked_at = ? where token_hash = ? and revoked_at is null
                                returning account_id
                                """)
                        .params(Timestamp.from(clock.instant()), hash(token))
                        .query(Long.class)
                        .optional()
                        .flatMap(accounts::byId)));
    }

    void revokeAll(long accountId) {
        jdbc.sql("update api_token set revoked_at = ? where account_id = ? and revoked_at is null")
                .params(Timestamp.from(clock.instant()), accountId)
                .update();
    }

    private static String hash(String token) {
        return Sm3.hex(token.getBytes(StandardCharsets.UTF_8));
    }
}
