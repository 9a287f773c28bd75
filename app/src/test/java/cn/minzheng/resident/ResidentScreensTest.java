package cn.minzheng.resident;

import static cn.minzheng.resident.ResidentApi.body;
import static cn.minzheng.resident.ResidentApi.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.minzheng.shared.Gender;
import cn.minzheng.test.TestDistrict;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/** The screens in Chinese, as a community worker, a street officer and an auditor use them. */
@SpringBootTest
@AutoConfigureMockMvc
class ResidentScreensTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestDistrict district;

    ResidentApi api;

    @BeforeEach
    void setUp() {
        district.ensure();
        api = new ResidentApi(mvc);
    }

    private String page(String user, String path) {
        MockHttpServletResponse response = api.call(user, get(path).accept(MediaType.TEXT_HTML));
        assertThat(response.getStatus()).as(path + ": " + body(response)).isEqualTo(200);
        return body(response);
    }

    private MockHttpServletResponse form(String user, AbstractMockHttpServletRequestBuilder<?> request) {
        return api.call(user, request.accept(MediaType.TEXT_HTML));
    }

    /** The message a form's redirect carries to the next page. */
    private String flash(String user, AbstractMockHttpServletRequestBuilder<?> request, String kind) {
        Object message = api.perform(user, request.accept(MediaType.TEXT_HTML))
                .getFlashMap()
                .get(kind);
        assertThat(message).as(kind).isNotNull();
        return message.toString();
    }

    @Test
    void aCommunityWorkerRegistersSearchesOpensAndChangesARecord() {
        String number = SyntheticIds.idNumber(LocalDate.of(1966, 6, 6), Gender.MALE, 601);
        MockHttpServletResponse created = form(
                "t_community",
                post("/residents")
                        .param("name", "屏幕测试")
                        .param("documentType", "居民身份证")
                        .param("idNumber", number)
                        .param("gender", "男")
                        .param("birthDate", "1966-06-06")
                        .param("communityCode", TestDistrict.COMMUNITY)
                        .param("householdNo", "PAGE-1"));
        assertThat(created.getStatus()).isEqualTo(302);
        String location = created.getRedirectedUrl();
        assertThat(location).startsWith("/residents/").contains("purpose=RECORD_MAINTENANCE");
        long id = Long.parseLong(location.substring("/residents/".length(), location.indexOf('?')));

        assertThat(page("t_community", "/residents?q=pmcs")).contains("屏幕测试").contains("lang=\"zh-CN\"");
        assertThat(page("t_community", "/residents/" + id)).contains("请说明查阅事由");
        String file = page("t_community", "/residents/" + id + "?purpose=CASE_HANDLING");
        assertThat(file).contains("屏幕测试", "PAGE-1", "登记状态", "历史", "显示完整号码").doesNotContain(number);

        MockHttpServletResponse revealed = form(
                "t_community",
                post("/residents/" + id + "/reveal").param("field", "ID_NUMBER").param("purpose", "CASE_HANDLING"));
        assertThat(revealed.getStatus()).isEqualTo(200);
        assertThat(body(revealed)).contains(number).contains("已记入查阅记录");

        MockHttpServletResponse status = form(
                "t_community",
                post("/residents/" + id + "/statuses")
                        .param("kind", "DISABILITY")
                        .param("category", "视力")
                        .param("grade", "3")
                        .param("from", "2015-01-01"));
        assertThat(status.getStatus()).isEqualTo(302);
        assertThat(page("t_community", "/residents/" + id + "?purpose=CASE_HANDLING"))
                .contains("视力 三级");
        assertThat(flash(
                        "t_community",
                        post("/residents/" + id + "/statuses")
                                .param("kind", "DISABILITY")
                                .param("from", "2015-01-01"),
                        "problem"))
                .contains("须选择类别");

        String household = page(
                "t_community",
                "/households/" + read(api.get("t_community", "/api/v1/residents?q=屏幕测试"), "$.items[0].householdId")
                        + "?purpose=CASE_HANDLING");
        assertThat(household).contains("共同生活的家庭成员", "第七条", "计入", "变动历史", "立户");
    }

    @Test
    void theImportPageOffersTheTemplateAndShowsEachRejectedRow() throws Exception {
        assertThat(page("t_community", "/resident-imports"))
                .contains("/api/v1/residents/imports/template.xlsx")
                .contains("全部正确才导入")
                .contains("户编号,姓名,证件类型,证件号码,性别,出生日期,与户主关系,居住社区代码,户籍地址码,联系电话");
        MockMultipartFile file =
                new MockMultipartFile("file", "居民.csv", "text/csv", ImportFiles.csv(ResidentImportTest.mixedRows(7)));
        MockHttpServletResponse started =
                form("t_community", multipart("/resident-imports").file(file).param("mode", "ACCEPT_VALID"));
        assertThat(started.getStatus()).isEqualTo(302);
        long id = Long.parseLong(started.getRedirectedUrl().substring("/resident-imports/".length()));
        api.awaitImport("t_community", id, java.time.Duration.ofMinutes(1));
        assertThat(page("t_community", "/resident-imports/" + id))
                .contains("已完成", "未通过校验的行", "rejections.csv", "校验码不正确", "与第 2 行是同一人");
        assertThat(flash(
                        "t_community",
                        multipart("/resident-imports")
                                .file(new MockMultipartFile("file", "a.xlsx", "text/plain", "不是表格".getBytes()))
                                .param("mode", "ACCEPT_VALID"),
                        "problem"))
                .contains("不是 Excel 工作簿");
    }

    @Test
    void theMergeScreensAndTheAuditorsAccessLog() {
        api.register("t_community", ResidentApi.person("屏幕重复", null, "女", "2018-08-08", TestDistrict.COMMUNITY));
        api.register("t_community", ResidentApi.person("屏幕重复", null, "女", "2018-08-08", TestDistrict.COMMUNITY));
        String list = page("t_street", "/resident-duplicates");
        assertThat(list).contains("屏幕重复", "姓名、出生日期、性别相同");
        Number candidate = ((List<Number>)
                        read(api.get("t_street", "/api/v1/residents/duplicates"), "$[?(@.a.name=='屏幕重复')].id"))
                .get(0);
        assertThat(page("t_street", "/resident-duplicates/" + candidate)).contains("保留档案甲", "不是同一人");
        long a = ((Number) ((List<?>) read(
                                api.get("t_street", "/api/v1/residents/duplicates"), "$[?(@.a.name=='屏幕重复')].a.id"))
                        .get(0))
                .longValue();
        assertThat(flash(
                        "t_street",
                        post("/resident-duplicates/" + candidate + "/merge")
                                .param("survivorId", Long.toString(a))
                                .param("reason", "出生医学证明"),
                        "notice"))
                .contains("合并到档案 " + a);
        assertThat(page("t_community", "/residents?q=屏幕重复")).contains("1</strong> 人");

        assertThat(page("t_auditor", "/resident-access-log")).contains("居民档案查阅记录");
        assertThat(api.call("t_auditor", get("/residents").accept(MediaType.TEXT_HTML))
                        .getStatus())
                .isEqualTo(403);
        assertThat(api.call("t_community", get("/resident-duplicates").accept(MediaType.TEXT_HTML))
                        .getStatus())
                .isEqualTo(403);
    }

    @Test
    void theMenuAndTheHomeFigureFollowTheRole() {
        assertThat(page("t_community", "/")).contains("居民与家庭", "居民导入", "在册居民");
        String auditor = page("t_auditor", "/");
        assertThat(auditor).contains("居民档案查阅记录").doesNotContain("在册居民").doesNotContain("居民导入");
        assertThat(page("t_sysadmin", "/")).doesNotContain("居民与家庭");
    }
}
