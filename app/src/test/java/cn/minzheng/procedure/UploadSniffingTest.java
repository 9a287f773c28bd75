package cn.minzheng.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import cn.minzheng.test.Api;
import cn.minzheng.test.TestDistrict;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 13 A8: an upload of {@code FF FB} and HTML named {@code a.html} was taken as MP3 and served back as
 * {@code a.html}. Now the content is checked by its structure and a download is named by what it is.
 */
@SpringBootTest
@AutoConfigureMockMvc
class UploadSniffingTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Cases cases;

    @Autowired
    TestDistrict district;

    private MockHttpServletResponse upload(Api api, long caseId, String name, byte[] content) throws Exception {
        return mvc.perform(multipart("/api/v1/procedure/cases/" + caseId + "/attachments")
                        .file(new MockMultipartFile("file", name, "audio/mpeg", content))
                        .param("kind", "OTHER")
                        .header("Authorization", api.bearer("t_street")))
                .andReturn()
                .getResponse();
    }

    @Test
    void aDisguisedFileIsRefusedAndARealOneIsDownloadedUnderItsOwnKind() throws Exception {
        district.ensure();
        Api api = new Api(mvc);
        long caseId = Fixtures.acceptedDibao(cases, "嗅探测试", LocalDate.now().minusDays(1));

        byte[] html = "<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.US_ASCII);
        byte[] fake = new byte[html.length + 2];
        fake[0] = (byte) 0xFF;
        fake[1] = (byte) 0xFB;
        System.arraycopy(html, 0, fake, 2, html.length);
        MockHttpServletResponse refused = upload(api, caseId, "a.html", fake);
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString()).contains("不支持的文件类型");

        MockHttpServletResponse stored = upload(api, caseId, "a.html", Fixtures.pdf("伪装成网页的 PDF"));
        assertThat(stored.getStatus()).isEqualTo(200);
        String id = stored.getContentAsString().replaceAll("(?s).*?\"id\"\\s*:\\s*(\\d+).*", "$1");
        MockHttpServletResponse download = mvc.perform(
                        get("/api/v1/procedure/attachments/" + id).header("Authorization", api.bearer("t_street")))
                .andReturn()
                .getResponse();
        assertThat(download.getContentType()).isEqualTo("application/pdf");
        assertThat(download.getHeader("Content-Disposition")).contains("a.pdf").doesNotContain("html");
        assertThat(download.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    }
}
