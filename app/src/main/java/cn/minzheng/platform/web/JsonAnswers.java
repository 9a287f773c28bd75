package cn.minzheng.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON written straight to the servlet response, for the places that answer before Spring MVC's converters are reached
 * (security filters and handlers, the outage filter). The body goes through Jackson, so a message with a quote or a
 * backslash still makes valid JSON.
 */
public final class JsonAnswers {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonAnswers() {}

    /** An {@link ApiError} with {@code status}, as every error answer of the REST API. */
    public static void error(HttpServletResponse response, int status, String error, String message)
            throws IOException {
        write(response, status, ApiError.of(status, error, message));
    }

    /** {@code body} as JSON in UTF-8 with {@code status}. */
    public static void write(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.writeValueAsString(body));
    }
}
