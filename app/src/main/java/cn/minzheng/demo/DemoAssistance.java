package cn.minzheng.demo;

import cn.minzheng.assistance.Application;
import cn.minzheng.assistance.Applications;
import cn.minzheng.assistance.Assessments;
import cn.minzheng.assistance.CaseKind;
import cn.minzheng.assistance.EmergencyTeam;
import cn.minzheng.assistance.Investigation;
import cn.minzheng.assistance.Investigations;
import cn.minzheng.assistance.LegacyBeneficiaries;
import cn.minzheng.assistance.PortalApplications;
import cn.minzheng.assistance.ReviewTasks;
import cn.minzheng.assistance.VerificationResults;
import cn.minzheng.assistance.rules.CareGrade;
import cn.minzheng.platform.District;
import cn.minzheng.platform.documents.PdfDocument;
import cn.minzheng.procedure.Cases;
import cn.minzheng.procedure.Parameters;
import cn.minzheng.region.Regions;
import cn.minzheng.resident.HouseholdMembershipPolicy;
import cn.minzheng.resident.Relationship;
import cn.minzheng.resident.ResidentSearch;
import cn.minzheng.resident.ResidentSummary;
import cn.minzheng.resident.Residents;
import cn.minzheng.verification.Authorisation;
import cn.minzheng.verification.Authorisations;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo district's social assistance: the current beneficiaries (some 15 % of the households on 低保, elderly people
 * living alone on 特困 with their care subsidy — registered as 存量对象 with their paper decision's number, so that the
 * monthly rolls pay them and a year of payment history can be made from them), cases at every stage on demo households
 * (told what is missing, investigating, in public notice, waiting for the district's home visit, decided and delivered,
 * a 特困 case drawn for the spot check, 先行救助 with overdue paperwork, 支出型 paid, a change case from a review task),
 * the review tasks due, an emergency response team in 小寨路街道 with dispatches, and a portal application waiting.
 * Each act is done by the demo staff member whose role the procedure names. Synthetic people only.
 */
@Component
class DemoAssistance implements DemoStep {

    private static final Logger log = LoggerFactory.getLogger(DemoAssistance.class);
    private static final String LATE = "演示数据：历史案卷补录";

    private final Applications applications;
    private final Investigations investigations;
    private final VerificationResults verifications;
    private final Assessments assessments;
    private final ReviewTasks reviews;
    private final EmergencyTeam team;
    private final PortalApplications portal;
    private final LegacyBeneficiaries legacy;
    private final Cases cases;
    private final Parameters parameters;
    private final Authorisations authorisations;
    private final ResidentSearch search;
    private final Residents residents;
    private final DemoStaff staff;
    private final Regions regions;
    private final District district;
    private final Clock clock;
    private final DemoSavepoints savepoints;

    DemoAssistance(
            Applications applications,
            Investigations investigations,
            VerificationResults verifications,
            Assessments assessments,
            ReviewTasks reviews,
            EmergencyTeam team,
            PortalApplications portal,
            LegacyBeneficiaries legacy,
            Cases cases,
            Parameters parameters,
            Authorisations authorisations,
            ResidentSearch search,
            Residents residents,
            DemoStaff staff,
            Regions regions,
            District district,
            Clock clock,
            DemoSavepoints savepoints) {
        this.savepoints = savepoints;
        this.applications = applications;
        this.investigations = investigations;
        this.verifications = verifications;
        this.assessments = assessments;
        this.reviews = reviews;
        this.team = team;
        this.portal = portal;
        this.legacy = legacy;
        this.cases = cases;
        this.parameters = parameters;
        this.authorisations = authorisations;
        this.search = search;
        this.residents = residents;
        this.staff = staff;
        this.regions = regions;
        this.district = district;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "社会救助（存量对象、各环节案件、核查任务、应急响应服务队）";
    }

    /**
     * After the residents (10) and the kernel's own cases (40); before the verification demo (50), which re-verifies
     * whoever receives assistance, and the payment history (90), which pays the statuses registered here.
     */
    @Override
    public int order() {
        return 45;
    }

