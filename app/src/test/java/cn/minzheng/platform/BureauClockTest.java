package cn.minzheng.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.shared.DataScope;
import cn.minzheng.test.Api;
import cn.minzheng.test.As;
import cn.minzheng.test.TestDistrict;
import cn.minzheng.test.TestPostgresSql;
import cn.minzheng.verification.Authorisation;
import cn.minzheng.verification.Authorisations;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 14 B11: a server on UTC, a few minutes after midnight in Beijing. The platform's clock is fixed at 00:30 on
 * the first day of a month, Beijing time (16:30 of the last day of the month before in UTC), and the JVM starts on
 * UTC: today's date, the month, the authorisation check and the times shown must all be Beijing's.
 */
@ExtendWith(BureauClockTest.UtcJvm.class)
@SpringBootTest
@AutoConfigureMockMvc
class BureauClockTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final TimeZone JVM_ZONE = TimeZone.getDefault();

    /** 00:30 on the first of next month, Beijing time: still the month before in UTC. */
    static final ZonedDateTime JUST_AFTER_MIDNIGHT =
            YearMonth.now(BEIJING).plusMonths(1).atDay(1).atTime(0, 30).atZone(BEIJING);

    @TestBean
    Clock clock;

    static Clock clock() {
        return Clock.fixed(JUST_AFTER_MIDNIGHT.toInstant(), BEIJING);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    TestDistrict testDistrict;

    @Autowired
    Authorisations authorisations;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcTemplate jdbc;

    /** The JVM starts on UTC, as on most servers (before the Spring extension starts the platform). */
    static final class UtcJvm implements BeforeAllCallback, AfterAllCallback {

        @Override
        public void beforeAll(ExtensionContext context) {
            TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        }

        @Override
        public void afterAll(ExtensionContext context) {
            TimeZone.setDefault(JVM_ZONE);
        }
    }

    @Test
    void theJvmRunsInTheBureausZoneWhateverItStartedIn() {
        assertThat(TimeZone.getDefault().getID()).isEqualTo("Asia/Shanghai");
        assertThat(clock.getZone()).isEqualTo(BEIJING);
        assertThat(jdbc.queryForObject("show timezone", String.class)).isEqualTo("Asia/Shanghai");
    }

    @Test
    void aLetterSignedTodayCoversTheHouseholdToday() throws Exception {
        testDistrict.ensure();
        LocalDate today = JUST_AFTER_MIDNIGHT.toLocalDate();
        long household = TestPostgresSql.queryForObject(jdbc, """
                insert into household (community_code, household_no, created_by)
                values ('%s', 'TZ-' || nextval('household_id_seq'), 'test') returning id""".formatted(TestDistrict.COMMUNITY), Long.class);
        long head = TestPostgresSql.queryForObject(jdbc, """
                insert into resident (community_code, name, name_pinyin, name_initials, gender, birth_date, document_type, created_by)
                values ('%s', '时区甲', 'x', 'x', 'MALE', date '1970-03-01', 'NONE', 'test') returning id""".formatted(TestDistrict.COMMUNITY), Long.class);
        TestPostgresSql.execute(jdbc, "update household set head_id = %d where id = %d".formatted(head, household));
        TestPostgresSql.execute(jdbc, """
                insert into household_member (household_id, resident_id, community_code, relationship, joined_on, joined_reason)
                values (%d, %d, '%s', 'HEAD', date '2000-01-01', 'REGISTERED')""".formatted(household, head, TestDistrict.COMMUNITY));
        // signed "today" in Beijing: in UTC that is still tomorrow, and would be refused as a future date
        As.street()
                .run(() -> authorisations.record(new Authorisations.NewAuthorisation(
                        head, Set.of("DIBAO"), Authorisation.Signer.SELF, null, today, null, null, null)));

        mvc.perform(get("/api/v1/verification/households/{id}/authorisation-coverage", household)
                        .header("Authorization", new Api(mvc).bearer("t_street")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.on").value(today.toString()))
                .andExpect(jsonPath("$.members[0].authorised").value(true));
    }

    @Test
    void theRollFormOffersBeijingsMonth() throws Exception {
        testDistrict.ensure();
        String page = mvc.perform(get("/assistance/payment-rolls")
                        .with(authentication(As.officer().authentication())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        // this month in Beijing (the month before, in UTC): the form offers the month whose roll may be made now
        assertThat(page).contains("value=\"" + YearMonth.from(JUST_AFTER_MIDNIGHT) + "\"");
    }

    @Test
    void timesAreShownAndFilteredInBeijingTime() throws Exception {
        testDistrict.ensure();
        SystemActor.run(
                DataScope.of(TestDistrict.DISTRICT),
                () -> audit.record(AuditEvent.success("TIME_ZONE_PROBE", "test", "1")),
                "SYSTEM_ADMIN");
        LocalDate today = JUST_AFTER_MIDNIGHT.toLocalDate();
        String page = mvc.perform(get("/audit")
                        .param("action", "TIME_ZONE_PROBE")
                        .param("from", today.toString())
                        .param("to", today.toString())
                        .with(authentication(
                                new As("t_auditor", TestDistrict.DISTRICT, "AUDIT_ADMIN").authentication())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        // found by the day's filter (Beijing's day boundaries), shown at Beijing's time of day, whatever the format
        assertThat(page).contains("00:30").doesNotContain("16:30");
    }
}
