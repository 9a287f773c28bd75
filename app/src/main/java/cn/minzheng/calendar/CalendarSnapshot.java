package cn.minzheng.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * An immutable copy of the calendar: which years are known and which dates are exceptions. All arithmetic is done
 * here, without the database, so it can be tested exhaustively.
 */
record CalendarSnapshot(NavigableSet<Integer> knownYears, Map<LocalDate, DayKind> exceptions) {

    CalendarSnapshot {
        knownYears = new TreeSet<>(knownYears);
        exceptions = Map.copyOf(exceptions);
    }

    boolean knows(LocalDate date) {
        return knownYears.contains(date.getYear());
    }

    /** Working day: a make-up working day, or a Monday–Friday that is not a holiday. */
    boolean isWorkingDay(LocalDate date) {
        require(date);
        DayKind kind = exceptions.get(date);
        if (kind != null) {
            return kind == DayKind.MAKEUP_WORKDAY;
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }

    /**
     * The last day of a period of {@code days} days starting on {@code start}.
     *
     * <p>Working days: the start date is not counted; the period ends on the Nth working day after it. Calendar days:
     * the period ends N days after the start, moved to the next working day when that is a rest day (民法典 第二百零三条:
     * 期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日).
     */
    LocalDate deadline(LocalDate start, int days, DayType type) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative");
        }
        if (type == DayType.WORKING) {
            LocalDate date = start;
            int counted = 0;
            while (counted < days) {
                date = date.plusDays(1);
                if (isWorkingDay(date)) {
                    counted++;
                }
            }
            return date;
        }
        LocalDate date = start.plusDays(days);
        while (!isWorkingDay(date)) {
            date = date.plusDays(1);
        }
        return date;
    }

    /**
     * A deadline to show while the calendar does not know a year the period reaches: the days of known years follow
     * the official arrangement, those of unknown years count Saturdays and Sundays as the only rest days. Never used
     * for a legal effect — only shown, marked as provisional, until the year's arrangement is imported.
     */
    LocalDate provisionalDeadline(LocalDate start, int days, DayType type) {
        if (type == DayType.WORKING) {
            LocalDate date = start;
            int counted = 0;
            while (counted < days) {
                date = date.plusDays(1);
                if (provisionallyWorking(date)) {
                    counted++;
                }
            }
            return date;
        }
        LocalDate date = start.plusDays(days);
        while (!provisionallyWorking(date)) {
            date = date.plusDays(1);
        }
        return date;
    }

    private boolean provisionallyWorking(LocalDate date) {
        if (knows(date)) {
            return isWorkingDay(date);
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }

    /** Working days in (from, to]: how many working days of a period have passed between two dates. */
    int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
            if (isWorkingDay(date)) {
                count++;
            }
        }
        return count;
    }

    String knownRange() {
        if (knownYears.isEmpty()) {
            return "无";
        }
        int first = knownYears.first();
        int last = knownYears.last();
        boolean contiguous = knownYears.size() == last - first + 1;
        return contiguous ? first + "–" + last + " 年" : knownYears + " 年";
    }

    private void require(LocalDate date) {
        if (!knows(date)) {
            throw new CalendarUnknown(date.getYear(), knownRange());
        }
    }
}
