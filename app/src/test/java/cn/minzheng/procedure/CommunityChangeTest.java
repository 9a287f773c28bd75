package cn.minzheng.procedure;

import static cn.minzheng.procedure.Fixtures.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.minzheng.platform.District;
import cn.minzheng.platform.SystemActor;
import cn.minzheng.region.RegionChanges;
import cn.minzheng.shared.NotFound;
import cn.minzheng.test.As;
import cn.minzheng.test.TestDistrict;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** A case belongs to its community: when the community moves to another street, the case (and its scope) move too. */
@SpringBootTest
class CommunityChangeTest {

    @Autowired
    TestDistrict district;

    @Autowired
    RegionChanges changes;

    @Autowired
    District bureau;

    @Autowired
    Cases cases;

    @BeforeEach
    void setUp() {
        district.ensure();
    }

    @Test
    void casesFollowTheirCommunityToAnotherStreet() {
        SystemActor.run(
                bureau.scope(),
                () -> changes.establish(
                        "610113001050", "划转测试社区", "610113001", d(1, 5), true, null, RegionChanges.Basis.none()),
                "SYSTEM_ADMIN");
        long id = As.street()
                .call(() -> cases.open(new Cases.NewCase(
                        "EXAMPLE_APPLICATION", "610113001050", "施测试", "PERSON", null, d(3, 2), "补录", null)))
                .id();
        SystemActor.run(
                bureau.scope(),
                () -> changes.transfer(
                        "610113001050",
                        "610113002",
                        "610113002050",
                        null,
                        null,
                        true,
                        d(6, 1),
                        new RegionChanges.Basis("雁政函〔2026〕（测试）", "测试划转")),
                "SYSTEM_ADMIN");
        assertThatThrownBy(() -> As.street().run(() -> cases.view(id))).isInstanceOf(NotFound.class);
        Cases.CaseView moved = As.otherStreet().call(() -> cases.view(id));
        assertThat(moved.communityCode()).isEqualTo("610113002050");
    }
}
