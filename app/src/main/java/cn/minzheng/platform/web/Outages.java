package cn.minzheng.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * When the platform cannot work at all for a moment — the database is down, the disk is full — the answer is 503 with a
 * Chinese message that says so and that nothing was saved, as JSON for the API and as a small page for people. It is
 * written directly: neither the templates (the menu reads the database) nor the session may be reachable then.
 */
final class Outages {

    static final String DATABASE_DOWN = "数据库暂时不可用（正在自动恢复），请稍后重试。本次操作没有保存。";
    /** Every database connection in use and none free within the pool's wait: overload, not a fault. */
    static final String BUSY = "平台此刻过于繁忙，本次操作没有完成，也没有保存；请稍后重试。";

    static final String DISK_FULL = "磁盘空间不足，本次操作没有保存。请通知系统管理员清理平台数据目录所在的磁盘后重试。";

    private Outages() {}

    /**
     * The outage an exception stands for, if any: disk full before a busy pool before database down (a full disk can stop
     * both).
     */
    static Optional<String> of(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (diskFull(t)) {
                return Optional.of(DISK_FULL);
            }
        }
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // the pool's own timeout with no failed connection behind it: all connections busy (issue 14 C14: 100
            // staff on a loaded machine) — said as such, not as a database that is down
            if (t instanceof SQLTransientConnectionException timeout
                    && timeout.getCause() == null
                    && timeout.getSQLState() == null) {
                return Optional.of(BUSY);
            }
        }
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException || t instanceof SQLTransientConnectionException) {
                return Optional.of(DATABASE_DOWN);
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 08: connection exceptions; 57P01-57P03: the server shut down or is starting
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
                    return Optional.of(DATABASE_DOWN);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean diskFull(Throwable t) {
        if (t instanceof SQLException sql && "53100".equals(sql.getSQLState())) {
            return true; // PostgreSQL: disk_full
        }
        String message = t.getMessage();
        return message != null
                && (t instanceof IOException || t instanceof SQLException || t instanceof IllegalStateException)
                && (message.contains("No space left on device") || message.contains("Disk quota exceeded"));
    }

    static void answer(HttpServletRequest request, HttpServletResponse response, String message) throws IOException {
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "10");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            JsonAnswers.error(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Service Unavailable", message);
        } else {
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter()
                    .write("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>暂时无法服务 · 民政业务平台"
                            + "</title></head><body><main><h1>暂时无法服务</h1><p id=\"outage\">" + message
                            + "</p></main></body></html>");
        }
        response.flushBuffer();
    }
}
