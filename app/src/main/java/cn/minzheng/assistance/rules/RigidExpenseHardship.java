package cn.minzheng.assistance.rules;

import cn.minzheng.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * 刚性支出困难家庭认定 (《刚性支出困难家庭认定办法》第四条、第五条, in force 2025-01-01): not in 低保, 特困 or 低保边缘;
 * per-capita income below last year's local per-capita disposable income; property within the local rule; and the
 * rigid expenses of the 12 months before the application exceed the local share of the household's income.
 */
public final class RigidExpenseHardship {

    public enum Expense {
        LIVING("生活支出"),
        MEDICAL("医疗支出（扣除各类报销后）"),
        EDUCATION("教育支出"),
        REHABILITATION("残疾康复支出"),
        OTHER("县级民政部门认定的其他支出");

        private final String label;

        Expense(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Result(boolean qualifies, BigDecimal ratio, Trace trace) {}

    /**
     * @param annualIncome household income of the 12 months before the application
     * @param expenses rigid expenses of the same 12 months, by kind
     * @param localDisposableIncome last year's local per-capita disposable income, per month
     * @param ratioLine the local ratio the expenses must exceed (a parameter; e.g. 0.6)
     */
    public Result assess(
            boolean alreadyDibaoTekunOrEdge,
            Money perCapitaMonthlyIncome,
            Money localDisposableIncome,
            boolean propertyWithinRule,
            Money annualIncome,
            Map<Expense, Money> expenses,
            BigDecimal ratioLine) {
        Trace trace = new Trace();
        Money total = expenses.values().stream().reduce(Money.ZERO, Money::plus);
        expenses.forEach((kind, amount) -> trace.add("近12个月" + kind.label(), amount, Articles.RIGID));
        trace.add("近12个月刚性支出合计", total, Articles.RIGID).add("近12个月家庭总收入", annualIncome, Articles.RIGID);
        BigDecimal ratio = annualIncome.isZero()
                ? null
                : BigDecimal.valueOf(total.fen())
                        .divide(BigDecimal.valueOf(annualIncome.fen()), 4, RoundingMode.HALF_UP);
        boolean ratioMet = ratio == null ? total.greaterThan(Money.ZERO) : ratio.compareTo(ratioLine) > 0;
        trace.add("刚性支出占家庭总收入比例", ratio == null ? "家庭无收入" : ratio.toPlainString(), Articles.RIGID)
                .add("当地规定比例", ratioLine.toPlainString(), Articles.RIGID);
        boolean incomeMet = perCapitaMonthlyIncome.lessThan(localDisposableIncome);
        trace.add("人均月收入低于上年度当地居民人均可支配收入（" + localDisposableIncome + "）", incomeMet ? "是" : "否", Articles.RIGID)
                .add("未纳入低保、特困、低保边缘", alreadyDibaoTekunOrEdge ? "否" : "是", Articles.RIGID)
                .add("财产状况符合规定", propertyWithinRule ? "是" : "否", Articles.RIGID);
        boolean qualifies = !alreadyDibaoTekunOrEdge && incomeMet && propertyWithinRule && ratioMet;
        trace.add("结论", qualifies ? "认定为刚性支出困难家庭" : "不认定为刚性支出困难家庭", Articles.RIGID);
        return new Result(qualifies, ratio, trace);
    }
}
