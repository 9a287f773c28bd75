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
    private final District district;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final MarriageSettings settings;
    private final Clock clock;

    PortalBookings(
            Appointments appointments,
            District district,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            MarriageSettings settings,
            Clock clock) {
        this.appointments = appointments;
        this.district = district;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
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
