package cn.minzheng.assistance;

import cn.minzheng.assistance.rules.HouseholdIncome;
import cn.minzheng.assistance.rules.IncomeItem;
import cn.minzheng.assistance.rules.RigidExpenseHardship;
import cn.minzheng.assistance.rules.Trace;
import cn.minzheng.procedure.Computation;
import cn.minzheng.procedure.Computation.Op;
import cn.minzheng.procedure.ParameterValue;
import cn.minzheng.shared.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 刚性支出困难家庭认定 (《刚性支出困难家庭认定办法》第四条、第五条) as a kernel computation, checked against
 * {@link RigidExpenseHardship}. The household income of the 12 months before the application is the assessed monthly
 * income × the look-back months (a parameter).
 */
final class RigidRule {

    static final String CODE = "ASSIST_RIGID";

    record Result(Computation computation, boolean qualifies, Trace rulesTrace) {}

    private RigidRule() {}

    static Result compute(
            LocalDate on,
            String street,
            List<IncomeItem> items,
            int members,
            Map<RigidExpenseHardship.Expense, Money> expenses,
            boolean alreadyDibaoTekunOrEdge,
            boolean propertyWithinRules,
            String propertySource,
            ParameterValue localIncome,
            ParameterValue lookback,
            ParameterValue ratioLine) {
        Computation c = Computation.start(CODE, "1", on, street);
        HouseholdMeans.add(c, items, members, "入户调查和家庭经济状况核对");
        c.parameter("lookback", "刚性支出统计期（申请前月数）", lookback);
        Steps.apply(c, "annualIncome", "统计期内家庭总收入（月收入 × 月数）", Op.MUL, "monthlyIncome", "lookback");
        List<String> names = new ArrayList<>();
        for (Map.Entry<RigidExpenseHardship.Expense, Money> e : expenses.entrySet()) {
            String name = "expense" + e.getKey().name();
            c.fact(
                    name,
                    "近12个月" + e.getKey().label(),
                    "FEN",
                    Steps.fen(e.getValue().fen()),
                    "票据和调查核实（第五条）");
            names.add(name);
        }
        Steps.sum(c, "expenseTotal", "近12个月刚性支出合计", names);
        c.parameter("ratioLine", "刚性支出占家庭总收入比例标准", ratioLine);
        Money monthly = new HouseholdIncome(Set.of()).assess(items, members).monthly();
        Money annual = monthly.times(lookback.whole());
        if (annual.isZero()) {
            Steps.apply(c, "ratioMet", "家庭无收入而有刚性支出", Op.GT, "expenseTotal", "0");
        } else {
            Steps.divide(c, "ratio", "刚性支出占家庭总收入的比例", 4, "expenseTotal", "annualIncome");
            Steps.apply(c, "ratioMet", "比例超过当地标准", Op.GT, "ratio", "ratioLine");
        }
        c.parameter("localIncome", "上年度当地居民人均可支配收入（按月）", localIncome);
        Steps.apply(c, "incomeMet", "人均月收入低于当地居民人均可支配收入", Op.LT, "perCapitaIncome", "localIncome");
        c.fact("notOther", "未纳入低保、特困，未认定为低保边缘", "BOOLEAN", Steps.bool(!alreadyDibaoTekunOrEdge), "救助状态记录");
        c.fact("propertyOk", "家庭财产状况符合规定", "BOOLEAN", Steps.bool(propertyWithinRules), propertySource);
        c.apply("qualifies", "认定为刚性支出困难家庭", Op.AND, null, List.of("notOther", "incomeMet", "propertyOk", "ratioMet"));
        c.outcome("qualifies", "APPROVE", "REJECT");
        c.result("expenseTotal");
        c.result("annualIncome");

        HouseholdIncome.Assessment income = new HouseholdIncome(Set.of()).assess(items, members);
        RigidExpenseHardship.Result checked = new RigidExpenseHardship()
                .assess(
                        alreadyDibaoTekunOrEdge,
                        income.perCapita(),
                        Money.fen(localIncome.fen()),
                        propertyWithinRules,
                        annual,
                        expenses,
                        ratioLine.value());
        boolean qualifies = (Boolean) c.value("qualifies");
        if (checked.qualifies() != qualifies) {
            throw new IllegalStateException("刚性支出困难认定的两种计算结果不一致");
        }
        return new Result(c, qualifies, checked.trace());
    }
}
