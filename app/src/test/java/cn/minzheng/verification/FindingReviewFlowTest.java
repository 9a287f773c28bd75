package cn.minzheng.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.minzheng.shared.Sm3;
import cn.minzheng.test.Api;
import cn.minzheng.test.TestDistrict;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The review of findings through the REST API, as two real users: the street classifies, the applicant objects with
 * evidence, the district re-reviews (never the one who decided), reports are issued as new versions — and every
 * step stays on record.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class FindingReviewFlowTest {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    @Autowired
    MockMvc mvc;

    @Autowired
    VerificationFixture fixture;

    @Autowired
    FindingReviews reviews;

    @Autowired
    Findings allFindings;

    @Autowired
    RequestDetails details;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEvents events;

    @Test
    void classifyObjectReReviewAndIssueKeepEveryStep() throws Exception {
        VerificationFixture.Family family = fixture.threePeople(TestDistrict.COMMUNITY);
        fixture.authoriseAll(family);
        fixture.deliver("vehicle", VerificationFixture.vehicles(family));
        fixture.deliver("bank_deposit", VerificationFixture.deposits(family));
        Api api = new Api(mvc);
        String street = api.bearer("t_street");
        String district = api.bearer("t_officer");

        String created = mvc.perform(post("/api/v1/verification/requests")
                        .header("Authorization", street)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"householdId\":" + family.householdId()
                                + ",\"programme\":\"DIBAO\",\"caseRef\":\"file:77\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        long request = firstId(created);
        List<Finding> findings = fixture.asStreet(() -> allFindings.ofRequest(request));
        long car = idOf(findings, "v-car");
        long noId = idOf(findings, "v-noid");
        long deposits = findings.stream()
                .filter(f -> f.ruleCode().equals("DEPOSITS_ABOVE_LIMIT"))
                .findFirst()
                .orElseThrow()
                .id();

        // no report while findings wait
        mvc.perform(post("/api/v1/verification/requests/" + request + "/reports")
                        .header("Authorization", street))
                .andExpect(status().isUnprocessableContent());

        classify(street, car, "CONFIRMED", "车辆登记在户主名下，本人确认").andExpect(status().isOk());
        classify(street, noId, "FALSE_POSITIVE", "经核实为同名同生日的另一人，证件号码不同").andExpect(status().isOk());
        classify(street, deposits, "NEEDS_EXPLANATION", "请申请人说明存款来源").andExpect(status().isOk());
        classify(street, car, "CONFIRMED", "").andExpect(status().isUnprocessableContent());

        mvc.perform(post("/api/v1/verification/requests/" + request + "/reports")
                        .header("Authorization", street))
                .andExpect(status().isCreated());
        // after the report, a decision changes only through objection and re-review
        classify(street, car, "FALSE_POSITIVE", "改判").andExpect(status().isUnprocessableContent());

        byte[] evidence = "%PDF-1.4\n% 车辆转让合同（演示）\nEOF\n".getBytes(StandardCharsets.UTF_8);
        mvc.perform(multipart("/api/v1/verification/findings/" + noId + "/objection")
                        .file(new MockMultipartFile("evidence", "a.pdf", "application/pdf", evidence))
                        .param("statement", "误报也要异议")
                        .header("Authorization", street))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(multipart("/api/v1/verification/findings/" + car + "/objection")
                        .file(new MockMultipartFile("evidence", "x.exe", "application/pdf", new byte[] {0x4D, 0x5A, 0}))
                        .param("statement", "车辆已过户")
                        .header("Authorization", street))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(multipart("/api/v1/verification/findings/" + car + "/objection")
                        .file(new MockMultipartFile("evidence", "转让合同.pdf", "application/pdf", evidence))
                        .param("statement", "该车已于 2024 年转让，附转让合同")
                        .header("Authorization", street))
                .andExpect(status().isOk());

        // the one who decided cannot re-review
        reReview(street, car, "FALSE_POSITIVE", "同意异议").andExpect(status().isUnprocessableContent());
        reReview(district, car, "FALSE_POSITIVE", "转让合同真实有效，车辆已不属于家庭财产").andExpect(status().isOk());
        reReview(district, car, "CONFIRMED", "再次复核").andExpect(status().isUnprocessableContent());

        mvc.perform(post("/api/v1/verification/requests/" + request + "/reports")
                        .header("Authorization", street))
                .andExpect(status().isCreated());

        Finding after = fixture.asStreet(() -> allFindings.find(car));
        assertThat(after.history())
                .extracting(FindingReview::kind)
                .containsExactly(
                        FindingReviewKind.CLASSIFICATION, FindingReviewKind.OBJECTION, FindingReviewKind.RE_REVIEW);
        assertThat(after.history().get(0).decidedBy()).isEqualTo("t_street");
        assertThat(after.history().get(0).outcome()).isEqualTo(FindingOutcome.CONFIRMED);
        assertThat(after.history().get(2).decidedBy()).isEqualTo("t_officer");
        assertThat(after.outcome()).isEqualTo(FindingOutcome.FALSE_POSITIVE);
        assertThat(after.history().get(1).evidence())
                .singleElement()
                .satisfies(e -> assertThat(e.sm3()).isEqualTo(Sm3.hex(evidence)));
        // the engine's finding itself is unchanged
        assertThat(after.evidence()).contains("陕A10001");
        assertThat(after.severity()).isEqualTo("DISQUALIFYING");

        // both reports are kept, and each was announced for the case
        List<RequestDetails.Report> reports =
                fixture.asStreet(() -> transactions.execute(status -> details.reports(request)));
        assertThat(reports).extracting(RequestDetails.Report::version).containsExactly(1, 2);
        assertThat(events.stream(VerificationReportReady.class).filter(e -> e.requestId() == request))
                .hasSize(2)
                .allSatisfy(e -> {
                    assertThat(e.caseRef()).isEqualTo("file:77");
                    assertThat(e.householdId()).isEqualTo(family.householdId());
                    assertThat(e.personsChecked()).isEqualTo(3);
                    assertThat(e.recordsCompared()).isEqualTo(5);
                });

        byte[] pdf = mvc.perform(
                        get("/api/v1/verification/reports/" + reports.get(1).id() + ".pdf")
                                .header("Authorization", street))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(Sm3.hex(pdf)).isEqualTo(reports.get(1).sm3());
        String text = text(pdf).replaceAll("\\s+", "");
        assertThat(text)
                .contains("居民家庭经济状况核对报告")
                .contains("王建国")
                .contains("名下有机动车")
                .contains("复核结论")
                .contains("最低生活保障审核确认办法")
                .contains("误报");

        // the application may not change or delete what was decided
        assertThatThrownBy(() -> jdbc.update("delete from verification_review where finding_id = ?", car))
                .rootCause()
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.update("update verification_finding set evidence = 'x' where id = ?", car))
                .rootCause()
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.update("delete from verification_report where request_id = ?", request))
                .rootCause()
                .hasMessageContaining("permission denied");
    }

    private org.springframework.test.web.servlet.ResultActions classify(
            String bearer, long finding, String outcome, String reason) throws Exception {
        return mvc.perform(post("/api/v1/verification/findings/" + finding + "/classification")
                .header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"outcome\":\"" + outcome + "\",\"reason\":\"" + reason + "\"}"));
    }

    private org.springframework.test.web.servlet.ResultActions reReview(
            String bearer, long finding, String outcome, String reason) throws Exception {
        return mvc.perform(post("/api/v1/verification/findings/" + finding + "/re-review")
                .header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"outcome\":\"" + outcome + "\",\"reason\":\"" + reason + "\"}"));
    }

    private static long idOf(List<Finding> findings, String record) {
        return findings.stream()
                .filter(f -> record.equals(f.recordId()))
                .findFirst()
                .orElseThrow()
                .id();
    }

    static long firstId(String json) {
        Matcher m = ID.matcher(json);
        assertThat(m.find()).as(json).isTrue();
        return Long.parseLong(m.group(1));
    }

    static String text(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        try {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder out = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                out.append(extractor.getTextFromPage(page)).append('\n');
            }
            return out.toString();
        } finally {
            reader.close();
        }
    }
}
