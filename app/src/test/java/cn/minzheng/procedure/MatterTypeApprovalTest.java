package cn.minzheng.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.test.As;
import cn.minzheng.test.TestDistrict;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Issue 11 A8(c): a new version that weakens a legal safeguard — here, penalties no longer reviewed by the 法制审核员 —
 * does not take effect on its publisher's word: it waits for a 法制审核员 and a second officer (four eyes), and until
 * then cases open under the version in force. A version that only strengthens takes effect at once.
 */
@SpringBootTest
class MatterTypeApprovalTest {

    @Autowired
    TestDistrict district;

    @Autowired
    MatterTypes matterTypes;

    @BeforeEach
    void setUp() {
        district.ensure();
    }

    private static String shipped() {
        return ProcedureReferenceData.read("procedure/matter-types/administrative-penalty.yaml");
    }

    @Test
    void aVersionDroppingLegalReviewWaitsForTheLegalReviewerAndASecondOfficer() {
        int inForce =
                As.officer().call(() -> matterTypes.latest("ADMIN_PENALTY")).version();
        MatterType weaker = As.officer()
                .call(() -> matterTypes.declare(shipped()
                        .replace("  mode: RULES\n", "  mode: NEVER\n")
                        .replace("name: 行政处罚（普通程序）", "name: 行政处罚（普通程序，不审核）")));
        assertThat(As.officer().call(() -> matterTypes.status(weaker.id()))).isEqualTo("PENDING");
        assertThat(As.officer().call(() -> matterTypes.latest("ADMIN_PENALTY")).version())
                .isEqualTo(inForce);
        assertThat(As.legal().call(() -> matterTypes.pending()))
                .filteredOn(p -> p.id() == weaker.id())
                .singleElement()
                .satisfies(p -> assertThat(p.weakens()).contains("法制审核由").contains("改为“不审核”"));

        assertThatThrownBy(() -> As.officer().call(() -> matterTypes.decide(weaker.id(), true, "同意")))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("发布该版本的人");
        As.leader().call(() -> matterTypes.decide(weaker.id(), true, "同意"));
        assertThat(As.officer().call(() -> matterTypes.status(weaker.id()))).isEqualTo("PENDING");
        As.legal().call(() -> matterTypes.decide(weaker.id(), true, "经法制审核，同意"));
        assertThat(As.officer().call(() -> matterTypes.status(weaker.id()))).isEqualTo("IN_FORCE");
        assertThat(As.officer().call(() -> matterTypes.latest("ADMIN_PENALTY")).version())
                .isEqualTo(weaker.version());
    }

    @Test
    void aStrongerVersionTakesEffectAtOnce() {
        MatterType stronger = As.officer()
                .call(() -> matterTypes.declare(shipped()
                        .replace(
                                "  mode: RULES\n  basis: {document: XZCF_FA, article: \"58\"}",
                                "  mode: ALWAYS\n  basis: {document: XZCF_FA, article: \"58\"}")));
        assertThat(As.officer().call(() -> matterTypes.status(stronger.id()))).isEqualTo("IN_FORCE");
        assertThat(stronger.legalReview().mode()).isEqualTo("ALWAYS");
    }
}
