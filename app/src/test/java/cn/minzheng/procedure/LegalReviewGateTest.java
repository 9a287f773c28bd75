package cn.minzheng.procedure;

import static cn.minzheng.procedure.Fixtures.act;
import static cn.minzheng.procedure.Fixtures.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.test.Api;
import cn.minzheng.test.As;
import cn.minzheng.test.TestDistrict;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 重大执法决定法制审核: no path issues a major decision without a passed review — not the service, not the REST API,
 * not the screen's form, not SQL written past the domain — and a reviewer who handled the case cannot review it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LegalReviewGateTest {

    @Autowired
    TestDistrict district;

    @Autowired
    Cases cases;

    @Autowired
    Decisions decisions;

    @Autowired
    LegalReviews reviews;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @BeforeEach
    void setUp() {
        district.ensure();
        Fixtures.qualify(reviews, As.legal());
    }

    /**
     * A penalty case for a natural person, informed (statement recorded, hearing waived), with a draft fining 20 000 yuan
     * (over the 清单's 10 000), discussed by the heads of the bureau.
     */
    private long majorCase(As officer) {
        long id = Fixtures.informedPenalty(cases, officer, "钱测试", "PERSON", d(4, 1));
        Decisions.DecisionView draft =
                officer.call(() -> decisions.draft(id, Fixtures.penaltyDraft(d(4, 20), "2000000")));
        Fixtures.attach(cases, As.leader(), id, "DISCUSSION_MINUTES");
        As.leader().run(() -> cases.perform(id, "COLLECTIVE_DISCUSSION", act(d(4, 20))));
        assertThat(draft.major()).isTrue();
        assertThat(draft.majorReasons())
                .extracting(Decisions.MajorReasonView::code)
                .containsExactly("FINE_PERSON");
        return id;
    }

    private static LegalReviews.Review passing() {
        Map<ReviewChecklist, Boolean> checklist = new EnumMap<>(ReviewChecklist.class);
        for (ReviewChecklist item : ReviewChecklist.values()) {
            checklist.put(item, true);
        }
        return new LegalReviews.Review(checklist, "PASSED", "主体合法，事实清楚，证据确凿，程序合法，依据正确，裁量适当。");
    }

    @Test
    void theServiceRefusesToIssueAMajorDecisionWithoutReview() {
        long id = majorCase(As.officer());
        assertThatThrownBy(() -> As.leader().run(() -> cases.perform(id, "DECIDE", act(d(4, 21)))))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("法制审核");
        long decision =
                As.officer().call(() -> cases.view(id)).decisions().get(0).id();
        As.officer().run(() -> decisions.submitForReview(decision));
        // still pending: refused
        assertThatThrownBy(() -> As.leader().run(() -> cases.perform(id, "DECIDE", act(d(4, 21)))))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("审核中");
        Decisions.DecisionView passed = As.legal().call(() -> reviews.review(decision, passing()));
        assertThat(passed.status()).isEqualTo("REVIEW_PASSED");
        Cases.CaseView decided = As.leader().call(() -> cases.perform(id, "DECIDE", act(d(4, 21))));
        assertThat(decided.decisions().get(0).documentNumber()).matches("雁民罚决〔2026〕\\d+号");
        assertThat(decided.decisions().get(0).reviews()).hasSize(1);
    }

    @Test
    void theApiAndTheFormRefuseToIssueAMajorDecisionWithoutReview() throws Exception {
        long id = majorCase(As.officer());
        Api api = new Api(mvc);
        mvc.perform(post("/api/v1/procedure/cases/" + id + "/steps/DECIDE")
                        .header("Authorization", api.bearer("t_leader"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"on\":\"2026-04-21\",\"lateReason\":\"补录\"}"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/procedure/cases/" + id + "/steps/DECIDE")
                        .with(authentication(As.leader().authentication()))
                        .with(csrf())
                        .param("on", "2026-04-21")
                        .param("lateReason", "补录"))
                .andExpect(status().is3xxRedirection());
        assertThat(As.officer().call(() -> cases.view(id)).decisions().get(0).status())
                .isEqualTo("DRAFT");
        assertThat(As.officer().call(() -> cases.view(id)).state()).isEqualTo("INFORMED");
    }

    @Test
    void theDatabaseRefusesAnIssuedMajorDecisionWithoutReview() {
        long id = majorCase(As.officer());
        long decision =
                As.officer().call(() -> cases.view(id)).decisions().get(0).id();
        assertThatThrownBy(() -> As.officer()
                        .run(() -> transactions.executeWithoutResult(
                                s -> jdbc.sql("""
                                update decision set status = 'ISSUED', document_number = 'X〔2026〕999号', issued_by = 'x',
                                    document_sm3 = repeat('0', 64), issued_on = date '2026-04-21'
                                where id = ?
                                """).param(decision).update())))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("needs a passed legal review");
        // nor can the content be changed in place after review
        As.officer().run(() -> decisions.submitForReview(decision));
        As.legal().run(() -> reviews.review(decision, passing()));
        assertThatThrownBy(() -> As.officer()
                        .run(() -> transactions.executeWithoutResult(
                                s -> jdbc.sql("update decision set result = '{\"fine\":\"1\"}' where id = ?")
                                        .param(decision)
                                        .update())))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("never in place");
    }

    @Test
    void aReviewerWhoHandledTheCaseCannotReviewIt() {
        As both = new As("t_both", "610113", "DEPARTMENT_OFFICER", "LEGAL_REVIEWER");
        long id = majorCase(both);
        long decision = both.call(() -> cases.view(id)).decisions().get(0).id();
        both.run(() -> decisions.submitForReview(decision));
        assertThat(both.call(() -> reviews.queue()))
                .filteredOn(q -> q.decisionId() == decision)
                .singleElement()
                .satisfies(q -> assertThat(q.mayReview()).isFalse());
        assertThatThrownBy(() -> both.run(() -> reviews.review(decision, passing())))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("回避");
        // and the database says the same to a review written past the service
        assertThatThrownBy(() -> both.run(() -> transactions.executeWithoutResult(
                        s -> jdbc.sql("""
                                insert into legal_review (decision_id, case_id, draft_hash, reviewer, reviewer_name,
                                    checklist, conclusion, opinion, reviewed_on, reviewed_at, qualification)
                                select id, case_id, draft_hash, 't_both', '自审', '{}', 'PASSED', '自己审核', current_date, now(),
                                    '法律职业资格证书 A20183101040123'
                                from decision where id = ?
                                """).param(decision).update())))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("may not review");
        // another reviewer may
        assertThat(As.legal().call(() -> reviews.review(decision, passing())).status())
                .isEqualTo("REVIEW_PASSED");
    }

    @Test
    void aReturnedDecisionGoesBackWithTheReasonsAndAChangedDraftNeedsANewReview() {
        long id = majorCase(As.officer());
        long first = As.officer().call(() -> cases.view(id)).decisions().get(0).id();
        As.officer().run(() -> decisions.submitForReview(first));
        Map<ReviewChecklist, Boolean> checklist = new EnumMap<>(passing().checklist());
        checklist.put(ReviewChecklist.DISCRETION_APPROPRIATE, false);
        assertThatThrownBy(() ->
                        As.legal().run(() -> reviews.review(first, new LegalReviews.Review(checklist, "PASSED", "通过"))))
                .isInstanceOf(BusinessRuleViolation.class);
        As.legal()
                .run(() ->
                        reviews.review(first, new LegalReviews.Review(checklist, "RETURNED", "罚款数额偏离裁量基准，请说明理由或调整")));
        Cases.CaseView returned = As.officer().call(() -> cases.view(id));
        assertThat(returned.state()).isEqualTo("INVESTIGATING");
        assertThat(returned.decisions().get(0).status()).isEqualTo("RETURNED");
        assertThat(returned.timeline())
                .anyMatch(e -> "REVIEWED".equals(e.kind()) && e.note().contains("偏离裁量基准"));
        assertThat(returned.timeline())
                .filteredOn(e -> "REVIEWED".equals(e.kind()))
                .allMatch(e -> !e.handling());

        As.officer().run(() -> cases.perform(id, "INFORM", act(d(4, 22))));
        long second = As.officer()
                .call(() -> decisions.draft(id, Fixtures.penaltyDraft(d(4, 23), "1500000")))
                .id();
        As.officer().run(() -> decisions.submitForReview(second));
        As.legal().run(() -> reviews.review(second, passing()));
        // a third draft after the review withdraws the reviewed one: it needs its own review
        long third = As.officer()
                .call(() -> decisions.draft(id, Fixtures.penaltyDraft(d(4, 24), "1200000")))
                .id();
        assertThat(As.officer().call(() -> decisions.view(second)).status()).isEqualTo("WITHDRAWN");
        assertThatThrownBy(() -> As.leader().run(() -> cases.perform(id, "DECIDE", act(d(4, 24)))))
                .isInstanceOf(BusinessRuleViolation.class);
        assertThat(As.officer().call(() -> decisions.view(third)).status()).isEqualTo("DRAFT");
    }

    @Test
    void aDecisionBelowTheThresholdsNeedsNoReviewUnlessTheHandlerAsks() {
        long id = Fixtures.informedPenalty(cases, As.officer(), "某某有限公司", "ORGANISATION", d(4, 1));
        // 2 万元 for an organisation is under its 10 万元 threshold
        assertThat(As.officer()
                        .call(() -> decisions.draft(id, Fixtures.penaltyDraft(d(4, 4), "2000000")))
                        .major())
                .isFalse();
        Decisions.Draft plain = Fixtures.penaltyDraft(d(4, 4), "100000");
        Decisions.Draft asked = new Decisions.Draft(
                null,
                plain.facts(),
                "理由",
                java.util.List.of(),
                true,
                "案情疑难复杂",
                d(4, 4),
                "补录",
                plain.violated(),
                plain.sanctions());
        Decisions.DecisionView manual = As.officer().call(() -> decisions.draft(id, asked));
        assertThat(manual.major()).isTrue();
        assertThat(manual.majorReasons())
                .extracting(Decisions.MajorReasonView::code)
                .containsExactly("MANUAL");
    }
}
