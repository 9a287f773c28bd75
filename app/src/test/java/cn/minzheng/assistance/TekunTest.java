package cn.minzheng.assistance;

import static cn.minzheng.assistance.Fixtures.act;
import static cn.minzheng.assistance.Fixtures.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.minzheng.assistance.Fixtures.Member;
import cn.minzheng.assistance.rules.CareGrade;
import cn.minzheng.resident.Relationship;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.Gender;
import cn.minzheng.test.As;
import cn.minzheng.test.TestPostgresSql;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * 特困: the care grade from the six activities, the district's spot checks on at least 30 % of the cases submitted
 * (a selected case cannot be confirmed before the check), and the two statuses an approval opens — 基本生活费 and
 * 照料护理费 by care grade.
 */
@SpringBootTest
class TekunTest extends AssistanceCaseTest {

    @Autowired
    SpotChecks spotChecks;

    /** An elderly person living alone, without income or supporters, assessed with the given activities. */
    private Application submitted(String name, CareGrade.Activities activities) {
        long[] h = Fixtures.household(
                registration, jdbc, Fixtures.COMMUNITY, Member.of(name, Gender.MALE, "1945-02-01", Relationship.HEAD));
        Application a = flow.intake(As.street(), CaseKind.TEKUN, null, h[1], d(7, 1), false);
        flow.investigate(As.street(), a, d(7, 2), List.of(), h[1]);
        As.street().call(() -> investigations.assessCare(a.id(), d(7, 2), activities, "街道评估员"));
        As.street().call(() -> assessments.draft(a.id(), d(7, 3), null, "补录", null));
        As.street().run(() -> cases.perform(a.caseId(), "PUBLISH", act(d(7, 3))));
        As.street().run(() -> cases.perform(a.caseId(), "SUBMIT", act(d(7, 13))));
        return a;
    }

    @Test
    void atLeastThirtyPercentAreCheckedAndACheckedCaseWaitsForItsCheck() {
        CareGrade.Activities partial = new CareGrade.Activities(true, true, false, false, true, true);
        List<Application> submitted = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            submitted.add(submitted("特困" + "甲乙丙丁戊己庚".charAt(i), partial));
        }
        List<SpotChecks.SpotCheck> checks = submitted.stream()
                .map(a -> As.officer().call(() -> spotChecks.of(a.id())).orElseThrow())
                .toList();
        long selected = checks.stream().filter(SpotChecks.SpotCheck::selected).count();
        // at every point of the sequence, not only at the end
        for (int n = 1; n <= checks.size(); n++) {
            long soFar = checks.subList(0, n).stream()
                    .filter(SpotChecks.SpotCheck::selected)
                    .count();
            assertThat(soFar)
                    .as("selected among the first %d", n)
                    .isGreaterThanOrEqualTo(SpotChecks.quota(new BigDecimal("0.30"), n));
        }
        assertThat(selected * 10).isGreaterThanOrEqualTo(3L * checks.size());
        // Each selection can be recomputed from what was recorded.
        for (int n = 0; n < checks.size(); n++) {
            SpotChecks.SpotCheck c = checks.get(n);
            assertThat(c.sequence()).isEqualTo(n + 1);
            assertThat(c.draw())
                    .isEqualByComparingTo(SpotChecks.draw(2026, submitted.get(n).caseNumber()));
            boolean quota = c.selectedBefore() < SpotChecks.quota(c.ratio(), c.sequence());
            assertThat(c.selected()).isEqualTo(quota || c.draw().compareTo(c.ratio()) < 0);
        }

        Application first = submitted.get(0);
        assertThat(checks.get(0).reason()).isEqualTo("QUOTA");
        assertThatThrownBy(() -> As.officer().run(() -> cases.perform(first.caseId(), "CONFIRM", act(d(7, 14)))))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("抽查");
        flow.attach(As.officer(), first.caseId(), "SPOT_CHECK_RECORD");
        As.officer().run(() -> cases.perform(first.caseId(), "SPOT_CHECK", act(d(7, 14), "区局核查员")));
        As.officer().run(() -> cases.perform(first.caseId(), "CONFIRM", act(d(7, 15))));

        // 1.3 × 800.00 = 1 040.00 basic living; 半失能 (2 of 6 failed) → the partial care subsidy, 400.00.
        long basic = TestPostgresSql.queryForObject(
                jdbc,
                "select monthly_amount_fen from assistance_status where programme_code = 'TEKUN' and subject_id = ?",
                Long.class,
                first.personId());
        long care = TestPostgresSql.queryForObject(
                jdbc,
                "select monthly_amount_fen from assistance_status where programme_code = 'TEKUN_CARE' and subject_id = ?",
                Long.class,
                first.personId());
        String level = TestPostgresSql.queryForObject(
                jdbc,
                "select level from assistance_status where programme_code = 'TEKUN_CARE' and subject_id = ?",
                String.class,
                first.personId());
        assertThat(basic).isEqualTo(104_000L);
        assertThat(care).isEqualTo(40_000L);
        assertThat(level).isEqualTo("PARTIAL");
    }

    @Test
    void theCareGradeFollowsTheSixActivities() {
        assertThat(CareGrade.of(new CareGrade.Activities(true, true, true, true, true, true)))
                .isEqualTo(CareGrade.SELF_CARE);
        assertThat(CareGrade.of(new CareGrade.Activities(false, false, false, true, true, true)))
                .isEqualTo(CareGrade.PARTIAL);
        assertThat(CareGrade.of(new CareGrade.Activities(false, false, false, false, true, true)))
                .isEqualTo(CareGrade.FULL);
    }
}
