package cn.minzheng.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.minzheng.test.Api;
import cn.minzheng.test.TestDistrict;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The REST contract other systems rely on: the catalogue of matter types, the legal-basis search, parameters. */
@SpringBootTest
@AutoConfigureMockMvc
class ProcedureApiTest {

    @Autowired
    TestDistrict district;

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    private Api api;

    @BeforeEach
    void setUp() {
        district.ensure();
        api = new Api(mvc);
    }

    private JsonNode get(String path, String user) throws Exception {
        String body = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
                        .header("Authorization", api.bearer(user)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(body);
    }

    @Test
    void matterTypesListTheirStepsTimeLimitsAndLegalBasis() throws Exception {
        JsonNode types = get("/api/v1/procedure/matter-types", "t_community");
        JsonNode dibao = null;
        for (JsonNode t : types) {
            if (t.get("matterType").get("code").asString().equals("EXAMPLE_APPLICATION")) {
                dibao = t;
            }
        }
        assertThat(dibao).isNotNull();
        JsonNode type = dibao.get("matterType");
        assertThat(type.get("steps").get(0).get("code").asString()).isEqualTo("ACCEPT");
        assertThat(type.get("steps").get(0).get("roles").get(0).asString()).isEqualTo("STREET_OFFICER");
        assertThat(type.get("steps").get(0).get("basis").get("article").asString())
                .isEqualTo("10");
        JsonNode total = null;
        for (JsonNode c : type.get("clocks")) {
            if (c.get("code").asString().equals("TOTAL")) {
                total = c;
            }
        }
        assertThat(total.get("limit").get("parameter").asString()).isEqualTo("DIBAO_TOTAL_WD");
        assertThat(total.get("extension").get("max").get("parameter").asString())
                .isEqualTo("DIBAO_TOTAL_WD_EXTENDED");
        assertThat(dibao.get("citations").toString()).contains("最低生活保障审核确认办法", "第二十二条");
    }

    @Test
    void theLegalBasisIsSearchedByTitleOrText() throws Exception {
        JsonNode byTitle = get("/api/v1/legal-basis?q=政府信息公开", "t_street");
        assertThat(byTitle.toString()).contains("ZFXXGK_TL");
        JsonNode byText = get("/api/v1/legal-basis?q=一次性告知", "t_street");
        assertThat(byText.toString()).contains("DIBAO_SHQR", "ZFXXGK_TL").doesNotContain("XZCF_FA");
        assertThat(get("/api/v1/legal-basis?q=没有这样的文字", "t_street")).isEmpty();
    }

    @Test
    void parameterValuesAreAsOfADateAndNeedAnotherPersonToApprove() throws Exception {
        JsonNode value =
                get("/api/v1/procedure/parameters/DIBAO_TOTAL_WD/value?asOf=2026-03-02&unit=610113001001", "t_street");
        assertThat(value.get("value").asInt()).isEqualTo(30);
        assertThat(value.get("dayType").asString()).isEqualTo("WORKING");
        String proposal = mvc.perform(post("/api/v1/procedure/parameters/DIBAO_PUBLICITY_DAYS/values")
                        .header("Authorization", api.bearer("t_officer"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"scopeCode":"610113001","value":"7","dayType":"WORKING","effectiveFrom":"2026-06-01",
                                 "basisNote":"小寨路街道执行7个工作日公示（示例）","reason":"街道规定"}
                                """))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = json.readTree(proposal).get("id").asLong();
        // not in force before approval
        assertThat(get(
                                "/api/v1/procedure/parameters/DIBAO_PUBLICITY_DAYS/value?asOf=2026-07-01&unit=610113001001",
                                "t_street")
                        .get("dayType")
                        .asString())
                .isEqualTo("CALENDAR");
        mvc.perform(post("/api/v1/procedure/parameter-values/" + id + "/approval")
                        .header("Authorization", api.bearer("t_leader"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"approve\":true}"))
                .andExpect(status().isOk());
        // the street's own value from its date; the district's before it and elsewhere
        assertThat(get(
                                "/api/v1/procedure/parameters/DIBAO_PUBLICITY_DAYS/value?asOf=2026-07-01&unit=610113001001",
                                "t_street")
                        .get("dayType")
                        .asString())
                .isEqualTo("WORKING");
        assertThat(get(
                                "/api/v1/procedure/parameters/DIBAO_PUBLICITY_DAYS/value?asOf=2026-05-01&unit=610113001001",
                                "t_street")
                        .get("dayType")
                        .asString())
                .isEqualTo("CALENDAR");
        assertThat(get(
                                "/api/v1/procedure/parameters/DIBAO_PUBLICITY_DAYS/value?asOf=2026-07-01&unit=610113002001",
                                "t_street")
                        .get("dayType")
                        .asString())
                .isEqualTo("CALENDAR");
        assertThat(get("/api/v1/procedure/parameters/DIBAO_PUBLICITY_DAYS", "t_street")
                        .get("values")
                        .size())
                .isEqualTo(2);
    }
}
