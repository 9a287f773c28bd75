package cn.minzheng.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.platform.District;
import cn.minzheng.platform.SystemActor;
import cn.minzheng.region.RegionChangeKind;
import cn.minzheng.region.RegionRemapping;
import cn.minzheng.region.Regions;
import cn.minzheng.shared.RegionLevel;
import cn.minzheng.test.TestPostgresSql;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The demo district a newcomer sees: the seed's community counts and history, the accounts the README lists. */
@SpringBootTest(properties = {"minzheng.demo.size=small", "minzheng.demo-password=Yanta-Pass-2023x"})
class DemoDistrictTest {

    @Autowired
    Regions regions;

    @Autowired
    RegionRemapping remapping;

    @Autowired
    District district;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void hasTenStreetsAnd240CommunitiesWithThe2023History() {
        assertThat(regions.count(RegionLevel.STREET, regions.today())).isEqualTo(10);
        assertThat(regions.count(RegionLevel.COMMUNITY, regions.today())).isEqualTo(240);
        long handovers = regions.recentChanges(1000).stream()
                .filter(c -> c.kind() == RegionChangeKind.TRANSFER)
                .count();
        assertThat(handovers).as("开发区社区移交接收").isEqualTo(30);
        var splits = regions.recentChanges(1000).stream()
                .filter(c -> c.kind() == RegionChangeKind.SPLIT)
                .toList();
        assertThat(splits.stream().mapToInt(c -> c.successors().size()).sum())
                .as("新建拆分社区")
                .isEqualTo(28);
        for (var split : splits) {
            RegionRemapping.Reconciliation reconciliation =
                    SystemActor.call(district.scope(), () -> remapping.reconcile(split.id()), "DEPARTMENT_OFFICER");
            assertThat(reconciliation.balanced()).isTrue();
            assertThat(reconciliation.complete()).isTrue();
        }
    }

    @Test
    void theReadmeAccountsExistWithTheirRolesAndScopes() {
        String[][] expected = {
            {"qu_jingban", "DEPARTMENT_OFFICER", "610113"},
            {"jiedao_610113001", "STREET_OFFICER", "610113001"},
            {"shequ_610113001001", "COMMUNITY_WORKER", "610113001001"},
            {"fazhi", "LEGAL_REVIEWER", "610113"},
            {"shenji", "AUDIT_ADMIN", "610113"},
            {"anquan", "SECURITY_ADMIN", "610113"},
            {"quju_lingdao", "DISTRICT_LEADER", "610113"}
        };
        for (String[] account : expected) {
            String found = TestPostgresSql.queryForObject(
                    jdbc,
                    "select r.role || ' ' || a.scope_code from staff_account a join staff_role r on r.account_id = a.id"
                            + " where a.username = ?",
                    String.class,
                    account[0]);
            assertThat(found).as(account[0]).isEqualTo(account[1] + " " + account[2]);
        }
        long communityWorkers = TestPostgresSql.queryForObject(
                jdbc, "select count(*) from staff_role where role = 'COMMUNITY_WORKER'", Long.class);
        assertThat(communityWorkers).isGreaterThanOrEqualTo(240);
    }
}
