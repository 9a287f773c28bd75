package cn.minzheng.assistance;

import static cn.minzheng.assistance.Fixtures.act;
import static cn.minzheng.assistance.Fixtures.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.minzheng.assistance.Fixtures.Member;
import cn.minzheng.procedure.Cases;
import cn.minzheng.procedure.Supervision;
import cn.minzheng.resident.Relationship;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.Gender;
import cn.minzheng.test.As;
import cn.minzheng.test.TestPostgresSql;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * 临时救助: 急难型 is paid first, within the street's limit, and its paperwork is due within the parameter's working
 * days — late paperwork stands on the supervision board; 支出型 runs the full procedure and is paid when delivered;
 * above the district's cap it needs 一事一议. Every payment is counted by the statistics.
 */
@SpringBootTest
class TemporaryAidTest extends AssistanceCaseTest {

    @Autowired
    TemporaryAid temporary;

    @Autowired
    Supervision supervision;

    @Autowired
    AssistanceStatistics statistics;

    private long[] household(String name) {
        return Fixtures.household(
                registration,
                jdbc,
                Fixtures.COMMUNITY,
                Member.of(name, Gender.MALE, "1980-06-01", Relationship.HEAD),
                Member.of(name + "妻", Gender.FEMALE, "1982-06-01", Relationship.SPOUSE));
    }

    @Test
    void emergencyAidIsPaidFirstAndLatePaperworkIsOnTheSupervisionBoard() {
        long[] h = household("急难甲");
        Application a = flow.intake(As.street(), CaseKind.TEMPORARY_URGENT, h[0], null, d(7, 1), false);
        assertThat(a.state()).isEqualTo("RECEIVED");
        As.street().call(() -> assessments.draft(a.id(), d(7, 1), null, "补录", null));
        assertThatThrownBy(() -> As.street().run(() -> cases.perform(a.caseId(), "GRANT", act(d(7, 1)))))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("急难情况记录");
        flow.attach(As.street(), a.caseId(), "SITUATION_RECORD");
        Cases.CaseView granted = As.street().call(() -> cases.perform(a.caseId(), "GRANT", act(d(7, 1))));
        assertThat(granted.state()).isEqualTo("AIDED");

        // Paid at once: 1 × 800.00 × 2 people, into July's one-time register.
        TemporaryAid.Temporary aid =
                As.street().call(() -> temporary.of(a.id())).orElseThrow();
        assertThat(aid.paidFen()).isEqualTo(160_000L);
        assertThat(aid.paidOn()).isEqualTo(d(7, 1));
        assertThat(TestPostgresSql.queryForObject(
                        jdbc, "select state from payment_item where id = ?", String.class, aid.paymentItemId()))
                .isEqualTo("PAID");

        // The paperwork was due five working days later; today it is long overdue.
        Cases.ClockView paperwork = granted.clocks().stream()
                .filter(k -> k.code().equals("PAPERWORK"))
                .findFirst()
                .orElseThrow();
        assertThat(paperwork.limitDays()).isEqualTo(5);
        assertThat(paperwork.dueOn()).isEqualTo(d(7, 8));
        assertThat(paperwork.overdue()).isTrue();
        Supervision.Board board = As.officer().call(() -> supervision.board());
        assertThat(board.overdue())
                .anyMatch(
                        item -> item.caseId() == a.caseId() && item.clockName().contains("补办手续"));

        flow.attach(As.street(), a.caseId(), "APPLICATION");
        flow.attach(As.street(), a.caseId(), "RECEIPT_SIGNED");
        Cases.CaseView closed = As.street().call(() -> cases.perform(a.caseId(), "COMPLETE_PAPERWORK", act(d(7, 20))));
        assertThat(closed.state()).isEqualTo("CLOSED");
        assertThat(closed.clocks().get(0).finishedLate()).isTrue();

        // Counted by the statistics of the year.
        assertThat(As.officer().call(() -> statistics.of(2026)).rows())
                .anyMatch(r -> r.programme().equals("TEMPORARY") && r.paidFen() >= 160_000L);
    }

    @Test
    void emergencyAidAboveTheStreetsLimitCannotBeGrantedFirst() {
        long[] h = household("急难乙");
        Application a = As.street()
                .call(() -> applications.intake(new Applications.Intake(
                        CaseKind.TEMPORARY_URGENT,
                        h[0],
                        null,
                        false,
                        d(7, 1),
                        "补录",
                        false,
                        null,
                        false,
                        List.of(),
                        null,
                        new Applications.TemporaryRequest("GRAVE", 2, "交通事故致重伤，家庭无力支付"))))
                .application();
        As.street().call(() -> assessments.draft(a.id(), d(7, 1), null, "补录", null));
        flow.attach(As.street(), a.caseId(), "SITUATION_RECORD");
        assertThatThrownBy(() -> As.street().run(() -> cases.perform(a.caseId(), "GRANT", act(d(7, 1)))))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("街道审批额度");
    }

    @Test
    void expenditureAidRunsTheFullProcedureAndAboveTheCapNeedsCaseByCaseDecision() {
        long[] h = household("支出甲");
        Application a = As.street()
                .call(() -> applications.intake(new Applications.Intake(
                        CaseKind.TEMPORARY,
                        h[0],
                        null,
                        false,
                        d(7, 1),
                        "补录",
                        false,
                        null,
                        false,
                        Fixtures.materials("APPLICATION", "PROMISE", "AUTHORISATION", "EXPENSE_PROOF"),
                        null,
                        new Applications.TemporaryRequest("GRAVE", 7, "子女重病住院，医疗费自付部分远超家庭承受能力"))))
                .application();
        assertThat(a.state()).isEqualTo("INVESTIGATING");
        flow.investigate(As.street(), a, d(7, 2), List.of(), h[1], h[2]);
        As.street().call(() -> assessments.draft(a.id(), d(7, 3), null, "补录", null));
        As.street().run(() -> cases.perform(a.caseId(), "SUBMIT", act(d(7, 3))));
        // 4 × 800.00 × 7 = 22 400.00, above the district's cap of 20 000.00: 一事一议 first.
        assertThatThrownBy(() -> As.officer().run(() -> cases.perform(a.caseId(), "CONFIRM", act(d(7, 6)))))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("一事一议");
        As.officer().call(() -> temporary.recordCoordination(a.id(), "雁塔区困难群众基本生活保障工作协调机制会议纪要〔2026〕3号"));
        As.officer().run(() -> cases.perform(a.caseId(), "CONFIRM", act(d(7, 6))));
        assertThat(As.street().call(() -> temporary.of(a.id())).orElseThrow().paidFen())
                .isNull();
        As.street().run(() -> cases.perform(a.caseId(), "DELIVER", act(d(7, 7))));
        TemporaryAid.Temporary paid =
                As.street().call(() -> temporary.of(a.id())).orElseThrow();
        assertThat(paid.paidFen()).isEqualTo(2_240_000L);
        assertThat(paid.paidOn()).isEqualTo(d(7, 7));
        assertThat(TestPostgresSql.queryForObject(
                        jdbc,
                        "select count(*) from payment_item where programme_code = 'TEMPORARY' and subject_id = ?",
                        Long.class,
                        h[0]))
                .isEqualTo(1L);
    }
}
