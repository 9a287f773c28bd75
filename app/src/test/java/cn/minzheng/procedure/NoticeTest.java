package cn.minzheng.procedure;

import static cn.minzheng.procedure.Fixtures.act;
import static cn.minzheng.procedure.Fixtures.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.test.As;
import cn.minzheng.test.TestDistrict;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Public notices carry only what the law allows (低保: name, household size, amount), mask natural persons in enforcement
 * disclosures, are refused where the law forbids them, stand on the portal only within their period, record objections
 * during it, and are taken down after it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class NoticeTest {

    @Autowired
    TestDistrict district;

    @Autowired
    Cases cases;

    @Autowired
    Decisions decisions;

    @Autowired
    Notices notices;

    @Autowired
    NoticeSweep sweep;

    @Autowired
    CaseStore store;

    @Autowired
    MatterTypes matterTypes;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Clock clock;

    @BeforeEach
    void setUp() {
        district.ensure();
    }

    /** A 低保 case in its 公示 period, published today (so that it stands on the portal). */
    private long publishedToday(String party) {
        LocalDate today = LocalDate.now(clock);
        long id = Fixtures.acceptedDibao(cases, party, today);
        As.street().run(() -> cases.perform(id, "START_INVESTIGATION", Cases.Act.today(null)));
        As.street()
                .run(() -> decisions.draft(
                        id,
                        new Decisions.Draft(
                                null,
                                java.util.Map.of(
                                        "householdSize",
                                        "3",
                                        "perCapitaIncomeFen",
                                        "45000",
                                        "assetsWithinLimit",
                                        "true"),
                                "人均收入低于标准",
                                List.of(),
                                false,
                                null,
                                null,
                                null)));
        As.street().run(() -> cases.perform(id, "PUBLISH", Cases.Act.today(null)));
        return id;
    }

    @Test
    void aDibaoNoticeShowsNameHouseholdSizeAndAmountOnly() throws Exception {
        long id = publishedToday("郑测试");
        Notices.NoticeView notice =
                As.street().call(() -> cases.view(id)).notices().get(0);
        assertThat(notice.content().fields()).extracting(Notices.Field::label).containsExactly("姓名", "家庭人数", "拟月保障金额");
        assertThat(notice.content().fields())
                .extracting(Notices.Field::value)
                .containsExactly("郑测试", "3 人", "1,050.00 元");
        String stored = jdbc.sql("select content from public_notice where id = ?")
                .param(notice.id())
                .query(String.class)
                .single();
        assertThat(stored).doesNotContain("45000", "450.00", "perCapita", "assets", "2026-DB", "household-1");

        // on the portal, without signing in
        String page = mvc.perform(get("/portal/notices/" + notice.id()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("郑测试", "1,050.00 元").doesNotContain("450.00");
        byte[] pdf = mvc.perform(get("/portal/notices/" + notice.id() + "/document"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        PdfChecks.assertFontsEmbedded(pdf);
        assertThat(PdfChecks.text(pdf).replaceAll("\\s+", "")).contains("郑测试", "拟月保障金额", "公示期");
    }

    @Test
    void enforcementDisclosuresMaskNaturalPersons() {
        long id = Fixtures.informedPenalty(cases, As.officer(), "王小明", "PERSON", d(5, 6));
        As.officer().run(() -> decisions.draft(id, Fixtures.penaltyDraft(d(5, 20), "300000")));
        Cases.CaseView decided = As.leader().call(() -> cases.perform(id, "DECIDE", act(d(5, 21))));
        Notices.NoticeView disclosure = decided.notices().stream()
                .filter(n -> n.kind().equals("RESULT"))
                .findFirst()
                .orElseThrow();
        assertThat(disclosure.content().fields())
                .extracting(Notices.Field::value)
                .contains("王某某", "3,000.00 元");
        assertThat(disclosure.content().fields())
                .extracting(Notices.Field::value)
                .noneMatch(v -> v.contains("小明"));
        assertThat(disclosure.content().fields())
                .extracting(Notices.Field::value)
                .anyMatch(v -> v.matches("雁民罚决〔2026〕\\d+号"));
    }

    @Test
    void noNoticeIsEverMadeForChildrenWithNoOneToRaiseThem() {
        long id = As.street()
                .call(() -> cases.open(new Cases.NewCase(
                        "UNRAISED_CHILD", Fixtures.COMMUNITY, "冯测试", "PERSON", null, d(6, 1), "补录", null)))
                .id();
        MatterType type =
                matterTypes.byId(As.street().call(() -> cases.view(id)).matterTypeVersionId());
        assertThat(type.notice().forbidden()).isTrue();
        assertThat(type.steps()).noneMatch(MatterType.Step::notice);
        assertThatThrownBy(() -> As.street()
                        .run(() -> transactions.executeWithoutResult(s -> notices.publish(
                                store.find(id).orElseThrow(), type, Actor.current(), d(6, 2), "PUBLICITY", null))))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("不得公示");
        // and a declaration that tries to add one is refused
        String withNotice = ProcedureReferenceData.read("procedure/matter-types/unraised-child.yaml")
                .replace("    requires: [DECISION_DRAFTED]\n", "    requires: [DECISION_DRAFTED]\n    notice: true\n");
        assertThat(As.officer().call(() -> matterTypes.check(withNotice))).anyMatch(p -> p.contains("不得公示"));
    }

    @Test
    void objectionsAreRecordedDuringThePeriodAndBlockTheNextStepUntilResolved() {
        long id = publishedToday("陈测试");
        Notices.NoticeView notice =
                As.street().call(() -> cases.view(id)).notices().get(0);
        assertThatThrownBy(() -> As.community()
                        .run(() -> notices.recordObjection(
                                notice.id(),
                                new Notices.NewObjection(notice.periodEnd().plusDays(1), "PHONE", "有车辆"))))
                .isInstanceOf(BusinessRuleViolation.class);
        Notices.NoticeView objected = As.community()
                .call(() -> notices.recordObjection(
                        notice.id(), new Notices.NewObjection(null, "PHONE", "群众反映申请人家庭有未申报的车辆")));
        assertThat(objected.objections()).hasSize(1);
        Cases.CaseView view = As.street().call(() -> cases.view(id));
        assertThat(view.actions())
                .filteredOn(a -> a.code().equals("SUBMIT"))
                .singleElement()
                .satisfies(a -> assertThat(a.problems())
                        .anyMatch(p -> p.contains("公示期至"))
                        .anyMatch(p -> p.contains("异议")));
        Notices.NoticeView resolved = As.street()
                .call(() ->
                        notices.resolveObjection(objected.objections().get(0).id(), false, "经核查车辆已于申请前过户，异议不成立"));
        assertThat(resolved.objections().get(0).status()).isEqualTo("DISMISSED");
    }

    @Test
    void theSweepTakesExpiredNoticesDownAndThePortalNeverShowsThem() throws Exception {
        long id = Fixtures.acceptedDibao(cases, "褚测试", d(3, 2));
        As.street().run(() -> cases.perform(id, "START_INVESTIGATION", act(d(3, 3))));
        As.street().run(() -> decisions.draft(id, Fixtures.dibaoDraft(d(3, 4), "2", "45000", true)));
        As.street().run(() -> cases.perform(id, "PUBLISH", act(d(3, 5))));
        long noticeId = As.street().call(() -> cases.view(id)).notices().get(0).id();
        // past its period: not on the portal even before the sweep ran (the query and the row policy filter by period)
        mvc.perform(get("/portal/notices/" + noticeId)).andExpect(status().isNotFound());
        assertThat(notices.standing()).noneMatch(n -> n.id() == noticeId);
        sweep.sweep(LocalDate.now(clock));
        Cases.CaseView after = As.street().call(() -> cases.view(id));
        assertThat(after.notices().get(0).status()).isEqualTo("TAKEN_DOWN");
        assertThat(after.timeline()).anyMatch(e -> e.kind().equals("NOTICE_ENDED"));
        // a second round finds nothing more to do
        sweep.sweep(LocalDate.now(clock));
        assertThat(As.street().call(() -> cases.view(id)).timeline())
                .filteredOn(e -> e.kind().equals("NOTICE_ENDED"))
                .hasSize(1);
    }

    @Test
    void theRowPolicyHidesNoticesOutsideTheirPeriodFromTheUnscopedPortal() {
        long standing = publishedToday("卫测试");
        long noticeId =
                As.street().call(() -> cases.view(standing)).notices().get(0).id();
        long old = Fixtures.acceptedDibao(cases, "蒋测试", d(3, 2));
        As.street().run(() -> cases.perform(old, "START_INVESTIGATION", act(d(3, 3))));
        As.street().run(() -> decisions.draft(old, Fixtures.dibaoDraft(d(3, 4), "2", "45000", true)));
        As.street().run(() -> cases.perform(old, "PUBLISH", act(d(3, 5))));
        long expiredId =
                As.street().call(() -> cases.view(old)).notices().get(0).id();
        // no scope at all (as the portal's anonymous transaction): only notices within their period are rows
        List<Long> visible = transactions.execute(
                s -> jdbc.sql("select id from public_notice").query(Long.class).list());
        assertThat(visible).contains(noticeId).doesNotContain(expiredId);
        Long visibleCases = transactions.execute(s -> jdbc.sql("select count(*) from procedure_case")
                .query(Long.class)
                .single());
        assertThat(visibleCases).isZero();
        Long expired = transactions.execute(s -> jdbc.sql(
                        "select count(*) from public_notice where period_end < (now() at time zone 'Asia/Shanghai')::date")
                .query(Long.class)
                .single());
        assertThat(expired).isZero();
    }
}
