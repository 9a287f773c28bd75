package cn.minzheng.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Issue 14 B10/B12: a full disk and an unreachable database are told apart from other failures and answered with a
 * clear Chinese 503 (and that nothing was saved), not a generic error or the container's raw page.
 */
class OutagesTest {

    /** A real "disk full": writing to /dev/full fails with ENOSPC. */
    private static IOException realDiskFull() {
        try (FileOutputStream out = new FileOutputStream("/dev/full")) {
            out.write(new byte[8192]);
            out.flush();
            throw new AssertionError("/dev/full accepted data");
        } catch (IOException e) {
            return e;
        }
    }

    @Test
    void tellsAFullDiskADownDatabaseAndABusyPoolFromOtherFailures() {
        assertThat(Outages.of(new UncheckedIOException(realDiskFull()))).contains(Outages.DISK_FULL);
        assertThat(Outages.of(new RuntimeException(new SQLException("could not extend file", "53100"))))
                .contains(Outages.DISK_FULL);
        assertThat(Outages.of(new CannotGetJdbcConnectionException("no connection")))
                .contains(Outages.DATABASE_DOWN);
        // the pool's timeout after failed connection attempts (Hikari keeps the last failure as the cause)
        assertThat(Outages.of(new CannotGetJdbcConnectionException(
                        "no connection",
                        new SQLTransientConnectionException(
                                "request timed out", "08001", new SQLException("Connection refused", "08001")))))
                .contains(Outages.DATABASE_DOWN);
        // the pool's timeout with every connection in use and none failing: overload, not an outage of the database
        assertThat(Outages.of(new CannotGetJdbcConnectionException(
                        "no connection",
                        new SQLTransientConnectionException(
                                "minzheng - Connection is not available, request timed out after 5000ms"))))
                .contains(Outages.BUSY);
        assertThat(Outages.of(new RuntimeException(new SQLException("terminating connection", "57P01"))))
                .contains(Outages.DATABASE_DOWN);
        assertThat(Outages.of(new IllegalStateException("something else"))).isEmpty();
        assertThat(Outages.of(new SQLException("duplicate key", "23505"))).isEmpty();
    }

    @RestController
    static class Failing {
        @GetMapping("/api/v1/probe/disk")
        String disk() {
            throw new UncheckedIOException(realDiskFull());
        }

        @GetMapping("/probe/database")
        String database() {
            throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection");
        }
    }

    @Test
    void aControllerHitByAnOutageAnswers503WithTheReason() throws Exception {
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing())
                .setHandlerExceptionResolvers(new OutageExceptionResolver())
                .build();
        mvc.perform(get("/api/v1/probe/disk"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.message").value(Outages.DISK_FULL));
        mvc.perform(get("/probe/database"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("数据库暂时不可用")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("没有保存")));
    }

    @Test
    void aFailureOutsideTheApplicationGetsTheSameAnswerNotTheContainersPage() throws Exception {
        OutageFilter filter = new OutageFilter(null) {
            @Override
            boolean databaseAvailable() {
                return true;
            }
        };
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/assistance/applications");
        MockHttpServletResponse response = new MockHttpServletResponse();
        // the session cannot be saved after the request: the disk is full
        filter.doFilter(request, response, (req, res) -> {
            throw new UncheckedIOException(realDiskFull());
        });
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentAsString()).contains("磁盘空间不足");

        MockHttpServletResponse other = new MockHttpServletResponse();
        assertThatThrownBy(() -> filter.doFilter(request, other, (req, res) -> {
                    throw new IllegalStateException("a bug");
                }))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void whileTheEmbeddedDatabaseIsDownEveryRequestIsAnsweredAtOnce() throws Exception {
        OutageFilter filter = new OutageFilter(null) {
            @Override
            boolean databaseAvailable() {
                return false;
            }
        };
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("GET", "/api/v1/regions"), response, (req, res) -> {
            throw new AssertionError("must not reach the application");
        });
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentAsString()).contains("数据库暂时不可用");
        MockHttpServletResponse health = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("GET", "/actuator/health"), health, (req, res) -> {});
        assertThat(health.getStatus()).isEqualTo(200);
    }
}
