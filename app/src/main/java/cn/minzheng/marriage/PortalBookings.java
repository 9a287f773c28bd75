package cn.minzheng.marriage;

import cn.minzheng.platform.District;
import cn.minzheng.platform.SystemActor;
import cn.minzheng.shared.Sm3;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bookings and cancellations by citizens, who have no account: done as the platform in the district's scope, and
 * limited per client address so that one machine cannot fill a popular date with invented couples (the ID-number rule
 * stops a scalper only while the numbers are real). The limit is a parameter.
 */
@Service
public class PortalBookings {

    private final Appointments appointments;
    private final AppointmentDays days;
    private final District district;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final MarriageSettings settings;
    private final Clock clock;

    PortalBookings(
            Appointments appointments,
            AppointmentDays days,
            District district,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            MarriageSettings settings,
            Clock clock) {
        this.appointments = appointments;
        this.days = days;
        this.district = district;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    /** A date a citizen can choose: it has free places. */
    public record OpenDay(java.time.LocalDate date, int free) {

        public String label() {
            return cn.minzheng.platform.Display.date(date) + "（周"
                    + "一二三四五六日".charAt(date.getDayOfWeek().getValue() - 1) + "，余 " + free + " 个名额）";
        }
    }

    /** The dates from today to the release horizon that still have places. */
    public java.util.List<OpenDay> openDays() {
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        return SystemActor.call(
                district.scope(),
                () -> days.daysBetween(today, today.plusDays(settings.releaseDays())).stream()
                        .filter(day -> day.free() > 0)
                        .map(day -> new OpenDay(day.date(), day.free()))
                        .toList(),
                "PORTAL");
    }

    public Booked book(BookingRequest request, String clientAddress) {
        return SystemActor.call(
                district.scope(),
                () -> {
                    countAttempt(clientAddress);
                    return appointments.book(request, Appointments.Channel.PORTAL, "PORTAL");
                },
                "PORTAL");
    }

    public void cancel(String code, String idNumber, String clientAddress) {
        SystemActor.run(
                district.scope(),
                () -> {
                    countAttempt(clientAddress);
                    appointments.cancelByCouple(code, idNumber);
                },
                "PORTAL");
    }

    /** Counts the attempt (successful or not, so that guessing codes is limited too); refuses beyond the limit. */
    private void countAttempt(String clientAddress) {
        String key =
                "addr:" + Sm3.hex((clientAddress == null ? "unknown" : clientAddress).getBytes(StandardCharsets.UTF_8));
        Instant now = clock.instant();
        Instant windowStart = now.minus(Duration.ofMinutes(settings.portalWindowMinutes()));
        int attempts = transactions.execute(status -> jdbc.sql("""
                        insert into marriage_portal_attempt (client_key, window_start, attempts) values (?, ?, 1)
                        on conflict (client_key) do update set
                            attempts = case when marriage_portal_attempt.window_start < ? then 1
                                            else marriage_portal_attempt.attempts + 1 end,
                            window_start = case when marriage_portal_attempt.window_start < ? then excluded.window_start
                                                else marriage_portal_attempt.window_start end
                        returning attempts
                        """)
                .params(key, Timestamp.from(now), Timestamp.from(windowStart), Timestamp.from(windowStart))
                .query(Integer.class)
                .single());
        if (attempts > settings.portalBookingsPerAddress()) {
            throw new BookingRefused("同一网络地址在 " + settings.portalWindowMinutes() + " 分钟内的预约操作已达 "
                    + settings.portalBookingsPerAddress() + " 次，请稍后再试，或致电、到婚姻登记处窗口预约");
        }
    }
}
