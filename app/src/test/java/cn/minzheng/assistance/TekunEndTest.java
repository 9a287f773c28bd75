package cn.minzheng.assistance;

import static cn.minzheng.assistance.Fixtures.act;
import static cn.minzheng.assistance.Fixtures.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.minzheng.assistance.Fixtures.Member;
import cn.minzheng.procedure.Cases;
import cn.minzheng.procedure.Notices;
import cn.minzheng.resident.BulkRegistration;
import cn.minzheng.resident.Relationship;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.Gender;
import cn.minzheng.test.As;
import cn.minzheng.test.TestDistrict;
import cn.minzheng.test.TestPostgresSql;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 11 A1, 《特困人员认定办法》第二十六条 as the law tells it: a 特困 person found in prison is not simply stopped. The
 * proposed termination stands in the community for 7 days; an objection sends it back to be investigated again, with 15
 * working days from the objection to the decision, and a new 公示; without open objections the district decides, the
 * allowance and the care subsidy end from the next month, and the case closes only when the person and the 居委会 have
 * the reasons in writing.
 */
@SpringBootTest
class TekunEndTest {

    @Autowired
    TestDistrict district;

    @Autowired
    ReviewTaskActs tasks;

    @Autowired
    Investigations investigations;

    @Autowired
    Assessments assessments;

    @Autowired
    Cases cases;

    @Autowired
    Notices notices;

    @Autowired
    BulkRegistration registration;

    @Autowired
    JdbcTemplate jdbc;

    Flow flow;
    long person;
    long basic;

    @BeforeEach
    void setUp() {
        district.ensure();
        flow = new Flow(null, investigations, null, assessments, cases, null);
        long[] h = Fixtures.household(
                registration, jdbc, Fixtures.COMMUNITY, Member.of("终止甲", Gender.MALE, "1950-02-01", Relationship.HEAD));
        person = h[1];
        basic = status("TEKUN", 104_000, "分散供养");
        status("TEKUN_CARE", 40_000, "PARTIAL");
        TestPostgresSql.execute(
                jdbc,
                "insert into assistance_review_plan (status_id, community_code, cycle_months, unstable, last_reviewed_on)"
                        + " values (" + basic + ", '" + Fixtures.COMMUNITY + "', 12, false, '2026-01-01')");
    }

    private long status(String programme, long fen, String level) {
        return TestPostgresSql.queryForObject(jdbc, """
                insert into assistance_status (category_code, programme_code, subject_type, subject_id, community_code,
                    level, members, monthly_amount_fen, effective_from, decision_ref)
                values ('TEKUN', ?, 'PERSON', ?, ?, ?, 1, ?, '2026-01-01', '雁民特困〔2025〕9号') returning id""", Long.class, programme, person, Fixtures.COMMUNITY, level, fen);
    }

    private Investigations.NewInvestigation visit(LocalDate on) {
        return new Investigations.NewInvestigation(
                on,
                List.of("街道调查员", "社区调查员"),
                List.of(),
                List.of(),
                Investigation.Property.none(),
                null,
                null,
                false,
                List.of(),
                List.of(),
                null,
                "经公安机关通报核实");
    }

    private Assessments.Options imprisoned() {
        return new Assessments.Options(null, "2026年9月被判处有期徒刑三年，现在监狱服刑", null, null, false, TekunEndGround.IMPRISONED);
    }

