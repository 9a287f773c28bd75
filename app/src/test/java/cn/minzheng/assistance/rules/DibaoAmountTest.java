package cn.minzheng.assistance.rules;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.shared.Money;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class DibaoAmountTest {

    private static final LocalDate ON = LocalDate.of(2026, 11, 1);
    private static final Money STANDARD = Money.yuan(800);

    private final HouseholdIncome income = new HouseholdIncome(Set.of());
    private final DibaoAmount amount = new DibaoAmount();

    private static MemberFacts adult(String name) {
        return new MemberFacts(name, LocalDate.of(1980, 5, 1), MemberFacts.DisabilityCategory.NONE, 0, false, true);
    }

    private static MemberFacts elder(String name) {
        return new MemberFacts(name, LocalDate.of(1950, 5, 1), MemberFacts.DisabilityCategory.NONE, 0, false, false);
    }

    private static MemberFacts child(String name) {
        return new MemberFacts(name, LocalDate.of(2015, 5, 1), MemberFacts.DisabilityCategory.NONE, 0, false, false);
    }

    @Example
    void theGapMethodPaysTheDifferenceForEveryMember() {
        HouseholdIncome.Assessment assessed = income.assess(
                List.of(
                        IncomeItem.of("甲", IncomeKind.WAGE, Money.yuan(1200)),
                        IncomeItem.of("甲", IncomeKind.SCHOLARSHIP, Money.yuan(500)),
                        IncomeItem.of("乙", IncomeKind.EMPLOYMENT_COST, Money.yuan(150))),
                3);
        assertThat(assessed.monthly()).isEqualTo(Money.yuan(1050));
        assertThat(assessed.perCapita()).isEqualTo(Money.yuan(350));
        DibaoAmount.Result result = amount.compute(
                DibaoParameters.gap(STANDARD), assessed, List.of(adult("甲"), adult("乙"), child("丙")), ON);
        assertThat(result.qualifies()).isTrue();
        assertThat(result.monthly()).isEqualTo(Money.yuan(1350)); // (800 − 350) × 3
        assertThat(result.trace().toString()).contains("奖学金（不计入）", "必要的就业成本（扣减）", "差额法", "第二十三条", "第十三条");
    }

    @Example
    void theGapIsComputedExactlyAndRoundedOnceAtTheEnd() {
        // 1 000.01 for 3: per capita 333.3367 shows as 333.34, but the gap is 800 × 3 − 1 000.01 = 1 399.99
        // (rounding the per-capita figure first would give (800 − 333.34) × 3 = 1 399.98)
        HouseholdIncome.Assessment assessed =
                income.assess(List.of(IncomeItem.of("甲", IncomeKind.WAGE, Money.fen(100_001))), 3);
        assertThat(assessed.perCapita()).isEqualTo(Money.fen(33_334));
        assertThat(amount.compute(DibaoParameters.gap(STANDARD), assessed, List.of(), ON)
                        .monthly())
                .isEqualTo(Money.fen(139_999));
        // 2 399.99 for 3 is 799.9967 a head: below the standard, although it shows as 800.00
        HouseholdIncome.Assessment justBelow =
                income.assess(List.of(IncomeItem.of("甲", IncomeKind.WAGE, Money.fen(239_999))), 3);
        DibaoAmount.Result result = amount.compute(DibaoParameters.gap(STANDARD), justBelow, List.of(), ON);
        assertThat(result.qualifies()).isTrue();
        assertThat(result.monthly()).isEqualTo(Money.fen(1));
    }

    @Example
    void noAllowanceWhenIncomeReachesTheStandard() {
        HouseholdIncome.Assessment assessed =
                income.assess(List.of(IncomeItem.of("甲", IncomeKind.WAGE, Money.yuan(1600))), 2);
        DibaoAmount.Result result =
                amount.compute(DibaoParameters.gap(STANDARD), assessed, List.of(adult("甲"), adult("乙")), ON);
        assertThat(result.qualifies()).isFalse();
        assertThat(result.monthly()).isEqualTo(Money.ZERO);
    }

    @Example
    void surchargesForTheElderlyMinorsDisabledAndIllTheHighestOneEach() {
        DibaoParameters parameters = new DibaoParameters(
                STANDARD,
                DibaoParameters.Method.GAP,
                List.of(),
                Map.of(
                        DibaoParameters.Surcharge.ELDERLY,
                        Money.yuan(80),
                        DibaoParameters.Surcharge.MINOR,
                        Money.yuan(60),
                        DibaoParameters.Surcharge.SEVERE_DISABILITY,
                        Money.yuan(120)),
                false,
                60,
                Money.ZERO,
                100,
                RoundingMode.HALF_UP);
        MemberFacts disabledElder = new MemberFacts(
                "丁", LocalDate.of(1950, 1, 1), MemberFacts.DisabilityCategory.PHYSICAL, 1, false, false);
        HouseholdIncome.Assessment assessed =
                income.assess(List.of(IncomeItem.of("甲", IncomeKind.WAGE, Money.fen(100_050))), 3);
        DibaoAmount.Result result =
                amount.compute(parameters, assessed, List.of(disabledElder, child("丙"), adult("甲")), ON);
        // per capita 333.50; base (800 − 333.50) × 3 = 1399.50; surcharges 120 (highest of the elder's) + 60 = 180;
        // 1579.50 rounded half up to the yuan = 1580.
        assertThat(result.base()).isEqualTo(Money.fen(139_950));
        assertThat(result.surcharges()).isEqualTo(Money.yuan(180));
        assertThat(result.monthly()).isEqualTo(Money.yuan(1580));
    }

    @Example
    void theTieredMethodPaysTheTierAmount() {
        DibaoParameters parameters = new DibaoParameters(
                STANDARD,
                DibaoParameters.Method.TIERED,
                List.of(
                        new DibaoParameters.Tier(Money.yuan(200), Money.yuan(700)),
                        new DibaoParameters.Tier(Money.yuan(500), Money.yuan(450)),
                        new DibaoParameters.Tier(Money.yuan(800), Money.yuan(200))),
                Map.of(),
                false,
                60,
                Money.ZERO,
                1,
                RoundingMode.HALF_UP);
        HouseholdIncome.Assessment assessed =
                income.assess(List.of(IncomeItem.of("甲", IncomeKind.WAGE, Money.yuan(1200))), 4);
        assertThat(amount.compute(parameters, assessed, List.of(), ON).monthly())
                .isEqualTo(Money.yuan(1800)); // 300/人 → 450 × 4
    }

    @Example
    void theMinimumPerPersonLiftsASmallGap() {
        DibaoParameters parameters = new DibaoParameters(
                STANDARD,
                DibaoParameters.Method.GAP,
                List.of(),
                Map.of(),
                false,
                60,
                Money.yuan(80),
                1,
                RoundingMode.HALF_UP);
        HouseholdIncome.Assessment assessed =
                income.assess(List.of(IncomeItem.of("甲", IncomeKind.WAGE, Money.yuan(1560))), 2);
        assertThat(amount.compute(parameters, assessed, List.of(), ON).monthly())
                .isEqualTo(Money.yuan(160));
    }

    @Property
    void theGapMethodFillsEveryMemberUpToTheStandard(
            @ForAll @LongRange(min = 0, max = 2_000_000) long incomeFen,
            @ForAll @IntRange(min = 1, max = 8) int members) {
        HouseholdIncome.Assessment assessed =
                income.assess(List.of(IncomeItem.of("甲", IncomeKind.WAGE, Money.fen(incomeFen))), members);
        DibaoAmount.Result result = amount.compute(DibaoParameters.gap(STANDARD), assessed, List.of(), ON);
        if (assessed.monthly().lessThan(STANDARD.times(members))) {
            // exactly the gap of the household: no fen lost or gained by rounding the per-capita figure on the way
            assertThat(result.monthly().plus(assessed.monthly())).isEqualTo(STANDARD.times(members));
        } else {
            assertThat(result.monthly()).isEqualTo(Money.ZERO);
        }
        assertThat(result.monthly().isNegative()).isFalse();
    }

    @Property
    void moreIncomeNeverMeansMoreAllowance(
            @ForAll @LongRange(min = 0, max = 500_000) long incomeFen,
            @ForAll @LongRange(min = 0, max = 100_000) long more,
            @ForAll @IntRange(min = 1, max = 6) int members) {
        Money lower = amount.compute(
                        DibaoParameters.gap(STANDARD),
                        income.assess(List.of(IncomeItem.of("甲", IncomeKind.WAGE, Money.fen(incomeFen))), members),
                        List.of(),
                        ON)
                .monthly();
        Money higher = amount.compute(
                        DibaoParameters.gap(STANDARD),
                        income.assess(
                                List.of(IncomeItem.of("甲", IncomeKind.WAGE, Money.fen(incomeFen + more))), members),
                        List.of(),
                        ON)
                .monthly();
        assertThat(higher).isLessThanOrEqualTo(lower);
    }

    @Property
    void theTraceReproducesTheResult(
            @ForAll @LongRange(min = 0, max = 500_000) long incomeFen,
            @ForAll @IntRange(min = 1, max = 6) int members) {
        List<IncomeItem> items = List.of(IncomeItem.of("甲", IncomeKind.WAGE, Money.fen(incomeFen)));
        DibaoAmount.Result first =
                amount.compute(DibaoParameters.gap(STANDARD), income.assess(items, members), List.of(elder("乙")), ON);
        DibaoAmount.Result again =
                amount.compute(DibaoParameters.gap(STANDARD), income.assess(items, members), List.of(elder("乙")), ON);
        assertThat(again.monthly()).isEqualTo(first.monthly());
        assertThat(again.trace().steps()).isEqualTo(first.trace().steps());
    }
}