    @Override
    public String[] roles() {
        return new String[] {"SYSTEM_ADMIN"};
    }

    /** A 存量 beneficiary's household and the programme its paper decision was for. */
    private record Signing(Household household, String programme, LocalDate from) {}

    /**
     * The 授权书 that the 存量对象 signed when they applied on paper (审核确认办法第九条), entered by their street as the
     * street's staff enter any letter: every member the household counts today, for the programme of the decision,
     * signed before the first month paid and valid while assisted (no end date). Without them the verification demo's
     * monthly re-verification could check none of them. The verification demo keeps its own household without a letter
     * (in 610113001001, chosen among households nobody has a letter for).
     */
    private int letters(List<Signing> signings, LocalDate today) {
        int recorded = 0;
        for (Signing s : signings) {
            String street = street(s.household().community());
            LocalDate signed = s.from().minusDays(20);
            List<Long> counted = as(
                            street,
                            () -> residents.membersForAssistance(s.household().id(), today))
                    .stream()
                    .filter(d -> d.verdict() != HouseholdMembershipPolicy.Verdict.EXCLUDED)
                    .map(HouseholdMembershipPolicy.Decision::residentId)
                    .toList();
            for (long member : counted) {
                as(
                        street,
                        () -> authorisations.record(new Authorisations.NewAuthorisation(
                                member,
                                Set.of(s.programme()),
                                Authorisation.Signer.SELF,
                                null,
                                signed,
                                null,
                                null,
                                null)));
                recorded++;
            }
        }
        return recorded;
    }

    /** A demo household: its id, community and members (the head first). */
    private record Household(long id, String community, List<ResidentSummary> members) {

        ResidentSummary head() {
            return members.get(0);
        }

        long[] ids() {
            return members.stream().mapToLong(ResidentSummary::id).toArray();
        }
    }

    @Override
    public void build(String size, long seed) {
        Random random = new Random(seed + 5);
        LocalDate today = LocalDate.now(clock);
        // amounts from the district's parameters, as a decision would have computed them
        long standard = fen("DIBAO_STD_URBAN", today);
        long tekunBasic = parameters
                .valueAsOf("TEKUN_BASIC_MULTIPLIER", district.code(), today)
                .value()
                .multiply(java.math.BigDecimal.valueOf(standard))
                .setScale(0, java.math.RoundingMode.HALF_UP)
                .longValueExact();
        List<Household> households = households();
        List<Household> reserved = new ArrayList<>();
        List<LegacyBeneficiaries.Legacy> rows = new ArrayList<>();
        List<Signing> signings = new ArrayList<>();
        int serial = 0;
        for (Household h : households) {
            // the first community of 小寨路街道 is left to the verification demo, whose households' letters it arranges
            boolean caseStreet = (h.community().startsWith(district.code() + "001")
                            || h.community().startsWith(district.code() + "002"))
                    && !h.community().equals(district.code() + "001001");
            if (caseStreet && reserved.size() < 24 && random.nextInt(4) == 0) {
                reserved.add(h); // kept for the cases below
                continue;
            }
            LocalDate from = today.withDayOfMonth(1).minusMonths(2 + random.nextInt(22));
            LocalDate reviewed = today.minusDays(random.nextInt(360));
            if (reviewed.isBefore(from)) {
                reviewed = from;
            }
            int age = h.head().ageOn(today);
            if (h.members().size() == 1 && age >= 70 && random.nextInt(3) == 0) {
                CareGrade grade = CareGrade.values()[random.nextInt(3)];
                long care = fen(
                        switch (grade) {
                            case SELF_CARE -> "TEKUN_CARE_SELF_FEN";
                            case PARTIAL -> "TEKUN_CARE_PARTIAL_FEN";
                            case FULL -> "TEKUN_CARE_FULL_FEN";
                        },
                        today);
                rows.add(new LegacyBeneficiaries.Legacy(
                        CaseKind.TEKUN,
                        null,
                        h.head().id(),
                        1,
                        tekunBasic,
                        care,
                        grade,
                        from,
                        reviewed,
                        false,
                        "雁民特困〔" + from.getYear() + "〕" + (++serial) + "号（演示）"));
                signings.add(new Signing(h, "TEKUN", from));
            } else if (random.nextInt(100) < 15) {
                int members = h.members().size();
                // the gap method: the standard less a per-capita income of up to 60 % of it
                long perPerson = standard - standard * random.nextInt(61) / 100;
                rows.add(new LegacyBeneficiaries.Legacy(
                        CaseKind.DIBAO,
                        h.id(),
                        null,
                        members,
                        perPerson * members,
                        0,
                        null,
                        from,
                        reviewed,
                        random.nextInt(10) < 3,
                        "雁民低保〔" + from.getYear() + "〕" + (++serial) + "号（演示）"));
                signings.add(new Signing(h, "DIBAO", from));
            }
        }
        int registered = 0;
        for (int i = 0; i < rows.size(); i += 200) {
            List<LegacyBeneficiaries.Legacy> batch = rows.subList(i, Math.min(rows.size(), i + 200));
            registered += as("qu_jingban", () -> legacy.register(batch));
        }
        int letters = letters(signings, today);
        int built = cases(reserved, today);
        ReviewTasks.Generated tasks = reviews.generate(today);
        int responders = team(today);
        tryCase(
                "网上申请",
                () -> portal.submit(new PortalApplications.Submission(
                        "DIBAO",
                        district.code() + "001001",
                        "网上申请人",
                        "13700000001",
                        2,
                        "夫妻二人均患慢性病，无固定收入，想申请低保",
                        true)));
        log.info(
                "演示数据：存量救助对象 {} 个（授权书 {} 份），社会救助案件 {} 件，核查任务 {} 件，应急响应队员 {} 名",
                registered,
                letters,
                built,
                Math.max(0, tasks.periodic()) + Math.max(0, tasks.deaths()),
                responders);
    }

