package cn.minzheng.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Deadlines across the holidays that matter most, against the official arrangements in the bundled calendar. */
class CalendarSnapshotTest {

    private final CalendarSnapshot calendar = CalendarFixture.bundled();

    @Test
    void workingDaysSkipTheSpringFestivalAndCountTheMakeUpSaturday() {
        // 2024: 2-10..2-17 off; Sunday 2-4 and Saturday 2-18 are working days.
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 2, 4))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 2, 12))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 2, 18))).isTrue();
        // From Thursday 2-8: Fri 2-9 (1), holiday week, Sun 2-18 (2), Mon 2-19 (3).
        assertThat(calendar.deadline(LocalDate.of(2024, 2, 8), 3, DayType.WORKING))
                .isEqualTo(LocalDate.of(2024, 2, 19));
    }

    @Test
    void workingDaysAcrossNationalDay() {
        // 2026: 10-1..10-7 off; Sunday 9-20 and Saturday 10-10 are working days.
        assertThat(calendar.deadline(LocalDate.of(2026, 9, 28), 5, DayType.WORKING))
                .isEqualTo(LocalDate.of(2026, 10, 10));
        assertThat(calendar.deadline(LocalDate.of(2026, 9, 30), 1, DayType.WORKING))
                .isEqualTo(LocalDate.of(2026, 10, 8));
    }

    @Test
    void thirtyWorkingDaysForADibaoApplicationAcrossNationalDay2025() {
        // Accepted Monday 2025-09-15; 2025: 10-1..10-8 off, Sunday 9-28 and Saturday 10-11 are working days.
        LocalDate deadline = calendar.deadline(LocalDate.of(2025, 9, 15), 30, DayType.WORKING);
        assertThat(calendar.workingDaysBetween(LocalDate.of(2025, 9, 15), deadline))
                .isEqualTo(30);
        assertThat(deadline).isEqualTo(LocalDate.of(2025, 10, 31));
    }

    @Test
    void theStartDayIsNotCounted() {
        LocalDate monday = LocalDate.of(2026, 11, 23);
        assertThat(calendar.deadline(monday, 1, DayType.WORKING)).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(calendar.deadline(monday, 0, DayType.WORKING)).isEqualTo(monday);
    }

    @Test
    void aCalendarPeriodEndingOnARestDayEndsOnTheNextWorkingDay() {
        // 7 calendar days of public notice from 2024-09-26 end on 10-3, inside National Day: next working day is 10-8.
        assertThat(calendar.deadline(LocalDate.of(2024, 9, 26), 7, DayType.CALENDAR))
                .isEqualTo(LocalDate.of(2024, 10, 8));
        // Ending on an ordinary Saturday moves to Monday.
        assertThat(calendar.deadline(LocalDate.of(2026, 11, 21), 7, DayType.CALENDAR))
                .isEqualTo(LocalDate.of(2026, 11, 30));
        // Ending on a make-up Sunday stays there: it is a working day.
        assertThat(calendar.deadline(LocalDate.of(2026, 9, 13), 7, DayType.CALENDAR))
                .isEqualTo(LocalDate.of(2026, 9, 20));
    }

    @Test
    void refusesToRunPastTheLastKnownYear() {
        assertThatThrownBy(() -> calendar.deadline(LocalDate.of(2026, 12, 15), 20, DayType.WORKING))
                .isInstanceOf(CalendarUnknown.class)
                .hasMessageContaining("2027")
                .hasMessageContaining("2019–2026");
        assertThatThrownBy(() -> calendar.deadline(LocalDate.of(2026, 12, 28), 7, DayType.CALENDAR))
                .isInstanceOf(CalendarUnknown.class);
        assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.of(2018, 6, 1)))
                .isInstanceOf(CalendarUnknown.class);
    }

    @Test
    void theExtended2020SpringFestival() {
        // The State Council extended the 2020 holiday to 2-2 (Sunday); 2-3 was the first working day.
        assertThat(calendar.isWorkingDay(LocalDate.of(2020, 1, 31))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2020, 2, 1))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2020, 2, 3))).isTrue();
    }
}
