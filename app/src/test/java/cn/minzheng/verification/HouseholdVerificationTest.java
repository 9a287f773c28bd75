package cn.minzheng.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.NotFound;
import cn.minzheng.test.TestDistrict;
import cn.minzheng.test.TestPostgresSql;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A household request from a case, end to end on the real stores: PostgreSQL for the household, its 授权书 and the
 * results; DuckDB for the departments' data, loaded from small fixture deliveries.
 */
@SpringBootTest
class HouseholdVerificationTest {

    @Autowired
    VerificationFixture fixture;

    @Autowired
    VerificationRequests requests;

    @Autowired
    FindingReviews reviews;

    @Autowired
    Findings allFindings;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void nobodyIsVerifiedWithoutAnAuthorisation() {
        VerificationFixture.Family family = fixture.threePeople(TestDistrict.COMMUNITY);
        fixture.authorise(family, "DIBAO", family.head(), family.member(1));
        fixture.deliver("vehicle", VerificationFixture.vehicles(family));

        assertThatThrownBy(() -> fixture.asStreet(() -> requests.request(
                        new VerificationRequests.HouseholdRequest(family.householdId(), "DIBAO", "file:1"))))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("没有有效的核对授权书")
                .hasMessageContaining("王子涵");
        assertThat(count("select count(*) from verification_request where household_id = " + family.householdId()))
                .isZero();
        // no number was decrypted for the refused request
        assertThat(count("select count(*) from resident_access where purpose = 'VERIFICATION' and resident_id = "
                        + family.head().residentId()))
                .isZero();
        assertThat(count("select count(*) from audit_entry where action = 'VERIFICATION_REQUEST_REFUSED'"
                        + " and target_id = '" + family.householdId() + "'"))
                .isEqualTo(1);

        // a letter for another programme does not cover DIBAO
        fixture.authorise(family, "TEKUN", family.member(2));
        assertThatThrownBy(() -> fixture.asStreet(() -> requests.request(
                        new VerificationRequests.HouseholdRequest(family.householdId(), "DIBAO", "file:1"))))
                .hasMessageContaining("王子涵");
        assertThatThrownBy(() -> fixture.asStreet(() -> requests.request(
                        new VerificationRequests.HouseholdRequest(family.householdId(), "TEKUN", "file:1"))))
                .as("the head's DIBAO letter does not cover TEKUN")
                .hasMessageContaining("王建国");
    }

