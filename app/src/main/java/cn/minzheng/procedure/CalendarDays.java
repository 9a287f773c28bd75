package cn.minzheng.procedure;

import cn.minzheng.calendar.DayType;
import cn.minzheng.calendar.WorkingCalendar;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Component;

/** {@link Days} on the platform's working-day calendar (holidays and make-up working days, 调休). */
@Component
class CalendarDays implements Days {

    private final WorkingCalendar calendar;

    CalendarDays(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public LocalDate deadline(LocalDate start, int days, DayType type) {
        return calendar.deadline(start, days, type);
    }

    @Override
    public LocalDate provisionalDeadline(LocalDate start, int days, DayType type) {
        return calendar.provisionalDeadline(start, days, type);
    }

    @Override
    public int elapsed(LocalDate from, LocalDate to, DayType type) {
        if (!to.isAfter(from)) {
            return 0;
        }
        return type == DayType.WORKING
                ? calendar.workingDaysBetween(from, to)
                : (int) ChronoUnit.DAYS.between(from, to);
    }
}
