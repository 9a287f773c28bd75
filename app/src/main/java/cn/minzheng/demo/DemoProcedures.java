package cn.minzheng.demo;

import cn.minzheng.platform.District;
import cn.minzheng.platform.documents.PdfDocument;
import cn.minzheng.procedure.Cases;
import cn.minzheng.procedure.Decisions;
import cn.minzheng.procedure.LegalReviews;
import cn.minzheng.procedure.Notices;
import cn.minzheng.procedure.ReviewChecklist;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo district's cases under the procedure kernel: 事实无人抚养儿童、行政处罚 and 政府信息公开 cases at every
 * stage (低保 and 特困 cases are social assistance's: {@code DemoAssistance}) — decided and delivered, in 公示 (standing on the public portal), suspended for materials, waiting for legal
 * review, with a pending extension, terminated — and some past their statutory deadlines, so that the supervision board
 * and the to-do lists have content. Each act is done by the demo staff member whose role the procedure names, dated
 * back from today (recorded as 补录 with a reason, as the timeline shows). Synthetic people only.
 */
@Component
class DemoProcedures implements DemoStep {

    private static final Logger log = LoggerFactory.getLogger(DemoProcedures.class);
    private static final String LATE = "演示数据：历史案卷补录";

    private final Cases cases;
    private final Decisions decisions;
    private final LegalReviews reviews;
    private final Notices notices;
    private final DemoStaff staff;
    private final District district;
    private final Clock clock;
    private final DemoSavepoints savepoints;

    DemoProcedures(
            Cases cases,
            Decisions decisions,
            LegalReviews reviews,
            Notices notices,
            DemoStaff staff,
            District district,
            Clock clock,
            DemoSavepoints savepoints) {
        this.savepoints = savepoints;
        this.cases = cases;
        this.decisions = decisions;
        this.reviews = reviews;
        this.notices = notices;
        this.staff = staff;
        this.district = district;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "依法行政案件（程序内核）";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public String[] roles() {
        return new String[] {"SYSTEM_ADMIN"};
    }

    @Override
    public void build(String size, long seed) {
        DemoNames names = new DemoNames(seed + 4);
        LocalDate today = LocalDate.now(clock);
        int rounds = "district".equals(size) ? 10 : 1;
        int built = 0;
        for (String reviewer : List.of("fazhi", "fazhi2")) {
            as(
                    reviewer,
                    () -> reviews.recordQualification(new LegalReviews.Qualification(
                            "A2019" + (reviewer.length() * 1234567L) + "01", LocalDate.of(2019, 9, 1), false)));
        }
        for (int round = 0; round < rounds; round++) {
            String street = String.format("%s%03d", district.code(), 1 + round % 10);
            String other = String.format("%s%03d", district.code(), 1 + (round + 1) % 10);
            built += tryCase("事实无人抚养儿童：待确认", () -> unraisedChild(names, community(street, 2), today));
            built += tryCase("事实无人抚养儿童：受理后无人办理", () -> unraisedIdle(names, community(other, 3), today));
            built += tryCase("行政处罚：待法制审核", () -> penaltyAwaitingReview(names, community(street, 1), today));
            built += tryCase("行政处罚：已决定并公开", () -> penaltyDecided(community(other, 1), today));
            built += tryCase("信息公开：答复超期", () -> disclosureOverdue(names, community(street, 1), today));
            built += tryCase("信息公开：待补正", () -> disclosureWaiting(names, community(other, 2), today));
        }
        log.info("演示数据：已生成 {} 件依法行政案件", built);
    }

    private static String community(String street, int serial) {
        return street + String.format("%03d", serial);
    }

    /** One demo case; a failure (e.g. a year the calendar does not know) is logged and skipped, never fatal. */
    private int tryCase(String label, Runnable build) {
        try {
            savepoints.run(build);
            return 1;
        } catch (RuntimeException e) {
            log.warn("演示案件“{}”未能生成：{}", label, e.getMessage());
            return 0;
        }
    }

    // --- the cases --------------------------------------------------------------------------------------------------

    private long unraisedChild(DemoNames names, String community, LocalDate today) {
        String street = street(community);
        long id = open(street, "UNRAISED_CHILD", community, names.person(), "PERSON", today.minusDays(25));
        attach(street, id, "APPLICATION", "SITUATION_PROOF");
        as(street, () -> cases.perform(id, "ACCEPT", act(today.minusDays(25))));
        as(
                street,
                () -> decisions.draft(
                        id,
                        new Decisions.Draft(
                                null,
                                Map.of("parentsSituationMet", "true", "childUnder18", "true"),
                                "经部门信息比对，父亲服刑在押、母亲失联超过6个月。",
                                List.of(),
                                false,
                                null,
                                today.minusDays(12),
                                LATE)));
        return as(street, () -> cases.perform(id, "SUBMIT", act(today.minusDays(10))))
                .id();
    }

    /** Accepted long ago and nothing done since: the supervision board's 不作为. */
    private long unraisedIdle(DemoNames names, String community, LocalDate today) {
        String street = street(community);
        long id = open(street, "UNRAISED_CHILD", community, names.person(), "PERSON", today.minusDays(45));
        attach(street, id, "APPLICATION");
        return as(street, () -> cases.perform(id, "ACCEPT", act(today.minusDays(45))))
                .id();
    }

    private long penaltyAwaitingReview(DemoNames names, String community, LocalDate today) {
        long id = open("qu_jingban", "ADMIN_PENALTY", community, names.person(), "PERSON", today.minusDays(30));
        attach("qu_jingban", id, "FILING_FORM", "EVIDENCE", "INFORM_NOTICE", "STATEMENT_RECORD", "HEARING_WAIVER");
        as("qu_jingban", () -> cases.perform(id, "INVESTIGATE", act(today.minusDays(28), "qu_jingban2")));
        as("qu_jingban", () -> cases.perform(id, "INFORM", act(today.minusDays(20))));
        as("qu_jingban", () -> cases.perform(id, "RECORD_STATEMENT", act(today.minusDays(19))));
        as("qu_jingban", () -> cases.perform(id, "WAIVE_HEARING", act(today.minusDays(19))));
        Decisions.DecisionView draft =
                as("qu_jingban", () -> decisions.draft(id, penalty(today.minusDays(6), "PERSON", "2000000")));
        attach("quju_lingdao", id, "DISCUSSION_MINUTES");
        as("quju_lingdao", () -> cases.perform(id, "COLLECTIVE_DISCUSSION", act(today.minusDays(5))));
        return as("qu_jingban", () -> decisions.submitForReview(draft.id())).caseId();
    }

    private long penaltyDecided(String community, LocalDate today) {
        long id = open("qu_jingban2", "ADMIN_PENALTY", community, "某某福利彩票代销点（演示）", "ORGANISATION", today.minusDays(60));
        attach("qu_jingban2", id, "FILING_FORM", "EVIDENCE", "INFORM_NOTICE", "HEARING_REQUEST", "HEARING_NOTICE");
        as("qu_jingban2", () -> cases.perform(id, "INVESTIGATE", act(today.minusDays(58), "qu_jingban")));
        as("qu_jingban2", () -> cases.perform(id, "INFORM", act(today.minusDays(50))));
        as("qu_jingban2", () -> cases.perform(id, "REQUEST_HEARING", act(today.minusDays(49))));
        as("qu_jingban2", () -> cases.perform(id, "NOTIFY_HEARING", act(today.minusDays(48))));
        attach("qu_jingban2", id, "HEARING_RECORD", "STATEMENT_RECORD");
        as("qu_jingban2", () -> cases.perform(id, "HOLD_HEARING", act(today.minusDays(30))));
        as("qu_jingban2", () -> cases.perform(id, "RECORD_STATEMENT", act(today.minusDays(30))));
        Decisions.DecisionView draft =
                as("qu_jingban2", () -> decisions.draft(id, penalty(today.minusDays(15), "ORGANISATION", "3000000")));
        attach("quju_lingdao", id, "DISCUSSION_MINUTES");
        as("quju_lingdao", () -> cases.perform(id, "COLLECTIVE_DISCUSSION", act(today.minusDays(14))));
        as("qu_jingban2", () -> decisions.submitForReview(draft.id()));
        Map<ReviewChecklist, Boolean> checklist = new EnumMap<>(ReviewChecklist.class);
        for (ReviewChecklist item : ReviewChecklist.values()) {
            checklist.put(item, true);
        }
        as(
                "fazhi2",
                () -> reviews.review(
                        draft.id(), new LegalReviews.Review(checklist, "PASSED", "事实清楚，证据确凿，程序合法，适用依据正确，罚款在裁量基准之内。")));
        as("quju_lingdao", () -> cases.perform(id, "DECIDE", act(today.minusDays(5))));
        attach("qu_jingban2", id, "DELIVERY_RECEIPT");
        return as("qu_jingban2", () -> cases.perform(id, "DELIVER", act(today.minusDays(3))))
                .id();
    }

    private long disclosureOverdue(DemoNames names, String community, LocalDate today) {
        long id =
                open("qu_jingban", "INFO_DISCLOSURE_REQUEST", community, names.person(), "PERSON", today.minusDays(40));
        attach("qu_jingban", id, "REQUEST");
        Cases.CaseView registered = as("qu_jingban", () -> cases.perform(id, "REGISTER", act(today.minusDays(38))));
        long reply = registered.clocks().stream()
                .filter(c -> c.code().equals("REPLY"))
                .findFirst()
                .orElseThrow()
                .id();
        return as(
                        "qu_jingban",
                        () -> cases.requestExtension(
                                id, reply, new Cases.ExtensionRequest(40, "申请公开的信息涉及多个科室的历年档案，需要调取核对")))
                .id();
    }

    private long disclosureWaiting(DemoNames names, String community, LocalDate today) {
        long id = open(
                "qu_jingban2", "INFO_DISCLOSURE_REQUEST", community, names.person(), "PERSON", today.minusDays(12));
        return as(
                        "qu_jingban2",
                        () -> cases.suspend(
                                id,
                                new Cases.Suspension(
                                        "CORRECTION",
                                        today.minusDays(11),
                                        "申请内容不明确：请写明所需信息的名称或文号",
                                        List.of("CORRECTED_REQUEST"),
                                        today.plusDays(4),
                                        LATE)))
                .id();
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    private long open(String user, String type, String community, String party, String kind, LocalDate received) {
        return as(user, () -> cases.open(new Cases.NewCase(type, community, party, kind, null, received, LATE, "演示案件")))
                .id();
    }

    private void attach(String user, long caseId, String... kinds) {
        for (String kind : kinds) {
            byte[] pdf = PdfDocument.a4("演示材料")
                    .title("演示材料")
                    .paragraph("这是演示区自动生成的材料（" + kind + "），不含任何真实个人信息。")
                    .render();
            as(user, () -> cases.attach(caseId, kind, DemoFileNames.of(kind), new ByteArrayInputStream(pdf), "演示"));
        }
    }

    private static Cases.Act act(LocalDate on, String... participants) {
        return new Cases.Act(on, null, LATE, List.of(participants));
    }

    /** 《彩票管理条例》第十八条 violated (selling to a minor), 第四十一条 the 罚则: a fine of the given amount. */
    private static Decisions.Draft penalty(LocalDate on, String partyKind, String fineFen) {
        return new Decisions.Draft(
                null,
                Map.ofEntries(
                        Map.entry(
                                "partyAddress", "ORGANISATION".equals(partyKind) ? "西安市雁塔区某路某号（演示）" : "西安市雁塔区某小区（演示）"),
                        Map.entry("violationFacts", "当事人在福利彩票代销点向未成年人销售彩票"),
                        Map.entry("evidence", "现场检查笔录、视听资料、询问笔录（演示）"),
                        Map.entry("violationEstablished", "true"),
                        Map.entry("noFault", "false"),
                        Map.entry("minorCorrected", "false"),
                        Map.entry("firstMinorCorrected", "false"),
                        Map.entry("spareFirstOffence", "false"),
                        Map.entry("penaltyType", "FINE"),
                        Map.entry("fineFen", fineFen)),
                "经调查，当事人向未成年人销售彩票，违法事实清楚，证据确凿。",
                List.of(),
                false,
                null,
                on,
                LATE,
                List.of(cn.minzheng.procedure.Basis.of("CAIPIAO_TL", "18")),
                List.of(cn.minzheng.procedure.Basis.of("CAIPIAO_TL", "41")));
    }

    private static String street(String community) {
        return "jiedao_" + community.substring(0, 9);
    }

    /** Runs the act as the named demo staff member, with the roles and scope of their account. */
    private <T> T as(String username, Supplier<T> work) {
        return staff.as(username, work);
    }
}
