package cn.minzheng.marriage;

import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.calendar.WorkingCalendar;
import cn.minzheng.platform.Display;
import cn.minzheng.platform.District;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bookable places of each date at the district's registry office. A date staff have not set opens with the
 * ordinary capacity on a working day and is closed on a rest day; staff open popular dates (5月20日, 七夕, 2月14日) with
 * their own capacity, weekends included, and can close a date.
 */
@Service
public class AppointmentDays {

    private final JdbcClient jdbc;
    private final District district;
    private final WorkingCalendar calendar;
    private final MarriageSettings settings;
    private final AuditTrail audit;
    private final Clock clock;

    AppointmentDays(
            JdbcClient jdbc,
            District district,
            WorkingCalendar calendar,
            MarriageSettings settings,
            AuditTrail audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.district = district;
        this.calendar = calendar;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    /** One date as staff see it: places, booked, and whether staff set it or it follows the ordinary rule. */
    public record Day(LocalDate date, int capacity, int booked, boolean set, String note) {

        public int free() {
            return Math.max(0, capacity - booked);
        }

        public String dateText() {
            return Display.date(date);
        }
    }

    /**
     * Sets the total places of a date. Refused below the places already booked: those couples keep their appointment,
     * and the office must tell them itself if the date has to close.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'DISTRICT_LEADER')")
    public Day setCapacity(LocalDate date, int capacity, String note, String actor) {
        if (date == null) {
            throw new cn.minzheng.shared.BusinessRuleViolation("请选择日期");
        }
        if (capacity < 0 || capacity > 5000) {
            throw new cn.minzheng.shared.BusinessRuleViolation("名额须在 0 至 5000 之间");
        }
        if (date.isBefore(LocalDate.now(clock))) {
            throw new cn.minzheng.shared.BusinessRuleViolation("不能修改已经过去的日期");
        }
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (cleanNote != null && cleanNote.length() > 100) {
            throw new cn.minzheng.shared.BusinessRuleViolation("说明不超过 100 字");
        }
        Integer booked = jdbc.sql("select booked from marriage_appointment_day where day = ? for update")
                .param(date)
                .query(Integer.class)
                .optional()
                .orElse(0);
        if (capacity < booked) {
            throw new BookingRefused("该日已有 " + booked + " 对预约，名额不能少于 " + booked + "。如需停办，请先联系已预约的当事人并取消其预约。");
        }
        jdbc.sql("""
                        insert into marriage_appointment_day (day, region_code, capacity, note, set_by, set_at)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (day) do update
                            set capacity = excluded.capacity, note = excluded.note, set_by = excluded.set_by,
                                set_at = excluded.set_at
                        """)
                .params(date, district.code(), capacity, cleanNote, actor, java.sql.Timestamp.from(clock.instant()))
                .update();
        audit.record(AuditEvent.success("MARRIAGE_DAY_CAPACITY_SET", "marriage_appointment_day", date)
                .because(String.valueOf(capacity)));
        return new Day(date, capacity, booked, true, cleanNote);
    }

    /** The dates from {@code from} to {@code to}, each with its places (set, or by the ordinary rule). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'DISTRICT_LEADER')")
    public List<Day> between(LocalDate from, LocalDate to) {
        return daysBetween(from, to);
    }

    /** For the portal (called as the platform, in the district's scope): the same dates, no one's data in them. */
    @Transactional(readOnly = true)
    List<Day> daysBetween(LocalDate from, LocalDate to) {
        Map<LocalDate, Day> set = new HashMap<>();
        jdbc.sql("select day, capacity, booked, set_by, note from marriage_appointment_day where day between ? and ?")
                .params(from, to)
                .query((rs, n) -> new Day(
                        rs.getObject(1, LocalDate.class),
                        rs.getInt(2),
                        rs.getInt(3),
                        !Appointments.DEFAULT_OPENING.equals(rs.getString(4)),
                        rs.getString(5)))
                .list()
                .forEach(day -> set.put(day.date(), day));
        List<Day> days = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            Day known = set.get(date);
            days.add(known != null ? known : new Day(date, ordinaryCapacity(date), 0, false, null));
        }
        return days;
    }

    /**
     * The places of a date nobody has set: the ordinary capacity on a working day, none on a rest day. A year the
     * calendar does not know yet counts Saturdays and Sundays as its only rest days; staff close its holidays by hand.
     */
    int ordinaryCapacity(LocalDate date) {
        boolean working = calendar.knowsYear(date.getYear())
                ? calendar.isWorkingDay(date)
                : date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
        return working ? settings.workingDayCapacity() : 0;
    }
}