    @Test
    void aHouseholdRequestFindsWhatTheFixtureDeliveriesHold() {
        VerificationFixture.Family family = fixture.threePeople(TestDistrict.COMMUNITY);
        fixture.authoriseAll(family);
        fixture.deliver("vehicle", VerificationFixture.vehicles(family));
        fixture.deliver("bank_deposit", VerificationFixture.deposits(family));

        RequestSummary summary = fixture.asStreet(() ->
                requests.request(new VerificationRequests.HouseholdRequest(family.householdId(), "DIBAO", "file:42")));

        assertThat(summary.status()).isEqualTo("COMPLETED");
        assertThat(summary.persons()).isEqualTo(3);
        // v-car, v-sold, v-noid (by name and birth date), b-head, b-spouse; not the stranger's car
        assertThat(summary.recordsCompared()).isEqualTo(5);
        assertThat(summary.sourcesQueried()).isGreaterThanOrEqualTo(2);
        assertThat(summary.disqualifying()).isEqualTo(2);
        assertThat(summary.needsExplanation()).isEqualTo(1);
        assertThat(summary.reportVersion()).as("findings wait for review").isNull();

        List<Finding> findings = fixture.asStreet(() -> allFindings.ofRequest(summary.id()));
        assertThat(findings)
                .extracting(f -> f.ruleCode() + "/" + f.recordId() + "/" + f.severity() + "/" + f.tier())
                .containsExactlyInAnyOrder(
                        "VEHICLE_OWNED/v-car/DISQUALIFYING/ID",
                        "VEHICLE_OWNED/v-noid/NEEDS_EXPLANATION/NAME_BIRTH",
                        "DEPOSITS_ABOVE_LIMIT/null/DISQUALIFYING/ID");
        assertThat(findings).allSatisfy(f -> assertThat(f.legalBasis()).contains("最低生活保障审核确认办法"));
        Finding car = findings.stream()
                .filter(f -> "v-car".equals(f.recordId()))
                .findFirst()
                .orElseThrow();
        assertThat(car.residentId()).isEqualTo(family.head().residentId());
        assertThat(car.evidence()).contains("陕A10001");

        RequestDetails.Detail detail = fixture.asStreet(() -> requests.detail(summary.id()));
        assertThat(detail.totals())
                .filteredOn(t -> t.ruleCode().equals("DEPOSITS_ABOVE_LIMIT"))
                .singleElement()
                .satisfies(t -> {
                    assertThat(t.exceeds()).isTrue();
                    assertThat(t.totalText()).isEqualTo("70,000.00 元");
                    assertThat(t.thresholdText()).isEqualTo("59,760.00 元");
                });
        assertThat(detail.members()).allSatisfy(m -> assertThat(m.verified()).isTrue());
        assertThat(detail.sources()).hasSize(26);

        // every member's number was used for the comparison, and each use is in the access log with its purpose
        assertThat(count("select count(*) from resident_access where purpose = 'VERIFICATION'"
                        + " and action = 'REVEAL_ID_NUMBER' and resident_id in ("
                        + family.head().residentId() + ", " + family.member(1).residentId() + ", "
                        + family.member(2).residentId() + ")"))
                .isEqualTo(3);
        assertThat(count("select count(*) from verification_hit where request_id = " + summary.id()))
                .isEqualTo(5);
        // no personal value in the audit trail
        assertThat(count("select count(*) from audit_entry where coalesce(reason, '') like '%"
                        + family.head().idNumber() + "%' or coalesce(reason, '') like '%王建国%'"))
                .isZero();
    }

    @Test
    void anotherStreetDoesNotSeeTheRequest() {
        VerificationFixture.Family family = fixture.threePeople(TestDistrict.COMMUNITY);
        fixture.authoriseAll(family);
        fixture.deliver("vehicle", VerificationFixture.vehicles(family));
        RequestSummary summary = fixture.asStreet(() ->
                requests.request(new VerificationRequests.HouseholdRequest(family.householdId(), "DIBAO", "file:7")));

        assertThatThrownBy(() -> fixture.asOtherStreet(() -> requests.find(summary.id())))
                .isInstanceOf(NotFound.class);
        assertThat(fixture.asOtherStreet(() -> requests.list(null, null, null, 100, 0)))
                .noneMatch(r -> r.id() == summary.id());
        assertThatThrownBy(() -> fixture.asOtherStreet(() -> requests.request(
                        new VerificationRequests.HouseholdRequest(family.householdId(), "DIBAO", "file:8"))))
                .isInstanceOf(NotFound.class);
        assertThat(fixture.asDistrict(() -> requests.find(summary.id()), "DEPARTMENT_OFFICER")
                        .id())
                .isEqualTo(summary.id());
    }

    @Test
    void aRequestWithoutFindingsGetsItsReportAtOnce() {
        VerificationFixture.Family family = fixture.family(
                TestDistrict.SIBLING_COMMUNITY,
                new VerificationFixture.Person(
                        "张秀兰",
                        cn.minzheng.shared.Gender.FEMALE,
                        java.time.LocalDate.of(1950, 2, 2),
                        cn.minzheng.resident.Relationship.HEAD));
        fixture.authoriseAll(family);
        fixture.deliver(
                "vehicle",
                VerificationFixture.VEHICLE_HEADER + "x1,610113198001010015,赵大明,M,1980-01-01,陕A1,小型汽车,2015-01-01,\n");
        RequestSummary summary = fixture.asStreet(() ->
                requests.request(new VerificationRequests.HouseholdRequest(family.householdId(), "DIBAO", "file:9")));
        assertThat(summary.findings()).isZero();
        assertThat(summary.reportVersion()).isEqualTo(1);
        assertThat(summary.stage()).contains("已出具报告");
    }

    private long count(String sql) {
        return TestPostgresSql.queryForObject(jdbc, sql, Long.class);
    }
}
