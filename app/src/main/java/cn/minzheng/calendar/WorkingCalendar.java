package cn.minzheng.calendar;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The working-day calendar every deadline is computed on. Reads are served from an in-memory snapshot, reloaded when
 * an import (here or on another instance) changes the calendar.
 */
@Service
public class WorkingCalendar {

    private final JdbcClient jdbc;
    private volatile Loaded loaded;

    private record Loaded(String version, CalendarSnapshot snapshot) {}

    WorkingCalendar(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isWorkingDay(LocalDate date) {
        return snapshot().isWorkingDay(date);
    }

    /**
     * The deadline of a period of {@code days} working or calendar days from {@code start}; refused with
     * {@link CalendarUnknown} when it needs a year the calendar does not know.
     */
    public LocalDate deadline(LocalDate start, int days, DayType type) {
        return snapshot().deadline(start, days, type);
    }

    /**
     * A deadline for display only while a year it reaches is not yet in the calendar: unknown years count only
     * weekends as rest days. Shown as provisional (暂定), never used for a legal effect.
     */
    public LocalDate provisionalDeadline(LocalDate start, int days, DayType type) {
        return snapshot().provisionalDeadline(start, days, type);
    }

    /** Whether the official arrangement of the year has been imported. */
    public boolean knowsYear(int year) {
        return snapshot().knownYears().contains(year);
    }

    /** Working days in (from, to]. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        return snapshot().workingDaysBetween(from, to);
    }

    public List<Integer> knownYears() {
        return List.copyOf(snapshot().knownYears());
    }

    CalendarSnapshot snapshot() {
        record Version(long years, Timestamp latest) {}
        Version version = jdbc.sql("select count(*) as years, max(imported_at) as latest from calendar_year")
                .query(Version.class)
                .single();
        String key = version.years() + "/" + version.latest();
        Loaded current = loaded;
        if (current == null || !current.version().equals(key)) {
            current = new Loaded(key, load());
            loaded = current;
        }
        return current.snapshot();
    }

    private CalendarSnapshot load() {
        List<Integer> years =
                jdbc.sql("select year from calendar_year").query(Integer.class).list();
        Map<LocalDate, DayKind> exceptions = new HashMap<>();
        jdbc.sql("select day, kind from calendar_day").query(rs -> {
            exceptions.put(rs.getObject("day", LocalDate.class), DayKind.valueOf(rs.getString("kind")));
        });
        return new CalendarSnapshot(new TreeSet<>(years), exceptions);
    }
}
