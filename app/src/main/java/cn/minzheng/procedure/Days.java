package cn.minzheng.procedure;

import cn.minzheng.calendar.DayType;
import java.time.LocalDate;

/** The day arithmetic clocks need; in production the working-day calendar, in rule tests a fixed calendar. */
interface Days {

    /** The last day of a period of {@code days} days counted from {@code start} (start not counted). */
    LocalDate deadline(LocalDate start, int days, DayType type);

    /** Days of the type in (from, to]; zero when {@code to} is not after {@code from}. */
    int elapsed(LocalDate from, LocalDate to, DayType type);

    /**
     * A deadline to show, marked provisional, while the calendar lacks a year the period reaches: rest days of unknown
     * years are Saturdays and Sundays only. Without a calendar, every year is counted that way.
     */
    default LocalDate provisionalDeadline(LocalDate start, int days, DayType type) {
        LocalDate date = start;
        if (type == DayType.CALENDAR) {
            date = start.plusDays(days);
        } else {
            for (int counted = 0; counted < days; ) {
                date = date.plusDays(1);
                if (date.getDayOfWeek().getValue() < 6) {
                    counted++;
                }
            }
        }
        while (date.getDayOfWeek().getValue() >= 6) {
            date = date.plusDays(1);
        }
        return date;
    }
}
