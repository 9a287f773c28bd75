package cn.minzheng.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.minzheng.platform.District;
import cn.minzheng.resident.ResidentManagement;
import cn.minzheng.shared.Sm3;
import cn.minzheng.test.TestDistrict;
import cn.minzheng.test.TestPostgresSql;
import java.nio.charset.Charset;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The bank file: deterministic, kept, the same bytes on every download; payees from the residents' encrypted files. */
@SpringBootTest
class BankFilesTest {

    @Autowired
    PaymentRolls rolls;

    @Autowired
    BankFiles bankFiles;

    @Autowired
    ResidentManagement residentManagement;

    @Autowired
    District district;

    @Autowired
    TestDistrict testDistrict;

    @Autowired
    JdbcTemplate jdbc;

    long rollId;

    @BeforeEach
    void anApprovedRoll() {
        testDistrict.ensure();
        if (TestPostgresSql.queryForObject(jdbc, "select count(*) from payment_roll", Long.class) > 0) {
            rollId = TestPostgresSql.queryForObject(jdbc, "select min(id) from payment_roll", Long.class);
            return;
        }
        for (int i = 1; i <= 3; i++) {
            long head = TestPostgresSql.queryForObject(jdbc, """
                    insert into resident (community_code, name, name_pinyin, name_initials, gender, birth_date, document_type, created_by)
                    values ('%s', '户主%d号', 'x', 'x', 'MALE', date '1970-01-01', 'NONE', 'test') returning id""".formatted(TestDistrict.COMMUNITY, i), Long.class);
            long household =
                    TestPostgresSql.queryForObject(jdbc, """
                    insert into household (community_code, household_no, head_id, created_by) values ('%s', 'BANK-%d', %d, 'test') returning id""".formatted(TestDistrict.COMMUNITY, i, head), Long.class);
            if (i < 3) {
                int n = i;
                as("t_officer", "DEPARTMENT_OFFICER", () -> {
                    residentManagement.updateContact(head, null, "中国建设银行西安雁塔支行", "6217000010000000" + n + "10");
                    return null;
                });
            }
            TestPostgresSql.execute(jdbc, """
                    insert into assistance_status (category_code, programme_code, subject_type, subject_id, community_code,
                                                   members, monthly_amount_fen, effective_from, decision_ref)
                    values ('DIBAO', 'DIBAO', 'HOUSEHOLD', %d, '%s', 2, %d, '2026-01-01', '测试')""".formatted(household, TestDistrict.COMMUNITY, 60_000 + i));
        }
        rollId = as("t_officer", "DEPARTMENT_OFFICER", () -> rolls.generate("DIBAO", YearMonth.of(2026, 11), "bank"))
                .roll()
                .id();
        as("t_leader", "DISTRICT_LEADER", () -> rolls.approve(rollId));
    }

