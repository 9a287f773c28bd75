package cn.minzheng.procedure;

import cn.minzheng.calendar.DayType;
import java.time.LocalDate;

/** The day arithmetic clocks need; in production the working-day calendar, in rule tests a fixed calendar. */
interface Days {

    /** The last day of a period of {@code days} days counted from {@code start} (start not counted). */
    LocalDate deadline(LocalDate start, int days, DayType type);

    /** Days of the type in (from, to]; zero when {@code to} is not after {@code from}. */
    int elapsed(LocalDate from, LocalDate to, DayType type);
}
