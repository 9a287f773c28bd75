package cn.minzheng.platform.web;

import cn.minzheng.platform.database.DatabaseServer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ahead of everything else (Spring Session's filter included, which reads and writes the session in the database):
 * while the embedded database is known to be down, every request is answered at once with {@link Outages} instead of
 * waiting for a connection; and a database or disk failure that escapes the application — the session cannot be saved
 * on a full disk — gets the same clear answer instead of the servlet container's raw error page. The health check and
 * static files pass.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class OutageFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(OutageFilter.class);

    private final DatabaseServer server;

    OutageFilter(DatabaseServer server) {
        this.server = server;
    }

    boolean databaseAvailable() {
        return server.available();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/actuator/")
                || path.startsWith("/css/")
                || path.startsWith("/js/")
                || path.startsWith("/webjars/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!databaseAvailable()) {
            Outages.answer(request, response, Outages.DATABASE_DOWN);
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            Optional<String> outage = Outages.of(e);
            if (outage.isEmpty() || response.isCommitted()) {
                throw e;
            }
            if (outage.get().equals(Outages.BUSY)) {
                log.warn("请求 {} 未能完成：数据库连接全部在用，等待超时（平台过载）", request.getRequestURI());
            } else {
                log.error("请求 {} 未能完成：{}", request.getRequestURI(), outage.get(), e);
            }
            Outages.answer(request, response, outage.get());
        }
    }
}
