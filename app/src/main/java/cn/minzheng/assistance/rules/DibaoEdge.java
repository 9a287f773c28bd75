package cn.minzheng.assistance.rules;

import cn.minzheng.shared.Money;
import java.math.BigDecimal;
import java.util.List;

/**
 * 低保边缘家庭: not eligible for 低保, per-capita income below {@code multiplier} × 低保标准 (1.5 nationally), property within
 * the local rule. Its seriously ill and severely disabled members may be enrolled in 低保 on their own (单人户,
 * 《最低生活保障审核确认办法》第八条).
 */
public final class DibaoEdge {

    public record Result(boolean edge, List<String> singlePersonDibao, Trace trace) {}

    public Result assess(
            HouseholdIncome.Assessment income,
            Money standard,
            BigDecimal multiplier,
            boolean propertyWithinRule,
            List<MemberFacts> members) {
        Trace trace = new Trace();
        Money line = standard.times(multiplier);
        trace.add("低保边缘收入线（" + multiplier.toPlainString() + " × 低保标准）", line, Articles.DIBAO_EDGE);
        boolean aboveDibao = !income.perCapita().lessThan(standard);
        boolean belowLine = income.perCapita().lessThan(line);
        trace.add("人均月收入", income.perCapita(), Articles.INCOME);
        boolean edge = aboveDibao && belowLine && propertyWithinRule;
        trace.add("不符合低保收入条件", aboveDibao ? "是" : "否（应按低保审核）", Articles.ELIGIBILITY)
                .add("低于低保边缘收入线", belowLine ? "是" : "否", Articles.DIBAO_EDGE)
                .add("财产状况符合规定", propertyWithinRule ? "是" : "否", Articles.DIBAO_EDGE);
        List<String> single = edge
                ? members.stream()
                        .filter(m -> m.severeForSingleApplication() || m.seriouslyIll())
                        .map(MemberFacts::name)
                        .toList()
                : List.of();
        single.forEach(name -> trace.add(name + "：重病或重度残疾，可单独申请纳入低保", "单人户", Articles.SINGLE_APPLICATION));
        trace.add("结论", edge ? "认定为低保边缘家庭" : "不认定为低保边缘家庭", Articles.DIBAO_EDGE);
        return new Result(edge, single, trace);
    }
}
