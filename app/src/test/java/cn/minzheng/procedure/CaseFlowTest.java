package cn.minzheng.procedure;

import static cn.minzheng.procedure.Fixtures.act;
import static cn.minzheng.procedure.Fixtures.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.NotFound;
import cn.minzheng.test.As;
import cn.minzheng.test.TestDistrict;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

/** A 低保 application through the declared procedure: guards, clocks, suspension, extension, notice, decision. */
@SpringBootTest
class CaseFlowTest {

    @Autowired
    TestDistrict district;

    @Autowired
    Cases cases;

    @Autowired
    Decisions decisions;

    @BeforeEach
    void setUp() {
        district.ensure();
    }

    private static Cases.ClockView clock(Cases.CaseView view, String code) {
        return view.clocks().stream()
                .filter(c -> c.code().equals(code))
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    @Test
    void stepsAreGuardedByScopeRoleStateAndPreconditions() {
        long id = As.street()
                .call(() -> cases.open(new Cases.NewCase(
                        "EXAMPLE_APPLICATION", Fixtures.COMMUNITY, "李测试", "PERSON", null, d(3, 2), "补录", null)))
                .id();
        // another street's officer does not see the case at all
        assertThatThrownBy(() -> As.otherStreet().run(() -> cases.view(id))).isInstanceOf(NotFound.class);
        // a community worker may not accept (the step names the street officer)
        assertThatThrownBy(() -> As.community().run(() -> cases.perform(id, "ACCEPT", act(d(3, 2)))))
                .isInstanceOf(AccessDeniedException.class);
        // not from this state
        assertThatThrownBy(() -> As.street().run(() -> cases.perform(id, "SUBMIT", act(d(3, 2)))))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("不能“报送区民政局审核确认”");
        // the materials are missing
        assertThatThrownBy(() -> As.street().run(() -> cases.perform(id, "ACCEPT", act(d(3, 2)))))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("缺少材料")
                .hasMessageContaining("家庭经济状况核对授权书");
        // a backdated act needs its reason; the timeline only runs forward
        assertThatThrownBy(() -> As.street()
                        .run(() -> cases.perform(id, "ACCEPT", new Cases.Act(d(3, 2), null, null, List.of()))))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("补录");
        Fixtures.attach(cases, As.street(), id, "APPLICATION", "PROMISE", "AUTHORISATION");
        assertThatThrownBy(() -> As.street().run(() -> cases.perform(id, "ACCEPT", act(d(3, 1)))))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("不能早于");
        Cases.CaseView accepted = As.street().call(() -> cases.perform(id, "ACCEPT", act(d(3, 2))));
        assertThat(accepted.state()).isEqualTo("ACCEPTED");
        assertThat(clock(accepted, "START").dueOn()).isEqualTo(d(3, 5));
        assertThat(clock(accepted, "TOTAL").dueOn()).isEqualTo(d(4, 14));
        assertThat(clock(accepted, "TOTAL").basis().text()).isEqualTo("《最低生活保障审核确认办法》第二十二条");
        // a home visit needs two people and the investigation form
        As.street().run(() -> cases.perform(id, "START_INVESTIGATION", act(d(3, 3))));
        Fixtures.attach(cases, As.street(), id, "INVESTIGATION_FORM");
        assertThatThrownBy(() -> As.street().run(() -> cases.perform(id, "HOME_VISIT", act(d(3, 4)))))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("至少 2 人");
        Cases.CaseView visited = As.street().call(() -> cases.perform(id, "HOME_VISIT", act(d(3, 4), "王社工")));
        assertThat(visited.timeline())
                .anyMatch(e -> "HOME_VISIT".equals(e.stepCode()) && e.data().contains("王社工"));
        assertThat(clock(visited, "START").finishedLate()).isFalse();
    }

    @Test
    void suspensionForMaterialsComesBeforeAcceptanceMovesItsDeadlineAndHappensOnlyOnce() {
        // Registered on 3-2; the materials are to be reviewed within 10 working days (to 3-16).
        long id = As.street()
                .call(() -> cases.open(new Cases.NewCase(
                        "EXAMPLE_APPLICATION", Fixtures.COMMUNITY, "张测试", "PERSON", null, d(3, 2), "补录", null)))
                .id();
        assertThat(clock(As.street().call(() -> cases.view(id)), "ACCEPTANCE").dueOn())
                .isEqualTo(d(3, 16));
        Cases.CaseView suspended = As.street()
                .call(() -> cases.suspend(
                        id, new Cases.Suspension(d(3, 6), "需补充提交家庭经济状况核对授权书", List.of("AUTHORISATION"), "补录")));
        assertThat(suspended.suspended()).isTrue();
        // the declared longest: 30 days to 4-5, a Sunday in the 清明 holiday (4-4 … 4-6): the next working day
        // (民法典第二百零三条)
        assertThat(suspended.suspendedUntil()).isEqualTo(d(4, 7));
        assertThat(clock(suspended, "ACCEPTANCE").status()).isEqualTo("SUSPENDED");
        assertThat(clock(suspended, "ACCEPTANCE").consumedDays()).isEqualTo(4); // 3-3 … 3-6
        assertThatThrownBy(() -> As.street().run(() -> cases.perform(id, "ACCEPT", act(d(3, 9)))))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("中止");
        Cases.CaseView resumed = As.street().call(() -> cases.resume(id, act(d(3, 16))));
        assertThat(resumed.suspended()).isFalse();
        assertThat(clock(resumed, "ACCEPTANCE").dueOn()).isEqualTo(d(3, 24)); // moved by the 6 working days suspended
        assertThat(resumed.timeline()).extracting(CaseEvent::kind).contains("SUSPEND", "RESUME");
        // 一次性告知: a second request for materials is refused
        assertThatThrownBy(() -> As.street()
                        .run(() -> cases.suspend(id, new Cases.Suspension(d(3, 17), "再补充材料", List.of(), "补录"))))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("一次性告知");
    }

    @Test
    void noSuspensionAfterAcceptance() {
        // 审核确认办法第十条: 补正 comes before 受理; nothing suspends the 30 working days once the application is accepted.
        long id = Fixtures.acceptedDibao(cases, "钱测试", d(3, 2));
        As.street().run(() -> cases.perform(id, "START_INVESTIGATION", act(d(3, 3))));
        assertThat(As.street().call(() -> cases.view(id)).suspensionOptions()).isEmpty();
        assertThatThrownBy(() -> As.street()
                        .run(() -> cases.suspend(
                                id, new Cases.Suspension(d(3, 6), "需补充提交残疾证明", List.of("VERIFICATION_REPORT"), "补录"))))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("调查核实中")
                .hasMessageContaining("第十条")
                .hasMessageContaining("只能在已登记申请阶段");
        assertThat(clock(As.street().call(() -> cases.view(id)), "TOTAL").status())
                .isEqualTo("RUNNING");
    }

    @Test
    void extensionNeedsTheApprovingRoleAndAnotherPerson() {
        long id = Fixtures.acceptedDibao(cases, "赵测试", d(3, 2));
        long total = clock(As.street().call(() -> cases.view(id)), "TOTAL").id();
        assertThatThrownBy(() -> As.street()
                        .run(() -> cases.requestExtension(id, total, new Cases.ExtensionRequest(46, "人户分离"))))
                .isInstanceOf(BusinessRuleViolation.class);
        Cases.CaseView requested = As.street()
                .call(() -> cases.requestExtension(id, total, new Cases.ExtensionRequest(45, "人户分离，调查核实困难")));
        long request = requested.extensions().get(0).id();
        assertThatThrownBy(() -> As.street().run(() -> cases.decideExtension(request, true, null)))
                .isInstanceOf(AccessDeniedException.class);
        Cases.CaseView approved = As.leader().call(() -> cases.decideExtension(request, true, "同意"));
        assertThat(clock(approved, "TOTAL").limitDays()).isEqualTo(45);
        assertThat(clock(approved, "TOTAL").dueOn()).isEqualTo(d(5, 8));
        assertThat(approved.timeline())
                .extracting(CaseEvent::kind)
                .contains("EXTENSION_REQUESTED", "EXTENSION_APPROVED");
    }

    @Test
    void aDecisionIsComputedNoticedIssuedAndReproducible() {
        long id = Fixtures.acceptedDibao(cases, "孙测试", d(3, 2));
        As.street().run(() -> cases.perform(id, "START_INVESTIGATION", act(d(3, 3))));
        Decisions.DecisionView draft =
                As.street().call(() -> decisions.draft(id, Fixtures.dibaoDraft(d(3, 10), "3", "45000", true)));
        assertThat(draft.outcome()).isEqualTo("APPROVE");
        assertThat(draft.major()).isFalse();
        assertThat(draft.result()).containsEntry("amountFen", "105000");
        assertThat(draft.articles()).extracting(Citation::text).contains("《最低生活保障审核确认办法》第二十一条");
        // a wrong outcome cannot be chosen against the rule
        assertThatThrownBy(() -> As.street()
                        .run(() -> decisions.draft(
                                id,
                                new Decisions.Draft(
                                        "REJECT",
                                        Fixtures.dibaoDraft(d(3, 10), "3", "45000", true)
                                                .facts(),
                                        "理由",
                                        List.of(),
                                        false,
                                        null,
                                        d(3, 10),
                                        "补录"))))
                .isInstanceOf(BusinessRuleViolation.class);

        Cases.CaseView published = As.street().call(() -> cases.perform(id, "PUBLISH", act(d(3, 11))));
        Notices.NoticeView notice = published.notices().get(0);
        assertThat(notice.periodEnd()).isEqualTo(d(3, 18)); // 7 calendar days
        As.street().run(() -> cases.perform(id, "SUBMIT", act(d(3, 19))));
        assertThat(clock(As.street().call(() -> cases.view(id)), "COUNTY").dueOn())
                .isEqualTo(d(4, 2));
        Cases.CaseView decided = As.officer().call(() -> cases.perform(id, "CONFIRM", act(d(3, 25))));
        Decisions.DecisionView issued = decided.decisions().get(0);
        assertThat(issued.status()).isEqualTo("ISSUED");
        assertThat(issued.documentNumber()).matches("雁民示例〔2026〕\\d+号");
        assertThat(decided.outcome()).isEqualTo("APPROVE");
        assertThat(clock(decided, "TOTAL").status()).isEqualTo("STOPPED");
        assertThat(clock(decided, "TOTAL").finishedLate()).isFalse();
        assertThat(decided.notices()).extracting(Notices.NoticeView::kind).containsExactly("PUBLICITY", "RESULT");

        Decisions.Recheck recheck = As.officer().call(() -> decisions.recheck(issued.id()));
        assertThat(recheck.reproduced()).isTrue();
        assertThat(recheck.parametersMatchRegistry()).isTrue();
        assertThat(recheck.contentIntact()).isTrue();
        assertThat(recheck.recomputedResult()).containsEntry("amountFen", "105000");

        Cases.CaseView closed = As.street().call(() -> cases.perform(id, "DELIVER", act(d(3, 26))));
        assertThat(closed.closedOn()).isEqualTo(d(3, 26));
        assertThat(closed.clocks()).allMatch(c -> c.status().equals("STOPPED"));
        assertThatThrownBy(() -> As.street().run(() -> cases.terminate(id, act(d(3, 27)))))
                .isInstanceOf(BusinessRuleViolation.class);
    }

    @Test
    void aRejectionStartsTheClockForTheWrittenNotice() {
        long id = Fixtures.acceptedDibao(cases, "周测试", d(3, 2));
        As.street().run(() -> cases.perform(id, "START_INVESTIGATION", act(d(3, 3))));
        As.street().run(() -> decisions.draft(id, Fixtures.dibaoDraft(d(3, 4), "2", "95000", true)));
        As.street().run(() -> cases.perform(id, "PUBLISH", act(d(3, 5))));
        As.street().run(() -> cases.perform(id, "SUBMIT", act(d(3, 13))));
        Cases.CaseView decided = As.officer().call(() -> cases.perform(id, "CONFIRM", act(d(3, 16))));
        assertThat(decided.outcome()).isEqualTo("REJECT");
        assertThat(clock(decided, "REJECT_NOTICE").dueOn()).isEqualTo(d(3, 19));
        assertThat(decided.notices()).extracting(Notices.NoticeView::kind).containsExactly("PUBLICITY");
    }

    @Test
    void terminationStopsTheClocksAndWithdrawsTheNotice() {
        long id = Fixtures.acceptedDibao(cases, "吴测试", d(3, 2));
        As.street().run(() -> cases.perform(id, "START_INVESTIGATION", act(d(3, 3))));
        As.street().run(() -> decisions.draft(id, Fixtures.dibaoDraft(d(3, 4), "2", "45000", true)));
        As.street().run(() -> cases.perform(id, "PUBLISH", act(d(3, 5))));
        assertThatThrownBy(() -> As.street().run(() -> cases.terminate(id, act(d(3, 6)))))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("理由");
        Cases.CaseView terminated =
                As.street().call(() -> cases.terminate(id, new Cases.Act(d(3, 6), "申请人拒不配合入户调查", "补录", List.of())));
        assertThat(terminated.state()).isEqualTo(MatterType.TERMINATED);
        assertThat(terminated.clocks()).allMatch(c -> c.status().equals("STOPPED"));
        assertThat(terminated.notices()).allMatch(n -> n.status().equals("WITHDRAWN"));
        assertThat(terminated.decisions()).allMatch(dv -> dv.status().equals("WITHDRAWN"));
    }
}
