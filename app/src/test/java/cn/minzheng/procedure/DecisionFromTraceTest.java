package cn.minzheng.procedure;

import static cn.minzheng.procedure.Fixtures.act;
import static cn.minzheng.procedure.Fixtures.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.test.As;
import cn.minzheng.test.TestDistrict;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A module computes in Java and hands the kernel the trace: the kernel re-does it and checks its parameters against
 * the registry before it becomes a decision — a forged or stale trace is refused.
 */
@SpringBootTest
class DecisionFromTraceTest {

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

    private long processingRequest() {
        long id = As.officer()
                .call(() -> cases.open(new Cases.NewCase(
                        "INFO_DISCLOSURE_REQUEST", Fixtures.COMMUNITY, "杨测试", "PERSON", null, d(7, 1), "补录", null)))
                .id();
        Fixtures.attach(cases, As.officer(), id, "REQUEST");
        As.officer().run(() -> cases.perform(id, "REGISTER", act(d(7, 2))));
        return id;
    }

    private Computation.Trace trace(ParameterValue limit, String pages) {
        Computation c = Computation.start("OGI_REPLY_CHECK", "1", d(7, 3), "610113001");
        c.parameter("limit", "答复期限", limit);
        c.fact("exists", "所申请信息存在", "BOOLEAN", "true", "档案检索");
        c.fact("pages", "页数", "COUNT", pages, "档案检索");
        c.apply("withinLimit", "答复在期限内", Computation.Op.LE, "pages", "limit");
        c.apply("disclose", "予以公开", Computation.Op.AND, "exists", "withinLimit");
        c.outcome("disclose", "DISCLOSE", "PARTIAL");
        c.result("pages");
        return c.trace();
    }

    private static Decisions.Draft draft() {
        return new Decisions.Draft(null, Map.of(), "经检索，所申请信息由本机关制作并保存。", List.of(), false, null, d(7, 3), "补录");
    }

    @Test
    void aJavaComputedTraceBecomesADecisionOnlyWhenItReproducesWithRegisteredParameters() {
        long id = processingRequest();
        ParameterValue limit = parameters.valueAsOf("OGI_REPLY_WD", Fixtures.COMMUNITY, d(7, 3));
        Decisions.DecisionView view =
                As.officer().call(() -> decisions.draftFromTrace(id, draft(), trace(limit, "12")));
        assertThat(view.outcome()).isEqualTo("DISCLOSE");
        assertThat(view.ruleCode()).isEqualTo("OGI_REPLY_CHECK");
        assertThat(view.result()).containsEntry("pages", "12");
        assertThat(As.officer().call(() -> decisions.recheck(view.id())).reproduced())
                .isTrue();

        // a trace whose step was changed
        Computation.Trace honest = trace(limit, "12");
        Computation.Trace forged = new Computation.Trace(
                honest.rule(),
                honest.version(),
                honest.asOf(),
                honest.scope(),
                honest.inputs(),
                honest.steps(),
                "PARTIAL",
                honest.outcomeFrom(),
                honest.outcomeThen(),
                honest.outcomeOtherwise(),
                honest.results());
        assertThatThrownBy(() -> As.officer().run(() -> decisions.draftFromTrace(id, draft(), forged)))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("无法重现");
        // a parameter value the registry does not hold
        ParameterValue invented = new ParameterValue(
                limit.id(),
                limit.code(),
                limit.name(),
                limit.unit(),
                limit.scopeCode(),
                BigDecimal.valueOf(60),
                limit.dayType(),
                limit.effectiveFrom(),
                limit.basis(),
                null,
                false,
                "APPROVED",
                "x",
                limit.proposedAt(),
                "x",
                "x",
                limit.decidedAt(),
                null);
        assertThatThrownBy(() -> As.officer().run(() -> decisions.draftFromTrace(id, draft(), trace(invented, "12"))))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("OGI_REPLY_WD");
    }

    @Test
    void aMatterTypeWithItsOwnComputationDoesNotTakeATraceFromOutside() {
        long id = Fixtures.acceptedDibao(cases, "柳测试", d(7, 1));
        As.street().run(() -> cases.perform(id, "START_INVESTIGATION", act(d(7, 2))));
        ParameterValue limit = parameters.valueAsOf("OGI_REPLY_WD", Fixtures.COMMUNITY, d(7, 3));
        assertThatThrownBy(() -> As.street().run(() -> decisions.draftFromTrace(id, draft(), trace(limit, "1"))))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("不接受外部计算记录");
    }
}
