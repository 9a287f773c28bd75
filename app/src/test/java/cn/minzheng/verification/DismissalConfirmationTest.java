package cn.minzheng.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.minzheng.test.As;
import cn.minzheng.test.TestDistrict;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Issue 12 §11: a finding that would disqualify the household is dismissed as a false positive only with evidence and
 * the confirmation of a second person; the case then receives the counts as reviewed (no 不符合条件 left); the report
 * names the sources the request could not check.
 */
@SpringBootTest
@RecordApplicationEvents
class DismissalConfirmationTest {

    private static final As OFFICER = new As("t_officer", "610113", "DEPARTMENT_OFFICER");

    @Autowired
    VerificationFixture fixture;

    @Autowired
    VerificationRequests requests;

    @Autowired
    FindingReviews reviews;

    @Autowired
    Findings allFindings;

    @Autowired
    VerificationReports reports;

    @Autowired
    ApplicationEvents events;

    private static final List<EvidenceUpload> EVIDENCE =
            List.of(new EvidenceUpload("过户证明.pdf", "%PDF-1.4\n% 机动车过户证明（演示）\nEOF\n".getBytes(StandardCharsets.UTF_8)));

    @Test
    void aDisqualifyingFindingIsDismissedOnlyWithEvidenceAndASecondPerson() throws Exception {
        VerificationFixture.Family family = fixture.threePeople(TestDistrict.COMMUNITY);
        fixture.authoriseAll(family);
        fixture.deliver("vehicle", VerificationFixture.vehicles(family));
        RequestSummary request = As.street()
                .call(() -> requests.request(
                        new VerificationRequests.HouseholdRequest(family.householdId(), "DIBAO", "file:88")));
        List<Finding> findings = As.street().call(() -> allFindings.ofRequest(request.id()));
        Finding disqualifying = findings.stream()
                .filter(f -> f.severity().equals("DISQUALIFYING"))
                .findFirst()
                .orElseThrow();
        long id = disqualifying.id();

        assertThatThrownBy(() -> As.street().call(() -> reviews.classify(id, FindingOutcome.FALSE_POSITIVE, "不是他的车")))
                .hasMessageContaining("须附证据材料");
        As.street().call(() -> reviews.classify(id, FindingOutcome.FALSE_POSITIVE, "车辆已过户，附过户证明", EVIDENCE));
        assertThat(As.street().call(() -> allFindings.find(id)).state()).isEqualTo(FindingState.AWAITING_CONFIRMATION);
        for (Finding f : findings) {
            if (f.id() != id) {
                As.street().call(() -> reviews.classify(f.id(), FindingOutcome.CONFIRMED, "核实属实"));
            }
        }
        assertThatThrownBy(() -> As.street().call(() -> reports.issue(request.id())))
                .as("no report while a dismissal waits for its second person")
                .hasMessageContaining("未核实");
        assertThatThrownBy(() -> As.street().call(() -> reviews.confirmDismissal(id, "我确认")))
                .hasMessageContaining("另一位工作人员");

        OFFICER.call(() -> reviews.confirmDismissal(id, "看过过户证明，属实"));
        assertThat(As.street().call(() -> allFindings.find(id)).state()).isEqualTo(FindingState.CLASSIFIED);

        As.street().call(() -> reports.issue(request.id()));
        VerificationReportReady ready = events.stream(VerificationReportReady.class)
                .filter(e -> e.requestId() == request.id())
                .findFirst()
                .orElseThrow();
        long stillDisqualifying = findings.stream()
                        .filter(f -> f.severity().equals("DISQUALIFYING"))
                        .count()
                - 1;
        assertThat(ready.disqualifying())
                .as("the dismissed finding no longer counts")
                .isEqualTo((int) stillDisqualifying);

        long reportId = As.street()
                .call(() -> requests.detail(request.id()))
                .reports()
                .get(0)
                .id();
        byte[] pdf = As.street().call(() -> reports.pdf(reportId)).pdf();
        PdfReader reader = new PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(new PdfTextExtractor(reader).getTextFromPage(page));
        }
        assertThat(text.toString().replaceAll("\\s", ""))
                .contains("尚未交付数据，本次未能核对")
                .contains("户籍人口");
    }
}
