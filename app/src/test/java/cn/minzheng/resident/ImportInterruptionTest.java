package cn.minzheng.resident;

import static cn.minzheng.resident.ResidentApi.body;
import static cn.minzheng.resident.ResidentApi.read;
import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.shared.AdvisoryLocks;
import cn.minzheng.test.TestDistrict;
import cn.minzheng.test.TestPostgres;
import cn.minzheng.test.TestPostgresSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An import interrupted while it writes — its database connection killed, as when the server or the platform dies —
 * leaves nothing behind: no resident, no household, no rejected row; the import says it failed and why.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ImportInterruptionTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestDistrict district;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        district.ensure();
    }

    @Test
    void anImportKilledWhileWritingLeavesNoHalfImportBehind() throws Exception {
        ResidentApi api = new ResidentApi(mvc);
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(i);
            String number = SyntheticIds.idNumber("610113", birth, (i % 2) + 2 * (i % 7));
            rows.add("K" + i + ",中断测试,居民身份证," + number + "," + (i % 2 == 1 ? "男" : "女") + "," + birth + ",户主,"
                    + TestDistrict.COMMUNITY + ",,");
        }
        MockHttpServletResponse started = api.upload("t_community", "大文件.csv", ImportFiles.csv(rows), "ACCEPT_VALID");
        assertThat(started.getStatus()).isEqualTo(202);
        long id = ((Number) read(body(started), "$.id")).longValue();

        String database = TestPostgresSql.databaseOf(jdbc.getDataSource());
        Integer pid = null;
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        try (Connection admin = TestPostgres.get().superuser(database)) {
            while (System.nanoTime() < deadline) {
                pid = writingWorker(admin, id);
                if (pid != null) {
                    break;
                }
                Thread.sleep(5);
            }
            assertThat(pid).as("the import's worker was seen writing").isNotNull();
            try (PreparedStatement kill = admin.prepareStatement("select pg_terminate_backend(?)")) {
                kill.setInt(1, pid);
                kill.execute();
            }
        }

        String status = api.awaitImport("t_community", id, Duration.ofMinutes(2));
        assertThat((String) read(status, "$.status")).isEqualTo("FAILED");
        assertThat((String) read(status, "$.message")).contains("未导入任何数据");
        for (String table : List.of("resident", "household")) {
            assertThat(TestPostgresSql.queryForObject(
                            jdbc, "select count(*) from " + table + " where import_id = ?", Long.class, id))
                    .as(table)
                    .isZero();
        }
        assertThat(TestPostgresSql.queryForObject(
                        jdbc, "select count(*) from resident_import_rejection where import_id = ?", Long.class, id))
                .isZero();
        assertThat(TestPostgresSql.queryForObject(
                        jdbc, "select count(*) from resident where name = '中断测试'", Long.class))
                .isZero();

        // the platform goes on: the next import works
        String next = api.importFile(
                "t_community",
                "小文件.csv",
                ImportFiles.csv(List.of("N1,接着导入,无,,男,1990-01-01,户主," + TestDistrict.COMMUNITY + ",,")),
                "ALL_OR_NOTHING");
        assertThat((String) read(next, "$.status")).isEqualTo("COMPLETED");
    }

    @Autowired
    ResidentImports imports;

    @Autowired
    cn.minzheng.platform.District districtUnit;

    /**
     * Issue 14 B13: an import whose instance died is marked failed at the next sweep, however recent — while one that
     * a live instance has queued (it holds the import's liveness lock) is left alone.
     */
    @Test
    void anImportWhoseInstanceDiedIsMarkedFailedAtOnceAndAQueuedOneIsLeftAlone() throws Exception {
        long dead = newRunningImport();
        long queuedElsewhere = newRunningImport();
        String database = TestPostgresSql.databaseOf(jdbc.getDataSource());
        try (Connection otherInstance = TestPostgres.get().superuser(database);
                java.sql.Statement statement = otherInstance.createStatement()) {
            statement.execute(
                    "select pg_advisory_lock(" + AdvisoryLocks.RESIDENT_IMPORT_LIVENESS + ", " + queuedElsewhere + ")");
            int marked = cn.minzheng.platform.SystemActor.call(
                    districtUnit.scope(),
                    () -> new org.springframework.transaction.support.TransactionTemplate(transactionManager)
                            .execute(status -> imports.markAbandoned()),
                    "DEPARTMENT_OFFICER");
            assertThat(marked).isEqualTo(1);
        }
        assertThat(statusOf(dead)).isEqualTo("FAILED");
        assertThat(statusOf(queuedElsewhere)).isEqualTo("RUNNING");
    }

    /** Issue 14 B13: an import's finishedAt is when it finished, not when its transaction began. */
    @Test
    void anImportFinishesWhenItFinishes() throws Exception {
        ResidentApi api = new ResidentApi(mvc);
        String database = TestPostgresSql.databaseOf(jdbc.getDataSource());
        long id;
        try (Connection otherImport = TestPostgres.get().superuser(database);
                java.sql.Statement statement = otherImport.createStatement()) {
            // another import holds the "one at a time" lock for a while: this one's transaction begins and waits
            otherImport.setAutoCommit(false);
            statement.execute("select pg_advisory_xact_lock(" + AdvisoryLocks.RESIDENT_IMPORT + ", 0)");
            MockHttpServletResponse started = api.upload(
                    "t_community",
                    "等待.csv",
                    ImportFiles.csv(List.of("W1,等待导入,无,,男,1990-01-01,户主," + TestDistrict.COMMUNITY + ",,")),
                    "ALL_OR_NOTHING");
            id = ((Number) read(body(started), "$.id")).longValue();
            Thread.sleep(1_500);
            otherImport.rollback();
        }
        String done = api.awaitImport("t_community", id, Duration.ofMinutes(2));
        assertThat((String) read(done, "$.status")).isEqualTo("COMPLETED");
        assertThat(TestPostgresSql.queryForObject(
                        jdbc,
                        "select extract(epoch from finished_at - created_at)::float8 from resident_import where id = ?",
                        Double.class,
                        id))
                .as("finished after the 1.5 s wait, not at the start of its transaction")
                .isGreaterThanOrEqualTo(1.4);
    }

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;

    private long newRunningImport() {
        return TestPostgresSql.queryForObject(jdbc, """
                insert into resident_import (scope_code, mode, status, file_name, file_kind, file_sm3, file_bytes, created_by)
                values ('%s', 'ALL_OR_NOTHING', 'RUNNING', 'x.csv', 'CSV', repeat('0', 64), 1, 'elsewhere') returning id""".formatted(TestDistrict.COMMUNITY), Long.class);
    }

    private String statusOf(long id) {
        return TestPostgresSql.queryForObject(
                jdbc, "select status from resident_import where id = ?", String.class, id);
    }

    /** The backend holding the import's advisory lock, once it is inserting rows. */
    private static Integer writingWorker(Connection admin, long importId) throws Exception {
        try (PreparedStatement statement = admin.prepareStatement("""
                select a.pid from pg_locks l join pg_stat_activity a on a.pid = l.pid
                where l.locktype = 'advisory' and l.granted and l.classid = ? and l.objid = ?
                  and a.query like 'insert into %'
                """)) {
            statement.setLong(1, AdvisoryLocks.RESIDENT_IMPORT);
            statement.setLong(2, importId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getInt(1) : null;
            }
        }
    }
}
