package cn.minzheng.assistance;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts the public portal's attempts per key (a client address, a phone number, a community, a receipt number) in a
 * window that opens with the first attempt, in the caller's transaction: submissions beyond their share and wrong
 * guesses of a query code are refused once the count is reached.
 */
@Component
class PortalThrottle {

    static final Duration WINDOW = Duration.ofMinutes(30);

    private final JdbcClient jdbc;

    PortalThrottle(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- internals ----------------------------------------------------------------------------------------------

    boolean blocked(String key, int limit, Instant now) {
        return count(key, WINDOW, now) >= limit;
    }

    void fail(String key, Instant now) {
        bump(key, WINDOW, now);
    }

    /** How often the key was counted in the window that is still open. */
    int count(String key, Duration window, Instant now) {
        return jdbc.sql("select failures from assistance_portal_throttle where key = ? and window_start > ?")
                .params(key.length() > 200 ? key.substring(0, 200) : key, Timestamp.from(now.minus(window)))
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    void bump(String key, Duration window, Instant now) {
        jdbc.sql("""
                        insert into assistance_portal_throttle (key, window_start, failures) values (:key, :now, 1)
                        on conflict (key) do update set
                            failures = case when assistance_portal_throttle.window_start > :windowStart
                                            then assistance_portal_throttle.failures + 1 else 1 end,
                            window_start = case when assistance_portal_throttle.window_start > :windowStart
                                                then assistance_portal_throttle.window_start else :now end
                        """)
                .param("key", key.length() > 200 ? key.substring(0, 200) : key)
                .param("now", Timestamp.from(now))
                .param("windowStart", Timestamp.from(now.minus(window)))
                .update();
    }
}
