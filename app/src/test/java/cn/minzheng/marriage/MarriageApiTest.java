package cn.minzheng.marriage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.minzheng.test.Api;
import cn.minzheng.test.TestDistrict;
import cn.minzheng.test.TestPostgresSql;
import java.time.Clock;
import java.time.LocalDate;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The contract of issue 17: places of a date, bookings with their refusals, the divorce periods. */
@SpringBootTest
@AutoConfigureMockMvc
class MarriageApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestDistrict district;

    @Autowired
    Clock clock;

    @Autowired
    JdbcTemplate jdbc;

    Api api;
    LocalDate today;

    @BeforeEach
    void setUp() {
        district.ensure();
        api = new Api(mvc);
        today = LocalDate.now(clock);
    }

    private MockHttpServletRequestBuilder asOfficer(MockHttpServletRequestBuilder request) {
        return request.header("Authorization", api.bearer("t_officer")).contentType(MediaType.APPLICATION_JSON);
    }

    private String man(int serial) {
        return Couples.idNumber(LocalDate.of(1992, 3, 4), true, serial);
    }

    private String woman(int serial) {
        return Couples.idNumber(LocalDate.of(1994, 5, 6), false, serial);
    }

    @Test
    void staffSetTheCapacityAndTheDateFillsUpToItExactly() throws Exception {
        LocalDate date = today.plusDays(20);
        mvc.perform(asOfficer(put("/api/v1/marriage/appointment-days/" + date)).content("{\"capacity\": 2}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.capacity").value(2));
        for (int i = 0; i < 2; i++) {
            mvc.perform(asOfficer(post("/api/v1/marriage/appointments"))
                            .content(Couples.json(date, "MARRIAGE", man(i), woman(i))))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.id").isNumber())
                    .andExpect(jsonPath("$.code").value(Matchers.matchesPattern("HY[A-Z2-9]{8}")));
        }
        mvc.perform(asOfficer(post("/api/v1/marriage/appointments"))
                        .content(Couples.json(date, "MARRIAGE", man(2), woman(2))))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.message").value(Matchers.containsString("预约已满")));
        // Below the places already booked the capacity cannot go.
        mvc.perform(asOfficer(put("/api/v1/marriage/appointment-days/" + date)).content("{\"capacity\": 1}"))
                .andExpect(status().isConflict());
    }

    @Test
    void anIdNumberHoldsOneActiveBookingAndTheRefusalGivesTheDateOfTheFirst() throws Exception {
        LocalDate first = today.plusDays(21);
        LocalDate second = today.plusDays(22);
        for (LocalDate date : new LocalDate[] {first, second}) {
            mvc.perform(asOfficer(put("/api/v1/marriage/appointment-days/" + date))
                            .content("{\"capacity\": 5}"))
                    .andExpect(status().isOk());
        }
        mvc.perform(asOfficer(post("/api/v1/marriage/appointments"))
                        .content(Couples.json(first, "MARRIAGE", man(10), woman(10))))
                .andExpect(status().isCreated());
        // Party B of the second booking is party A of the first: still one person, still refused.
        mvc.perform(asOfficer(post("/api/v1/marriage/appointments"))
                        .content(Couples.json(second, "DIVORCE", man(11), man(10))))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.message").value(Matchers.containsString("已有一个有效预约")))
                .andExpect(jsonPath("$.message")
                        .value(Matchers.containsString(first.getMonthValue() + "月" + first.getDayOfMonth() + "日")));
        // Nothing of the refused booking remains: the second date's place is still free.
        assertThat(TestPostgresSql.queryForObject(
                        jdbc, "select booked from marriage_appointment_day where day = ?", Integer.class, second))
                .isZero();
    }

    @Test
    void badInputIs422WithTheRule() throws Exception {
        LocalDate date = today.plusDays(23);
        String badCheck = man(20).substring(0, 17) + (man(20).endsWith("0") ? "1" : "0");
        mvc.perform(asOfficer(post("/api/v1/marriage/appointments"))
                        .content(Couples.json(date, "MARRIAGE", badCheck, woman(20))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.message").value(Matchers.containsString("甲方的居民身份证号码")));
        String youngMan = Couples.idNumber(today.minusYears(21), true, 21);
        mvc.perform(asOfficer(post("/api/v1/marriage/appointments"))
                        .content(Couples.json(date, "MARRIAGE", youngMan, woman(21))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.message").value(Matchers.containsString("第一千零四十七条")));
        // The same young man may book a divorce appointment: the legal age is a condition of marriage only.
        String youngWoman = Couples.idNumber(today.minusYears(19), false, 22);
        mvc.perform(asOfficer(post("/api/v1/marriage/appointments"))
                        .content(Couples.json(date, "MARRIAGE", man(22), youngWoman)))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(asOfficer(post("/api/v1/marriage/appointments"))
                        .content(Couples.json(today.plusDays(91), "MARRIAGE", man(23), woman(23))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.message").value(Matchers.containsString("90 天内")));
        mvc.perform(asOfficer(post("/api/v1/marriage/appointments"))
                        .content(Couples.json(today.minusDays(1), "MARRIAGE", man(24), woman(24))))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void aCitizenBooksWithoutSigningInButCannotSetCapacity() throws Exception {
        LocalDate date = today.plusDays(24);
        mvc.perform(asOfficer(put("/api/v1/marriage/appointment-days/" + date)).content("{\"capacity\": 3}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/marriage/appointments")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(Couples.json(date, "MARRIAGE", man(30), woman(30))))
                .andExpect(status().isCreated());
        assertThat(TestPostgresSql.queryForObject(
                        jdbc, "select channel from marriage_appointment where day = ?", String.class, date))
                .isEqualTo("PORTAL");
        mvc.perform(put("/api/v1/marriage/appointment-days/" + date)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"capacity\": 30}"))
                .andExpect(status().is(Matchers.oneOf(401, 403)));
        mvc.perform(put("/api/v1/marriage/appointment-days/" + date)
                        .header("Authorization", api.bearer("t_community"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"capacity\": 30}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void partiesAreKeptSealedAndShownMasked() throws Exception {
        LocalDate date = today.plusDays(25);
        mvc.perform(asOfficer(put("/api/v1/marriage/appointment-days/" + date)).content("{\"capacity\": 3}"))
                .andExpect(status().isOk());
        mvc.perform(asOfficer(post("/api/v1/marriage/appointments"))
                        .content(Couples.json(date, "MARRIAGE", man(40), woman(40))))
                .andExpect(status().isCreated());
        String list = mvc.perform(asOfficer(get("/api/v1/marriage/appointments?date=" + date)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(list).contains("610113********").doesNotContain(man(40)).doesNotContain(woman(40));
        byte[] sealed = TestPostgresSql.queryForObject(
                jdbc, "select party_a_id_cipher from marriage_appointment where day = ?", byte[].class, date);
        assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(man(40));
    }

    @Test
    void divorcePeriodsCountFromTheDayAfterReceiptAndMoveOffRestDays() throws Exception {
        // 2024-09-01 + 30 = 2024-10-01 (国庆假期 10月1日–7日) → 10月8日; 10月8日 + 30 = 11月7日 (a Thursday).
        mvc.perform(asOfficer(get("/api/v1/marriage/divorce-periods?received=2024-09-01")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.withdrawalEnds").value("2024-10-08"))
                .andExpect(jsonPath("$.certificateRequestEnds").value("2024-11-07"));
        // 2025-03-03 + 30 = 2025-04-02 (a Wednesday, working) → +30 = 2025-05-02 (劳动节假期) → 5月6日.
        mvc.perform(asOfficer(get("/api/v1/marriage/divorce-periods?received=2025-03-03")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.withdrawalEnds").value("2025-04-02"))
                .andExpect(jsonPath("$.certificateRequestEnds").value("2025-05-06"));
        mvc.perform(asOfficer(get("/api/v1/marriage/divorce-periods?received=2031-06-01")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.message").value(Matchers.containsString("工作日历中没有")));
    }
}
