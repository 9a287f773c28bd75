package cn.minzheng.assistance;

import static cn.minzheng.assistance.Fixtures.act;
import static cn.minzheng.assistance.Fixtures.d;
import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.assistance.Fixtures.Member;
import cn.minzheng.procedure.Cases;
import cn.minzheng.procedure.Decisions;
import cn.minzheng.resident.BulkRegistration;
import cn.minzheng.resident.Relationship;
import cn.minzheng.resident.ResidentManagement;
import cn.minzheng.shared.Gender;
import cn.minzheng.test.As;
import cn.minzheng.test.TestDistrict;
import cn.minzheng.test.TestPostgresSql;
import cn.minzheng.verification.Authorisations;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 动态管理: review tasks are made once whatever how often the job runs; a member's death is found and must be reviewed
 * within three months; three refused job referrals take only that member's share off; a household lifted above the
 * standard by work keeps its allowance for the grace period and no longer. Every change closes the old status and
 * opens a new one pointing at the decision.
 */
@SpringBootTest
class DynamicManagementTest {

    @Autowired
    TestDistrict district;

    @Autowired
    ReviewTasks reviews;

    @Autowired
    ReviewTaskGenerator generator;

    @Autowired
    ReviewTaskActs acts;

    @Autowired
    JobReferrals referrals;

    @Autowired
    Investigations investigations;

    @Autowired
    Assessments assessments;

    @Autowired
    Cases cases;

    @Autowired
    Applications applications;

    @Autowired
    VerificationResults verifications;

    @Autowired
    Authorisations authorisations;

    @Autowired
    ResidentManagement residents;