    /** Every household the district's search shows, grouped, the head first (at most 200 residents a community). */
    private List<Household> households() {
        List<Household> out = new ArrayList<>();
        List<String> communities = new ArrayList<>();
        for (Regions.Tree.Street street : regions.tree(LocalDate.now(clock)).streets()) {
            street.communities().forEach(c -> communities.add(c.code()));
        }
        for (String community : communities) {
            List<ResidentSummary> people = as(
                    "qu_jingban",
                    () -> search.search(new ResidentSearch.Query("", community, 0, 200))
                            .items());
            Map<Long, List<ResidentSummary>> byHousehold = new LinkedHashMap<>();
            for (ResidentSummary p : people) {
                if (p.householdId() != null
                        && p.diedOn() == null
                        && p.communityCode().equals(community)) {
                    byHousehold
                            .computeIfAbsent(p.householdId(), k -> new ArrayList<>())
                            .add(p);
                }
            }
            byHousehold.forEach((id, members) -> {
                members.sort(java.util.Comparator.comparing(p -> p.relationship() != Relationship.HEAD));
                if (members.get(0).relationship() == Relationship.HEAD) {
                    out.add(new Household(id, community, members));
                }
            });
        }
        return out;
    }

    // --- cases at every stage ----------------------------------------------------------------------------------

    private int cases(List<Household> reserved, LocalDate today) {
        List<Household> families =
                reserved.stream().filter(h -> h.members().size() >= 2).toList();
        List<Household> singles = reserved.stream()
                .filter(h -> h.members().size() == 1 && h.head().ageOn(today) >= 60)
                .toList();
        List<Household> any = new ArrayList<>(families);
        int built = 0;
        int f = 0;
        built += f < families.size() ? tryCase("低保：一次性告知补正", at(families, f++, h -> notified(h, today))) : 0;
        built += f < families.size() ? tryCase("低保：调查核实中", at(families, f++, h -> investigating(h, today))) : 0;
        built += f < families.size() ? tryCase("低保：公示中", at(families, f++, h -> inPublicity(h, today))) : 0;
        built += f < families.size() ? tryCase("低保：单独登记备案待入户核查", at(families, f++, h -> confirming(h, today))) : 0;
        built += f < families.size() ? tryCase("低保：已决定并送达", at(families, f++, h -> decided(h, today))) : 0;
        built += f < families.size() ? tryCase("临时救助：先行救助补办手续超期", at(families, f++, h -> urgent(h, today))) : 0;
        built += f < families.size() ? tryCase("临时救助：支出型已发放", at(families, f++, h -> expenditure(h, today))) : 0;
        if (!singles.isEmpty()) {
            built += tryCase("特困：抽查待区局确认", at(singles, 0, h -> tekun(h, today)));
        } else if (f < any.size()) {
            built += tryCase("特困：抽查待区局确认", at(any, f++, h -> tekun(h, today)));
        }
        return built;
    }

