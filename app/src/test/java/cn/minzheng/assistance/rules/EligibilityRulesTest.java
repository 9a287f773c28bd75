package cn.minzheng.assistance.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.minzheng.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EligibilityRulesTest {

    private static final LocalDate ON = LocalDate.of(2026, 11, 1);
    private static final Money STANDARD = Money.yuan(800);

    @Test
    void careGradeFromTheSixActivities() {
        assertThat(CareGrade.of(new CareGrade.Activities(true, true, true, true, true, true)))
                .isEqualTo(CareGrade.SELF_CARE);
        assertThat(CareGrade.of(new CareGrade.Activities(false, true, true, true, true, true)))
                .isEqualTo(CareGrade.PARTIAL);
        assertThat(CareGrade.of(new CareGrade.Activities(false, false, false, true, true, true)))
                .isEqualTo(CareGrade.PARTIAL);
        assertThat(CareGrade.of(new CareGrade.Activities(false, false, false, false, true, true)))
                .isEqualTo(CareGrade.FULL);
        assertThat(CareGrade.of(new CareGrade.Activities(false, false, false, false, false, false))
                        .common())
                .isEqualTo("全失能");
    }

    @Test
    void tekunNeedsAllThreeConditions() {
        TekunEligibility rule = new TekunEligibility();
        MemberFacts elder =
                new MemberFacts("孤老", LocalDate.of(1950, 3, 1), MemberFacts.DisabilityCategory.NONE, 0, false, false);
        TekunEligibility.Supporter unableSon = new TekunEligibility.Supporter("子", false, true, 62, true, false, false);
        TekunEligibility.Supporter ableSon = new TekunEligibility.Supporter("子", false, false, 45, false, false, false);
        assertThat(rule.assess(elder, ON, Money.yuan(300), STANDARD, true, List.of(), false)
                        .eligible())
                .isTrue();
        assertThat(rule.assess(elder, ON, Money.yuan(300), STANDARD, true, List.of(unableSon), false)
                        .eligible())
                .isTrue();
        assertThat(rule.assess(elder, ON, Money.yuan(300), STANDARD, true, List.of(ableSon), false)
                        .eligible())
                .isFalse();
        assertThat(rule.assess(elder, ON, Money.yuan(900), STANDARD, true, List.of(), false)
                        .eligible())
                .isFalse();
        assertThat(rule.assess(elder, ON, Money.yuan(300), STANDARD, false, List.of(), false)
                        .eligible())
                .isFalse();

        MemberFacts worker =
                new MemberFacts("青年", LocalDate.of(1990, 3, 1), MemberFacts.DisabilityCategory.NONE, 0, false, true);
        assertThat(rule.assess(worker, ON, Money.ZERO, STANDARD, true, List.of(), false)
                        .eligible())
                .isFalse();
        MemberFacts disabled = new MemberFacts(
                "残疾", LocalDate.of(1990, 3, 1), MemberFacts.DisabilityCategory.PHYSICAL, 2, false, false);
        assertThat(rule.assess(disabled, ON, Money.ZERO, STANDARD, true, List.of(), false)
                        .eligible())
                .isTrue();
        MemberFacts grade3 = new MemberFacts(
                "三级", LocalDate.of(1990, 3, 1), MemberFacts.DisabilityCategory.PHYSICAL, 3, false, false);
        assertThat(rule.assess(grade3, ON, Money.ZERO, STANDARD, true, List.of(), false)
                        .eligible())
                .isFalse();
    }

    @Test
    void aMinorChoosingChildWelfareIsNotTekun() {
        MemberFacts child =
                new MemberFacts("孩子", LocalDate.of(2016, 3, 1), MemberFacts.DisabilityCategory.NONE, 0, false, false);
        TekunEligibility.Result result =
                new TekunEligibility().assess(child, ON, Money.ZERO, STANDARD, true, List.of(), true);
        assertThat(result.eligible()).isFalse();
        assertThat(result.trace().toString()).contains("第九条");
    }

    @Test
    void theEdgeLineIsOneAndAHalfTimesTheStandardAndIllMembersMayApplyAlone() {
        HouseholdIncome income = new HouseholdIncome(Set.of());
        DibaoEdge rule = new DibaoEdge();
        MemberFacts ill =
                new MemberFacts("病人", LocalDate.of(1970, 1, 1), MemberFacts.DisabilityCategory.NONE, 0, true, false);
        MemberFacts well =
                new MemberFacts("家属", LocalDate.of(1972, 1, 1), MemberFacts.DisabilityCategory.NONE, 0, false, true);
        DibaoEdge.Result edge = rule.assess(
                income.assess(List.of(IncomeItem.of("家属", IncomeKind.WAGE, Money.yuan(2000))), 2),
                STANDARD,
                new BigDecimal("1.5"),
                true,
                List.of(ill, well));
        assertThat(edge.edge()).isTrue(); // 1000 per person: ≥ 800 and < 1200
        assertThat(edge.singlePersonDibao()).containsExactly("病人");
        assertThat(rule.assess(
                                income.assess(List.of(IncomeItem.of("家属", IncomeKind.WAGE, Money.yuan(2400))), 2),
                                STANDARD,
                                new BigDecimal("1.5"),
                                true,
                                List.of(ill, well))
                        .edge())
                .isFalse();
        assertThat(rule.assess(
                                income.assess(List.of(IncomeItem.of("家属", IncomeKind.WAGE, Money.yuan(1000))), 2),
                                STANDARD,
                                new BigDecimal("1.5"),
                                true,
                                List.of(ill, well))
                        .edge())
                .as("below the standard it is a 低保 case")
                .isFalse();
    }

    @Test
    void rigidExpenseHardshipTestsIncomeAndTheExpenseRatio() {
        RigidExpenseHardship rule = new RigidExpenseHardship();
        RigidExpenseHardship.Result result = rule.assess(
                false,
                Money.yuan(2000),
                Money.yuan(3500),
                true,
                Money.yuan(60_000),
                Map.of(
                        RigidExpenseHardship.Expense.MEDICAL,
                        Money.yuan(30_000),
                        RigidExpenseHardship.Expense.EDUCATION,
                        Money.yuan(10_000)),
                new BigDecimal("0.6"));
        assertThat(result.ratio()).isEqualByComparingTo("0.6667");
        assertThat(result.qualifies()).isTrue();
        assertThat(rule.assess(
                                false,
                                Money.yuan(2000),
                                Money.yuan(3500),
                                true,
                                Money.yuan(60_000),
                                Map.of(RigidExpenseHardship.Expense.MEDICAL, Money.yuan(30_000)),
                                new BigDecimal("0.6"))
                        .qualifies())
                .isFalse();
        assertThat(rule.assess(
                                true,
                                Money.yuan(2000),
                                Money.yuan(3500),
                                true,
                                Money.yuan(60_000),
                                Map.of(RigidExpenseHardship.Expense.MEDICAL, Money.yuan(50_000)),
                                new BigDecimal("0.6"))
                        .qualifies())
                .as("already in 低保, 特困 or 低保边缘")
                .isFalse();
    }

    @Test
    void propertyFindingsAreFlagsForADecisionNotRefusals() {
        HouseholdProperty rule = new HouseholdProperty(24, Set.of(PropertyFacts.Vehicle.ELECTRIC_BIKE), 1);
        HouseholdProperty.Assessment fine = rule.assess(
                new PropertyFacts(
                        Money.yuan(30_000),
                        List.of(PropertyFacts.Vehicle.DISABILITY_MOBILITY, PropertyFacts.Vehicle.ELECTRIC_BIKE),
                        1,
                        0,
                        false,
                        false),
                STANDARD,
                2);
        assertThat(fine.withinRules()).isTrue();
        HouseholdProperty.Assessment flagged = rule.assess(
                new PropertyFacts(Money.yuan(40_000), List.of(PropertyFacts.Vehicle.ORDINARY), 2, 1, false, false),
                STANDARD,
                2);
        assertThat(flagged.withinRules()).isFalse();
        assertThat(flagged.findings()).hasSize(4).allMatch(f -> f.basis().contains("第十四条"));
    }

    @Test
    void reviewsAreDueYearlyOrHalfYearly() {
        ReviewSchedule schedule = ReviewSchedule.national();
        LocalDate last = LocalDate.of(2026, 3, 15);
        assertThat(schedule.nextReview(last, false, false, false)).isEqualTo(LocalDate.of(2027, 3, 15));
        assertThat(schedule.nextReview(last, false, true, false)).isEqualTo(LocalDate.of(2026, 9, 15));
        assertThat(schedule.nextReview(last, false, false, true)).isEqualTo(LocalDate.of(2026, 9, 15));
        assertThat(schedule.nextReview(last, true, true, true)).isEqualTo(LocalDate.of(2027, 3, 15));
    }

    @Test
    void gradualExitIsAtMostSixMonths() {
        assertThat(new GradualExit(6).lastPaidMonth(YearMonth.of(2026, 10), 6)).isEqualTo(YearMonth.of(2027, 4));
        assertThatThrownBy(() -> new GradualExit(6).lastPaidMonth(YearMonth.of(2026, 10), 7))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GradualExit(7)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void threeRefusedReferralsCostTheMemberTheirShareOnly() {
        JobRefusal rule = new JobRefusal(3);
        assertThat(rule.applies(2)).isFalse();
        assertThat(rule.applies(3)).isTrue();
        assertThat(rule.withoutShare(Money.yuan(1350), 3)).isEqualTo(Money.yuan(900));
    }

    @Test
    void temporaryAssistanceApprovalDependsOnTheAmount() {
        TemporaryAssistance rule = new TemporaryAssistance(
                Map.of(
                        TemporaryAssistance.Severity.GENERAL,
                        new BigDecimal("1"),
                        TemporaryAssistance.Severity.SERIOUS,
                        new BigDecimal("3"),
                        TemporaryAssistance.Severity.GRAVE,
                        new BigDecimal("6")),
                Money.yuan(3000),
                Money.yuan(20_000));
        TemporaryAssistance.Result small =
                rule.assess(TemporaryAssistance.Kind.EMERGENCY, TemporaryAssistance.Severity.GENERAL, 2, STANDARD);
        assertThat(small.amount()).isEqualTo(Money.yuan(1600));
        assertThat(small.approver()).isEqualTo(TemporaryAssistance.Approver.STREET);
        assertThat(small.helpFirst()).isTrue();
        assertThat(rule.assess(TemporaryAssistance.Kind.EXPENDITURE, TemporaryAssistance.Severity.SERIOUS, 2, STANDARD)
                        .approver())
                .isEqualTo(TemporaryAssistance.Approver.DISTRICT);
        assertThat(rule.assess(TemporaryAssistance.Kind.EXPENDITURE, TemporaryAssistance.Severity.GRAVE, 5, STANDARD)
                        .approver())
                .isEqualTo(TemporaryAssistance.Approver.CASE_BY_CASE);
    }
}
