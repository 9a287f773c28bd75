package cn.minzheng.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.minzheng.platform.District;
import cn.minzheng.platform.SystemActor;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.test.TestDistrict;
import cn.minzheng.test.TestPostgresSql;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every counted member must authorise the verification; the coverage names who has not. */
@SpringBootTest
class AuthorisationsTest {

    @Autowired
    Authorisations authorisations;

    @Autowired
    District district;

    @Autowired
    TestDistrict testDistrict;

    @Autowired
    JdbcTemplate jdbc;

    long household;
    long head;
    long spouse;

    @BeforeEach
    void household() {
        testDistrict.ensure();
        String code = TestDistrict.COMMUNITY;
        TestPostgresSql.execute(jdbc, "delete from verification_authorisation");
        household = TestPostgresSql.queryForObject(jdbc, """
                insert into household (community_code, household_no, created_by) values ('%s', 'AUTH-' || nextval('household_id_seq'), 'test')
                returning id""".formatted(code), Long.class);
        head = person("户主甲", "1970-03-01");
        spouse = person("配偶乙", "1972-05-01");
        TestPostgresSql.execute(jdbc, "update household set head_id = %d where id = %d".formatted(head, household));
        member(head, "HEAD");
        member(spouse, "SPOUSE");
    }

    private long person(String name, String birth) {
        return TestPostgresSql.queryForObject(jdbc, """
                insert into resident (community_code, name, name_pinyin, name_initials, gender, birth_date, document_type, created_by)
                values ('%s', '%s', 'x', 'x', 'MALE', date '%s', 'NONE', 'test') returning id""".formatted(TestDistrict.COMMUNITY, name, birth), Long.class);
    }

    private void member(long resident, String relationship) {
        TestPostgresSql.execute(jdbc, """
                insert into household_member (household_id, resident_id, community_code, relationship, joined_on, joined_reason)
                values (%d, %d, '%s', '%s', date '2000-01-01', 'REGISTERED')""".formatted(household, resident, TestDistrict.COMMUNITY, relationship));
    }

    private <T> T asStreet(java.util.function.Supplier<T> work) {
        return SystemActor.call(cn.minzheng.shared.DataScope.of(TestDistrict.STREET), work, "STREET_OFFICER");
    }

    @Test
    void aHouseholdIsCoveredOnlyWhenEveryCountedMemberHasAuthorised() {
        LocalDate today = LocalDate.now();
        Authorisations.Coverage before = asStreet(() -> authorisations.coverage(household, "DIBAO", today));
        assertThat(before.complete()).isFalse();
        assertThat(before.missing()).containsExactlyInAnyOrder("户主甲", "配偶乙");

        asStreet(() -> authorisations.record(new Authorisations.NewAuthorisation(
                head, Set.of("DIBAO"), Authorisation.Signer.SELF, null, today.minusDays(1), null, null, null)));
        assertThat(asStreet(() -> authorisations.coverage(household, "DIBAO", today))
                        .missing())
                .containsExactly("配偶乙");

        long spouses = asStreet(() -> authorisations.record(new Authorisations.NewAuthorisation(
                spouse,
                Set.of("ALL"),
                Authorisation.Signer.GUARDIAN,
                "无民事行为能力，由监护人签署",
                today.minusDays(1),
                null,
                null,
                null)));
        assertThat(asStreet(() -> authorisations.coverage(household, "DIBAO", today))
                        .complete())
                .isTrue();
        assertThat(asStreet(() -> authorisations.coverage(household, "TEKUN", today))
                        .missing())
                .containsExactly("户主甲");

        asStreet(() -> {
            authorisations.revoke(spouses, today, "本人撤回");
            return null;
        });
        assertThat(asStreet(() -> authorisations.coverage(household, "DIBAO", today.plusDays(1)))
                        .missing())
                .containsExactly("配偶乙");
    }

    @Test
    void aLetterSignedBySomeoneElseNeedsTheReason() {
        assertThatThrownBy(() -> asStreet(() -> authorisations.record(new Authorisations.NewAuthorisation(
                        head, Set.of("DIBAO"), Authorisation.Signer.PROXY, " ", LocalDate.now(), null, null, null))))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("须写明原因");
        assertThatThrownBy(() -> asStreet(() -> authorisations.record(new Authorisations.NewAuthorisation(
                        head,
                        Set.of("DIBAO"),
                        Authorisation.Signer.SELF,
                        null,
                        LocalDate.now().plusDays(1),
                        null,
                        null,
                        null))))
                .hasMessageContaining("不能晚于今天");
    }

    @Test
    void anotherStreetCannotSeeOrRecord() {
        assertThatThrownBy(() -> SystemActor.call(
                        cn.minzheng.shared.DataScope.of(TestDistrict.OTHER_STREET),
                        () -> authorisations.coverage(household, "DIBAO", LocalDate.now()),
                        "STREET_OFFICER"))
                .isInstanceOf(cn.minzheng.shared.NotFound.class);
    }
}