    private interface Build {
        void on(Household h);
    }

    private static Runnable at(List<Household> list, int index, Build build) {
        return () -> build.on(list.get(index));
    }

    private Application intake(Household h, CaseKind kind, LocalDate on, boolean relatives, String... materials) {
        String street = street(h.community());
        return as(
                        street,
                        () -> applications.intake(new Applications.Intake(
                                kind,
                                kind == CaseKind.TEKUN ? null : h.id(),
                                kind == CaseKind.TEKUN ? h.head().id() : null,
                                false,
                                on,
                                LATE,
                                relatives,
                                relatives ? "申请人之女为本社区居委会委员（演示）" : null,
                                false,
                                materials(materials),
                                null,
                                kind == CaseKind.TEMPORARY || kind == CaseKind.TEMPORARY_URGENT
                                        ? new Applications.TemporaryRequest(
                                                kind == CaseKind.TEMPORARY_URGENT ? "GENERAL" : "SERIOUS",
                                                h.members().size(),
                                                kind == CaseKind.TEMPORARY_URGENT
                                                        ? "家中突发火灾，生活用品被毁（演示）"
                                                        : "家庭成员重病住院，自付医疗费用较高（演示）")
                                        : null)))
                .application();
    }

    private void investigate(Household h, Application a, LocalDate on, long wageFen, boolean verify) {
        String street = street(h.community());
        for (long member : h.ids()) {
            as(
                    street,
                    () -> authorisations.record(new Authorisations.NewAuthorisation(
                            member,
                            Set.of("ALL"),
                            Authorisation.Signer.SELF,
                            null,
                            on.minusDays(1),
                            null,
                            null,
                            null)));
        }
        if (a.kind() == CaseKind.DIBAO) {
            as(street, () -> cases.perform(a.caseId(), "START_INVESTIGATION", act(on)));
        }
        as(street, () -> cases.perform(a.caseId(), "REQUEST_VERIFICATION", act(on)));
        // Members whose place in the household the policy leaves open (第七条) are answered by the investigators, with
        // their reason, as a caseworker would after the home visit; the others follow the policy.
        List<Investigation.Member> answers = a.householdId() == null
                ? List.of()
                : as(street, () -> residents.membersForAssistance(a.householdId(), on)).stream()
                        .filter(d -> d.verdict() == HouseholdMembershipPolicy.Verdict.NEEDS_REVIEW)
                        .map(d -> new Investigation.Member(
                                d.residentId(), d.name(), true, "入户核实：与申请人共同生活、共同生活开支，计入（演示）", false))
                        .toList();
        as(
                street,
                () -> investigations.record(
                        a.id(),
                        new Investigations.NewInvestigation(
                                on,
                                List.of("街道社会救助经办人", "社区网格员"),
                                answers,
                                wageFen > 0
                                        ? List.of(new Investigation.Income(
                                                h.head().name(), "WAGE", wageFen, "灵活就业"))
                                        : List.of(),
                                Investigation.Property.none(),
                                true,
                                null,
                                false,
                                List.of(),
                                List.of(),
                                null,
                                "入户查看居住和生活情况（演示）")));
        attach(street, a.caseId(), "INVESTIGATION_FORM");
        as(street, () -> cases.perform(a.caseId(), "HOME_VISIT", act(on, "社区网格员")));
        if (verify) {
            as(
                    street,
                    () -> verifications.recordManual(
                            a.id(),
                            new VerificationResults.ManualResult(
                                    on,
                                    h.members().size(),
                                    12,
                                    0,
                                    0,
                                    1,
                                    "核对系统尚未接入：人工向社保、公积金、不动产、车辆管理部门查询，未发现不符合条件的情形（演示）")));
        }
    }

