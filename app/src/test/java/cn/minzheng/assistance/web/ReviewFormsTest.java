package cn.minzheng.assistance.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.minzheng.test.As;
import cn.minzheng.test.TestDistrict;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Issue 12 §4 on the 动态管理 page: the 就业介绍 and 变化报告 forms come back open with what was typed and the reason when
 * refused, and the task list is paged.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReviewFormsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestDistrict district;

    @BeforeEach
    void setUp() {
        district.ensure();
    }

    private String follow(MvcResult refused) throws Exception {
        return mvc.perform(get("/assistance/reviews")
                        .cookie(refused.getResponse().getCookie("MZSESSION"))
                        .with(authentication(As.street().authentication())))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aRefusedChangeReportComesBackWithWhatWasTyped() throws Exception {
        MvcResult refused = mvc.perform(post("/assistance/change-reports")
                        .param("reason", "户主在物流公司找到稳定工作")
                        .param("dueOn", "2027-01-15")
                        .with(authentication(As.street().authentication()))
                        .with(csrf()))
                .andReturn();
        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/assistance/reviews#form-changeReport");
        String page = follow(refused);
        assertThat(page)
                .contains("请先查找并选择救助对象", "户主在物流公司找到稳定工作", "value=\"2027-01-15\"")
                .contains("id=\"form-changeReport\"")
                .contains("共 ");
    }

    @Test
    void aRefusedReferralKeepsTheJobAndTheTick() throws Exception {
        MvcResult refused = mvc.perform(post("/assistance/referrals")
                        .param("referredOn", "2026-11-02")
                        .param("job", "超市理货员（夜班）")
                        .param("refused", "true")
                        .with(authentication(As.street().authentication()))
                        .with(csrf()))
                .andReturn();
        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/assistance/reviews#form-referral");
        String page = follow(refused);
        assertThat(page)
                .contains("请先查找并选择救助对象", "超市理货员（夜班）", "value=\"2026-11-02\"")
                .containsPattern("name=\"refused\"[^>]*checked");
    }
}
