package cn.minzheng.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.minzheng.platform.District;
import cn.minzheng.platform.SystemActor;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.RegionLevel;
import cn.minzheng.test.TestDistrict;
import cn.minzheng.test.TestPostgresSql;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/** Territory changes keep history, answer "as of" questions, and move references so that counts reconcile. */
@SpringBootTest
class RegionChangesTest {

    private static final LocalDate BEFORE = LocalDate.of(2023, 6, 1);
    private static final LocalDate SPLIT_DAY = LocalDate.of(2023, 9, 1);

    @Autowired
    RegionChanges changes;

    @Autowired
    RegionRemapping remapping;

    @Autowired
    Regions regions;

    @Autowired
    District district;

    @Autowired
    TestDistrict testDistrict;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        testDistrict.ensure();
    }

    private <T> T asDistrict(java.util.function.Supplier<T> work) {
        return SystemActor.call(district.scope(), work, "DEPARTMENT_OFFICER");
    }

    private long staffAt(String code) {
        return TestPostgresSql.queryForObject(
                jdbc, "select count(*) from staff_account where scope_code = ?", Long.class, code);
    }

    @Test
    void aSplitKeepsHistoryAndTheOperatorMapsEveryReferenceUntilTheCountsReconcile() {
        String old = "610113002050";
        asDistrict(() -> changes.establish(
                old, "超大社区", "610113002", LocalDate.of(2020, 1, 1), true, null, RegionChanges.Basis.none()));
        SystemActor.run(district.scope(), () -> testDistrictAccounts(old), "SYSTEM_ADMIN");
        assertThat(staffAt(old)).isEqualTo(3);

        long change = asDistrict(() -> changes.split(
                old,
                List.of(
                        new RegionChanges.NewUnit("610113002051", "北区社区"),
                        new RegionChanges.NewUnit("610113002052", "南区社区")),
                SPLIT_DAY,
                new RegionChanges.Basis("雁政函〔2023〕1号", "超大社区拆分")));

        assertThat(regions.find(old, BEFORE)).isPresent();
        assertThat(regions.find(old, SPLIT_DAY)).isEmpty();
        assertThat(regions.find("610113002051", SPLIT_DAY)).isPresent();
        assertThat(regions.find("610113002051", BEFORE)).isEmpty();
        assertThat(regions.history(old))
                .hasSize(1)
                .first()
                .extracting(RegionUnit::validTo)
                .isEqualTo(SPLIT_DAY);

        RegionRemapping.Reconciliation before = asDistrict(() -> remapping.reconcile(change));
        RegionRemapping.Line line = line(before);
        assertThat(line.before()).isEqualTo(3);
        assertThat(line.remaining()).isEqualTo(3);
        assertThat(before.balanced()).isTrue();
        assertThat(before.complete()).isFalse();

        List<String> ids = asDistrict(() -> remapping.pending(change, 10)).get(0).sample().stream()
                .map(CommunityReferences.Reference::id)
                .toList();
        asDistrict(() -> remapping.map(change, "staff_account", ids.subList(0, 2), "610113002051"));
        asDistrict(() -> remapping.map(change, "staff_account", ids.subList(2, 3), "610113002052"));
        assertThatThrownBy(() ->
                        asDistrict(() -> remapping.map(change, "staff_account", ids.subList(0, 1), "610113002051")))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("已不在原社区");

        RegionRemapping.Reconciliation after = asDistrict(() -> remapping.reconcile(change));
        line = line(after);
        assertThat(line.mapped()).containsEntry("610113002051", 2L).containsEntry("610113002052", 1L);
        assertThat(line.remaining()).isZero();
        assertThat(after.balanced()).isTrue();
        assertThat(after.complete()).isTrue();
        assertThat(staffAt("610113002051") + staffAt("610113002052")).isEqualTo(3);
    }

    @Test
    void aSplitOnlyMapsToItsOwnSuccessors() {
        String old = "610113002060";
        asDistrict(() -> changes.establish(
                old, "待拆社区", "610113002", LocalDate.of(2020, 1, 1), true, null, RegionChanges.Basis.none()));
        long change = asDistrict(() -> changes.split(
                old,
                List.of(
                        new RegionChanges.NewUnit("610113002061", "甲社区"),
                        new RegionChanges.NewUnit("610113002062", "乙社区")),
                SPLIT_DAY,
                RegionChanges.Basis.none()));
        assertThatThrownBy(() ->
                        asDistrict(() -> remapping.map(change, "staff_account", List.of("1"), TestDistrict.COMMUNITY)))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("不是这次拆分产生的社区");
    }

    @Test
    void aTransferToAnotherStreetGivesANewCodeAndMovesReferencesAtOnce() {
        String old = "610113002070";
        asDistrict(() -> changes.establish(
                old, "划转社区", "610113002", LocalDate.of(2020, 1, 1), true, null, RegionChanges.Basis.none()));
        SystemActor.run(district.scope(), () -> testDistrictAccounts(old), "SYSTEM_ADMIN");
        long change = asDistrict(() -> changes.transfer(
                old, "610113001", "610113001070", null, null, true, SPLIT_DAY, RegionChanges.Basis.none()));
        assertThat(staffAt(old)).isZero();
        assertThat(staffAt("610113001070")).isEqualTo(3);
        assertThat(regions.find("610113001070", SPLIT_DAY))
                .get()
                .extracting(RegionUnit::parentCode)
                .isEqualTo("610113001");
        assertThat(regions.find(old, BEFORE))
                .get()
                .extracting(RegionUnit::parentCode)
                .isEqualTo("610113002");
        RegionRemapping.Reconciliation reconciliation = asDistrict(() -> remapping.reconcile(change));
        assertThat(reconciliation.balanced()).isTrue();
        assertThat(reconciliation.complete()).isTrue();
    }

    @Test
    void aHandoverFromADevelopmentZoneKeepsTheCode() {
        String code = "610113002080";
        asDistrict(() -> changes.establish(
                code, "开发区社区", "610113002", LocalDate.of(2020, 1, 1), false, "某开发区管委会", RegionChanges.Basis.none()));
        asDistrict(() ->
                changes.transfer(code, "610113002", code, null, null, true, SPLIT_DAY, RegionChanges.Basis.none()));
        assertThat(regions.find(code, BEFORE))
                .get()
                .extracting(RegionUnit::managingBody)
                .isEqualTo("某开发区管委会");
        assertThat(regions.find(code, SPLIT_DAY)).get().satisfies(unit -> {
            assertThat(unit.managingBody()).isNull();
            assertThat(unit.inBureauNetwork()).isTrue();
        });
        assertThat(regions.history(code)).hasSize(2);
    }

    @Test
    void aMergeIntoAnExistingCommunityMovesTheOthersReferences() {
        asDistrict(() -> changes.establish(
                "610113002090", "大社区", "610113002", LocalDate.of(2020, 1, 1), true, null, RegionChanges.Basis.none()));
        asDistrict(() -> changes.establish(
                "610113002091", "小社区", "610113002", LocalDate.of(2020, 1, 1), true, null, RegionChanges.Basis.none()));
        SystemActor.run(district.scope(), () -> testDistrictAccounts("610113002091"), "SYSTEM_ADMIN");
        asDistrict(() -> changes.merge(
                List.of("610113002090", "610113002091"),
                new RegionChanges.NewUnit("610113002090", null),
                SPLIT_DAY,
                RegionChanges.Basis.none()));
        assertThat(regions.find("610113002091", SPLIT_DAY)).isEmpty();
        assertThat(regions.find("610113002090", SPLIT_DAY)).isPresent();
        assertThat(staffAt("610113002090")).isEqualTo(3);
    }

    @Test
    void theTreeAsOfADateCountsWhatExistedThen() {
        long before = regions.countWithin(RegionLevel.COMMUNITY, "610113002", BEFORE);
        asDistrict(() -> changes.establish(
                "610113002100", "新社区", "610113002", SPLIT_DAY, true, null, RegionChanges.Basis.none()));
        assertThat(regions.countWithin(RegionLevel.COMMUNITY, "610113002", BEFORE))
                .isEqualTo(before);
        assertThat(regions.countWithin(RegionLevel.COMMUNITY, "610113002", SPLIT_DAY))
                .isEqualTo(before + 1);
        assertThat(regions.tree(SPLIT_DAY).streets()).hasSize(10);
    }

    @Test
    void codesMustFollowTheStatisticalScheme() {
        assertThatThrownBy(() -> asDistrict(() -> changes.establish(
                        "610113001201", "村", "610113001", BEFORE, true, null, RegionChanges.Basis.none())))
                .hasMessageContaining("001–199");
        assertThatThrownBy(() -> asDistrict(() -> changes.establish(
                        "610113002150", "错街道", "610113001", BEFORE, true, null, RegionChanges.Basis.none())))
                .hasMessageContaining("须以上级单位代码 610113001 开头");
        assertThatThrownBy(() -> asDistrict(() -> changes.establish(
                        TestDistrict.COMMUNITY, "重复", "610113001", BEFORE, true, null, RegionChanges.Basis.none())))
                .hasMessageContaining("已被使用");
        assertThatThrownBy(() -> asDistrict(() -> changes.establish(
                        "610113001150",
                        "未来",
                        "610113001",
                        regions.today().plusDays(1),
                        true,
                        null,
                        RegionChanges.Basis.none())))
                .hasMessageContaining("在今天之后");
    }

    @Test
    void onlyDistrictStaffChangeTheTree() {
        assertThatThrownBy(() -> SystemActor.call(
                        cn.minzheng.shared.DataScope.of(TestDistrict.STREET),
                        () -> changes.rename(TestDistrict.COMMUNITY, "改名", BEFORE, RegionChanges.Basis.none()),
                        "DEPARTMENT_OFFICER"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> SystemActor.call(
                        district.scope(),
                        () -> changes.rename(TestDistrict.COMMUNITY, "改名", BEFORE, RegionChanges.Basis.none()),
                        "STREET_OFFICER"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Autowired
    cn.minzheng.identity.AccountManagement accounts;

    private void testDistrictAccounts(String community) {
        accounts.provision(
                List.of(
                                worker("w1_" + community.substring(6)),
                                worker("w2_" + community.substring(6)),
                                worker("w3_" + community.substring(6)))
                        .stream()
                        .map(p -> new cn.minzheng.identity.AccountManagement.Provisioned(
                                p, "社区工作者", community, java.util.Set.of(cn.minzheng.identity.Role.COMMUNITY_WORKER)))
                        .toList(),
                TestDistrict.PASSWORD,
                false);
    }

    private static String worker(String name) {
        return name;
    }

    private static RegionRemapping.Line line(RegionRemapping.Reconciliation reconciliation) {
        return reconciliation.lines().stream()
                .filter(l -> l.holder().equals("staff_account"))
                .findFirst()
                .orElseThrow();
    }
}