    private void notified(Household h, LocalDate today) {
        intake(h, CaseKind.DIBAO, today.minusDays(3), false, "APPLICATION");
    }

    private void investigating(Household h, LocalDate today) {
        Application a = intake(h, CaseKind.DIBAO, today.minusDays(12), false, ALL_MATERIALS);
        investigate(h, a, today.minusDays(10), 60_000, false);
    }

    private void inPublicity(Household h, LocalDate today) {
        Application a = intake(h, CaseKind.DIBAO, today.minusDays(20), false, ALL_MATERIALS);
        investigate(h, a, today.minusDays(18), 50_000, true);
        String street = street(h.community());
        as(street, () -> assessments.draft(a.id(), today.minusDays(3), null, LATE, null));
        as(street, () -> cases.perform(a.caseId(), "PUBLISH", act(today.minusDays(3))));
    }

    private void confirming(Household h, LocalDate today) {
        Application a = intake(h, CaseKind.DIBAO, today.minusDays(30), true, ALL_MATERIALS);
        investigate(h, a, today.minusDays(28), 40_000, true);
        String street = street(h.community());
        as(street, () -> assessments.draft(a.id(), today.minusDays(20), null, LATE, null));
        as(street, () -> cases.perform(a.caseId(), "PUBLISH", act(today.minusDays(20))));
        as(street, () -> cases.perform(a.caseId(), "SUBMIT", act(today.minusDays(10))));
    }

    private void decided(Household h, LocalDate today) {
        Application a = intake(h, CaseKind.DIBAO, today.minusDays(60), false, ALL_MATERIALS);
        investigate(h, a, today.minusDays(58), 30_000, true);
        String street = street(h.community());
        as(street, () -> assessments.draft(a.id(), today.minusDays(50), null, LATE, null));
        as(street, () -> cases.perform(a.caseId(), "PUBLISH", act(today.minusDays(50))));
        as(street, () -> cases.perform(a.caseId(), "SUBMIT", act(today.minusDays(40))));
        as("qu_jingban", () -> cases.perform(a.caseId(), "CONFIRM", act(today.minusDays(35))));
        as(street, () -> cases.perform(a.caseId(), "DELIVER", act(today.minusDays(33))));
    }

    private void urgent(Household h, LocalDate today) {
        Application a = intake(h, CaseKind.TEMPORARY_URGENT, today.minusDays(15), false);
        String street = street(h.community());
        as(street, () -> assessments.draft(a.id(), today.minusDays(15), null, LATE, null));
        attach(street, a.caseId(), "SITUATION_RECORD");
        as(street, () -> cases.perform(a.caseId(), "GRANT", act(today.minusDays(15))));
    }

    private void expenditure(Household h, LocalDate today) {
        Application a = intake(
                h,
                CaseKind.TEMPORARY,
                today.minusDays(40),
                false,
                "APPLICATION",
                "PROMISE",
                "AUTHORISATION",
                "EXPENSE_PROOF");
        investigate(h, a, today.minusDays(38), 0, true);
        String street = street(h.community());
        as(street, () -> assessments.draft(a.id(), today.minusDays(36), null, LATE, null));
        as(street, () -> cases.perform(a.caseId(), "SUBMIT", act(today.minusDays(36))));
        as("qu_jingban", () -> cases.perform(a.caseId(), "CONFIRM", act(today.minusDays(30))));
        as(street, () -> cases.perform(a.caseId(), "DELIVER", act(today.minusDays(28))));
    }

    private void tekun(Household h, LocalDate today) {
        Application a = intake(h, CaseKind.TEKUN, today.minusDays(30), false, ALL_MATERIALS);
        investigate(h, a, today.minusDays(28), 0, true);
        String street = street(h.community());
        as(
                street,
                () -> investigations.assessCare(
                        a.id(),
                        today.minusDays(28),
                        new CareGrade.Activities(true, true, false, false, true, true),
                        "街道评估员"));
        as(street, () -> assessments.draft(a.id(), today.minusDays(25), null, LATE, null));
        as(street, () -> cases.perform(a.caseId(), "PUBLISH", act(today.minusDays(25))));
        as(street, () -> cases.perform(a.caseId(), "SUBMIT", act(today.minusDays(15))));
    }

