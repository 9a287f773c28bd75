package cn.minzheng.verification;

import cn.minzheng.platform.District;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.DemoStep;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo district's 家庭经济状况核对: 授权书 for six households of 小寨路街道's first community, a small delivery of
 * eight sources generated for their members (synthetic numbers of the demo residents) among a few hundred made-up
 * strangers, and their requests at every stage — a confirmed finding with its report, an objection re-reviewed by
 * the district, findings waiting for review, a household without findings, and one refused for a missing 授权书 —
 * then a re-verification of whoever receives assistance. Synthetic people only.
 */
@Component
class VerificationDemo implements DemoStep {

    private static final Logger log = LoggerFactory.getLogger(VerificationDemo.class);

    private final VerificationDemoFamilies households;
    private final VerificationDemoReview reviews;
    private final VerificationRequests requests;
    private final VerificationCentre centre;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final District district;
    private final Clock clock;

    /**
     * The re-verification of every beneficiary renders a report per household; on the first start it runs on the
     * module's worker so that the login page does not wait for it. Tests run it in the foreground: they copy the
     * database as a template before each test class, which must not happen in the middle of a batch.
     */
    private final boolean batchInBackground;

    VerificationDemo(
            VerificationDemoFamilies households,
            VerificationDemoReview reviews,
            VerificationRequests requests,
            VerificationCentre centre,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            District district,
            Clock clock,
            @Value("${minzheng.demo.batch-in-background:true}") boolean batchInBackground) {
        this.batchInBackground = batchInBackground;
        this.households = households;
        this.reviews = reviews;
        this.requests = requests;
        this.centre = centre;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.district = district;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "家庭经济状况核对";
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public String[] roles() {
        return new String[] {"DEPARTMENT_OFFICER"};
    }

    @Override
    public void build(String size, long seed) {
        LocalDate today = LocalDate.now(clock);
        String street = district.code() + "001";
        String community = street + "001";
        List<VerificationDemoFamily> families = households.families(community, today);
        if (families.size() < 6) {
            log.warn("演示核对：{} 中可用的家庭不足 6 户，未生成核对演示数据", community);
            return;
        }
        // the departments' data: a delivery writes the verification store outside the database, so each is made once
        // and a start interrupted after it skips it (the same seed gives the same files)
        long started = System.nanoTime();
        Map<String, String> files =
                VerificationDemoDeliveries.deliveries(families, today, new Random(seed ^ 0x4845444955L));
        for (Map.Entry<String, String> file : files.entrySet()) {
            if (loaded(file.getKey(), file.getValue())) {
                continue;
            }
            long id = centre.deliver(
                    file.getKey(), file.getKey() + ".csv", file.getValue().getBytes(StandardCharsets.UTF_8));
            if (!centre.deliveryStatus(id).equals("LOADED")) {
                throw new IllegalStateException("演示核对数据 " + file.getKey() + " 导入失败");
            }
        }
        long loaded = System.nanoTime();
        String streetOfficer = "jiedao_" + street;
        // letters, requests and their review: one transaction, all or nothing
        transactions.executeWithoutResult(status -> {
            households.letters(families, today);
            List<RequestSummary> done = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                VerificationDemoFamily f = families.get(i);
                int n = i + 1;
                done.add(reviews.as(
                        streetOfficer,
                        street,
                        "STREET_OFFICER",
                        () -> requests.request(
                                new VerificationRequests.HouseholdRequest(f.id(), "DIBAO", "case:demo-" + n))));
            }
            reviews.review(done.get(0), done.get(1), streetOfficer, street);
        });
        // the sixth household is refused (a member has not signed): outside the transaction above, so that the
        // refusal's audit entry is kept (rolled back with a savepoint, it was lost); a refusal stores nothing else, so
        // a start interrupted after it and run again only records a second refused attempt
        try {
            reviews.as(
                    streetOfficer,
                    street,
                    "STREET_OFFICER",
                    () -> requests.request(new VerificationRequests.HouseholdRequest(
                            families.get(5).id(), "DIBAO", "case:demo-6")));
        } catch (BusinessRuleViolation expected) {
            log.info("演示核对：第 6 户因缺少授权书未予核对（演示）");
        }
        long requested = System.nanoTime();
        Long running = transactions.execute(status -> jdbc.sql("select max(id) from verification_batch")
                .query(Long.class)
                .optional()
                .orElse(null));
        // a batch begun before an interruption goes on by itself at the start (BatchVerifications)
        long batch = running != null
                ? running
                : batchInBackground ? centre.startReverificationOfBeneficiaries() : centre.reverifyBeneficiaries();
        log.info(
                "演示核对：导入 {} 项数据 {} ms，5 户交互核对 {} ms（平均 {} ms/户），在保对象批量复核第 {} 批{}",
                files.size(),
                (loaded - started) / 1_000_000,
                (requested - loaded) / 1_000_000,
                (requested - loaded) / 5_000_000,
                batch,
                batchInBackground ? "已在后台开始" : "已完成");
    }

    /** Not one transaction: its deliveries write the verification store; each part is done once (see build). */
    @Override
    public boolean transactional() {
        return false;
    }

    /** Whether this very file was delivered and loaded already (by a start that was interrupted later). */
    private boolean loaded(String source, String content) {
        String sm3 = cn.minzheng.shared.Sm3.hex(content.getBytes(StandardCharsets.UTF_8));
        return Boolean.TRUE.equals(transactions.execute(status -> jdbc.sql(
                        "select exists (select 1 from verification_delivery where source_code = ? and file_sm3 = ?"
                                + " and status = 'LOADED')")
                .params(source, sm3)
                .query(Boolean.class)
                .single()));
    }
}
