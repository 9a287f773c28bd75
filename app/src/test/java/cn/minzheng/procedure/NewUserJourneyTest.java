package cn.minzheng.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.minzheng.test.Api;
import cn.minzheng.test.As;
import cn.minzheng.test.TestDistrict;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The "done when", through the screens as a new user would: declare a small matter type, run a case through
 * it, watch the deadline move when the clock is suspended, fail to issue a major decision without review, print the
 * decision with its citations, and see an overdue case on the supervision board.
 */
@SpringBootTest
@AutoConfigureMockMvc
class NewUserJourneyTest {

    @Autowired
    TestDistrict district;

    @Autowired
    MockMvc mvc;

    @Autowired
    Cases cases;

    @Autowired
    Clock clock;

    @Autowired
    LegalReviews reviews;

    @BeforeEach
    void setUp() {
        district.ensure();
        Fixtures.qualify(reviews, As.legal());
    }

    private <B extends AbstractMockHttpServletRequestBuilder<B>> MvcResult form(As who, B request) throws Exception {
        return mvc.perform(request.with(authentication(who.authentication())).with(csrf()))
                .andReturn();
    }

    private String page(As who, String path) throws Exception {
        MvcResult result = mvc.perform(get(path).with(authentication(who.authentication())))
                .andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return result.getResponse().getContentAsString();
    }