    // --- the emergency response team -----------------------------------------------------------------------------

    private int team(LocalDate today) {
        String street = district.code() + "001";
        Map<String, List<Long>> byCommunity = new java.util.TreeMap<>();
        int enrolled = 0;
        int n = 0;
        for (Regions.Tree.Street s : regions.tree(today).streets()) {
            if (!s.unit().code().equals(street)) {
                continue;
            }
            for (var community : s.communities()) {
                for (int i = 0; i < 3; i++) {
                    int number = ++n;
                    String phone = String.format("1390%07d", number);
                    try {
                        EmergencyTeam.Responder r = savepoints.call(() -> as(
                                "jiedao_" + street,
                                () -> team.enrol(new EmergencyTeam.NewResponder(
                                        community.code(),
                                        "应急队员" + number,
                                        phone,
                                        new String[] {"医护", "心理疏导", "搬运与陪护"}[number % 3],
                                        today.minusMonths(6)))));
                        byCommunity
                                .computeIfAbsent(community.code(), k -> new ArrayList<>())
                                .add(r.id());
                        enrolled++;
                    } catch (RuntimeException e) {
                        log.warn("演示应急队员未能登记：{}", e.getMessage());
                    }
                }
            }
        }
        // two dispatches in the street's first communities: one closed with its outcome, one still open
        List<Map.Entry<String, List<Long>>> first =
                byCommunity.entrySet().stream().limit(2).toList();
        for (int i = 0; i < first.size(); i++) {
            Map.Entry<String, List<Long>> entry = first.get(i);
            boolean close = i == 0;
            tryCase("急难派单", () -> {
                EmergencyTeam.Dispatch d = as(
                        "jiedao_" + street,
                        () -> team.dispatch(new EmergencyTeam.NewDispatch(
                                entry.getKey(), null, "独居老人在家摔倒，需送医并临时照看（演示）", "IMMEDIATE", entry.getValue())));
                long assignment = d.assignments().get(0).id();
                as("jiedao_" + street, () -> team.record(assignment, "ARRIVED", null));
                if (close) {
                    as("jiedao_" + street, () -> team.close(d.id(), "已送医并联系家属，转临时救助（演示）"));
                }
            });
        }
        return enrolled;
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private static final String[] ALL_MATERIALS = {"APPLICATION", "PROMISE", "AUTHORISATION", "ID_DOCUMENTS"};

    private long fen(String code, LocalDate on) {
        return parameters.valueAsOf(code, district.code(), on).fen();
    }

    private int tryCase(String label, Runnable build) {
        try {
            savepoints.run(build);
            return 1;
        } catch (RuntimeException e) {
            log.warn("演示社会救助“{}”未能生成：{}", label, e.getMessage());
            return 0;
        }
    }

    private static List<Applications.Material> materials(String... kinds) {
        List<Applications.Material> out = new ArrayList<>();
        for (String kind : kinds) {
            out.add(new Applications.Material(kind, DemoFileNames.of(kind), pdf(kind)));
        }
        return out;
    }

    private static byte[] pdf(String kind) {
        return PdfDocument.a4("演示材料")
                .title("演示材料")
                .paragraph("这是演示区自动生成的材料（" + kind + "），不含任何真实个人信息。")
                .render();
    }

    private void attach(String user, long caseId, String kind) {
        as(user, () -> cases.attach(caseId, kind, DemoFileNames.of(kind), new ByteArrayInputStream(pdf(kind)), "演示"));
    }

    private static Cases.Act act(LocalDate on, String... participants) {
        return new Cases.Act(on, null, LATE, List.of(participants));
    }

    private static String street(String community) {
        return "jiedao_" + community.substring(0, 9);
    }

    /** Runs the act as the named demo staff member, with the roles and scope of their account. */
    private <T> T as(String username, Supplier<T> work) {
        return staff.as(username, work);
    }
}
