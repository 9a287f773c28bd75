package cn.minzheng.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.test.TestDistrict;
import cn.minzheng.test.TestPostgresSql;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The re-verification of every current beneficiary: triggered by several instances at once (threads here), it runs
 * once; a household with an unauthorised member is recorded as not verified; ended statuses do not count.
 */
@SpringBootTest
class BatchVerificationTest {

    @Autowired
    VerificationFixture fixture;

    @Autowired
    BatchVerifications batches;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void concurrentTriggersRunTheScheduledBatchOnce() throws Exception {
        VerificationFixture.Family a = fixture.threePeople(TestDistrict.COMMUNITY);
        VerificationFixture.Family b = fixture.family(
                TestDistrict.OTHER_STREET_COMMUNITY,
                new VerificationFixture.Person(
                        "刘海燕",
                        cn.minzheng.shared.Gender.FEMALE,
                        java.time.LocalDate.of(1965, 4, 4),
                        cn.minzheng.resident.Relationship.HEAD),
                new VerificationFixture.Person(
                        "陈志强",
                        cn.minzheng.shared.Gender.MALE,
                        java.time.LocalDate.of(1963, 6, 6),
                        cn.minzheng.resident.Relationship.SPOUSE));
        VerificationFixture.Family c = fixture.threePeople(TestDistrict.SIBLING_COMMUNITY);
        VerificationFixture.Family ended = fixture.threePeople(TestDistrict.SIBLING_COMMUNITY);
        fixture.authoriseAll(a);
        fixture.authoriseAll(b);
        fixture.authorise(c, "ALL", c.head());
        fixture.authoriseAll(ended);
        status(a, "DIBAO", "HOUSEHOLD", a.householdId(), "2025-01-01", null);
        // a person's status (特困) of someone in household a: the household is verified once
        status(a, "TEKUN", "PERSON", a.member(2).residentId(), "2025-01-01", null);
        status(b, "DIBAO", "HOUSEHOLD", b.householdId(), "2025-01-01", null);
        status(c, "DIBAO", "HOUSEHOLD", c.householdId(), "2025-01-01", null);
        status(ended, "DIBAO", "HOUSEHOLD", ended.householdId(), "2024-01-01", "2024-12-31");
        fixture.deliver(
                "vehicle",
                VerificationFixture.VEHICLE_HEADER + "car-a," + a.head().csv() + ",陕A20001,小型汽车,2015-01-01,\n"
                        + "car-b," + b.member(1).csv() + ",陕A20002,小型汽车,2016-01-01,2018-01-01\n");
        fixture.deliver(
                "death",
                "record_id,id_number,name,gender,birth_date,death_date\n" + "d-b,"
                        + b.member(1).csv() + ",2025-03-01\n");

        YearMonth period = YearMonth.of(2026, 11);
        int triggers = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(triggers);
        List<Future<Optional<Long>>> results = new ArrayList<>();
        for (int i = 0; i < triggers; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return fixture.asDistrict(() -> batches.runScheduled(period), "DEPARTMENT_OFFICER");
            }));
        }
        start.countDown();
        List<Long> ran = new ArrayList<>();
        for (Future<Optional<Long>> result : results) {
            result.get(10, TimeUnit.MINUTES).ifPresent(ran::add);
        }
        pool.shutdown();

        assertThat(ran).as("exactly one trigger ran the batch").hasSize(1);
        assertThat(count("select count(*) from verification_batch where period = '2026-11'"))
                .isEqualTo(1);
        BatchVerifications.Batch batch = fixture.asDistrict(() -> batches.find(ran.get(0)), "DEPARTMENT_OFFICER");
        assertThat(batch.status()).isEqualTo("COMPLETED");
        assertThat(batch.households()).isEqualTo(3);
        assertThat(batch.verified()).isEqualTo(2);
        assertThat(batch.refused()).isEqualTo(1);
        assertThat(batch.persons()).isEqualTo(5);
        assertThat(batch.recordsCompared()).isEqualTo(3);
        for (VerificationFixture.Family family : List.of(a, b, c)) {
            assertThat(count("select count(*) from verification_request where kind = 'BATCH' and household_id = "
                            + family.householdId()))
                    .as("one request for household " + family.householdId())
                    .isEqualTo(1);
        }
        assertThat(count("select count(*) from verification_request where household_id = " + ended.householdId()))
                .isZero();
        assertThat(TestPostgresSql.queryForObject(
                        jdbc,
                        "select status from verification_request where household_id = " + c.householdId(),
                        String.class))
                .isEqualTo("REFUSED");
        assertThat(count(
                        "select count(*) from verification_finding f join verification_request r on r.id = f.request_id"
                                + " where r.household_id = " + b.householdId()
                                + " and f.rule_code = 'DEATH_OF_MEMBER'"))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from verification_finding f join verification_request r on r.id = f.request_id"
                                + " where r.household_id = " + a.householdId() + " and f.rule_code = 'VEHICLE_OWNED'"))
                .isEqualTo(1);

        // the next trigger for the same period does nothing
        assertThat(fixture.asDistrict(() -> batches.runScheduled(period), "DEPARTMENT_OFFICER"))
                .isEmpty();
    }

    @Test
    void aManualStartWaitsForTheRunningBatchAndADeadOneIsClosed() {
        fixture.threePeople(TestDistrict.COMMUNITY); // the test district and its staff
        TestPostgresSql.execute(
                jdbc,
                "insert into verification_batch (check_date, status, triggered_by)"
                        + " values (current_date, 'RUNNING', 'elsewhere')");
        assertThatThrownBy(() -> fixture.asDistrict(() -> batches.start(), "DEPARTMENT_OFFICER"))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("正在进行");
        // nobody holds the running batch's lock: its instance is gone, and it is resumed (issue 14 B9)
        List<Long> dead = fixture.asDistrict(() -> batches.abandoned(), "DEPARTMENT_OFFICER");
        assertThat(dead).hasSize(1);
        fixture.asDistrict(
                () -> {
                    batches.run(dead.get(0));
                    return null;
                },
                "DEPARTMENT_OFFICER");
        assertThat(fixture.asDistrict(() -> batches.find(dead.get(0)), "DEPARTMENT_OFFICER")
                        .status())
                .isEqualTo("COMPLETED");
        long started = fixture.asDistrict(() -> batches.start(), "DEPARTMENT_OFFICER");
        fixture.asDistrict(
                () -> {
                    batches.run(started);
                    return null;
                },
                "DEPARTMENT_OFFICER");
        assertThat(fixture.asDistrict(() -> batches.find(started), "DEPARTMENT_OFFICER")
                        .status())
                .isEqualTo("COMPLETED");
    }

    /**
     * Issue 14 B9: the instance running a batch dies after some households were verified. At the next start the batch
     * goes on with the others; it shows what it did, and no household is verified (or counted) twice.
     */
    @Test
    void aBatchInterruptedByTheDeathOfItsInstanceGoesOnWhereItStoppedAndCountsEachHouseholdOnce() {
        VerificationFixture.Family a = fixture.threePeople(TestDistrict.COMMUNITY);
        fixture.authoriseAll(a);
        status(a, "DIBAO", "HOUSEHOLD", a.householdId(), "2025-01-01", null);
        long id = fixture.asDistrict(() -> batches.start(), "DEPARTMENT_OFFICER");
        fixture.asDistrict(
                () -> {
                    batches.run(id);
                    return null;
                },
                "DEPARTMENT_OFFICER");
        long before = count("select count(*) from verification_request where batch_id = " + id);
        assertThat(before).isPositive();

        // the state a crash leaves after the first household: the batch still RUNNING, its figures not yet written,
        // its lock free; one more beneficiary still to verify
        VerificationFixture.Family d = fixture.threePeople(TestDistrict.SIBLING_COMMUNITY);
        fixture.authoriseAll(d);
        status(d, "DIBAO", "HOUSEHOLD", d.householdId(), "2025-01-01", null);
        TestPostgresSql.execute(
                jdbc,
                "update verification_batch set status = 'RUNNING', finished_at = null, households = 0, verified = 0,"
                        + " refused = 0, persons = 0, records_compared = 0, findings = 0 where id = " + id);

        assertThat(fixture.asDistrict(() -> batches.abandoned(), "DEPARTMENT_OFFICER"))
                .containsExactly(id);
        fixture.asDistrict(
                () -> {
                    batches.run(id);
                    return null;
                },
                "DEPARTMENT_OFFICER");

        BatchVerifications.Batch batch = fixture.asDistrict(() -> batches.find(id), "DEPARTMENT_OFFICER");
        assertThat(batch.status()).isEqualTo("COMPLETED");
        assertThat(count("select count(*) from verification_request where batch_id = " + id))
                .as("only the household still to do was added")
                .isEqualTo(before + 1);
        assertThat(batch.verified() + batch.refused())
                .as("the figures count what the batch did, before and after the interruption, once")
                .isEqualTo(before + 1);
        assertThat(batch.verified())
                .isEqualTo(count("select count(*) from verification_request where batch_id = " + id
                        + " and status = 'COMPLETED'"));
        assertThat(count("select count(*) from (select household_id, programme from verification_request"
                        + " where batch_id = " + id + " group by 1, 2 having count(*) > 1) twice"))
                .as("no household verified twice in the batch")
                .isZero();
        for (VerificationFixture.Family family : List.of(a, d)) {
            assertThat(count("select count(*) from verification_request where batch_id = " + id + " and household_id = "
                            + family.householdId()))
                    .as("household " + family.householdId() + " verified once")
                    .isEqualTo(1);
        }
    }

    private void status(
            VerificationFixture.Family family, String programme, String type, long subject, String from, String to) {
        TestPostgresSql.execute(
                jdbc,
                "insert into assistance_status (category_code, programme_code, subject_type, subject_id,"
                        + " community_code, members, monthly_amount_fen, effective_from, effective_to, decision_ref)"
                        + " values ('" + programme + "', '" + programme + "', '" + type + "', " + subject + ", '"
                        + family.community() + "', " + family.members().size() + ", 10000, date '" + from + "', "
                        + (to == null ? "null" : "date '" + to + "'") + ", 'test')");
    }

    private long count(String sql) {
        return TestPostgresSql.queryForObject(jdbc, sql, Long.class);
    }
}
