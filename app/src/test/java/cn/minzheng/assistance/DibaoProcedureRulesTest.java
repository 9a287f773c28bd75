package cn.minzheng.assistance;

import static cn.minzheng.assistance.Fixtures.act;
import static cn.minzheng.assistance.Fixtures.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.minzheng.assistance.Fixtures.Member;
import cn.minzheng.procedure.Basis;
import cn.minzheng.procedure.Cases;
import cn.minzheng.procedure.ParameterValue;
import cn.minzheng.procedure.Parameters;
import cn.minzheng.resident.Relationship;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.Gender;
import cn.minzheng.test.As;
import cn.minzheng.test.TestDistrict;
import cn.minzheng.verification.VerificationReportReady;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The procedural rules of 低保 that the kernel enforces through this module: the separate register forces the
 * confirming body's home visit; a street with delegated authority confirms in 20 working days under its own name; the
 * verification module's report, when it comes, is attached to the case without anyone typing it.
 */
@SpringBootTest
class DibaoProcedureRulesTest extends AssistanceCaseTest {

    @Autowired
    Parameters parameters;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    private long[] household(String community, String name) {
        return Fixtures.household(
                registration, jdbc, community, Member.of(name, Gender.FEMALE, "1960-04-01", Relationship.HEAD));
    }

    @Test
    void aCaseOnTheSeparateRegisterCannotBeConfirmedWithoutTheHomeVisit() {
        long[] h = household(Fixtures.COMMUNITY, "备案甲");
        Application a = flow.intake(As.street(), CaseKind.DIBAO, h[0], null, d(7, 1), true);
        assertThat(a.relativesRegister()).isTrue();
        flow.investigate(As.street(), a, d(7, 2), List.of(new Investigation.Income("备案甲", "WAGE", 30_000, null)), h[1]);
        As.street().call(() -> assessments.draft(a.id(), d(7, 3), null, "补录", null));
        As.street().run(() -> cases.perform(a.caseId(), "PUBLISH", act(d(7, 3))));
        As.street().run(() -> cases.perform(a.caseId(), "SUBMIT", act(d(7, 13))));

        assertThatThrownBy(() -> As.officer().run(() -> cases.perform(a.caseId(), "CONFIRM", act(d(7, 14)))))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("单独登记备案")
                .hasMessageContaining("入户核查");
        // The case page says so too, before anyone tries.
        Cases.ActionView confirm = As.officer().call(() -> cases.view(a.caseId())).actions().stream()
                .filter(x -> x.code().equals("CONFIRM"))
                .findFirst()
                .orElseThrow();
        assertThat(confirm.allowed()).isFalse();
        assertThat(confirm.problems()).anyMatch(p -> p.contains("单独登记备案"));

        // The district visits, two of them, with the record: then it may confirm.
        flow.attach(As.officer(), a.caseId(), "COUNTY_VISIT_RECORD");
        assertThatThrownBy(() -> As.officer().run(() -> cases.perform(a.caseId(), "RELATIVES_VISIT", act(d(7, 14)))))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("至少 2 人");
        As.officer().run(() -> cases.perform(a.caseId(), "RELATIVES_VISIT", act(d(7, 14), "区局核查员")));
        Cases.CaseView confirmed = As.officer().call(() -> cases.perform(a.caseId(), "CONFIRM", act(d(7, 15))));
        assertThat(confirmed.state()).isEqualTo("DECIDED");
    }

