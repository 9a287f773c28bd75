package cn.minzheng.assistance.rules;

import cn.minzheng.shared.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * 低保金额: the gap method (标准 × 人数 − 家庭月收入, computed exactly: the per-capita figure is never rounded on the way)
 * or the tiered method, then the extra support for the elderly, minors, the severely disabled and the seriously ill,
 * then the rounding rule, once, at the end — all parameters. The trace shows each step with its article.
 */
public final class DibaoAmount {

    public record Result(boolean qualifies, Money base, Money surcharges, Money monthly, Trace trace) {}

    public Result compute(
            DibaoParameters p, HouseholdIncome.Assessment income, List<MemberFacts> members, LocalDate on) {
        Trace trace = new Trace().addAll(income.trace());
        trace.add("低保标准（每人每月）", p.standard(), Articles.ELIGIBILITY);
        int count = income.members();
        Money line = p.standard().times(count);
        // income per head below the standard ⇔ household income below standard × members: compared exactly
        if (!income.monthly().lessThan(line)) {
            trace.add(
                    "人均月收入不低于低保标准，不符合收入条件",
                    income.monthly() + " ≥ " + p.standard() + " × " + count,
                    Articles.ELIGIBILITY);
            return new Result(false, Money.ZERO, Money.ZERO, Money.ZERO, trace);
        }
        Money base;
        if (p.method() == DibaoParameters.Method.GAP) {
            base = line.minus(income.monthly());
            trace.add(
                    "差额法：低保标准 × 人数 − 家庭月收入",
                    p.standard() + " × " + count + " − " + income.monthly() + " = " + base,
                    Articles.AMOUNT);
        } else {
            DibaoParameters.Tier tier = p.tiers().stream()
                    .filter(t -> income.monthly().lessThan(t.below().times(count)))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("分档法的档次没有覆盖人均收入 " + income.perCapita()));
            base = tier.perPerson().times(count);
            trace.add(
                    "分档法：人均月收入低于 " + tier.below() + " 的档次，每人 " + tier.perPerson() + " × " + count,
                    base,
                    Articles.AMOUNT);
        }
        Money floor = p.minimumPerPerson().times(count);
        if (base.lessThan(floor)) {
            trace.add("低于保底金额（每人 " + p.minimumPerPerson() + "），按保底", floor, Articles.AMOUNT);
            base = floor;
        }
        Money surcharges = Money.ZERO;
        for (MemberFacts member : members) {
            Money extra = surchargeOf(p, member, on, trace);
            surcharges = surcharges.plus(extra);
        }
        Money total = base.plus(surcharges);
        Money rounded = total.roundTo(p.roundingUnitFen(), p.rounding());
        trace.add("分类施保加发合计", surcharges, Articles.EXTRA_SUPPORT)
                .add("月低保金（" + unitName(p.roundingUnitFen()) + "位" + roundingName(p) + "）", rounded, Articles.AMOUNT);
        return new Result(true, base, surcharges, rounded, trace);
    }

    private static Money surchargeOf(DibaoParameters p, MemberFacts member, LocalDate on, Trace trace) {
        Set<DibaoParameters.Surcharge> applicable = EnumSet.noneOf(DibaoParameters.Surcharge.class);
        int age = member.ageOn(on);
        if (age >= p.elderlyAge()) {
            applicable.add(DibaoParameters.Surcharge.ELDERLY);
        }
        if (age < 18) {
            applicable.add(DibaoParameters.Surcharge.MINOR);
        }
        if (member.severelyDisabled()) {
            applicable.add(DibaoParameters.Surcharge.SEVERE_DISABILITY);
        }
        if (member.seriouslyIll()) {
            applicable.add(DibaoParameters.Surcharge.SERIOUS_ILLNESS);
        }
        List<Money> amounts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (DibaoParameters.Surcharge surcharge : applicable) {
            Money amount = p.surcharges().getOrDefault(surcharge, Money.ZERO);
            if (!amount.isZero()) {
                amounts.add(amount);
                names.add(surcharge.label());
            }
        }
        if (amounts.isEmpty()) {
            return Money.ZERO;
        }
        Money extra = p.surchargesAdd()
                ? amounts.stream().reduce(Money.ZERO, Money::plus)
                : amounts.stream().max(Money::compareTo).orElse(Money.ZERO);
        trace.add(
                member.name() + "：分类施保（" + String.join("、", names) + (p.surchargesAdd() ? "，累加" : "，就高不重复") + "）",
                extra,
                Articles.EXTRA_SUPPORT);
        return extra;
    }

    private static String unitName(long unit) {
        return unit == 1 ? "分" : unit == 10 ? "角" : "元";
    }

    private static String roundingName(DibaoParameters p) {
        return switch (p.rounding()) {
            case HALF_UP -> "四舍五入";
            case UP, CEILING -> "进位";
            case DOWN, FLOOR -> "舍去";
            default -> p.rounding().name();
        };
    }
}
