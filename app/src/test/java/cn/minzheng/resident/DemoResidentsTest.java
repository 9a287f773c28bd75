package cn.minzheng.resident;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.platform.crypto.FieldCipher;
import cn.minzheng.shared.Gender;
import cn.minzheng.shared.IdDocumentType;
import cn.minzheng.shared.IdNumber;
import cn.minzheng.shared.PersonName;
import cn.minzheng.test.TestPostgres;
import cn.minzheng.test.TestPostgresSql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo district's residents (size {@code small}; the same context as the demo district's own test): valid names
 * and ID numbers agreeing with sex and birth date, one head per household, planted duplicates found.
 */
@SpringBootTest(properties = {"minzheng.demo.size=small", "minzheng.demo-password=Yanta-Pass-2023x"})
class DemoResidentsTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FieldCipher cipher;

    @Test
    void theDemoDistrictHasAFewThousandPlausibleResidents() throws Exception {
        long residents = TestPostgresSql.queryForObject(jdbc, "select count(*) from resident", Long.class);
        assertThat(residents).isBetween(3_000L, 10_000L);
        long households = TestPostgresSql.queryForObject(jdbc, "select count(*) from household", Long.class);
        long headless = TestPostgresSql.queryForObject(jdbc, """
                select count(*) from household h where (select count(*) from household_member m
                   where m.household_id = h.id and m.left_on is null and m.relationship = 'HEAD') <> 1
                """, Long.class);
        assertThat(households).isGreaterThan(240 * 8 - 1);
        assertThat(headless).isZero();
        assertThat(TestPostgresSql.queryForObject(
                        jdbc, "select count(*) from resident where name like '%𠮷%'", Long.class))
                .isPositive();
        assertThat(TestPostgresSql.queryForObject(
                        jdbc, "select count(*) from resident where name like '%·%'", Long.class))
                .isPositive();
        assertThat(TestPostgresSql.queryForObject(
                        jdbc, "select count(*) from resident_duplicate where reason = 'SAME_ID_NUMBER'", Long.class))
                .isPositive();
        assertThat(TestPostgresSql.queryForObject(jdbc, "select count(*) from resident_status", Long.class))
                .isPositive();

        String database = TestPostgresSql.databaseOf(jdbc.getDataSource());
        int checked = 0;
        try (Connection admin = TestPostgres.get().superuser(database);
                Statement statement = admin.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select name, gender, birth_date, id_cipher from resident where id_cipher is not null")) {
            while (rows.next()) {
                assertThat(PersonName.check(rows.getString(1)).valid())
                        .as(rows.getString(1))
                        .isTrue();
                IdNumber number = IdNumber.of(
                        IdDocumentType.RESIDENT_ID_CARD, cipher.decrypt(rows.getBytes(4), "resident.id_number"));
                assertThat(number.gender()).contains(Gender.valueOf(rows.getString(2)));
                assertThat(number.birthDate()).contains(rows.getObject(3, LocalDate.class));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(3_000);
    }
}
