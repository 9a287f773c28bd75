package cn.minzheng.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.minzheng.platform.database.DatabaseAccess;
import cn.minzheng.test.TestDistrict;
import cn.minzheng.test.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * AZ-3: the database layer of data scope on its own, through the application role's own connection — no Spring, no
 * service code in between.
 */
@SpringBootTest
class RowLevelSecurityTest {

    @Autowired
    DatabaseAccess access;

    @Autowired
    TestDistrict district;

    @BeforeEach
    void setUp() {
        district.ensure();
    }

    private Connection app() throws SQLException {
        return DriverManager.getConnection(access.jdbcUrl(), access.appUser(), access.appPassword());
    }

    @Test
    void everyTableWithARegionColumnHasForcedRowLevelSecurity() throws SQLException {
        String database = access.jdbcUrl().substring(access.jdbcUrl().lastIndexOf('/') + 1);
        List<String> unprotected = new ArrayList<>();
        try (Connection admin = TestPostgres.get().superuser(database);
                Statement statement = admin.createStatement();
                ResultSet rows = statement.executeQuery("""
                        select c.relname, c.relrowsecurity, c.relforcerowsecurity
                        from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = 'public' and c.relkind = 'r'
                          and exists (select 1 from information_schema.columns col
                                      where col.table_schema = 'public' and col.table_name = c.relname
                                        and col.column_name in ('community_code', 'scope_code'))
                        """)) {
            while (rows.next()) {
                if (!rows.getBoolean(2) || !rows.getBoolean(3)) {
                    unprotected.add(rows.getString(1));
                }
            }
        }
        assertThat(unprotected)
                .as("tables holding region-scoped rows without FORCE ROW LEVEL SECURITY")
                .isEmpty();
    }

    @Test
    void theApplicationRoleOwnsNothingAndCannotBypassRowSecurity() throws SQLException {
        try (Connection app = app();
                Statement statement = app.createStatement();
                ResultSet rows = statement.executeQuery("""
                        select r.rolsuper, r.rolbypassrls,
                               (select count(*) from pg_class c where c.relowner = r.oid)
                        from pg_roles r where r.rolname = current_user
                        """)) {
            rows.next();
            assertThat(rows.getBoolean(1)).as("superuser").isFalse();
            assertThat(rows.getBoolean(2)).as("bypassrls").isFalse();
            assertThat(rows.getLong(3)).as("relations owned").isZero();
        }
    }

    @Test
    void withoutAScopeThereAreNoRows() throws SQLException {
        try (Connection app = app();
                Statement statement = app.createStatement()) {
            ResultSet rows = statement.executeQuery("select count(*) from staff_account");
            rows.next();
            assertThat(rows.getLong(1)).isZero();
            app.setAutoCommit(false);
            statement.execute("select set_config('minzheng.scope', '', true)");
            rows = statement.executeQuery("select count(*) from staff_account");
            rows.next();
            assertThat(rows.getLong(1)).as("an empty scope is no scope").isZero();
            app.rollback();
        }
    }

    @Test
    void aStreetScopeSeesItsStreetOnlyAndTheScopeEndsWithTheTransaction() throws SQLException {
        try (Connection app = app();
                Statement statement = app.createStatement()) {
            app.setAutoCommit(false);
            statement.execute("select set_config('minzheng.scope', '" + TestDistrict.STREET + "', true)");
            List<String> scopes = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("select distinct scope_code from staff_account")) {
                while (rows.next()) {
                    scopes.add(rows.getString(1));
                }
            }
            assertThat(scopes).isNotEmpty().allMatch(code -> code.startsWith(TestDistrict.STREET));
            assertThat(scopes).contains(TestDistrict.COMMUNITY, TestDistrict.SIBLING_COMMUNITY);
            app.commit();
            try (ResultSet rows = statement.executeQuery("select count(*) from staff_account")) {
                rows.next();
                assertThat(rows.getLong(1)).as("after the transaction").isZero();
            }
        }
    }

    @Test
    void rowsCannotBeWrittenOrMovedOutsideTheScope() throws SQLException {
        try (Connection app = app()) {
            app.setAutoCommit(false);
            try (Statement statement = app.createStatement()) {
                statement.execute("select set_config('minzheng.scope', '" + TestDistrict.COMMUNITY + "', true)");
            }
            try (PreparedStatement insert = app.prepareStatement("""
                    insert into staff_account (username, display_name, password_hash, scope_code, password_changed_at,
                                               created_by)
                    values ('intruder', '越权', 'x', ?, now(), 'test')
                    """)) {
                insert.setString(1, TestDistrict.OTHER_STREET_COMMUNITY);
                assertThatThrownBy(insert::executeUpdate).hasMessageContaining("row-level security");
            }
            app.rollback();
            try (Statement statement = app.createStatement()) {
                statement.execute("select set_config('minzheng.scope', '" + TestDistrict.COMMUNITY + "', true)");
                assertThatThrownBy(() -> statement.executeUpdate("update staff_account set scope_code = '"
                                + TestDistrict.OTHER_STREET_COMMUNITY + "' where username = 't_community'"))
                        .hasMessageContaining("row-level security");
            }
            app.rollback();
            try (Statement statement = app.createStatement()) {
                statement.execute("select set_config('minzheng.scope', '" + TestDistrict.COMMUNITY + "', true)");
                int changed = statement.executeUpdate(
                        "update staff_account set display_name = '改' where username = 't_other'");
                assertThat(changed)
                        .as("a row outside the scope is invisible to UPDATE")
                        .isZero();
            }
            app.rollback();
        }
    }
}
