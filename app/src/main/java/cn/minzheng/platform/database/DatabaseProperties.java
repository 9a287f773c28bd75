package cn.minzheng.platform.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the system of record lives. With no {@code url} (no MINZHENG_DB_URL), the platform runs its own PostgreSQL
 * under the data folder. {@code user}/{@code password} are the owner role that runs migrations; the application
 * itself connects as {@code appUser}, a role that owns nothing and cannot bypass row-level security.
 */
@ConfigurationProperties("minzheng.db")
public record DatabaseProperties(
        String url,
        String user,
        String password,
        String appUser,
        String appPassword,
        @DefaultValue("10") int poolSize,
        @DefaultValue("false") boolean allowPoolSuspension,
        @DefaultValue("5s") java.time.Duration connectionTimeout,
        @DefaultValue Embedded embedded) {

    public boolean external() {
        return url != null && !url.isBlank();
    }

    /** Settings of the embedded server; its files live under {@code minzheng.data-dir}. */
    public record Embedded(
            @DefaultValue("0") int port,
            @DefaultValue("nobody") String osUser,
            @DefaultValue("nogroup") String osGroup,
            @DefaultValue("minzheng") String database,
            @DefaultValue("/var/lib/minzheng") String relocationRoot) {}
}