    @Test
    void aNewUserDefinesAMatterTypeAndRunsACaseThroughIt() throws Exception {
        // 1. declare the small matter type from the screen's example
        String example = CatalogueController.EXAMPLE;
        MvcResult declared = form(As.officer(), post("/procedure/matter-types").param("definition", example));
        assertThat(declared.getResponse().getRedirectedUrl()).isEqualTo("/procedure/matter-types/EXAMPLE_SUBSIDY");
        assertThat(page(As.officer(), "/procedure/matter-types/EXAMPLE_SUBSIDY"))
                .contains("示例：一次性生活补贴申请", "办理时限");
        // a broken declaration comes back with every problem
        MvcResult broken = form(
                As.officer(),
                post("/procedure/matter-types").param("definition", example.replace("to: CHECKING", "to: NOWHERE")));
        assertThat(broken.getFlashMap().get("problems").toString()).contains("状态不存在：NOWHERE");

        // 2. the street officer registers a case (received earlier, recorded now) and attaches the application
        LocalDate received = LocalDate.of(2026, 3, 2);
        MvcResult opened = form(
                As.street(),
                post("/procedure/cases")
                        .param("matterType", "EXAMPLE_SUBSIDY")
                        .param("communityCode", Fixtures.COMMUNITY)
                        .param("partyName", "秦测试")
                        .param("partyKind", "PERSON")
                        .param("receivedOn", received.toString())
                        .param("lateReason", "纸质申请补录"));
        String casePath = opened.getResponse().getRedirectedUrl();
        assertThat(casePath).startsWith("/procedure/cases/");
        long id = Long.parseLong(casePath.substring("/procedure/cases/".length()));
        form(
                As.street(),
                multipart(casePath + "/attachments")
                        .file(new MockMultipartFile("file", "申请书.pdf", "application/pdf", Fixtures.pdf("申请书")))
                        .param("kind", "APPLICATION"));
        assertThat(due(id, "ACCEPTANCE")).isEqualTo(LocalDate.of(2026, 3, 9)); // 5 working days to decide on 受理

        // 3. 补正 comes before 受理: suspend for materials and resume; the deadline moves by the suspended working days
        form(
                As.street(),
                post(casePath + "/suspension")
                        .param("reason", "补充提交医疗票据")
                        .param("on", "2026-03-04")
                        .param("lateReason", "补录"));
        assertThat(page(As.street(), casePath)).contains("中止：补正材料");
        form(
                As.street(),
                post(casePath + "/resumption").param("on", "2026-03-10").param("lateReason", "补录"));
        // 3-3 and 3-4 used; 3 of 5 left from 3-10: 3-11, 3-12, 3-13
        assertThat(due(id, "ACCEPTANCE")).isEqualTo(LocalDate.of(2026, 3, 13));
        form(
                As.street(),
                post(casePath + "/steps/ACCEPT").param("on", "2026-03-10").param("lateReason", "补录"));
        assertThat(due(id, "TOTAL")).isEqualTo(LocalDate.of(2026, 3, 24)); // 10 working days from 3-10

        // 4. the decision is major (the type says: always reviewed); issuing it without review fails
        MvcResult drafted = form(
                As.officer(),
                post(casePath + "/decisions")
                        .param("fact.expenseFen", "500000")
                        .param("reasons", "因病产生突发刚性支出")
                        .param("on", "2026-03-12")
                        .param("lateReason", "补录"));
        assertThat(drafted.getFlashMap().get("notice")).isEqualTo("已起草决定");
        MvcResult refused = form(
                As.officer(),
                post(casePath + "/steps/DECIDE").param("on", "2026-03-13").param("lateReason", "补录"));
        assertThat((String) refused.getFlashMap().get("problem")).contains("法制审核");
        long decision =
                As.officer().call(() -> cases.view(id)).decisions().get(0).id();
        form(As.officer(), post("/procedure/decisions/" + decision + "/review-request"));
        assertThat(page(As.legal(), "/procedure/reviews")).contains("示例：一次性生活补贴申请");
        MockHttpServletRequestBuilder review = post("/procedure/reviews/" + decision)
                .param("conclusion", "PASSED")
                .param("opinion", "事实清楚，依据正确，裁量适当");
        for (ReviewChecklist item : ReviewChecklist.values()) {
            review.param("check." + item.name(), "true");
        }
        assertThat(page(As.legal(), "/procedure/reviews/" + decision)).contains("审核要点");
        form(As.legal(), review);
        MvcResult decided = form(
                As.officer(),
                post(casePath + "/steps/DECIDE").param("on", "2026-03-13").param("lateReason", "补录"));
        assertThat(decided.getFlashMap().get("notice")).isEqualTo("已办理");

        // 5. the decision document: numbered, citing its articles and the applicant's remedies
        Api api = new Api(mvc);
        byte[] pdf = mvc.perform(get("/api/v1/procedure/decisions/" + decision + "/document")
                        .header("Authorization", api.bearer("t_officer")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        PdfChecks.assertFontsEmbedded(pdf);
        String text = PdfChecks.text(pdf).replaceAll("\\s+", "");
        assertThat(text)
                .contains("一次性生活补贴决定书")
                .containsPattern("雁民示例〔2026〕\\d+号")
                .contains("《社会救助暂行办法》第四十七条")
                .contains("2,500.00元")
                .contains("60日内向西安市雁塔区人民政府申请行政复议")
                .contains("6个月内依法向人民法院提起行政诉讼");

        // 6. an overdue case appears on the supervision board, as 不作为 (nothing done since its clock started)
        long overdue = As.street()
                .call(() -> cases.open(new Cases.NewCase(
                        "EXAMPLE_SUBSIDY",
                        Fixtures.COMMUNITY,
                        "尤测试",
                        "PERSON",
                        null,
                        LocalDate.of(2026, 4, 1),
                        "补录",
                        null)))
                .id();
        Fixtures.attach(cases, As.street(), overdue, "APPLICATION");
        As.street().run(() -> cases.perform(overdue, "ACCEPT", Fixtures.act(LocalDate.of(2026, 4, 1))));
        String board = page(As.leader(), "/procedure/supervision");
        String number = As.street().call(() -> cases.view(overdue)).caseNumber();
        assertThat(board).contains(number).contains("不作为");
        assertThat(page(As.officer(), "/procedure/todo"))
                .contains(number)
                .contains("已超期"); // the next step is the department's
        assertThat(LocalDate.now(clock)).isAfter(LocalDate.of(2026, 4, 15));
    }

    @Test
    void everyScreenRendersForACaseWithEverything() throws Exception {
        long id = Fixtures.acceptedDibao(cases, "许测试", LocalDate.of(2026, 3, 2));
        As.street().run(() -> cases.perform(id, "START_INVESTIGATION", Fixtures.act(LocalDate.of(2026, 3, 3))));
        long total = As.street().call(() -> cases.view(id)).clocks().stream()
                .filter(c -> c.code().equals("TOTAL"))
                .findFirst()
                .orElseThrow()
                .id();
        As.street().run(() -> cases.requestExtension(id, total, new Cases.ExtensionRequest(45, "人户分离")));
        String casePage = page(As.leader(), "/procedure/cases/" + id);
        assertThat(casePage).contains("批准").contains("审核确认总时限");
        String street = page(As.street(), "/procedure/cases/" + id);
        // accepted: no more 补正 (审核确认办法第十条)
        assertThat(street).contains("许测试", "起草决定", "办理过程").doesNotContain("补正材料（一次性告知）</strong>");
        for (String path : new String[] {
            "/procedure/cases",
            "/procedure/cases/new",
            "/procedure/todo",
            "/procedure/supervision",
            "/procedure/matter-types",
            "/procedure/matter-types/EXAMPLE_APPLICATION",
            "/procedure/parameters",
            "/procedure/parameters/DIBAO_STD_URBAN",
            "/procedure/legal-basis",
            "/procedure/legal-basis/DIBAO_SHQR",
            "/procedure/legal-basis?q=公示"
        }) {
            page(As.street(), path);
        }
        page(As.officer(), "/procedure/matter-types/new");
        page(As.legal(), "/procedure/reviews");
        assertThat(page(As.leader(), "/procedure/todo")).contains("待批准延长期限");
        assertThat(mvc.perform(get("/portal/notices")).andReturn().getResponse().getStatus())
                .isEqualTo(200);
        // the menu offers the module's screens
        assertThat(page(As.street(), "/")).contains("我的待办", "案件办理", "督办看板", "法律依据");
    }

    private LocalDate due(long id, String clock) {
        return As.street().call(() -> cases.view(id)).clocks().stream()
                .filter(c -> c.code().equals(clock))
                .findFirst()
                .orElseThrow()
                .dueOn();
    }
}
