package cn.minzheng.marriage;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.minzheng.shared.BusinessRuleViolation;
import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The legal ages and the release window, without Spring: any birth date, any appointment date. */
class BookingRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    @Provide
    Arbitrary<LocalDate> births() {
        return Arbitraries.integers()
                .between(0, 365 * 40)
                .map(days -> LocalDate.of(1970, 1, 1).plusDays(days));
    }

    @Property
    void aMarriageIsAllowedExactlyFromTheTwentySecondAndTwentiethBirthdays(
            @ForAll("births") LocalDate manBirth,
            @ForAll("births") LocalDate womanBirth,
            @ForAll @IntRange(min = 0, max = 90) int ahead) {
        LocalDate date = TODAY.plusDays(ahead);
        var man = BookingRules.party("甲方", new Party("张三", Couples.idNumber(manBirth, true, 1)), TODAY);
        var woman = BookingRules.party("乙方", new Party("李四", Couples.idNumber(womanBirth, false, 2)), TODAY);
        boolean ofAge = !manBirth.plusYears(22).isAfter(date)
                && !womanBirth.plusYears(20).isAfter(date);
        if (ofAge) {
            assertThatCode(() -> BookingRules.requireCouple(AppointmentKind.MARRIAGE, man, woman, date, 22, 20))
                    .doesNotThrowAnyException();
            // The order of the parties does not matter.
            assertThatCode(() -> BookingRules.requireCouple(AppointmentKind.MARRIAGE, woman, man, date, 22, 20))
                    .doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> BookingRules.requireCouple(AppointmentKind.MARRIAGE, man, woman, date, 22, 20))
                    .isInstanceOf(BusinessRuleViolation.class)
                    .hasMessageContaining("第一千零四十七条");
        }
        // A divorce asks no age.
        assertThatCode(() -> BookingRules.requireCouple(AppointmentKind.DIVORCE, man, woman, date, 22, 20))
                .doesNotThrowAnyException();
    }

    @Property
    void onlyDatesFromTodayToTheReleaseHorizonCanBeBooked(@ForAll @IntRange(min = -400, max = 400) int offset) {
        LocalDate date = TODAY.plusDays(offset);
        if (offset >= 0 && offset <= 90) {
            assertThatCode(() -> BookingRules.requireInWindow(date, TODAY, 90)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> BookingRules.requireInWindow(date, TODAY, 90))
                    .isInstanceOf(BusinessRuleViolation.class);
        }
    }

    @Property
    void twoMenOrTwoWomenCannotBookAMarriage(@ForAll boolean men) {
        var a = BookingRules.party("甲方", new Party("张三", Couples.idNumber(LocalDate.of(1990, 1, 1), men, 1)), TODAY);
        var b = BookingRules.party("乙方", new Party("李四", Couples.idNumber(LocalDate.of(1991, 1, 1), men, 2)), TODAY);
        assertThatThrownBy(() -> BookingRules.requireCouple(AppointmentKind.MARRIAGE, a, b, TODAY, 22, 20))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("男女双方");
    }
}