    @Test
    void terminationIsPublishedReinvestigatedOnObjectionAndTakesEffectNextMonth() {
        ReviewTask task = As.street().call(() -> tasks.report(basic, d(10, 30), "社区反映其已被判处刑罚"));
        Application a = As.street().call(() -> tasks.openChange(task.id(), d(10, 5), "补录"));
        assertThat(a.kind()).isEqualTo(CaseKind.TEKUN_END);
        assertThat(a.matterType()).isEqualTo("ASSIST_TEKUN_END");

        As.street().call(() -> investigations.record(a.id(), visit(d(10, 5))));
        flow.attach(As.street(), a.caseId(), "INVESTIGATION_FORM");
        As.street().run(() -> cases.perform(a.caseId(), "HOME_VISIT", act(d(10, 5), "社区调查员")));
        As.street().call(() -> assessments.draft(a.id(), d(10, 5), null, "补录", imprisoned()));

        // There is no way to the decision around the notice: the only way on from the investigation is 公示.
        Cases.CaseView published = As.street().call(() -> cases.perform(a.caseId(), "PUBLISH", act(d(10, 6))));
        assertThat(published.state()).isEqualTo("PUBLICITY");
        Notices.NoticeView notice = published.notices().get(0);
        assertThat(notice.periodEnd()).isEqualTo(d(10, 13));
        assertThatThrownBy(() -> As.street().run(() -> cases.perform(a.caseId(), "SUBMIT", act(d(10, 8)))))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("公示期至");

        // An objection: back to investigation, with 15 working days from it to the decision.
        As.community()
                .call(() -> notices.recordObjection(
                        notice.id(), new Notices.NewObjection(d(10, 8), "PHONE", "反映其刑期已改判缓刑，仍在社区居住")));
        assertThatThrownBy(() -> As.street().run(() -> cases.perform(a.caseId(), "SUBMIT", act(d(10, 14)))))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("异议");
        Cases.CaseView again = As.street().call(() -> cases.perform(a.caseId(), "REINVESTIGATE", act(d(10, 9))));
        Cases.ClockView recheck = again.clocks().stream()
                .filter(c -> c.code().equals("OBJECTION_RECHECK"))
                .findFirst()
                .orElseThrow();
        assertThat(recheck.limitDays()).isEqualTo(15);
        assertThat(recheck.dayType()).isEqualTo("WORKING");

        // Re-investigated (the judgement stands: the sentence is served in prison) and published again.
        As.street().call(() -> investigations.record(a.id(), visit(d(10, 12))));
        As.street().call(() -> assessments.draft(a.id(), d(10, 12), null, "补录", imprisoned()));
        Cases.CaseView republished = As.street().call(() -> cases.perform(a.caseId(), "PUBLISH", act(d(10, 12))));
        assertThat(republished.notices()).hasSize(2);
        As.street().run(() -> cases.perform(a.caseId(), "SUBMIT", act(d(10, 20))));
        Cases.CaseView decided = As.officer().call(() -> cases.perform(a.caseId(), "DECIDE", act(d(10, 22))));
        assertThat(decided.outcome()).isEqualTo("TERMINATE");
        Cases.ClockView stopped = decided.clocks().stream()
                .filter(c -> c.code().equals("OBJECTION_RECHECK"))
                .findFirst()
                .orElseThrow();
        assertThat(stopped.finishedLate()).isFalse();

        // Both the basic allowance and the care subsidy end on the first day of the next month.
        assertThat(TestPostgresSql.queryForObject(
                        jdbc,
                        "select count(*) from assistance_status where subject_type = 'PERSON' and subject_id = ?"
                                + " and effective_to = '2026-11-01'",
                        Long.class,
                        person))
                .isEqualTo(2L);

        // The case is closed only with the written notice to the person and to the 居委会.
        assertThatThrownBy(() -> As.street().run(() -> cases.perform(a.caseId(), "DELIVER", act(d(10, 23)))))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("送达回证")
                .hasMessageContaining("社区居委会");
        flow.attach(As.street(), a.caseId(), "DELIVERY_RECEIPT");
        flow.attach(As.street(), a.caseId(), "COMMUNITY_NOTICE");
        assertThat(As.street()
                        .call(() -> cases.perform(a.caseId(), "DELIVER", act(d(10, 23))))
                        .state())
                .isEqualTo("CLOSED");
    }

    @Test
    void aPlainStopOfTekunIsRefused() {
        // A dynamic-management case opened for 特困 before this rule cannot stop it without 公示.
        ReviewTask task = As.street().call(() -> tasks.report(basic, d(10, 30), "定期核查"));
        Application a = As.street().call(() -> tasks.openChange(task.id(), d(10, 5), "补录"));
        assertThat(a.kind()).isNotEqualTo(CaseKind.CHANGE);
        As.street().call(() -> investigations.record(a.id(), visit(d(10, 5))));
        assertThatThrownBy(() -> As.street()
                        .call(() -> assessments.draft(
                                a.id(),
                                d(10, 5),
                                null,
                                "补录",
                                new Assessments.Options(null, "不再符合", null, null, false, null))))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("第二十四条");
    }
}