    @Autowired
    BulkRegistration registration;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        district.ensure();
    }

    private long[] household(String name) {
        return Fixtures.household(
                registration,
                jdbc,
                Fixtures.COMMUNITY,
                Member.of(name, Gender.MALE, "1981-03-01", Relationship.HEAD),
                Member.of(name + "妻", Gender.FEMALE, "1983-05-01", Relationship.SPOUSE),
                Member.of(name + "女", Gender.FEMALE, "2016-02-01", Relationship.CHILD));
    }

    /** A household paid 1 349.99 a month since August, reviewed yearly from the given day. */
    private long beneficiary(long household, LocalDate lastReviewed, int cycle) {
        long status = TestPostgresSql.queryForObject(jdbc, """
                insert into assistance_status (category_code, programme_code, subject_type, subject_id, community_code,
                    level, members, monthly_amount_fen, effective_from, decision_ref)
                values ('DIBAO', 'DIBAO', 'HOUSEHOLD', ?, ?, '低保', 3, 134999, '2026-08-01', '雁民低保〔2026〕1号')
                returning id""", Long.class, household, TestDistrict.COMMUNITY);
        TestPostgresSql.execute(
                jdbc,
                "insert into assistance_review_plan (status_id, community_code, cycle_months, unstable, last_reviewed_on)"
                        + " values (" + status + ", '" + TestDistrict.COMMUNITY + "', " + cycle + ", false, '"
                        + lastReviewed + "')");
        return status;
    }

    private long tasks(long status, String kind) {
        return TestPostgresSql.queryForObject(
                jdbc,
                "select count(*) from assistance_review_task where status_id = ? and kind = ?",
                Long.class,
                status,
                kind);
    }

    @Test
    void reviewTasksAreMadeOnceHoweverOftenTheJobRuns() {
        // Last reviewed on 20 December 2025: due on 20 December 2026, within the 30 days the list looks ahead.
        long due = beneficiary(household("定期甲")[0], LocalDate.of(2025, 12, 20), 12);
        long notYet = beneficiary(household("定期乙")[0], LocalDate.now().minusMonths(1), 12);
        GeneratedTasks first = generator.generate(LocalDate.now());
        GeneratedTasks second = generator.generate(LocalDate.now());
        assertThat(first.periodic()).isGreaterThanOrEqualTo(1);
        assertThat(second.periodic()).isZero();
        assertThat(tasks(due, "PERIODIC")).isEqualTo(1);
        assertThat(tasks(notYet, "PERIODIC")).isZero();

        // Done without change: the next review counts from that day, a year on.
        ReviewTask task = As.street().call(() -> reviews.todo(100)).stream()
                .filter(t -> t.statusId() == due)
                .findFirst()
                .orElseThrow();
        assertThat(task.dueOn()).isEqualTo(LocalDate.of(2026, 12, 20));
        As.street().call(() -> acts.complete(task.id(), LocalDate.now(), "家庭人口、收入、财产无变化"));
        generator.generate(LocalDate.now());
        assertThat(tasks(due, "PERIODIC")).isEqualTo(1);
    }

    @Test
    void aMembersDeathIsFoundAndReviewedWithinThreeMonths() {
        long[] h = household("死亡甲");
        long status = beneficiary(h[0], d(8, 1), 12);
        LocalDate died = d(10, 10);
        As.street().run(() -> residents.recordDeath(h[2], died));
        generator.generate(LocalDate.now());
        generator.generate(LocalDate.now());
        assertThat(tasks(status, "DEATH")).isEqualTo(1);
        LocalDate dueOn = TestPostgresSql.queryForObject(
                jdbc,
                "select due_on from assistance_review_task where status_id = ? and kind = 'DEATH'",
                LocalDate.class,
                status);
        assertThat(dueOn).isEqualTo(LocalDate.of(2027, 1, 10));
    }

    @Test
    void threeRefusedReferralsTakeOnlyThatMembersShareOff() {
        long[] h = household("就业甲");
        long status = beneficiary(h[0], d(8, 1), 6);
        for (int i = 0; i < 3; i++) {
            LocalDate on = d(9, 1 + i);
            As.street().call(() -> referrals.recordReferral(status, h[1], on, "超市理货员", true, null));
        }
        assertThat(tasks(status, "JOB_REFUSAL")).isEqualTo(1);
        ReviewTask task = As.street().call(() -> reviews.todo(100)).stream()
                .filter(t -> t.statusId() == status && t.kind().equals("JOB_REFUSAL"))
                .findFirst()
                .orElseThrow();
        Application change = As.street().call(() -> acts.openChange(task.id(), d(9, 10), "补录"));
        assertThat(change.state()).isEqualTo("INVESTIGATING");
        As.street().call(() -> investigations.record(change.id(), Flow.investigation(d(9, 11), incomes(120_000))));
        Assessments.Options options = new Assessments.Options(null, "连续三次无正当理由拒绝介绍的工作", h[1], null, null);
        Decisions.DecisionView draft =
                As.street().call(() -> assessments.draft(change.id(), d(9, 12), null, "补录", options));
        // recomputed exactly: 800 × 3 − 1 100.00 + 50.00 = 1 350.00; his share 1 350.00 ÷ 3 = 450.00 comes off: 900.00
        // —
        // not the whole household's.
        assertThat(draft.outcome()).isEqualTo("REDUCE");
        assertThat(draft.result()).containsEntry("newAmountFen", "90000");
        Cases.CaseView decided = As.officer().call(() -> cases.perform(change.caseId(), "DECIDE", act(d(9, 15))));
        assertThat(decided.clocks()).anyMatch(k -> k.code().equals("REDUCE_NOTICE"));

        assertThat(TestPostgresSql.queryForObject(
                        jdbc, "select effective_to from assistance_status where id = ?", LocalDate.class, status))
                .isEqualTo(d(10, 1));
        assertThat(TestPostgresSql.queryForObject(
                        jdbc, "select ended_by from assistance_status where id = ?", String.class, status))
                .startsWith("雁民动态〔2026〕");
        long reduced = TestPostgresSql.queryForObject(jdbc, """
                select monthly_amount_fen from assistance_status
                where subject_id = ? and programme_code = 'DIBAO' and effective_to is null""", Long.class, h[0]);
        assertThat(reduced).isEqualTo(90_000L);
        assertThat(TestPostgresSql.queryForObject(
                        jdbc, "select state from assistance_review_task where id = ?", String.class, task.id()))
                .isEqualTo("DONE");
    }

    @Test
    void workLiftingIncomeAboveTheStandardGivesAGracePeriodAndThenStops() {
        long[] h = household("渐退甲");
        long status = beneficiary(h[0], d(8, 1), 6);
        ReviewTask reported = As.street().call(() -> acts.report(status, d(10, 30), "户主找到稳定工作，月工资 4 000 元"));
        Application change = As.street().call(() -> acts.openChange(reported.id(), d(9, 10), "补录"));
        As.street().call(() -> investigations.record(change.id(), Flow.investigation(d(9, 11), incomes(400_000))));
        Decisions.DecisionView draft = As.street()
                .call(() -> assessments.draft(
                        change.id(),
                        d(9, 12),
                        null,
                        "补录",
                        new Assessments.Options(null, "就业后收入超过低保标准", null, 3, null)));
        assertThat(draft.outcome()).isEqualTo("GRADUAL_EXIT");
        assertThat(draft.result()).containsEntry("newAmountFen", "134999").containsEntry("graceMonths", "3");
        As.officer().run(() -> cases.perform(change.caseId(), "DECIDE", act(d(9, 15))));
        LocalDate graceEnds = TestPostgresSql.queryForObject(
                jdbc,
                "select effective_to from assistance_status where subject_id = ? and level = '渐退'",
                LocalDate.class,
                h[0]);
        assertThat(graceEnds).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(TestPostgresSql.queryForObject(
                        jdbc,
                        "select count(*) from assistance_status where subject_id = ? and effective_to is null",
                        Long.class,
                        h[0]))
                .isZero();
    }

    private static List<Investigation.Income> incomes(long wage) {
        return List.of(
                new Investigation.Income("户主", "WAGE", wage, null),
                new Investigation.Income("户主", "EMPLOYMENT_COST", 10_000, null));
    }
}