    @Test
    void aStreetWithDelegatedAuthorityConfirmsWithinTwentyWorkingDaysUnderItsOwnName() {
        // The district delegates 审核确认 to 大雁塔街道 only: a value of the parameter for that street.
        ParameterValue proposed = As.officer()
                .call(() -> parameters.propose(
                        "DIBAO_DELEGATED_TO_STREET",
                        new Parameters.Proposal(
                                TestDistrict.OTHER_STREET,
                                "1",
                                null,
                                d(1, 1),
                                new Basis("DIBAO_SHQR", "2"),
                                null,
                                false,
                                "区政府委托大雁塔街道审核确认低保（测试）")));
        As.leader().call(() -> parameters.approve(proposed.id(), "同意"));

        long[] delegated = household(TestDistrict.OTHER_STREET_COMMUNITY, "委托甲");
        Application a = flow.intake(As.otherStreet(), CaseKind.DIBAO, delegated[0], null, d(7, 1), false);
        assertThat(a.matterType()).isEqualTo("ASSIST_DIBAO_STREET");
        assertThat(a.delegated()).isTrue();
        Cases.ClockView total = As.otherStreet().call(() -> cases.view(a.caseId())).clocks().stream()
                .filter(k -> k.code().equals("TOTAL"))
                .findFirst()
                .orElseThrow();
        assertThat(total.limitDays()).isEqualTo(20);
        assertThat(total.maxLimitDays()).isNull();

        // A street without delegation keeps the district's 30 (extendable to 45).
        long[] ordinary = household(Fixtures.COMMUNITY, "区确认甲");
        Application b = flow.intake(As.street(), CaseKind.DIBAO, ordinary[0], null, d(7, 1), false);
        assertThat(b.matterType()).isEqualTo("ASSIST_DIBAO");
        Cases.ClockView districts = As.street().call(() -> cases.view(b.caseId())).clocks().stream()
                .filter(k -> k.code().equals("TOTAL"))
                .findFirst()
                .orElseThrow();
        assertThat(districts.limitDays()).isEqualTo(30);
        assertThat(districts.maxLimitDays()).isEqualTo(45);

        // The delegated street confirms itself; the decision is the street's, with the street's number.
        flow.investigate(
                As.otherStreet(),
                a,
                d(7, 2),
                List.of(new Investigation.Income("委托甲", "WAGE", 20_000, null)),
                delegated[1]);
        As.otherStreet().call(() -> assessments.draft(a.id(), d(7, 3), null, "补录", null));
        As.otherStreet().run(() -> cases.perform(a.caseId(), "PUBLISH", act(d(7, 3))));
        As.otherStreet().run(() -> cases.perform(a.caseId(), "SUBMIT", act(d(7, 13))));
        Cases.CaseView decided = As.otherStreet().call(() -> cases.perform(a.caseId(), "CONFIRM", act(d(7, 14))));
        assertThat(decided.decisions().stream()
                        .filter(x -> "ISSUED".equals(x.status()))
                        .findFirst()
                        .orElseThrow()
                        .documentNumber())
                .startsWith("低保确认〔2026〕");
    }

    @Test
    void theVerificationModulesReportIsAttachedWhenItArrives() {
        long[] h = household(Fixtures.COMMUNITY, "核对甲");
        Application a = flow.intake(As.street(), CaseKind.DIBAO, h[0], null, d(7, 1), false);
        // a report for a request the case did not make is not the case's (issue 13 A1); published with the report's
        // transaction, delivered after its commit on another thread — wait until it has been (completed, deleted)
        transactions.executeWithoutResult(status -> events.publishEvent(
                new VerificationReportReady(76, "case:" + a.caseId(), h[0], d(7, 6), 1, 26, 0, 1, 3)));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> cn.minzheng.test.TestPostgresSql.queryForObject(
                                jdbc, "select count(*) from event_publication", Long.class)
                        == 0);
        assertThat(As.street().call(() -> verifications.of(a.id()))).isEmpty();
        // request 77 is the one the case asked for (as 提请核对 on the case records it)
        cn.minzheng.test.TestPostgresSql.execute(
                jdbc,
                "insert into assistance_verification_asked (application_id, request_id, community_code, requester_scope,"
                        + " requested_by) values (" + a.id() + ", 77, '" + Fixtures.COMMUNITY
                        + "', '610113001', 't_street')");
        transactions.executeWithoutResult(status -> events.publishEvent(
                new VerificationReportReady(77, "case:" + a.caseId(), h[0], d(7, 6), 1, 26, 0, 1, 3)));
        List<VerificationResults.Result> results = Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> As.street().call(() -> verifications.of(a.id())), r -> !r.isEmpty());
        assertThat(results).hasSize(1);
        assertThat(results.get(0).manual()).isFalse();
        assertThat(results.get(0).recordsCompared()).isEqualTo(26);
        // The same report twice is attached once.
        transactions.executeWithoutResult(status -> events.publishEvent(
                new VerificationReportReady(77, "case:" + a.caseId(), h[0], d(7, 6), 1, 26, 0, 1, 3)));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from event_publication where completion_date is null", Long.class)
                        == 0);
        assertThat(As.street().call(() -> verifications.of(a.id()))).hasSize(1);
    }
}
