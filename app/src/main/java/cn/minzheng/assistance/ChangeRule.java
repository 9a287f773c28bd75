package cn.minzheng.assistance;

import cn.minzheng.assistance.rules.IncomeItem;
import cn.minzheng.assistance.rules.JobRefusal;
import cn.minzheng.assistance.rules.MemberFacts;
import cn.minzheng.assistance.rules.Trace;
import cn.minzheng.procedure.Computation;
import cn.minzheng.procedure.Computation.Op;
import cn.minzheng.procedure.ParameterValue;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A change to a beneficiary's allowance after review (动态管理): the 低保 amount recomputed on the household as it now
 * is; the share of a member who refused three suitable job referrals without good reason taken off — only that
 * member's share (审核确认办法第三十四条); a grace period (渐退, ≤ the parameter's months) when work lifted income above
 * the standard (第三十三条). The outcome (维持、增发、减发、停发、渐退) follows from comparing the new amount with the old
 * one; the comparisons are steps of the trace.
 */
final class ChangeRule {

    static final String CODE = "ASSIST_CHANGE";

    /** A member who refused job referrals, and how many times in a row without good reason. */
    record Refusal(String memberName, int refusals, ParameterValue limit) {}

    /** A grace period asked for because work lifted the household's income. */
    record Grace(int months, ParameterValue maximum) {}

    record Result(Computation.Trace trace, String outcome, long newAmountFen, Integer graceMonths, Trace rulesTrace) {}

    private ChangeRule() {}

    static Result dibao(
            LocalDate on,
            String street,
            DibaoSettings p,
            List<IncomeItem> items,
            List<MemberFacts> members,
            boolean propertyWithinRules,
            String propertySource,
            long oldAmountFen,
            Refusal refusal,
            Grace grace) {
        Computation c = Computation.start(CODE, "1", on, street);
        Trace rules = DibaoRule.addSteps(c, p, on, items, members, propertyWithinRules, propertySource);
        c.fact("oldAmount", "原月保障金额", "FEN", Steps.fen(oldAmountFen), "救助状态记录（原决定）");
        boolean eligible = (Boolean) c.value("eligible");
        if (refusal != null) {
            c.parameter("refusalLimit", "连续拒绝工作介绍的次数上限", refusal.limit());
            c.fact(
                    "refusals",
                    refusal.memberName() + "连续无正当理由拒绝介绍的工作",
                    "COUNT",
                    Integer.toString(refusal.refusals()),
                    "就业介绍记录");
            Steps.apply(c, "refusalApplies", "达到次数上限", Op.GE, "refusals", "refusalLimit");
            Steps.divide(c, "share", refusal.memberName() + "本人的份额（月保障金额 ÷ 人数）", 0, "amountFen", "householdSize");
            Steps.apply(c, "reduced", "扣减其本人份额后的金额", Op.SUB, "amountFen", "share");
            Steps.apply(c, "newAmount", "新核定月保障金额（只减拒绝就业成员本人的份额）", Op.IF, "refusalApplies", "reduced", "amountFen");
            JobRefusal rule = new JobRefusal(refusal.limit().whole());
            long amount = ((BigDecimal) c.value("amountFen")).longValueExact();
            long expected = rule.applies(refusal.refusals())
                    ? rule.withoutShare(Money.fen(amount), members.size()).fen()
                    : amount;
            if (expected != ((BigDecimal) c.value("newAmount")).longValueExact()) {
                throw new IllegalStateException("拒绝就业减发的两种计算结果不一致");
            }
            rules.addAll(new Trace()
                    .add(refusal.memberName() + "：连续拒绝就业 " + refusal.refusals() + " 次", expected, rule.basis()));
        } else {
            Steps.apply(c, "newAmount", "新核定月保障金额", Op.ADD, "amountFen", "0");
        }
        Steps.apply(c, "higher", "新金额高于原金额", Op.GT, "newAmount", "oldAmount");
        Steps.apply(c, "lower", "新金额低于原金额", Op.LT, "newAmount", "oldAmount");
        String outcome;
        Integer months = null;
        if (!eligible && grace != null) {
            if (grace.months() < 1 || grace.months() > grace.maximum().whole()) {
                throw new BusinessRuleViolation("渐退期须为 1 至 " + grace.maximum().whole() + " 个月（审核确认办法第三十三条）");
            }
            c.parameter("graceMaximum", "就业渐退期上限", grace.maximum());
            c.fact("graceMonths", "给予的渐退期（月）", "COUNT", Integer.toString(grace.months()), "经办人依就业情况确定");
            Steps.apply(c, "graceAllowed", "渐退期不超过上限", Op.LE, "graceMonths", "graceMaximum");
            Steps.apply(c, "newAmountFen", "渐退期内月保障金额（维持原金额，期满停发）", Op.IF, "eligible", "newAmount", "oldAmount");
            outcome = "GRADUAL_EXIT";
            months = grace.months();
        } else {
            Steps.apply(c, "newAmountFen", "决定后的月保障金额", Op.IF, "eligible", "newAmount", "0");
            long fresh = ((BigDecimal) c.value("newAmountFen")).longValueExact();
            outcome = !eligible ? "STOP" : fresh > oldAmountFen ? "INCREASE" : fresh < oldAmountFen ? "REDUCE" : "KEEP";
        }
        c.result("newAmountFen");
        c.result("householdSize");
        if (months != null) {
            c.result("graceMonths");
        }
        return new Result(
                decided(c.trace(), outcome),
                outcome,
                ((BigDecimal) c.value("newAmountFen")).longValueExact(),
                months,
                rules);
    }

    /** The trace with the outcome the comparisons lead to (more than two outcomes: not a single yes/no condition). */
    private static Computation.Trace decided(Computation.Trace t, String outcome) {
        return new Computation.Trace(
                t.rule(),
                t.version(),
                t.asOf(),
                t.scope(),
                t.inputs(),
                t.steps(),
                outcome,
                null,
                null,
                null,
                t.results());
    }
}
