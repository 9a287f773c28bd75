package cn.minzheng.assistance;

import static cn.minzheng.assistance.Fixtures.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.minzheng.assistance.Fixtures.Member;
import cn.minzheng.procedure.Decisions;
import cn.minzheng.resident.Relationship;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.Gender;
import cn.minzheng.test.As;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Issue 11 A9: property is judged against the local rules in force, never "any amount found". With the registered
 * example rule (financial assets up to 24 months of the 800.00 standard per counted member: 24 × 800 × 3 = 57,600.00
 * for three people), savings of 20,000.00 are within the rules and the household is approved; 60,000.00 are not, and the
 * draft says so in words. A caseworker may judge otherwise only with a reason, which the decision then states.
 */
@SpringBootTest
class PropertyJudgementTest extends AssistanceCaseTest {

    private Application applicant(String name) {
        long[] ids = Fixtures.household(
                registration,
                jdbc,
                Fixtures.COMMUNITY,
                Member.of(name + "甲", Gender.MALE, "1981-03-01", Relationship.HEAD),
                Member.of(name + "乙", Gender.FEMALE, "1983-05-01", Relationship.SPOUSE),
                Member.of(name + "丙", Gender.FEMALE, "2015-02-01", Relationship.CHILD));
        Application a = flow.intake(As.street(), CaseKind.DIBAO, ids[0], null, d(9, 1), false);
        Fixtures.authorise(authorisations, d(9, 1), "DIBAO", ids[1], ids[2], ids[3]);
        As.street().run(() -> cases.perform(a.caseId(), "START_INVESTIGATION", Fixtures.act(d(9, 2))));
        As.street().run(() -> cases.perform(a.caseId(), "REQUEST_VERIFICATION", Fixtures.act(d(9, 2))));
        return a;
    }

    private Investigations.NewInvestigation visit(String name, long savingsFen, Boolean within, String judgement) {
        return new Investigations.NewInvestigation(
                d(9, 3),
                List.of("街道调查员", "社区调查员"),
                List.of(),
                List.of(new Investigation.Income(name + "甲", "WAGE", 120_000, null)),
                new Investigation.Property(savingsFen, List.of(), 1, 0, false, false),
                within,
                judgement,
                false,
                List.of(),
                List.of(),
                null,
                null);
    }

    private void verified(Application a) {
        As.street()
                .call(() -> verifications.recordManual(
                        a.id(), new VerificationResults.ManualResult(d(9, 4), 3, 9, 0, 0, 0, "人工查询存款，与申报一致")));
    }

    @Test
    void savingsUnderTheLimitAreWithinTheRules() {
        Application a = applicant("财产甲");
        Investigation inv = As.street().call(() -> investigations.record(a.id(), visit("财产甲", 2_000_000, null, null)));
        assertThat(inv.propertyWithinRules()).isTrue();
        verified(a);
        Decisions.DecisionView draft = As.street().call(() -> assessments.draft(a.id(), d(9, 5), null, "补录", null));
        assertThat(draft.outcome()).isEqualTo("APPROVE");
        assertThat(draft.reasons()).contains("家庭财产状况符合规定").contains("月人均收入 400.00 元");
    }

    @Test
    void savingsOverTheLimitFailTheDraftWhichSaysWhy() {
        Application a = applicant("财产乙");
        Investigation inv = As.street().call(() -> investigations.record(a.id(), visit("财产乙", 6_000_000, null, null)));
        assertThat(inv.propertyWithinRules()).isFalse();
        verified(a);
        Decisions.DecisionView draft = As.street().call(() -> assessments.draft(a.id(), d(9, 5), null, "补录", null));
        assertThat(draft.outcome()).isEqualTo("REJECT");
        assertThat(draft.reasons())
                .contains("家庭金融资产 60,000.00 元，超过限额 57,600.00 元")
                .contains("以下条件不满足：家庭财产状况符合规定")
                .doesNotContain("低保标准不满足");
    }

    @Test
    void aCaseworkerJudgingOtherwiseMustSayWhy() {
        Application a = applicant("财产丙");
        assertThatThrownBy(() ->
                        As.street().call(() -> investigations.record(a.id(), visit("财产丙", 6_000_000, true, null))))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("超过限额")
                .hasMessageContaining("须写明理由");
        As.street()
                .call(() -> investigations.record(
                        a.id(), visit("财产丙", 6_000_000, true, "存款中 40,000.00 元为成员重病手术的专项借款，须于年内归还")));
        verified(a);
        Decisions.DecisionView draft = As.street().call(() -> assessments.draft(a.id(), d(9, 5), null, "补录", null));
        assertThat(draft.outcome()).isEqualTo("APPROVE");
        assertThat(draft.reasons()).contains("经办人对家庭财产状况的研判意见：存款中 40,000.00 元为成员重病手术的专项借款");
    }
}
