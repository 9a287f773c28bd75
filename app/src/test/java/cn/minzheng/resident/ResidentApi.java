package cn.minzheng.resident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.minzheng.test.Api;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The resident API as a test uses it: as a named test user, through the real token endpoint. */
final class ResidentApi {

    private final MockMvc mvc;
    private final Api api;

    ResidentApi(MockMvc mvc) {
        this.mvc = mvc;
        this.api = new Api(mvc);
    }

    org.springframework.test.web.servlet.MvcResult perform(
            String user,
            org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?> request) {
        try {
            return mvc.perform(request.header("Authorization", api.bearer(user)))
                    .andReturn();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    MockHttpServletResponse call(
            String user,
            org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?> request) {
        try {
            return mvc.perform(request.header("Authorization", api.bearer(user)))
                    .andReturn()
                    .getResponse();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String get(String user, String path) {
        MockHttpServletResponse response = call(user, getRequest(path));
        assertThat(response.getStatus())
                .as("GET " + path + " as " + user + ": " + body(response))
                .isEqualTo(200);
        return body(response);
    }

    int status(String user, String path) {
        return call(user, getRequest(path)).getStatus();
    }

    MockHttpServletResponse postJson(String user, String path, String json) {
        return call(
                user,
                post(path)
                        .contentType(MediaType.APPLICATION_JSON)
                        .accept(MediaType.APPLICATION_JSON)
                        .content(json));
    }

    long register(String user, String json) {
        MockHttpServletResponse response = postJson(user, "/api/v1/residents", json);
        assertThat(response.getStatus()).as(body(response)).isEqualTo(201);
        return ((Number) JsonPath.read(body(response), "$.id")).longValue();
    }

    static String person(String name, String idNumber, String gender, String birth, String community) {
        return """
                {"name":"%s","documentType":"%s","idNumber":%s,"gender":"%s","birthDate":"%s","communityCode":"%s"}
                """.formatted(
                        name,
                        idNumber == null ? "无" : "居民身份证",
                        idNumber == null ? "null" : "\"" + idNumber + "\"",
                        gender,
                        birth,
                        community);
    }

    MockHttpServletResponse upload(String user, String fileName, byte[] content, String mode) {
        MockMultipartFile file = new MockMultipartFile("file", fileName, "application/octet-stream", content);
        return call(
                user,
                multipart("/api/v1/residents/imports")
                        .file(file)
                        .param("mode", mode)
                        .accept(MediaType.APPLICATION_JSON));
    }

    /** Uploads and waits for the import to finish; returns its status JSON. */
    String importFile(String user, String fileName, byte[] content, String mode) {
        MockHttpServletResponse response = upload(user, fileName, content, mode);
        assertThat(response.getStatus()).as(body(response)).isEqualTo(202);
        long id = ((Number) JsonPath.read(body(response), "$.id")).longValue();
        return awaitImport(user, id, Duration.ofMinutes(3));
    }

    String awaitImport(String user, long id, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String status = get(user, "/api/v1/residents/imports/" + id);
            if (!"RUNNING".equals(JsonPath.read(status, "$.status"))) {
                return status;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("import " + id + " still running: " + status);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static <T> T read(String json, String path) {
        return JsonPath.read(json, path);
    }

    static Map<String, Object> map(String json) {
        return JsonPath.read(json, "$");
    }

    static String body(MockHttpServletResponse response) {
        try {
            return response.getContentAsString(StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MockHttpServletRequestBuilder getRequest(String path) {
        return org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
                .accept(MediaType.APPLICATION_JSON);
    }
}
