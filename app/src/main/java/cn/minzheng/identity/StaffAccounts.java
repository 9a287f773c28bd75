package cn.minzheng.identity;

import cn.minzheng.shared.DataScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Staff accounts in the database. Every query runs under row-level security: an account is visible only to someone
 * whose scope covers it. List queries also carry the scope predicate themselves (defence in depth).
 */
@Repository
class StaffAccounts {

    private static final String SELECT = """
            select a.*, coalesce(array_agg(r.role order by r.role) filter (where r.role is not null), '{}') as roles
            from staff_account a left join staff_role r on r.account_id = a.id
            """;

    private final JdbcClient jdbc;

    StaffAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StaffAccount> byUsername(String username) {
        return jdbc.sql(SELECT + " where a.username = ? group by a.id")
                .param(username)
                .query((rs, n) -> map(rs))
                .optional();
    }

    Optional<StaffAccount> byId(long id) {
        return jdbc.sql(SELECT + " where a.id = ? group by a.id")
                .param(id)
                .query((rs, n) -> map(rs))
                .optional();
    }

    record Filter(String text, Role role, String scopeWithin) {}

    List<StaffAccount> list(DataScope viewer, Filter filter, int limit, int offset) {
        StringBuilder where = new StringBuilder(" where starts_with(a.scope_code, ?)");
        List<Object> params = new ArrayList<>(List.of(viewer.code()));
        if (filter.scopeWithin() != null && !filter.scopeWithin().isBlank()) {
            where.append(" and starts_with(a.scope_code, ?)");
            params.add(filter.scopeWithin().strip());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            where.append(" and (a.username like ? or a.display_name like ?)");
            String like = "%" + filter.text().strip().replace("%", "\\%").replace("_", "\\_") + "%";
            params.add(like);
            params.add(like);
        }
        if (filter.role() != null) {
            where.append(" and exists (select 1 from staff_role x where x.account_id = a.id and x.role = ?)");
            params.add(filter.role().name());
        }
        params.add(limit);
        params.add(offset);
        return jdbc.sql(SELECT + where + " group by a.id order by a.scope_code, a.username limit ? offset ?")
                .params(params)
                .query((rs, n) -> map(rs))
                .list();
    }

    long count(DataScope viewer) {
        return jdbc.sql("select count(*) from staff_account where starts_with(scope_code, ?)")
                .param(viewer.code())
                .query(Long.class)
                .single();
    }

    long insert(
            String username,
            String displayName,
            String passwordHash,
            DataScope scope,
            boolean mustChange,
            Instant now,
            String createdBy) {
        return jdbc.sql("""
                        insert into staff_account (username, display_name, password_hash, scope_code,
                                                   password_changed_at, must_change_password, created_by)
                        values (?, ?, ?, ?, ?, ?, ?) returning id
                        """)
                .params(username, displayName, passwordHash, scope.code(), Timestamp.from(now), mustChange, createdBy)
                .query(Long.class)
                .single();
    }

    void setRoles(long accountId, Set<Role> roles) {
        jdbc.sql("delete from staff_role where account_id = ?").param(accountId).update();
        for (Role role : roles) {
            jdbc.sql("insert into staff_role (account_id, role) values (?, ?)")
                    .params(accountId, role.name())
                    .update();
        }
    }

    void setScope(long accountId, DataScope scope) {
        jdbc.sql("update staff_account set scope_code = ? where id = ?")
                .params(scope.code(), accountId)
                .update();
    }

    void setEnabled(long accountId, boolean enabled) {
        jdbc.sql("update staff_account set enabled = ? where id = ?")
                .params(enabled, accountId)
                .update();
    }

    void setPassword(long accountId, String hash, boolean mustChange, Instant now) {
        jdbc.sql("""
                        update staff_account
                        set password_hash = ?, password_changed_at = ?, must_change_password = ?
                        where id = ?
                        """).params(hash, Timestamp.from(now), mustChange, accountId).update();
        jdbc.sql("insert into password_history (account_id, password_hash, changed_at) values (?, ?, ?)")
                .params(accountId, hash, Timestamp.from(now))
                .update();
    }

    List<String> recentPasswordHashes(long accountId, int howMany) {
        return jdbc.sql(
                        "select password_hash from password_history where account_id = ? order by changed_at desc limit ?")
                .params(accountId, howMany)
                .query(String.class)
                .list();
    }

    /** Counts a failure; returns the new count. */
    int recordFailure(long accountId) {
        return jdbc.sql(
                        "update staff_account set failed_attempts = failed_attempts + 1 where id = ? returning failed_attempts")
                .param(accountId)
                .query(Integer.class)
                .single();
    }

    void lock(long accountId, Instant until) {
        jdbc.sql("update staff_account set locked_until = ? where id = ?")
                .params(Timestamp.from(until), accountId)
                .update();
    }

    void recordSuccess(long accountId, Instant now) {
        jdbc.sql("update staff_account set failed_attempts = 0, locked_until = null, last_login_at = ? where id = ?")
                .params(Timestamp.from(now), accountId)
                .update();
    }

    void unlock(long accountId) {
        jdbc.sql("update staff_account set failed_attempts = 0, locked_until = null where id = ?")
                .param(accountId)
                .update();
    }

    long countWithRole(Role role) {
        return jdbc.sql("""
                        select count(*) from staff_account a join staff_role r on r.account_id = a.id
                        where r.role = ? and a.enabled
                        """).param(role.name()).query(Long.class).single();
    }

    /** Accounts that hold the role, enabled or not. */
    long countEverWithRole(Role role) {
        return jdbc.sql("select count(*) from staff_role where role = ?")
                .param(role.name())
                .query(Long.class)
                .single();
    }

    long countEnabledWithRoleExcept(Role role, long accountId) {
        return jdbc.sql("""
                        select count(*) from staff_account a join staff_role r on r.account_id = a.id
                        where r.role = ? and a.enabled and a.id <> ?
                        """).params(role.name(), accountId).query(Long.class).single();
    }

    long countAt(String scopeCode) {
        return jdbc.sql("select count(*) from staff_account where scope_code = ?")
                .param(scopeCode)
                .query(Long.class)
                .single();
    }

    List<StaffAccount> listAt(String scopeCode, int limit) {
        return jdbc.sql(SELECT + " where a.scope_code = ? group by a.id order by a.username limit ?")
                .params(scopeCode, limit)
                .query((rs, n) -> map(rs))
                .list();
    }

    static StaffAccount map(ResultSet rs) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : (String[]) rs.getArray("roles").getArray()) {
            roles.add(Role.valueOf(role));
        }
        return new StaffAccount(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("display_name"),
                rs.getString("password_hash"),
                DataScope.of(rs.getString("scope_code")),
                roles,
                rs.getBoolean("enabled"),
                instant(rs, "password_changed_at"),
                rs.getBoolean("must_change_password"),
                rs.getInt("failed_attempts"),
                instant(rs, "locked_until"),
                instant(rs, "last_login_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
