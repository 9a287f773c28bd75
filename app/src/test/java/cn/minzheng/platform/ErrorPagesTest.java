package cn.minzheng.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.minzheng.test.Api;
import cn.minzheng.test.TestDistrict;
import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Users get a Chinese message and a support id; never an exception message or a stack trace. */
@SpringBootTest
@AutoConfigureMockMvc
class ErrorPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestDistrict district;

    @BeforeEach
    void setUp() {
        district.ensure();
    }

    @Test
    void aServerErrorShowsAChinesePageWithASupportIdAndNothingTechnical() throws Exception {
        String page = mvc.perform(get("/error")
                        .accept(MediaType.TEXT_HTML)
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/somewhere")
                        .requestAttr(
                                RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("select secret_column")))
                .andExpect(status().isInternalServerError())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("lang=\"zh-CN\"", "系统内部错误", "支持编号")
                .doesNotContain("secret_column", "IllegalStateException", "at cn.minzheng");
    }

    @Test
    void aMissingPageIsAChinese404() throws Exception {
        // MockMvc does not forward to the error page by itself: call it as the servlet container would.
        String page = mvc.perform(get("/error")
                        .accept(MediaType.TEXT_HTML)
                        .header("Authorization", new Api(mvc).bearer("t_street"))
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 404)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/no-such-page"))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("不存在");
    }

    @Test
    void apiErrorsAreJsonWithAChineseMessage() throws Exception {
        Api api = new Api(mvc);
        mvc.perform(get("/api/v1/staff/999999").header("Authorization", api.bearer("t_street")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("不在您的数据范围内")));
        mvc.perform(get("/api/v1/staff/not-a-number").header("Authorization", api.bearer("t_street")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("格式不正确")));
        mvc.perform(get("/api/v1/accounts").header("Authorization", api.bearer("t_street")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.message").value("无权执行此操作"));
    }
}
