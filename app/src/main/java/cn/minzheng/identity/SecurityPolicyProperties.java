package cn.minzheng.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The login policy of the security baseline (等保 2.0 level 3, ASVS level 2). Configurable so that the bureau's security
 * administrator can tighten it; the defaults are the baseline.
 */
@ConfigurationProperties("minzheng.security")
record SecurityPolicyProperties(
        @DefaultValue("5") int maxFailures,
        @DefaultValue("30m") Duration lockout,
        @DefaultValue("90d") Duration passwordMaxAge,
        @DefaultValue("5") int passwordHistory,
        @DefaultValue("15m") Duration idleTimeout,
        @DefaultValue("10m") Duration adminIdleTimeout,
        @DefaultValue("8h") Duration absoluteTimeout,
        @DefaultValue("2h") Duration tokenLifetime,
        @DefaultValue("20") int addressMaxFailures,
        @DefaultValue("10m") Duration addressWindow,
        @DefaultValue("10") int bcryptStrength) {}
