package cn.minzheng.platform.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/** Creates and checks the two database roles the platform relies on. */
final class Roles {

    private static final Pattern ROLE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private Roles() {}

    static String checkedName(String role) {
        if (role == null || !ROLE_NAME.matcher(role).matches()) {
            throw new IllegalArgumentException("数据库角色名只能由小写字母、数字和下划线组成: " + role);
        }
        return role;
    }

    static boolean exists(Connection connection, String role) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select 1 from pg_roles where rolname = ?")) {
            statement.setString(1, role);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Creates the login role, or resets its password; it may log in and nothing more. */
    static void ensureLoginRole(Connection connection, String role, String password) throws SQLException {
        String name = checkedName(role);
        if (!password.chars().allMatch(Character::isLetterOrDigit)) {
            throw new IllegalArgumentException("generated passwords are alphanumeric");
        }
        try (Statement statement = connection.createStatement()) {
            if (exists(connection, name)) {
                statement.execute("alter role " + name + " with login password '" + password + "'");
            } else {
                statement.execute("create role " + name + " with login nosuperuser nocreatedb nocreaterole"
                        + " nobypassrls password '" + password + "'");
            }
        }
    }

    /**
     * Refuses to run when the application role could see past row-level security: a superuser, a role with
     * BYPASSRLS, or the owner of the tables.
     */
    static void assertCannotBypassRowSecurity(Connection app, String ownerUser) throws SQLException {
        try (Statement statement = app.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select current_user, rolsuper, rolbypassrls from pg_roles where rolname = current_user")) {
            rows.next();
            String user = rows.getString(1);
            if (rows.getBoolean(2) || rows.getBoolean(3) || user.equals(ownerUser)) {
                throw new IllegalStateException("应用数据库账号 " + user
                        + " 是超级用户、拥有 BYPASSRLS 或就是属主账号：行级安全将不生效，平台拒绝启动。请使用一个非属主的普通账号（MINZHENG_DB_APP_USER）。");
            }
        }
    }
}
