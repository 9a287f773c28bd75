package cn.minzheng.platform;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    /**
     * The platform's one clock, in the bureau's zone ({@link BureauZone}): every "today", deadline, month and displayed
     * time is taken from it, whatever zone the JVM or the server runs in.
     */
    @Bean
    Clock clock(@Value("${" + BureauZone.PROPERTY + ":" + BureauZone.DEFAULT + "}") String zone) {
        return Clock.system(BureauZone.of(zone));
    }
}
