package cn.minzheng.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.test.Api;
import cn.minzheng.test.As;
import cn.minzheng.test.TestDistrict;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 11 A3: the kernel's generic 低保 and 特困 matter types were a second route that skipped the authorisation
 * letters, 核对, the household rule and the spot check. They are retired — a database that still holds their versions
 * opens no new case under them — and social assistance's own types are registered only where that module takes the
 * application, never on the kernel's generic screen or API.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RetiredMatterTypesTest {

    @Autowired
    TestDistrict district;

    @Autowired
    Cases cases;

    @Autowired
    MatterTypes matterTypes;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void setUp() {
        district.ensure();
    }

    @Test
    void aDatabaseThatStillHoldsTheGenericDibaoTypeOpensNoCaseUnderIt() {
        // As an installation from before the retirement would hold it: a stored version of the old declaration.
        String yaml = ProcedureReferenceData.read("procedure/matter-types/example-application.yaml")
                .replace("code: EXAMPLE_APPLICATION", "code: DIBAO_APPLICATION");
        jdbc.update("""
                insert into matter_type_version (code, version, name, category, definition, content_sm3, source,
                    published_by)
                values ('DIBAO_APPLICATION', 1, '最低生活保障申请审核确认', '社会救助', ?, repeat('0', 64), 'file:old', 'system')
                """, yaml);

        assertThat(As.street().call(() -> matterTypes.list()))
                .extracting(MatterType::code)
                .doesNotContain("DIBAO_APPLICATION", "TEKUN_RECOGNITION");
        assertThatThrownBy(() -> As.street()
                        .call(() -> cases.open(new Cases.NewCase(
                                "DIBAO_APPLICATION",
                                Fixtures.COMMUNITY,
                                "停用测试",
                                "PERSON",
                                null,
                                LocalDate.now(),
                                null,
                                null))))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("停止使用")
                .hasMessageContaining("社会救助");
        // … and nobody can bring it back with a new declaration.
        assertThatThrownBy(() -> As.officer().call(() -> matterTypes.declare(yaml)))
                .isInstanceOf(MatterTypes.Rejected.class)
                .satisfies(e -> assertThat(((MatterTypes.Rejected) e).problems())
                        .anyMatch(p -> p.contains("停止使用") && p.contains("ASSIST_DIBAO")));
    }

    @Test
    void assistanceCasesAreNotRegisteredOnTheKernelsGenericScreenOrApi() throws Exception {
        assertThatThrownBy(() -> As.street()
                        .call(() -> cases.openOnKernel(new Cases.NewCase(
                                "ASSIST_DIBAO",
                                Fixtures.COMMUNITY,
                                "绕行测试",
                                "PERSON",
                                null,
                                LocalDate.now(),
                                null,
                                null))))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("社会救助 → 救助申请 → 受理登记");

        Api api = new Api(mvc);
        mvc.perform(post("/api/v1/procedure/cases")
                        .header("Authorization", api.bearer("t_street"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"matterType\":\"ASSIST_TEKUN\",\"communityCode\":\"" + Fixtures.COMMUNITY
                                + "\",\"partyName\":\"绕行测试\",\"partyKind\":\"PERSON\"}"))
                .andExpect(status().isUnprocessableContent());

        String page = mvc.perform(get("/procedure/cases/new")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .authentication(As.street().authentication())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).doesNotContain("ASSIST_DIBAO", "DIBAO_APPLICATION", "最低生活保障");
    }
}
