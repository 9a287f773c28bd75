package cn.minzheng.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.minzheng.resident.Relationship;
import cn.minzheng.shared.Gender;
import cn.minzheng.test.Api;
import cn.minzheng.test.TestDistrict;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Statistics in 人次 and 条 by month and street, in the viewer's scope; every screen renders with its data. */
@SpringBootTest
@AutoConfigureMockMvc
class StatisticsAndScreensTest {

    @Autowired
    VerificationFixture fixture;

    @Autowired
    VerificationRequests requests;

    @Autowired
    VerificationStatistics statistics;

    @Autowired
    FindingReviews reviews;

    @Autowired
    Findings allFindings;

    @Autowired
    MockMvc mvc;

    @Test
    void countsPersonTimesAndRecordsByStreetAndScreensRender() throws Exception {
        VerificationFixture.Family first = fixture.threePeople(TestDistrict.COMMUNITY);
        VerificationFixture.Family second = fixture.family(
                TestDistrict.OTHER_STREET_COMMUNITY,
                new VerificationFixture.Person("赵丽娟", Gender.FEMALE, LocalDate.of(1958, 8, 8), Relationship.HEAD),
                new VerificationFixture.Person("孙建军", Gender.MALE, LocalDate.of(1956, 9, 9), Relationship.SPOUSE));
        fixture.authoriseAll(first);
        fixture.authoriseAll(second);
        fixture.deliver(
                "vehicle",
                VerificationFixture.vehicles(first) + "s-car,"
                        + second.member(1).csv() + ",陕A40001,小型汽车,2018-01-01,\n");
        RequestSummary a = fixture.asStreet(() ->
                requests.request(new VerificationRequests.HouseholdRequest(first.householdId(), "DIBAO", "case:s1")));
        // the same household again (a second case): three more 人次
        fixture.asStreet(() ->
                requests.request(new VerificationRequests.HouseholdRequest(first.householdId(), "DIBAO", "case:s2")));
        fixture.asDistrict(
                () -> requests.request(
                        new VerificationRequests.HouseholdRequest(second.householdId(), "DIBAO", "case:s3")),
                "DEPARTMENT_OFFICER");

        YearMonth month = YearMonth.now(ZoneId.of("Asia/Shanghai"));
        VerificationStatistics.Report district =
                fixture.asDistrict(() -> statistics.between(month, month), "DEPARTMENT_OFFICER");
        assertThat(district.totals().requests()).isEqualTo(3);
        assertThat(district.totals().persons()).isEqualTo(3 + 3 + 2);
        assertThat(district.totals().records()).isEqualTo(3 + 3 + 1);
        assertThat(district.rows())
                .extracting(r -> r.month() + " " + r.streetCode() + " " + r.persons() + "人次 " + r.records() + "条")
                .containsExactly(
                        month + " " + TestDistrict.STREET + " 6人次 6条",
                        month + " " + TestDistrict.OTHER_STREET + " 2人次 1条");
        VerificationStatistics.Report street = fixture.asStreet(() -> statistics.between(month, month));
        assertThat(street.rows())
                .singleElement()
                .satisfies(r -> assertThat(r.streetCode()).isEqualTo(TestDistrict.STREET));
        assertThat(street.totals().persons()).isEqualTo(6);

        Api api = new Api(mvc);
        String officer = api.bearer("t_officer");
        long finding =
                fixture.asStreet(() -> allFindings.ofRequest(a.id())).get(0).id();
        long delivery = fixture.asDistrict(() -> fixture.deliveriesList(), "DEPARTMENT_OFFICER")
                .get(0);
        String[][] pages = {
            {"/verification/sources", "核对数据来源"},
            {"/verification/deliveries", "部门数据交付"},
            {"/verification/deliveries/" + delivery, "机动车登记"},
            {"/verification/requests", "请求与结果"},
            {"/verification/requests/" + a.id(), "比对疑点"},
            {"/verification/findings/" + finding, "核实、异议与复核记录"},
            {"/verification/batches", "在保对象批量复核"},
            {"/verification/statistics", "人次"},
            {"/verification/households/" + first.householdId() + "/authorisations", "核对请求与结果"},
        };
        for (String[] page : pages) {
            String html = mvc.perform(
                            get(page[0]).header("Authorization", officer).accept(MediaType.TEXT_HTML))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(html).as(page[0]).contains(page[1]);
        }
        // every figure leads to its list, and the table goes to Excel with Chinese headers
        String stats = mvc.perform(get("/verification/statistics?from=" + month + "&to=" + month)
                        .header("Authorization", officer)
                        .accept(MediaType.TEXT_HTML))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String link = "/verification/requests?status=COMPLETED&amp;area=" + TestDistrict.STREET + "&amp;month=" + month;
        assertThat(stats).contains(link).contains("statistics.xlsx");
        String listed = mvc.perform(get(link.replace("&amp;", "&"))
                        .header("Authorization", officer)
                        .accept(MediaType.TEXT_HTML))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(listed).contains("id=\"requests-filter\"").contains("第 " + a.id() + " 号");
        assertThat(org.jsoup.Jsoup.parse(listed).select("table.data tbody tr")).hasSize(2);
        byte[] xlsx = mvc.perform(get("/verification/statistics.xlsx?from=" + month + "&to=" + month)
                        .header("Authorization", officer))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            assertThat(book.getSheetName(0)).isEqualTo("核对统计");
            assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("月份");
        }
        String street1 = api.bearer("t_street");
        String location = mvc.perform(post("/verification/requests")
                        .header("Authorization", street1)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("householdId=" + first.householdId() + "&programme=DIBAO&caseRef=case:page"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).matches("/verification/requests/\\d+");
        String json = mvc.perform(get("/api/v1/verification/statistics?from=" + month + "&to=" + month)
                        .header("Authorization", street1))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(json)
                .contains("\"persons\":9")
                .contains(TestDistrict.STREET)
                .doesNotContain(TestDistrict.OTHER_STREET);
    }
}
