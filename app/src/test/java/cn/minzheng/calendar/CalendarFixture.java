package cn.minzheng.calendar;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/** The bundled 2019–2026 arrangement as a snapshot, without Spring or a database. */
final class CalendarFixture {

    private CalendarFixture() {}

    static CalendarSnapshot bundled() {
        Map<LocalDate, DayKind> exceptions = new HashMap<>();
        TreeSet<Integer> years = new TreeSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                CalendarFixture.class.getResourceAsStream("/calendar/holidays-cn.csv"), StandardCharsets.UTF_8))) {
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                String[] f = line.split(",");
                LocalDate date = LocalDate.parse(f[0]);
                exceptions.put(date, DayKind.valueOf(f[1]));
                years.add(date.getYear());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new CalendarSnapshot(years, exceptions);
    }
}
