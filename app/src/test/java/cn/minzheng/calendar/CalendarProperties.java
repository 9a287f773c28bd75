package cn.minzheng.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of deadline arithmetic that any correct calendar satisfies, on every date of the known years. */
class CalendarProperties {

    private final CalendarSnapshot calendar = CalendarFixture.bundled();

    @Provide
    Arbitrary<LocalDate> knownDates() {
        return Arbitraries.integers()
                .between(0, (int) (LocalDate.of(2026, 6, 30).toEpochDay()
                        - LocalDate.of(2019, 1, 1).toEpochDay()))
                .map(offset -> LocalDate.of(2019, 1, 1).plusDays(offset));
    }

    @Property
    void aWorkingDayPeriodEndsOnAWorkingDayAfterExactlyNWorkingDays(
            @ForAll("knownDates") LocalDate start, @ForAll @IntRange(min = 1, max = 60) int days) {
        LocalDate deadline = calendar.deadline(start, days, DayType.WORKING);
        assertThat(calendar.isWorkingDay(deadline)).isTrue();
        assertThat(deadline).isAfter(start);
        assertThat(calendar.workingDaysBetween(start, deadline)).isEqualTo(days);
        assertThat(calendar.workingDaysBetween(start, deadline.minusDays(1))).isEqualTo(days - 1);
    }

    @Property
    void oneMoreWorkingDayNeverEndsEarlier(
            @ForAll("knownDates") LocalDate start, @ForAll @IntRange(min = 0, max = 60) int days) {
        LocalDate shorter = calendar.deadline(start, days, DayType.WORKING);
        LocalDate longer = calendar.deadline(start, days + 1, DayType.WORKING);
        assertThat(longer).isAfter(shorter);
        assertThat(calendar.deadline(shorter, 1, DayType.WORKING)).isEqualTo(longer);
    }

    @Property
    void aCalendarPeriodEndsOnTheFirstWorkingDayOnOrAfterStartPlusN(
            @ForAll("knownDates") LocalDate start, @ForAll @IntRange(min = 1, max = 60) int days) {
        LocalDate deadline = calendar.deadline(start, days, DayType.CALENDAR);
        LocalDate nominal = start.plusDays(days);
        assertThat(deadline).isAfterOrEqualTo(nominal);
        assertThat(calendar.isWorkingDay(deadline)).isTrue();
        for (LocalDate d = nominal; d.isBefore(deadline); d = d.plusDays(1)) {
            assertThat(calendar.isWorkingDay(d))
                    .as("%s lies between the nominal end and the deadline", d)
                    .isFalse();
        }
    }

    @Property
    void countingAndTestingDaysAgree(@ForAll("knownDates") LocalDate start) {
        int working = calendar.workingDaysBetween(start, start.plusDays(7));
        assertThat(working).isBetween(0, 7);
        int counted = 0;
        for (int i = 1; i <= 7; i++) {
            if (calendar.isWorkingDay(start.plusDays(i))) {
                counted++;
            }
        }
        assertThat(working).isEqualTo(counted);
    }
}
