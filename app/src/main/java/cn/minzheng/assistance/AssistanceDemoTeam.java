package cn.minzheng.assistance;

import cn.minzheng.platform.DemoSavepoints;
import cn.minzheng.platform.District;
import cn.minzheng.region.Regions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The assistance demo's emergency response team in 小寨路街道: three responders per community, and two dispatches in
 * the street's first communities, one closed with its outcome, one still open.
 */
@Component
class AssistanceDemoTeam {

    private static final Logger log = LoggerFactory.getLogger(AssistanceDemoTeam.class);

    private final EmergencyTeam team;
    private final Regions regions;
    private final District district;
    private final DemoSavepoints savepoints;
    private final AssistanceDemoCaseWork work;

    AssistanceDemoTeam(
            EmergencyTeam team,
            Regions regions,
            District district,
            DemoSavepoints savepoints,
            AssistanceDemoCaseWork work) {
        this.team = team;
        this.regions = regions;
        this.district = district;
        this.savepoints = savepoints;
        this.work = work;
    }

    // --- the emergency response team -----------------------------------------------------------------------------

    int build(LocalDate today) {
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
                        EmergencyTeam.Responder r = savepoints.call(() -> work.as(
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
            work.attempt("急难派单", () -> {
                EmergencyTeam.Dispatch d = work.as(
                        "jiedao_" + street,
                        () -> team.dispatch(new EmergencyTeam.NewDispatch(
                                entry.getKey(), null, "独居老人在家摔倒，需送医并临时照看（演示）", "IMMEDIATE", entry.getValue())));
                long assignment = d.assignments().get(0).id();
                work.as("jiedao_" + street, () -> team.record(assignment, "ARRIVED", null));
                if (close) {
                    work.as("jiedao_" + street, () -> team.close(d.id(), "已送医并联系家属，转临时救助（演示）"));
                }
            });
        }
        return enrolled;
    }
}
