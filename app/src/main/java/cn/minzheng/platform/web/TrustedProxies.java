package cn.minzheng.platform.web;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * {@code X-Forwarded-For/-Host/-Proto} are believed only from the reverse proxies named in
 * {@code MINZHENG_TRUSTED_PROXIES} (exact addresses, comma-separated) — none by default. Otherwise anyone on the
 * intranet could write a client address of their choosing into the audit trail, step around the login and portal
 * throttles by rotating the header, and point redirects at another host. Without trusted proxies the client is the
 * connection's peer and the host is the request's own.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

    private final List<String> addresses;

    TrustedProxies(@Value("${minzheng.trusted-proxies:}") String configured) {
        this.addresses = parse(configured);
    }

    static List<String> parse(String configured) {
        return configured == null
                ? List.of()
                : Arrays.stream(configured.split("[,\\s]+"))
                        .map(String::strip)
                        .filter(a -> !a.isEmpty())
                        .toList();
    }

    /** The proxies as Tomcat wants them: a pattern that matches exactly these addresses; null when there are none. */
    static String pattern(List<String> addresses) {
        return addresses.isEmpty()
                ? null
                : addresses.stream().map(Pattern::quote).collect(Collectors.joining("|"));
    }

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        if (addresses.isEmpty()) {
            return;
        }
        RemoteIpValve valve = new RemoteIpValve();
        valve.setInternalProxies(pattern(addresses));
        valve.setTrustedProxies(null);
        valve.setRemoteIpHeader("X-Forwarded-For");
        valve.setProtocolHeader("X-Forwarded-Proto");
        valve.setHostHeader("X-Forwarded-Host");
        valve.setPortHeader("X-Forwarded-Port");
        factory.addEngineValves(valve);
    }
}
