package cn.minzheng.resident;

import cn.minzheng.region.RegionUnit;
import cn.minzheng.region.Regions;
import cn.minzheng.shared.DemoStep;
import cn.minzheng.shared.IdDocumentType;
import cn.minzheng.shared.RegionLevel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo district's residents: households of the usual shapes (single elderly people, couples, couples with
 * children, three generations, single parents), synthetic names from common surnames and given-name characters — with
 * a few compound surnames, polyphonic surnames (曾, 单), a name with a character outside the Basic Multilingual Plane
 * (𠮷) and transliterated names with “·” — and valid synthetic ID numbers (mostly 610113…, some from elsewhere in
 * Shaanxi and beyond). Some people are registered twice, as duplicates for the master person index to find. Statuses
 * (disability, self-care, full-time study, serious illness, living alone) are spread at plausible rates.
 *
 * <p>{@code small}: 8 households per community, about 5 000 residents, loaded in seconds. {@code district}: about
 * 1.3 million residents (some 2 000 households per community), for the benchmarks. Deterministic for a seed; no real
 * person's name is paired with an ID number.
 */
@Component
class ResidentDemo implements DemoStep {

    private static final Logger log = LoggerFactory.getLogger(ResidentDemo.class);

    private final BulkRegistration registration;
    private final Regions regions;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    ResidentDemo(BulkRegistration registration, Regions regions, JdbcClient jdbc, TransactionTemplate transactions) {
        this.registration = registration;
        this.regions = regions;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * Not one transaction (the district size has 1.3 million residents): each community's households are registered in
     * a transaction of their own, and a community registered before an interruption is skipped — its people are still
     * generated, so that the rest of the district comes out as it would have.
     */
    @Override
    public boolean transactional() {
        return false;
    }

    private boolean registered(String community) {
        return Boolean.TRUE.equals(transactions.execute(status -> jdbc.sql(
                        "select exists (select 1 from household where community_code = ? and household_no = 'H00001')")
                .param(community)
                .query(Boolean.class)
                .single()));
    }

    @Override
    public String name() {
        return "居民与家庭";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String[] roles() {
        return new String[] {"DEPARTMENT_OFFICER"};
    }

    @Override
    public void build(String size, long seed) {
        int householdsPerCommunity = size.equals("district") ? 2_000 : 8;
        LocalDate today = regions.today();
        List<RegionUnit> communities = regions.all(RegionLevel.COMMUNITY, today);
        ResidentDemoHouseholds people = new ResidentDemoHouseholds(new Random(seed ^ 0x5245534944454E54L), today);
        int residents = 0;
        int households = 0;
        long started = System.nanoTime();
        List<BulkRegistration.Person> duplicates = new ArrayList<>();
        for (int c = 0; c < communities.size(); c++) {
            String community = communities.get(c).code();
            List<BulkRegistration.Household> batch = new ArrayList<>(householdsPerCommunity + 4);
            for (int h = 1; h <= householdsPerCommunity; h++) {
                BulkRegistration.Household household = people.household(String.format("H%05d", h), community);
                batch.add(household);
                // about one person in 2 000 was registered again somewhere else (moved without de-registering)
                if (people.random.nextInt(750) == 0) {
                    duplicates.add(household.members().get(0));
                }
            }
            // the people registered twice turn up as single-person households in the next community
            for (int d = 0; d < duplicates.size(); d++) {
                BulkRegistration.Person p = duplicates.get(d);
                boolean withoutDocument =
                        d % 3 == 2; // the second record lacks the ID number: found by name + birth + sex
                batch.add(new BulkRegistration.Household(
                        String.format("D%05d", d + 1),
                        community,
                        today.minusYears(1),
                        List.of(new BulkRegistration.Person(
                                p.name(),
                                p.gender(),
                                p.birthDate(),
                                withoutDocument ? IdDocumentType.NONE : p.documentType(),
                                withoutDocument ? null : p.idNumber(),
                                p.hukouAddressCode(),
                                null,
                                Relationship.HEAD,
                                List.of()))));
            }
            duplicates.clear();
            if (!registered(community)) {
                residents += registration.register(batch);
            }
            households += batch.size();
            if ((c + 1) % 20 == 0 || c == communities.size() - 1) {
                log.info(
                        "演示居民：{}/{} 个社区，{} 户，{} 人，{} s",
                        c + 1,
                        communities.size(),
                        households,
                        residents,
                        (System.nanoTime() - started) / 1_000_000_000);
            }
        }
        int found = registration.findDuplicates();
        log.info("演示居民已生成：{} 户，{} 人；疑似重复档案 {} 对", households, residents, found);
    }
}
