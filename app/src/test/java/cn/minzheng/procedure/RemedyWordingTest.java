package cn.minzheng.procedure;

import static cn.minzheng.procedure.Fixtures.act;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.minzheng.test.As;
import cn.minzheng.test.TestDistrict;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

/**
 * Issue 11 A6, 行政复议法第二十三条: a refusal to disclose government information tells the applicant to apply for 行政复议
 * first; a disclosure and an ordinary penalty let them choose; for a 低保 refusal, where the law is unclear, the
 * cautious reading (复议前置) holds until the bureau's 法制审核员 set the parameter otherwise — they, not others, may.
 */
@SpringBootTest
class RemedyWordingTest {

    @Autowired
    TestDistrict district;

    @Autowired
    Cases cases;

    @Autowired
    Decisions decisions;

    @Autowired
    Remedies remedies;

    @Autowired
    Parameters parameters;

    @BeforeEach
    void setUp() {
        district.ensure();
    }

    private static LocalDate d(int month, int day) {
        return LocalDate.of(2026, month, day);
    }

    private String reply(String outcome, String party) throws Exception {
        long id = As.officer()
                .call(() -> cases.open(new Cases.NewCase(
                        "INFO_DISCLOSURE_REQUEST", Fixtures.COMMUNITY, party, "PERSON", null, d(9, 1), "补录", null)))
                .id();
        Fixtures.attach(cases, As.officer(), id, "REQUEST");
        As.officer().run(() -> cases.perform(id, "REGISTER", act(d(9, 1))));
        As.officer()
                .call(() -> decisions.draft(
                        id,
                        new Decisions.Draft(
                                outcome,
                                Map.of(),
                                "申请公开的信息涉及第三人个人隐私，第三人不同意公开。",
                                List.of(),
                                false,
                                null,
                                d(9, 10),
                                "补录")));
        Cases.CaseView replied = As.officer().call(() -> cases.perform(id, "REPLY", act(d(9, 10))));
        long decision = replied.decisions().get(0).id();
        return PdfChecks.openPdfText(As.officer().call(() -> decisions.document(decision)))
                .replaceAll("\\s+", "");
    }

    @Test
    void aRefusalToDiscloseTellsTheApplicantToApplyForReviewFirst() throws Exception {
        String refusal = reply("REFUSE", "救济甲");
        assertThat(refusal)
                .contains("应当先自收到本决定书之日起60日内向西安市雁塔区人民政府申请行政复议")
                .contains("收到行政复议决定书之日起15日内")
                .contains("《中华人民共和国行政复议法》第二十三条")
                .doesNotContain("也可以自收到本决定书之日起6个月内");
        String disclosure = reply("DISCLOSE", "救济乙");
        assertThat(disclosure).contains("也可以自收到本决定书之日起6个月内依法向人民法院提起行政诉讼").doesNotContain("应当先");
        assertThat(remedies.of("ADMIN_PENALTY", "PENALTY", "610113", d(9, 1)).reviewFirst())
                .isFalse();
    }

    @Test
    void anUnclearCaseIsACautiousParameterOnlyTheLegalStaffSet() {
        assertThat(remedies.of("ASSIST_DIBAO", "REJECT", Fixtures.COMMUNITY, d(9, 1))
                        .reviewFirst())
                .isTrue();
        Parameters.Proposal choice = new Parameters.Proposal(
                "610113", "0", null, d(8, 1), Basis.of("XZFY_FA", "23"), null, false, "法制科研究认为可以选择（测试）");
        assertThatThrownBy(() -> As.legal()
                        .call(() -> parameters.propose(
                                "DIBAO_STD_URBAN",
                                new Parameters.Proposal(
                                        "610113",
                                        "900",
                                        null,
                                        d(8, 1),
                                        Basis.of("SHJZ_ZXBF", "10"),
                                        null,
                                        false,
                                        "测试"))))
                .isInstanceOf(AccessDeniedException.class);
        ParameterValue proposed = As.legal().call(() -> parameters.propose("REMEDY_ASSISTANCE_REVIEW_FIRST", choice));
        As.leader().call(() -> parameters.approve(proposed.id(), "同意"));
        Remedies.Remedy remedy = remedies.of("ASSIST_DIBAO", "REJECT", Fixtures.COMMUNITY, d(9, 1));
        assertThat(remedy.reviewFirst()).isFalse();
        assertThat(remedy.text()).contains("也可以");
    }
}
