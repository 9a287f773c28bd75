package cn.minzheng.procedure;

import cn.minzheng.platform.DemoSavepoints;
import cn.minzheng.platform.District;
import cn.minzheng.shared.DemoNames;
import cn.minzheng.shared.DemoStep;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo district's cases under the procedure kernel: 事实无人抚养儿童、行政处罚 and 政府信息公开 cases at every
 * stage (低保 and 特困 cases are social assistance's: {@code AssistanceDemo}) — decided and delivered, in 公示 (standing on the public portal), suspended for materials, waiting for legal
 * review, with a pending extension, terminated — and some past their statutory deadlines, so that the supervision board
 * and the to-do lists have content. Each act is done by the demo staff member whose role the procedure names, dated
 * back from today (recorded as 补录 with a reason, as the timeline shows). Synthetic people only.
 */
@Component
class ProcedureDemo implements DemoStep {

    private static final Logger log = LoggerFactory.getLogger(ProcedureDemo.class);

    private final LegalReviews reviews;
    private final ProcedureDemoCases cases;
    private final ProcedureDemoPenalties penalties;
    private final ProcedureDemoFiling filing;
    private final District district;
    private final Clock clock;
    private final DemoSavepoints savepoints;

    ProcedureDemo(
            LegalReviews reviews,
            ProcedureDemoCases cases,
            ProcedureDemoPenalties penalties,
            ProcedureDemoFiling filing,
            District district,
            Clock clock,
            DemoSavepoints savepoints) {
        this.reviews = reviews;
        this.cases = cases;
        this.penalties = penalties;
        this.filing = filing;
        this.district = district;
        this.clock = clock;
        this.savepoints = savepoints;
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
            filing.as(
                    reviewer,
                    () -> reviews.recordQualification(new LegalReviews.Qualification(
                            "A2019" + (reviewer.length() * 1234567L) + "01", LocalDate.of(2019, 9, 1), false)));
        }
        for (int round = 0; round < rounds; round++) {
            String street = String.format("%s%03d", district.code(), 1 + round % 10);
            String other = String.format("%s%03d", district.code(), 1 + (round + 1) % 10);
            built += tryCase("事实无人抚养儿童：待确认", () -> cases.unraisedChild(names, community(street, 2), today));
            built += tryCase("事实无人抚养儿童：受理后无人办理", () -> cases.unraisedIdle(names, community(other, 3), today));
            built += tryCase("行政处罚：待法制审核", () -> penalties.awaitingReview(names, community(street, 1), today));
            built += tryCase("行政处罚：已决定并公开", () -> penalties.decided(community(other, 1), today));
            built += tryCase("信息公开：答复超期", () -> cases.disclosureOverdue(names, community(street, 1), today));
            built += tryCase("信息公开：待补正", () -> cases.disclosureWaiting(names, community(other, 2), today));
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
}
