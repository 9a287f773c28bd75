package cn.minzheng.platform;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.TimeZone;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The bureau's time zone ({@code minzheng.zone}, MINZHENG_ZONE, default Asia/Shanghai). Business dates and displayed
 * times come from the platform's {@link java.time.Clock}, which runs in this zone; the JVM's default zone is also set
 * to it before anything else starts, so that libraries that fall back on the default (template date formatting, log
 * time stamps, the database driver's session time zone) agree with it on a server that runs on UTC.
 */
public final class BureauZone implements EnvironmentPostProcessor {

    public static final String PROPERTY = "minzheng.zone";
    public static final String DEFAULT = "Asia/Shanghai";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        apply(of(environment.getProperty(PROPERTY, DEFAULT)));
    }

    /** The configured zone, or a start-up failure that says which value is wrong. */
    public static ZoneId of(String configured) {
        try {
            return ZoneId.of(configured.trim());
        } catch (DateTimeException e) {
            throw new IllegalStateException("时区设置 MINZHENG_ZONE=" + configured + " 无效，请使用如 Asia/Shanghai 这样的时区名称", e);
        }
    }

    static void apply(ZoneId zone) {
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
        System.setProperty("user.timezone", zone.getId());
    }
}
