package cn.minzheng.test;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Bearer tokens for test users, got through the real token endpoint (with the authenticator's code for the
 * administrators) and cached per user.
 */
public final class Api {

    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private final MockMvc mvc;
    private final Map<String, String> tokens = new HashMap<>();

    public Api(MockMvc mvc) {
        this.mvc = mvc;
    }

    public String bearer(String username) {
        return "Bearer " + tokens.computeIfAbsent(username, this::token);
    }

    /** The administrators of the test district sign in with their authenticator's code too. */
    private static String secondFactor(String username) {
        return TestDistrict.ADMINISTRATORS.contains(username) ? ",\"code\":\"" + TestTotp.next(username) + "\"" : "";
    }

    private String token(String username) {
        try {
            String body = mvc.perform(post("/api/v1/auth/token")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"username\":\"" + username + "\",\"password\":\"" + TestDistrict.PASSWORD + "\""
                                    + secondFactor(username) + "}"))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            Matcher matcher = TOKEN.matcher(body);
            if (!matcher.find()) {
                throw new IllegalStateException("no token in " + body);
            }
            return matcher.group(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
