package cn.minzheng.procedure;

import static cn.minzheng.procedure.Fixtures.act;
import static cn.minzheng.procedure.Fixtures.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.test.As;
import cn.minzheng.test.TestDistrict;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 11 A7 and A8, 《行政处罚法》 as written: no decision before the 5-working-day window to ask for a hearing has run
 * (第六十四条) unless the party waived in writing, and not before the statement (陈述申辩) is recorded (第四十五条、第六十二条);
 * a penalty cites the provision violated and the 罚则 (第三十八条); "no penalty" names its ground (第三十三条 or 第五十七条);
 * whether there was a hearing comes from the case, not from the handler, and a severe sanction from the kind of penalty;
 * a major decision is discussed by the heads (第五十七条第二款), reviewed by a qualified reviewer (第五十八条) — and the
 * database refuses a decision that needs review stored as not major.
 */
@SpringBootTest
class PenaltyProcedureTest {

    @Autowired
    TestDistrict district;

    @Autowired
    Cases cases;

    @Autowired
    Decisions decisions;

    @Autowired
    LegalReviews reviews;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @BeforeEach
    void setUp() {
        district.ensure();
    }

    /** Opened 4-13, investigated 4-14, informed 4-15 (a Wednesday): the hearing window runs to 4-22. */
    private long informed(String party, String kind) {
        long id = As.officer()
                .call(() -> cases.open(new Cases.NewCase(
                        "ADMIN_PENALTY", Fixtures.COMMUNITY, party, kind, null, d(4, 13), "补录", null)))
                .id();
        Fixtures.attach(cases, As.officer(), id, "FILING_FORM");
        As.officer().run(() -> cases.perform(id, "INVESTIGATE", act(d(4, 14), "执法人员乙")));
        Fixtures.attach(cases, As.officer(), id, "EVIDENCE", "INFORM_NOTICE");
        As.officer().run(() -> cases.perform(id, "INFORM", act(d(4, 15))));
        return id;
    }

    private static Decisions.Draft with(Decisions.Draft draft, Map<String, String> changes) {
        Map<String, String> facts = new HashMap<>(draft.facts());
        facts.putAll(changes);
        return new Decisions.Draft(
                null,
                facts,
                draft.reasons(),
                List.of(),
                false,
                null,
                draft.on(),
                draft.lateReason(),
                draft.violated(),
                draft.sanctions());
    }

    @Test
    void noDecisionBeforeTheHearingWindowHasRunOrWithoutTheStatement() {
        long id = informed("某某彩票代销点", "ORGANISATION");
        As.officer().call(() -> decisions.draft(id, Fixtures.penaltyDraft(d(4, 16), "500000")));
        // 4-16: the statement is not recorded and the window (5 working days from 4-15) runs to 4-22
        assertThatThrownBy(() -> As.leader().run(() -> cases.perform(id, "DECIDE", act(d(4, 16)))))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("须先记录陈述申辩")
                .hasMessageContaining("当事人要求听证的期限”至 2026年4月22日 届满");
        Fixtures.attach(cases, As.officer(), id, "STATEMENT_RECORD");
        As.officer().run(() -> cases.perform(id, "RECORD_STATEMENT", act(d(4, 17))));
        assertThatThrownBy(() -> As.leader().run(() -> cases.perform(id, "DECIDE", act(d(4, 22)))))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("4月22日");
        // the day after the window: decided
        Cases.CaseView decided = As.leader().call(() -> cases.perform(id, "DECIDE", act(d(4, 23))));
        assertThat(decided.state()).isEqualTo("DECIDED");
    }

    @Test
    void aWrittenWaiverEndsTheWindow() {
        long id = informed("某某彩票代销点二", "ORGANISATION");
        Fixtures.attach(cases, As.officer(), id, "STATEMENT_RECORD", "HEARING_WAIVER");
        As.officer().run(() -> cases.perform(id, "RECORD_STATEMENT", act(d(4, 16))));
        As.officer().run(() -> cases.perform(id, "WAIVE_HEARING", act(d(4, 16))));
        As.officer().call(() -> decisions.draft(id, Fixtures.penaltyDraft(d(4, 16), "500000")));
        assertThat(As.leader()
                        .call(() -> cases.perform(id, "DECIDE", act(d(4, 16))))
                        .state())
                .isEqualTo("DECIDED");
    }

