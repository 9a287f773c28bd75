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
 * The demo district's cases under the procedure kernel: 低保、特困、事实无人抚养儿童、行政处罚 and 政府信息公开 cases at every
 * stage — decided and delivered, in 公示 (standing on the public portal), suspended for materials, waiting for legal
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
        for (int round = 0; round < rounds; round++) {
            String street = String.format("%s%03d", district.code(), 1 + round % 10);
            String other = String.format("%s%03d", district.code(), 1 + (round + 1) % 10);
            built += tryCase("低保：已决定并送达", () -> dibaoDelivered(names, community(street, 1), today));
            built += tryCase("低保：受理后无人办理", () -> dibaoIdle(names, community(street, 2), today));
            built += tryCase("低保：补正后公示中", () -> dibaoInPublicity(names, community(other, 1), today));
            built += tryCase("低保：调查中", () -> dibaoInvestigating(names, community(other, 2), today));
            built += tryCase("低保：异议处理后待区局确认", () -> dibaoConfirming(names, community(street, 3), today));
            built += tryCase("低保：不予确认未送达", () -> dibaoRejected(names, community(street, 4), today));
            built += tryCase("低保：终止", () -> dibaoTerminated(names, community(other, 3), today));
            built += tryCase("特困：公示中", () -> tekunInPublicity(names, community(other, 4), today));
            built += tryCase("事实无人抚养儿童：待确认", () -> unraisedChild(names, community(street, 2), today));
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

    private long dibaoDelivered(DemoNames names, String community, LocalDate today) {
        String street = street(community);
        long id = dibaoAccepted(names, community, today.minusDays(60));
        as(street, () -> cases.perform(id, "START_INVESTIGATION", act(today.minusDays(58))));
        attach(street, id, "INVESTIGATION_FORM");
        as(street, () -> cases.perform(id, "HOME_VISIT", act(today.minusDays(55), names.person())));
        as(street, () -> decisions.draft(id, dibao(today.minusDays(50), "3", "42000", true)));
        as(street, () -> cases.perform(id, "PUBLISH", act(today.minusDays(49))));
        as(street, () -> cases.perform(id, "SUBMIT", act(today.minusDays(40))));
        as("qu_jingban", () -> cases.perform(id, "CONFIRM", act(today.minusDays(35))));
        return as(street, () -> cases.perform(id, "DELIVER", act(today.minusDays(33))))
                .id();
    }

    private long dibaoIdle(DemoNames names, String community, LocalDate today) {
        return dibaoAccepted(names, community, today.minusDays(45));
    }

    private long dibaoInPublicity(DemoNames names, String community, LocalDate today) {
        String street = street(community);
        long id = dibaoAccepted(names, community, today.minusDays(40));
        as(street, () -> cases.perform(id, "START_INVESTIGATION", act(today.minusDays(38))));
        as(
                street,
                () -> cases.suspend(
                        id,
                        new Cases.Suspension(
                                today.minusDays(35), "请补充提交家庭成员的残疾证明", List.of("VERIFICATION_REPORT"), LATE)));
        as(street, () -> cases.resume(id, act(today.minusDays(20))));
        as(street, () -> decisions.draft(id, dibao(today.minusDays(10), "2", "51000", true)));
        return as(street, () -> cases.perform(id, "PUBLISH", act(today.minusDays(2))))
                .id();
    }

    private long dibaoInvestigating(DemoNames names, String community, LocalDate today) {
        String street = street(community);
        long id = dibaoAccepted(names, community, today.minusDays(10));
        return as(street, () -> cases.perform(id, "START_INVESTIGATION", act(today.minusDays(9))))
                .id();
    }

    private long dibaoConfirming(DemoNames names, String community, LocalDate today) {
        String street = street(community);
        long id = dibaoAccepted(names, community, today.minusDays(50));
        as(street, () -> cases.perform(id, "START_INVESTIGATION", act(today.minusDays(49))));
        as(street, () -> decisions.draft(id, dibao(today.minusDays(40), "4", "30000", true)));
        Cases.CaseView published = as(street, () -> cases.perform(id, "PUBLISH", act(today.minusDays(39))));
        long notice = published.notices().get(0).id();
        Notices.NoticeView objected = as(
                "shequ_" + community,
                () -> notices.recordObjection(
                        notice, new Notices.NewObjection(today.minusDays(37), "PHONE", "反映申请人子女有稳定工作收入")));
        as(
                street,
                () -> notices.resolveObjection(
                        objected.objections().get(0).id(), false, "经入户核实，子女已分户独立生活且不承担赡养费用以外的收入，异议不成立"));
        as(street, () -> cases.perform(id, "SUBMIT", act(today.minusDays(28))));
        long total = published.clocks().stream()
                .filter(c -> c.code().equals("TOTAL"))
                .findFirst()
                .orElseThrow()
                .id();
        return as(street, () -> cases.requestExtension(id, total, new Cases.ExtensionRequest(45, "公示期间有群众异议，需重新核实")))
                .id();
    }

    private long dibaoRejected(DemoNames names, String community, LocalDate today) {
        String street = street(community);
        long id = dibaoAccepted(names, community, today.minusDays(50));
        as(street, () -> cases.perform(id, "START_INVESTIGATION", act(today.minusDays(48))));
        as(street, () -> decisions.draft(id, dibao(today.minusDays(40), "2", "96000", true)));
        as(street, () -> cases.perform(id, "PUBLISH", act(today.minusDays(39))));
        as(street, () -> cases.perform(id, "SUBMIT", act(today.minusDays(30))));
        return as("qu_jingban", () -> cases.perform(id, "CONFIRM", act(today.minusDays(20))))
                .id();
    }

    private long dibaoTerminated(DemoNames names, String community, LocalDate today) {
        String street = street(community);
        long id = dibaoAccepted(names, community, today.minusDays(30));
        return as(
                        street,
                        () -> cases.terminate(
                                id, new Cases.Act(today.minusDays(25), "申请人经两次告知仍拒绝配合入户调查", LATE, List.of())))
                .id();
    }

    private long tekunInPublicity(DemoNames names, String community, LocalDate today) {
        String street = street(community);
        long id = open(street, "TEKUN_RECOGNITION", community, names.person(), "PERSON", today.minusDays(20));
        attach(street, id, "APPLICATION", "PROMISE", "AUTHORISATION", "INVESTIGATION_FORM");
        as(street, () -> cases.perform(id, "ACCEPT", act(today.minusDays(20))));
        as(
                street,
                () -> decisions.draft(
                        id,
                        new Decisions.Draft(
                                null,
                                Map.of("noWorkCapacity", "true", "noIncomeSource", "true", "noSupporter", "true"),
                                "申请人年满60周岁，无生活来源，无法定赡养义务人。",
                                List.of(),
                                false,
                                null,
                                today.minusDays(5),
                                LATE)));
        return as(street, () -> cases.perform(id, "PUBLISH", act(today.minusDays(3))))
                .id();
    }

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

    private long penaltyAwaitingReview(DemoNames names, String community, LocalDate today) {
        long id = open("qu_jingban", "ADMIN_PENALTY", community, names.person(), "PERSON", today.minusDays(30));
        attach("qu_jingban", id, "FILING_FORM", "EVIDENCE", "INFORM_NOTICE");
        as("qu_jingban", () -> cases.perform(id, "INVESTIGATE", act(today.minusDays(28), "qu_jingban2")));
        as("qu_jingban", () -> cases.perform(id, "INFORM", act(today.minusDays(20))));
        Decisions.DecisionView draft =
                as("qu_jingban", () -> decisions.draft(id, penalty(today.minusDays(6), "2000000", false)));
        return as("qu_jingban", () -> decisions.submitForReview(draft.id())).caseId();
    }

    private long penaltyDecided(String community, LocalDate today) {
        long id =
                open("qu_jingban2", "ADMIN_PENALTY", community, "某某养老服务有限公司（演示）", "ORGANISATION", today.minusDays(40));
        attach("qu_jingban2", id, "FILING_FORM", "EVIDENCE", "INFORM_NOTICE", "HEARING_RECORD");
        as("qu_jingban2", () -> cases.perform(id, "INVESTIGATE", act(today.minusDays(38), "qu_jingban")));
        as("qu_jingban2", () -> cases.perform(id, "INFORM", act(today.minusDays(30))));
        as("qu_jingban2", () -> cases.perform(id, "HOLD_HEARING", act(today.minusDays(20))));
        Decisions.DecisionView draft =
                as("qu_jingban2", () -> decisions.draft(id, penalty(today.minusDays(15), "3000000", true)));
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
        return as("qu_jingban2", () -> cases.perform(id, "DELIVER", act(today.minusDays(3))))
                .id();
    }

    private long disclosureOverdue(DemoNames names, String community, LocalDate today) {
        long id =
                open("qu_jingban", "INFO_DISCLOSURE_REQUEST", community, names.person(), "PERSON", today.minusDays(40));
        attach("qu_jingban", id, "REQUEST");
        return as("qu_jingban", () -> cases.perform(id, "REGISTER", act(today.minusDays(38))))
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
                                        today.minusDays(11),
                                        "申请内容不明确：请写明所需信息的名称或文号",
                                        List.of("CORRECTED_REQUEST"),
                                        LATE)))
                .id();
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    private long dibaoAccepted(DemoNames names, String community, LocalDate received) {
        String street = street(community);
        long id = open(street, "DIBAO_APPLICATION", community, names.person(), "PERSON", received);
        attach(street, id, "APPLICATION", "PROMISE", "AUTHORISATION");
        as(street, () -> cases.perform(id, "ACCEPT", act(received)));
        return id;
    }

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
            as(
                    user,
                    () -> cases.attach(caseId, kind, kind.toLowerCase() + ".pdf", new ByteArrayInputStream(pdf), "演示"));
        }
    }

    private static Cases.Act act(LocalDate on, String... participants) {
        return new Cases.Act(on, null, LATE, List.of(participants));
    }

    private static Decisions.Draft dibao(LocalDate on, String size, String incomeFen, boolean assets) {
        return new Decisions.Draft(
                null,
                Map.of(
                        "householdSize",
                        size,
                        "perCapitaIncomeFen",
                        incomeFen,
                        "assetsWithinLimit",
                        Boolean.toString(assets)),
                "经入户调查、邻里访问和家庭经济状况核对，查明家庭收入和财产情况。",
                List.of(),
                false,
                null,
                on,
                LATE);
    }

    private static Decisions.Draft penalty(LocalDate on, String fineFen, boolean hearing) {
        return new Decisions.Draft(
                null,
                Map.of(
                        "violationEstablished", "true",
                        "minorAndCorrected", "false",
                        "fineFen", fineFen,
                        "severeSanction", "false",
                        "hearingHeld", Boolean.toString(hearing)),
                "经调查，当事人未按规定建立入院评估制度，经责令改正后逾期未改正。",
                List.of(),
                false,
                null,
                on,
                LATE);
    }

    private static String street(String community) {
        return "jiedao_" + community.substring(0, 9);
    }

    /** Runs the act as the named demo staff member, with the roles and scope of their account. */
    private <T> T as(String username, Supplier<T> work) {
        return staff.as(username, work);
    }
}
