package cn.minzheng.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Failed logins per client address: after too many in a window, that address is refused for the rest of it. */
@Component
class LoginThrottle {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecurityPolicyProperties policy;

    LoginThrottle(JdbcClient jdbc, Clock clock, SecurityPolicyProperties policy) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.policy = policy;
    }

    boolean blocked(String address) {
        if (address == null) {
            return false;
        }
        Instant windowStart = clock.instant().minus(policy.addressWindow());
        return jdbc.sql("select failures from login_throttle where address = ? and window_start > ?")
                .params(address, Timestamp.from(windowStart))
                .query(Integer.class)
                .optional()
                .map(failures -> failures >= policy.addressMaxFailures())
                .orElse(false);
    }

    void recordFailure(String address) {
        if (address == null) {
            return;
        }
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into login_throttle (address, window_start, failures) values (:address, :now, 1)
                        on conflict (address) do update set
                            failures = case when login_throttle.window_start > :windowStart
                                            then login_throttle.failures + 1 else 1 end,
                            window_start = case when login_throttle.window_start > :windowStart
                                                then login_throttle.window_start else :now end
                        """)
                .param("address", address)
                .param("now", Timestamp.from(now))
                .param("windowStart", Timestamp.from(now.minus(policy.addressWindow())))
                .update();
    }
}