    @Test
    void aPenaltyCitesTheProvisionViolatedAndTheSanctionAndNoPenaltyNamesItsGround() throws Exception {
        long id = Fixtures.informedPenalty(cases, As.officer(), "某某代销点三", "ORGANISATION", d(4, 13));
        Decisions.Draft full = Fixtures.penaltyDraft(d(4, 20), "500000");
        Decisions.Draft bare =
                new Decisions.Draft(null, full.facts(), full.reasons(), List.of(), false, null, d(4, 20), "补录");
        assertThatThrownBy(() -> As.officer().call(() -> decisions.draft(id, bare)))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("违反的法律、法规、规章条款")
                .hasMessageContaining("第三十八条");
        Decisions.DecisionView penalty = As.officer().call(() -> decisions.draft(id, full));
        assertThat(penalty.outcome()).isEqualTo("PENALTY");
        assertThat(penalty.articles())
                .extracting(Citation::text)
                .contains("《彩票管理条例》第十八条", "《彩票管理条例》第四十一条", "《中华人民共和国行政处罚法》第五十九条");
        // the 决定书 carries what 第五十九条 lists: the party by name and address, facts and evidence, the provision
        // violated and the 罚则, how and by when the fine is paid (第六十七条), remedies — in a penalty's words
        String document = PdfChecks.openPdfText(As.officer().call(() -> decisions.document(penalty.id())))
                .replaceAll("\\s+", "");
        assertThat(document)
                .contains("行政处罚决定书", "某某代销点三：", "当事人地址：西安市雁塔区小寨路1号（测试）")
                .contains("违法事实：当事人于2026年3月", "证据：现场检查笔录")
                .contains("当事人的行为违反了《彩票管理条例》第十八条的规定", "依据《彩票管理条例》第四十一条的规定给予处罚")
                .contains("本机关决定：给予行政处罚。", "罚款数额：5,000.00元", "十五日内", "加处罚款")
                .contains("行政复议", "附件", "认定和计算明细")
                .doesNotContain("你（单位）", "最低生活保障", "如果", "FINE", "PENALTY", "（待确认）", "受理日期");

        // the facts do not hold: 第五十七条第一款第（三）项, not 第三十三条
        Decisions.DecisionView notEstablished = As.officer()
                .call(() -> decisions.draft(
                        id,
                        with(full, Map.of("violationEstablished", "false", "penaltyType", "NONE", "fineFen", "0"))));
        assertThat(notEstablished.outcome()).isEqualTo("NOT_ESTABLISHED");
        assertThat(notEstablished.articles())
                .extracting(Citation::text)
                .contains("《中华人民共和国行政处罚法》第五十七条第一款第（三）项")
                .noneMatch(t -> t.contains("第三十三条"));
        // minor and corrected without harm: 第三十三条第一款 and 第五十七条第一款第（二）项
        Decisions.DecisionView minor = As.officer()
                .call(() -> decisions.draft(
                        id, with(full, Map.of("minorCorrected", "true", "penaltyType", "NONE", "fineFen", "0"))));
        assertThat(minor.outcome()).isEqualTo("NO_PENALTY_MINOR");
        assertThat(minor.articles())
                .extracting(Citation::text)
                .contains("《中华人民共和国行政处罚法》第三十三条第一款", "《中华人民共和国行政处罚法》第五十七条第一款第（二）项");
        // no fault shown by evidence: 第三十三条第二款
        assertThat(As.officer()
                        .call(() -> decisions.draft(
                                id, with(full, Map.of("noFault", "true", "penaltyType", "NONE", "fineFen", "0"))))
                        .outcome())
                .isEqualTo("NO_PENALTY_NO_FAULT");
    }

