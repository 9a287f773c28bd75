package cn.minzheng.assistance;

import cn.minzheng.assistance.rules.DibaoEdge;
import cn.minzheng.assistance.rules.HouseholdIncome;
import cn.minzheng.assistance.rules.IncomeItem;
import cn.minzheng.assistance.rules.MemberFacts;
import cn.minzheng.assistance.rules.Trace;
import cn.minzheng.procedure.Computation;
import cn.minzheng.procedure.Computation.Op;
import cn.minzheng.procedure.ParameterValue;
import cn.minzheng.shared.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * 低保边缘家庭 (2022年兜底保障通知第二部分; 审核确认办法第八条) as a kernel computation, checked against {@link DibaoEdge}:
 * not eligible for 低保, per-capita income below the multiplier (1.5) × the 低保标准, property within the rules. Names
 * the seriously ill and severely disabled members who may apply for 低保 on their own.
 */
final class EdgeRule {

    static final String CODE = "ASSIST_EDGE";

    record Result(Computation computation, boolean edge, List<String> singlePersonDibao, Trace rulesTrace) {}

    private EdgeRule() {}

    static Result compute(
            LocalDate on,
            String street,
            List<IncomeItem> items,
            List<MemberFacts> members,
            boolean propertyWithinRules,
            String propertySource,
            ParameterValue standard,
            ParameterValue multiplier) {
        Computation c = Computation.start(CODE, "1", on, street);
        HouseholdMeans.add(c, items, members.size(), "入户调查和家庭经济状况核对");
        c.parameter("standard", "低保标准（每人每月）", standard);
        c.parameter("multiplier", "低保边缘收入线（低保标准的倍数）", multiplier);
        Steps.apply(c, "lineExact", "低保边缘收入线（低保标准 × 倍数）", Op.MUL, "standard", "multiplier");
        c.apply("edgeLine", "低保边缘收入线（四舍五入到分）", Op.ROUND, 0, List.of("lineExact"));
        Steps.apply(c, "notDibao", "人均收入不低于低保标准（不符合低保收入条件）", Op.GE, "perCapitaIncome", "standard");
        Steps.apply(c, "belowLine", "人均收入低于低保边缘收入线", Op.LT, "perCapitaIncome", "edgeLine");
        c.fact("propertyOk", "家庭财产状况符合规定", "BOOLEAN", Steps.bool(propertyWithinRules), propertySource);
        c.apply("edge", "认定为低保边缘家庭", Op.AND, null, List.of("notDibao", "belowLine", "propertyOk"));
        c.outcome("edge", "APPROVE", "REJECT");
        c.result("perCapitaIncome");
        c.result("edgeLine");

        HouseholdIncome.Assessment income = new HouseholdIncome(Set.of()).assess(items, members.size());
        DibaoEdge.Result checked = new DibaoEdge()
                .assess(income, Money.fen(standard.fen()), multiplier.value(), propertyWithinRules, members);
        boolean edge = (Boolean) c.value("edge");
        if (checked.edge() != edge) {
            throw new IllegalStateException("低保边缘认定的两种计算结果不一致");
        }
        return new Result(c, edge, checked.singlePersonDibao(), checked.trace());
    }
}
