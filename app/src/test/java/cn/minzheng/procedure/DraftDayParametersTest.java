package cn.minzheng.procedure;

import static cn.minzheng.procedure.Fixtures.act;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.test.As;
import cn.minzheng.test.TestDistrict;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Issue 11 A5: a decision is computed with the parameters in force on the day it is made. A household of three with a
 * per-capita income of 450.00 is drafted in May under the 800.00 standard: (800 − 450) × 3 = 1,050.00. The standard
 * rises to 850.00 from 1 June; confirming in June refuses the stale draft and shows what changed and what the
 * computation now gives — (850 − 450) × 3 = 1,200.00 — and a new draft is issued with 1,200.00.
 */
@SpringBootTest
class DraftDayParametersTest {

    @Autowired
    TestDistrict district;

    @Autowired
    Cases cases;

    @Autowired
    Decisions decisions;

    @Autowired
    Parameters parameters;

    @BeforeEach
    void setUp() {
        district.ensure();
    }

    private static LocalDate d(int month, int day) {
        return LocalDate.of(2026, month, day);
    }

    @Test
    void aDraftComputedBeforeTheStandardChangedIsRecomputedBeforeItIsIssued() {
        long id = Fixtures.acceptedDibao(cases, "参数测试", d(5, 4));
        As.street().run(() -> cases.perform(id, "START_INVESTIGATION", act(d(5, 5))));
        Decisions.DecisionView drafted =
                As.street().call(() -> decisions.draft(id, Fixtures.dibaoDraft(d(5, 6), "3", "45000", true)));
        assertThat(drafted.result()).containsEntry("amountFen", "105000");
        As.street().run(() -> cases.perform(id, "PUBLISH", act(d(5, 7))));
        As.street().run(() -> cases.perform(id, "SUBMIT", act(d(5, 15))));

        // From 1 June the city's standard is 850.00.
        ParameterValue proposed = As.officer()
                .call(() -> parameters.propose(
                        "DIBAO_STD_URBAN",
                        new Parameters.Proposal(
                                "610113",
                                "850.00",
                                null,
                                d(6, 1),
                                Basis.of("SHJZ_ZXBF", "10"),
                                null,
                                false,
                                "市民政局公布的新标准（测试）")));
        As.leader().call(() -> parameters.approve(proposed.id(), "同意"));

        assertThat(As.officer().call(() -> cases.view(id)).decisions().get(0).staleSince())
                .singleElement()
                .asString()
                .contains("800.00 元")
                .contains("850.00 元");
        assertThatThrownBy(() -> As.officer().run(() -> cases.perform(id, "CONFIRM", act(d(6, 2)))))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("起草时 800.00 元，2026年6月1日起为 850.00 元")
                .hasMessageContaining("由 1,050.00 元 变为 1,200.00 元")
                .hasMessageContaining("重新计算");

        // Recomputed with the day's parameters, the decision is made with the new amount.
        As.officer().call(() -> decisions.draft(id, Fixtures.dibaoDraft(d(6, 2), "3", "45000", true)));
        Cases.CaseView confirmed = As.officer().call(() -> cases.perform(id, "CONFIRM", act(d(6, 2))));
        Decisions.DecisionView issued = confirmed.decisions().stream()
                .filter(x -> "ISSUED".equals(x.status()))
                .findFirst()
                .orElseThrow();
        assertThat(issued.result()).containsEntry("amountFen", "120000");
    }
}