    @Test
    void hearingAndSevereSanctionComeFromTheCaseNotFromTheHandler() {
        long id = informed("某某代销点四", "ORGANISATION");
        Decisions.Draft draft = Fixtures.penaltyDraft(d(4, 16), "100000");
        // "no hearing" cannot be typed
        assertThatThrownBy(() ->
                        As.officer().call(() -> decisions.draft(id, with(draft, Map.of("hearingHeld", "false")))))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("由系统依案件记录确定");
        // revoking the licence is severe whatever the amount: major
        Decisions.DecisionView revoke = As.officer()
                .call(() -> decisions.draft(id, with(draft, Map.of("penaltyType", "REVOKE_LICENCE", "fineFen", "0"))));
        assertThat(revoke.majorReasons())
                .extracting(Decisions.MajorReasonView::code)
                .contains("REVOKE_LICENCE");

        // the party asks for a hearing; it is held at least 7 working days after its notice
        Fixtures.attach(cases, As.officer(), id, "HEARING_REQUEST", "HEARING_NOTICE", "HEARING_RECORD");
        As.officer().run(() -> cases.perform(id, "REQUEST_HEARING", act(d(4, 17))));
        As.officer().run(() -> cases.perform(id, "NOTIFY_HEARING", act(d(4, 20))));
        assertThatThrownBy(() -> As.officer().run(() -> cases.perform(id, "HOLD_HEARING", act(d(4, 24)))))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("当日或之后");
        As.officer().run(() -> cases.perform(id, "HOLD_HEARING", act(d(4, 29))));
        Decisions.DecisionView afterHearing =
                As.officer().call(() -> decisions.draft(id, Fixtures.penaltyDraft(d(4, 29), "100000")));
        assertThat(afterHearing.facts())
                .filteredOn(f -> f.name().equals("hearingHeld"))
                .singleElement()
                .satisfies(f -> assertThat(f.value()).isEqualTo("true"));
        assertThat(afterHearing.major()).isTrue();
        assertThat(afterHearing.majorReasons())
                .extracting(Decisions.MajorReasonView::code)
                .contains("HEARING");
    }

    @Test
    void aMajorDecisionIsDiscussedAndReviewedByAQualifiedReviewer() {
        long id = Fixtures.informedPenalty(cases, As.officer(), "钱某", "PERSON", d(4, 13));
        long decision = As.officer()
                .call(() -> decisions.draft(id, Fixtures.penaltyDraft(d(4, 20), "2000000")))
                .id();
        As.officer().run(() -> decisions.submitForReview(decision));
        Map<ReviewChecklist, Boolean> checklist = new EnumMap<>(ReviewChecklist.class);
        for (ReviewChecklist item : ReviewChecklist.values()) {
            checklist.put(item, true);
        }
        LegalReviews.Review passing = new LegalReviews.Review(checklist, "PASSED", "事实清楚，证据确凿，程序合法。");
        assertThatThrownBy(() -> As.legal().call(() -> reviews.review(decision, passing)))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("法律职业资格");
        Fixtures.qualify(reviews, As.legal());
        Decisions.DecisionView reviewed = As.legal().call(() -> reviews.review(decision, passing));
        assertThat(reviewed.reviews())
                .singleElement()
                .satisfies(r -> assertThat(r.qualification()).contains("A20183101040123"));
        assertThatThrownBy(() -> As.leader().run(() -> cases.perform(id, "DECIDE", act(d(4, 21)))))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("集体讨论");
        Fixtures.attach(cases, As.leader(), id, "DISCUSSION_MINUTES");
        As.leader().run(() -> cases.perform(id, "COLLECTIVE_DISCUSSION", act(d(4, 21))));
        assertThat(As.leader()
                        .call(() -> cases.perform(id, "DECIDE", act(d(4, 21))))
                        .state())
                .isEqualTo("DECIDED");
    }

    @Test
    void theDatabaseDoesNotTrustAMajorFlagItWasNotGiven() {
        long id = Fixtures.informedPenalty(cases, As.officer(), "孙某", "PERSON", d(4, 13));
        long decision = As.officer()
                .call(() -> decisions.draft(id, Fixtures.penaltyDraft(d(4, 20), "2000000")))
                .id();
        // a second revision written past the domain, with the same facts and results but "not major"
        assertThatThrownBy(() -> As.officer()
                        .run(() -> transactions.executeWithoutResult(
                                s -> jdbc.sql("""
                                        insert into decision (case_id, revision, status, outcome, major, major_reasons,
                                            matter_type_version_id, articles, facts, trace, result, reasons, draft_hash,
                                            drafted_by, drafted_name, drafted_on, drafted_at)
                                        select case_id, revision + 1, 'DRAFT', outcome, false, '[]', matter_type_version_id,
                                            articles, facts, trace, result, reasons, repeat('1', 64), drafted_by,
                                            drafted_name, drafted_on, drafted_at
                                        from decision where id = ?
                                        """).param(decision).update())))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("needs legal review");
    }
}
