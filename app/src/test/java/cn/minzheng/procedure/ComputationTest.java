package cn.minzheng.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.minzheng.shared.BusinessRuleViolation;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** A decision's trace reproduces its result, and a trace that was changed does not. */
class ComputationTest {

    private static ParameterValue standard(long fen) {
        return new ParameterValue(
                7,
                "DIBAO_STD_URBAN",
                "城市低保标准",
                "FEN",
                "610113",
                BigDecimal.valueOf(fen),
                null,
                LocalDate.of(2021, 7, 1),
                Basis.of("SHJZ_ZXBF", "10"),
                null,
                true,
                "APPROVED",
                "system",
                Instant.EPOCH,
                "seed",
                "system",
                Instant.EPOCH,
                null);
    }

    private static Computation.Trace dibao(long standard, long income, int size, boolean assets) {
        Computation c = Computation.start("DIBAO_AMOUNT", "1", LocalDate.of(2026, 3, 2), "610113001");
        c.parameter("standard", "城市低保标准", standard(standard));
        c.fact("income", "家庭月人均收入", "FEN", Long.toString(income), "核对报告");
        c.fact("size", "家庭人数", "COUNT", Integer.toString(size), "入户调查");
        c.fact("assets", "财产符合规定", "BOOLEAN", Boolean.toString(assets), "核对报告");
        c.apply("gap", "差额", Computation.Op.SUB, "standard", "income");
        c.apply("below", "收入低于标准", Computation.Op.GT, "gap", "0");
        c.apply("eligible", "符合条件", Computation.Op.AND, "below", "assets");
        c.apply("monthly", "差额×人数", Computation.Op.MUL, "gap", "size");
        c.apply("amountFen", "月保障金额", Computation.Op.IF, "eligible", "monthly", "0");
        c.outcome("eligible", "APPROVE", "REJECT");
        c.result("amountFen");
        return c.trace();
    }

    @Test
    void aRecordedComputationIsRedoneStepByStep() {
        Computation.Trace trace = dibao(80_000, 45_000, 3, true);
        assertThat(trace.outcome()).isEqualTo("APPROVE");
        assertThat(trace.results()).containsEntry("amountFen", "105000");
        Computation.Replay replay = Computation.replay(trace);
        assertThat(replay.reproduced()).isTrue();
        assertThat(replay.outcome()).isEqualTo("APPROVE");
        assertThat(replay.results()).containsEntry("amountFen", "105000");
        assertThat(Computation.explain(trace))
                .contains("差额 = 城市低保标准 800.00 元 － 家庭月人均收入 450.00 元 = 350.00 元")
                .contains("月保障金额 = 符合条件 是时取差额×人数 1,050.00 元，否则取0 = 1,050.00 元");
    }

    @Test
    void aChoiceIsExplainedByItsLabelNotItsCode() {
        Computation c = Computation.start("PENALTY", "1", LocalDate.of(2026, 3, 2), "610113001");
        c.fact("penaltyKind", "行政处罚的种类", "CHOICE", "FINE", "经办人依调查核实录入");
        c.apply("revokes", "吊销许可证件", Computation.Op.EQ, "penaltyKind", "'REVOKE_LICENCE'");
        c.outcome("revokes", "REVOKE", "FINE");
        Computation.Trace trace = c.trace();
        var choices = java.util.Map.of("penaltyKind", java.util.Map.of("FINE", "罚款", "REVOKE_LICENCE", "吊销许可证件"));

        assertThat(Computation.explain(trace, choices))
                .containsExactly("行政处罚的种类：罚款（经办人依调查核实录入）", "吊销许可证件 = 行政处罚的种类 罚款 ＝ “吊销许可证件” = 否")
                .noneMatch(line -> line.contains("FINE") || line.contains("REVOKE_LICENCE"));
        // without the labels the codes are what the trace holds: the labels are what changes the sentence
        assertThat(Computation.explain(trace)).anyMatch(line -> line.contains("FINE"));
    }

    @Test
    void aTraceWhoseStepWasChangedIsNotReproduced() {
        Computation.Trace trace = dibao(80_000, 45_000, 3, true);
        List<Computation.Operation> steps = new ArrayList<>(trace.steps());
        Computation.Operation monthly = steps.get(3);
        steps.set(
                3,
                new Computation.Operation(
                        monthly.out(), monthly.label(), monthly.op(), monthly.args(), null, "150000"));
        Computation.Trace forged = new Computation.Trace(
                trace.rule(),
                trace.version(),
                trace.asOf(),
                trace.scope(),
                trace.inputs(),
                steps,
                trace.outcome(),
                trace.outcomeFrom(),
                trace.outcomeThen(),
                trace.outcomeOtherwise(),
                java.util.Map.of("amountFen", "150000"));
        Computation.Replay replay = Computation.replay(forged);
        assertThat(replay.reproduced()).isFalse();
        assertThat(replay.differences()).anyMatch(d -> d.contains("monthly")).anyMatch(d -> d.contains("amountFen"));
    }

    @Test
    void aTraceWhoseOutcomeWasChangedIsNotReproduced() {
        Computation.Trace trace = dibao(80_000, 90_000, 2, true);
        assertThat(trace.outcome()).isEqualTo("REJECT");
        Computation.Trace forged = new Computation.Trace(
                trace.rule(),
                trace.version(),
                trace.asOf(),
                trace.scope(),
                trace.inputs(),
                trace.steps(),
                "APPROVE",
                trace.outcomeFrom(),
                trace.outcomeThen(),
                trace.outcomeOtherwise(),
                trace.results());
        assertThat(Computation.replay(forged).reproduced()).isFalse();
    }

    @Property(tries = 300)
    void everyTraceReproducesItsOwnResult(
            @ForAll @IntRange(min = 0, max = 500_000) int standard,
            @ForAll @IntRange(min = 0, max = 500_000) int income,
            @ForAll @IntRange(min = 1, max = 12) int size,
            @ForAll boolean assets) {
        Computation.Trace trace = dibao(standard, income, size, assets);
        Computation.Replay replay = Computation.replay(trace);
        assertThat(replay.reproduced()).isTrue();
        long expected = assets && standard > income ? (long) (standard - income) * size : 0;
        assertThat(replay.results().get("amountFen")).isEqualTo(Long.toString(expected));
    }

    @Test
    void divisionRoundsHalfUpToTheDeclaredScaleAndRefusesZero() {
        Computation c = Computation.start("R", "1", LocalDate.of(2026, 1, 5), "610113");
        c.fact("a", "a", "NUMBER", "10", null);
        c.fact("b", "b", "NUMBER", "4", null);
        c.fact("z", "z", "NUMBER", "0", null);
        assertThat(c.apply("q", "q", Computation.Op.DIV, 0, List.of("a", "b"))).isEqualTo(new BigDecimal("3"));
        assertThat(c.apply("r", "r", Computation.Op.DIV, 1, List.of("a", "b"))).isEqualTo(new BigDecimal("2.5"));
        assertThatThrownBy(() -> c.apply("x", "x", Computation.Op.DIV, 0, List.of("a", "z")))
                .isInstanceOf(BusinessRuleViolation.class);
        assertThatThrownBy(() -> c.apply("y", "y", Computation.Op.ADD, "a", "undefined"))
                .isInstanceOf(BusinessRuleViolation.class);
    }
}