    private <T> T as(String user, String role, Callable<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                user, null, List.of(new SimpleGrantedAuthority("ROLE_" + role))));
        SecurityContextHolder.setContext(context);
        try {
            return cn.minzheng.platform.DataScopes.callAs(district.scope(), () -> {
                try {
                    return work.call();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** Issue 14 B8: a 补发名册 goes to the bank the same way, in a file of its own. */
    @Test
    void aSupplementaryRollHasItsOwnBankFile() {
        long head = TestPostgresSql.queryForObject(jdbc, """
                insert into resident (community_code, name, name_pinyin, name_initials, gender, birth_date, document_type, created_by)
                values ('%s', '补发户主', 'x', 'x', 'FEMALE', date '1972-01-01', 'NONE', 'test') returning id""".formatted(TestDistrict.COMMUNITY), Long.class);
        long household = TestPostgresSql.queryForObject(jdbc, """
                insert into household (community_code, household_no, head_id, created_by) values ('%s', 'BANK-LATE', %d, 'test') returning id""".formatted(TestDistrict.COMMUNITY, head), Long.class);
        as("t_officer", "DEPARTMENT_OFFICER", () -> {
            residentManagement.updateContact(head, null, "长安银行雁塔支行", "62170000100000009990");
            return null;
        });
        TestPostgresSql.execute(jdbc, """
                insert into assistance_status (category_code, programme_code, subject_type, subject_id, community_code,
                                               members, monthly_amount_fen, effective_from, decision_ref)
                values ('DIBAO', 'DIBAO', 'HOUSEHOLD', %d, '%s', 1, 45000, '2026-11-01', '十一月名册后作出的决定')""".formatted(household, TestDistrict.COMMUNITY));
        PaymentRolls.Roll supplement = as(
                        "t_officer",
                        "DEPARTMENT_OFFICER",
                        () -> rolls.generate("DIBAO", YearMonth.of(2026, 11), "bank-late", true))
                .roll();
        as("t_leader", "DISTRICT_LEADER", () -> rolls.approve(supplement.id()));
        BankFiles.BankFile file = as("t_officer", "DEPARTMENT_OFFICER", () -> bankFiles.original(supplement.id()));
        assertThat(file.items()).isEqualTo(1);
        assertThat(file.totalFen()).isEqualTo(45000);
        assertThat(file.fileName()).contains("DIBAO_202611_" + supplement.id() + "_");
    }

    @Test
    void aPayeeWithoutAnAccountStopsTheFileWithTheItemsNamed() {
        TestPostgresSql.execute(jdbc, """
                update payment_item set bank_file_id = null; delete from payment_bank_file;
                update resident set bank_name = null, bank_account_cipher = null, bank_account_blind = null, bank_account_masked = null
                where id = (select head_id from household where household_no = 'BANK-3')""");
        assertThatThrownBy(() -> as("t_officer", "DEPARTMENT_OFFICER", () -> bankFiles.original(rollId)))
                .hasMessageContaining("1 条明细的领款人没有登记银行账户");
        assertThat(TestPostgresSql.queryForObject(jdbc, "select count(*) from payment_bank_file", Long.class))
                .isZero();
    }

    @Test
    void theFileIsDeterministicKeptAndIdenticalOnEveryDownload() {
        long third = TestPostgresSql.queryForObject(
                jdbc, "select head_id from household where household_no = 'BANK-3'", Long.class);
        as("t_officer", "DEPARTMENT_OFFICER", () -> {
            residentManagement.updateContact(third, null, "西安银行", "6217000010000000310");
            return null;
        });
        BankFiles.BankFile first = as("t_officer", "DEPARTMENT_OFFICER", () -> bankFiles.original(rollId));
        BankFiles.BankFile again = as("t_officer", "DEPARTMENT_OFFICER", () -> bankFiles.original(rollId));
        assertThat(again.content()).isEqualTo(first.content());
        assertThat(again.sm3()).isEqualTo(Sm3.hex(first.content()));

        String text = new String(first.content(), Charset.forName("GB18030"));
        String[] lines = text.split("\r\n");
        assertThat(lines).hasSize(5);
        assertThat(lines[0]).startsWith("H|MZPAY|1|DIBAO|202611|" + rollId + "|ORIGINAL|1|3|180006");
        assertThat(lines[1]).startsWith("D|1|").contains("户主1号", "中国建设银行西安雁塔支行", "6217000010000000110", "|60001|");
        String body = lines[0] + "\r\n" + lines[1] + "\r\n" + lines[2] + "\r\n" + lines[3] + "\r\n";
        assertThat(lines[4]).isEqualTo("T|3|180006|" + Sm3.hex(body.getBytes(Charset.forName("GB18030"))));

        // Made again from the same roll and payees, the file is byte for byte the same.
        TestPostgresSql.execute(jdbc, "update payment_item set bank_file_id = null; delete from payment_bank_file");
        BankFiles.BankFile remade = as("t_officer", "DEPARTMENT_OFFICER", () -> bankFiles.original(rollId));
        assertThat(remade.content()).isEqualTo(first.content());

        assertThat(TestPostgresSql.queryForObject(
                        jdbc,
                        "select count(*) from resident_access where action = 'REVEAL_BANK_ACCOUNT' and purpose = 'CASE_HANDLING'",
                        Long.class))
                .as("every payee's record shows the bank account was read for the file")
                .isGreaterThanOrEqualTo(3);
        assertThat(TestPostgresSql.queryForObject(
                        jdbc, "select count(*) from audit_entry where reason like '%6217000010000000%'", Long.class))
                .as("no account number in the audit trail")
                .isZero();
    }
}
