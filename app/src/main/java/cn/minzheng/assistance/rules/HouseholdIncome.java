package cn.minzheng.assistance.rules;

import cn.minzheng.shared.Money;
import java.math.RoundingMode;
import java.util.List;
import java.util.Set;

/**
 * 家庭收入认定 (《最低生活保障审核确认办法》第十三条): counted income minus the allowed deductions; what the law does not count
 * (and what the city excludes on top, a parameter) is listed and left out. The per-capita figure divides by the members
 * who count (第七条) and rounds half up to the fen.
 */
public final class HouseholdIncome {

    /** The result, with every item's treatment in the trace. */
    public record Assessment(
            Money counted, Money excluded, Money deducted, Money monthly, int members, Money perCapita, Trace trace) {}

    private final Set<IncomeKind> alsoExcluded;

    /** @param alsoExcluded kinds a prefecture-level city or above excludes in addition (a parameter) */
    public HouseholdIncome(Set<IncomeKind> alsoExcluded) {
        this.alsoExcluded = Set.copyOf(alsoExcluded);
    }

    public Assessment assess(List<IncomeItem> items, int members) {
        if (members <= 0) {
            throw new IllegalArgumentException("共同生活的家庭成员至少一人");
        }
        Trace trace = new Trace();
        Money counted = Money.ZERO;
        Money excluded = Money.ZERO;
        Money deducted = Money.ZERO;
        for (IncomeItem item : items) {
            IncomeKind.Treatment treatment = alsoExcluded.contains(item.kind())
                    ? IncomeKind.Treatment.EXCLUDED
                    : item.kind().treatment();
            String who = item.member() == null ? "" : item.member() + "：";
            switch (treatment) {
                case COUNTED -> {
                    counted = counted.plus(item.monthly());
                    trace.add(who + item.kind().label() + "（计入）", item.monthly(), Articles.INCOME);
                }
                case EXCLUDED -> {
                    excluded = excluded.plus(item.monthly());
                    trace.add(who + item.kind().label() + "（不计入）", item.monthly(), Articles.INCOME);
                }
                case DEDUCTED -> {
                    deducted = deducted.plus(item.monthly());
                    trace.add(who + item.kind().label() + "（扣减）", item.monthly(), Articles.INCOME);
                }
            }
        }
        Money monthly = counted.minus(deducted).atLeastZero();
        Money perCapita = monthly.dividedBy(members, RoundingMode.HALF_UP);
        trace.add("家庭月收入（计入 − 扣减，不低于零）", monthly, Articles.INCOME)
                .add("共同生活的家庭成员", members + " 人", Articles.HOUSEHOLD_MEMBERS)
                .add("人均月收入（四舍五入到分）", perCapita, Articles.INCOME);
        return new Assessment(counted, excluded, deducted, monthly, members, perCapita, trace);
    }
}
