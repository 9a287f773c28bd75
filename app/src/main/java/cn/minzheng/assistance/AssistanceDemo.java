package cn.minzheng.assistance;

import cn.minzheng.platform.District;
import cn.minzheng.region.Regions;
import cn.minzheng.resident.Relationship;
import cn.minzheng.resident.ResidentSearch;
import cn.minzheng.resident.ResidentSummary;
import cn.minzheng.shared.DemoStep;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
class AssistanceDemo implements DemoStep {

    private static final Logger log = LoggerFactory.getLogger(AssistanceDemo.class);

    private final AssistanceDemoBeneficiaries beneficiaries;
    private final AssistanceDemoCases cases;
    private final AssistanceDemoTeam team;
    private final AssistanceDemoCaseWork work;
    private final ReviewTasks reviews;
    private final PortalApplications portal;
    private final ResidentSearch search;
    private final Regions regions;
    private final District district;
    private final Clock clock;

    AssistanceDemo(
            AssistanceDemoBeneficiaries beneficiaries,
            AssistanceDemoCases cases,
            AssistanceDemoTeam team,
            AssistanceDemoCaseWork work,
            ReviewTasks reviews,
            PortalApplications portal,
            ResidentSearch search,
            Regions regions,
            District district,
            Clock clock) {
        this.beneficiaries = beneficiaries;
        this.cases = cases;
        this.team = team;
        this.work = work;
        this.reviews = reviews;
        this.portal = portal;
        this.search = search;
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

    @Override
    public void build(String size, long seed) {
        Random random = new Random(seed + 5);
        LocalDate today = LocalDate.now(clock);
        List<AssistanceDemoHousehold> households = households();
        AssistanceDemoBeneficiaries.Registered registered = beneficiaries.register(households, random, today);
        int built = cases.build(registered.reserved(), today);
        ReviewTasks.Generated tasks = reviews.generate(today);
        int responders = team.build(today);
        work.attempt(
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
                registered.beneficiaries(),
                registered.letters(),
                built,
                Math.max(0, tasks.periodic()) + Math.max(0, tasks.deaths()),
                responders);
    }

    /** Every household the district's search shows, grouped, the head first (at most 200 residents a community). */
    private List<AssistanceDemoHousehold> households() {
        List<AssistanceDemoHousehold> out = new ArrayList<>();
        List<String> communities = new ArrayList<>();
        for (Regions.Tree.Street street : regions.tree(LocalDate.now(clock)).streets()) {
            street.communities().forEach(c -> communities.add(c.code()));
        }
        for (String community : communities) {
            List<ResidentSummary> people = work.as(
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
                    out.add(new AssistanceDemoHousehold(id, community, members));
                }
            });
        }
        return out;
    }
}
