package cn.minzheng.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.minzheng.test.Api;
import cn.minzheng.test.TestDistrict;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class CalendarApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestDistrict district;

    @Autowired
    WorkingCalendar calendar;

    Api api;

    @BeforeEach
    void setUp() {
        district.ensure();
        api = new Api(mvc);
    }

    @Test
    void computesADeadline() throws Exception {
        mvc.perform(get("/api/v1/calendar/deadline?start=2026-09-28&days=5&type=WORKING")
                        .header("Authorization", api.bearer("t_community")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deadline").value("2026-10-10"));
        mvc.perform(get("/api/v1/calendar/deadline?start=2024-09-26&days=7&type=CALENDAR")
                        .header("Authorization", api.bearer("t_community")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deadline").value("2024-10-08"));
    }

    @Test
    void refusesAYearItDoesNotKnowWith422AndAMessage() throws Exception {
        // Far enough to run past any year another test of this class may have imported.
        mvc.perform(get("/api/v1/calendar/deadline?start=2026-12-20&days=900&type=WORKING")
                        .header("Authorization", api.bearer("t_street")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("工作日历中没有")));
    }

    @Test
    void rejectsBadParameters() throws Exception {
        mvc.perform(get("/api/v1/calendar/deadline?start=2026-13-01&days=5&type=WORKING")
                        .header("Authorization", api.bearer("t_street")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/calendar/deadline?start=2026-10-01&days=5&type=LUNAR")
                        .header("Authorization", api.bearer("t_street")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/calendar/deadline?start=2026-10-01&days=-1&type=WORKING")
                        .header("Authorization", api.bearer("t_street")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aNewYearIsImportedAsDataAndThenUsed() throws Exception {
        String csv = "date,kind,name\n2027-01-01,HOLIDAY,元旦\n2027-02-06,HOLIDAY,春节\n2027-02-07,MAKEUP_WORKDAY,春节\n";
        mvc.perform(multipart("/api/v1/calendar/imports")
                        .file(new MockMultipartFile(
                                "file", "2027.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .param("source", "国务院办公厅关于2027年部分节假日安排的通知（测试）")
                        .header("Authorization", api.bearer("t_sysadmin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.days").value(3));
        assertThat(calendar.knownYears()).contains(2027);
        // 2026-12-30 + 2 working days: 12-31 (1), 2027-01-01 holiday, 01-04 Monday (2).
        mvc.perform(get("/api/v1/calendar/deadline?start=2026-12-30&days=2&type=WORKING")
                        .header("Authorization", api.bearer("t_street")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deadline").value("2027-01-04"));
    }

    @Test
    void aBadFileIsRefusedRowByRowAndNothingIsStored() throws Exception {
        String csv = "date,kind,name\n2028-01-01,HOLIDAY,元旦\n2028-02-30,HOLIDAY,春节\n2028-03-01,MAKEUP_WORKDAY,春节\n"
                + "2028-01-01,HOLIDAY,元旦\n2028-05-01,休息,劳动节\n";
        mvc.perform(multipart("/api/v1/calendar/imports")
                        .file(new MockMultipartFile(
                                "file", "2028.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .header("Authorization", api.bearer("t_sysadmin")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.length()").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("第3行 date"))
                .andExpect(jsonPath("$.errors[1].field").value("第5行 date"))
                .andExpect(jsonPath("$.errors[2].field").value("第6行 kind"));
        assertThat(calendar.knownYears()).doesNotContain(2028);
    }

    @Test
    void onlyTheSystemAdministratorImports() throws Exception {
        String csv = "date,kind,name\n2029-01-01,HOLIDAY,元旦\n";
        mvc.perform(multipart("/api/v1/calendar/imports")
                        .file(new MockMultipartFile(
                                "file", "2029.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .header("Authorization", api.bearer("t_officer")))
                .andExpect(status().isForbidden());
        assertThat(calendar.knownYears()).doesNotContain(2029);
    }
}
