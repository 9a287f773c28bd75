package cn.minzheng.assistance;

import static cn.minzheng.assistance.Fixtures.act;
import static cn.minzheng.assistance.Fixtures.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.minzheng.assistance.Fixtures.Member;
import cn.minzheng.resident.Relationship;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.Gender;
import cn.minzheng.shared.NotFound;
import cn.minzheng.test.As;
import cn.minzheng.test.TestDistrict;
import cn.minzheng.test.TestPostgres;
import cn.minzheng.test.TestPostgresSql;
import cn.minzheng.verification.Authorisation;
import cn.minzheng.verification.Authorisations;
import cn.minzheng.verification.VerificationCentre;
import cn.minzheng.verification.VerificationRequests;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

/**
 * 提请核对 from the case, on the real verification module (PostgreSQL for letters and requests, DuckDB for the
 * departments' data): the request names the case's household, programme and {@code case:<id>}; a missing 授权书 gives
 * the Chinese reason and leaves neither a step nor a request; only the case's own street may ask; the report comes
 * back to the case when it is issued; a hand-entered result is refused once the system has the case.
 */
@SpringBootTest
class CaseVerificationTest extends AssistanceCaseTest {

    private static final String VEHICLE_HEADER =
            "record_id,id_number,name,gender,birth_date,plate,vehicle_type,registered_on,deregistered_on\n";

    @Autowired
    CaseVerification caseVerification;

    @Autowired
    VerificationCentre centre;

    @Autowired
    VerificationRequests requests;

    @Autowired
    org.springframework.modulith.events.IncompleteEventPublications incompletePublications;

    @Autowired
    cn.minzheng.platform.database.DatabaseAccess access;

    @BeforeEach
    void setUp() {
        if (count("select count(*) from verification_store_generation where status = 'READY'") == 0) {
            // one delivery: a car registered to 核对乙 (no number on the record: linked by name and birth date)
            As.officer()
                    .call(() -> centre.deliver(
                            "vehicle",
                            "vehicle.csv",
                            (VEHICLE_HEADER + "cv-car,,核对乙,M,1961-02-03,陕A90001,小型汽车,2016-01-01,\n"
                                            + "cv-stranger,610113198001010015,赵大明,M,1980-01-01,陕A90002,小型汽车,2015-01-01,\n")
                                    .getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** A DIBAO case of a two-person household, accepted and under investigation. */
    private Case dibao(String head, String headBorn, String spouse) {
        long[] h = Fixtures.household(
                registration,
                jdbc,
                Fixtures.COMMUNITY,
                Member.of(head, Gender.MALE, headBorn, Relationship.HEAD),
                Member.of(spouse, Gender.FEMALE, "1963-05-06", Relationship.SPOUSE));
        Application a = flow.intake(As.street(), CaseKind.DIBAO, h[0], null, d(7, 1), false);
        As.street().run(() -> cases.perform(a.caseId(), "START_INVESTIGATION", act(d(7, 2))));
        return new Case(a, h);
    }

    private record Case(Application a, long[] h) {}

    /** The case's results once the report's event has been delivered (after the commit, on another thread). */
    private List<VerificationResults.Result> arrived(long applicationId) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> As.street().call(() -> verifications.of(applicationId)), r -> !r.isEmpty());
    }

    /** Waits until every published event has been delivered (completed publications are deleted). */
    private void delivered() {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from event_publication") == 0);
    }

    /** Issue 13 A1, the black-box test's attack: street 002 hangs a clean report on street 001's application. */
    @Test
    void anotherStreetCannotHangAReportOnAnApplicationItCannotSee() {
        Case victim = dibao("钱受甲", "1957-01-02", "钱受甲妻");
        long[] clean = Fixtures.household(
                registration,
                jdbc,
                TestDistrict.OTHER_STREET_COMMUNITY,
                Member.of("孙清白", Gender.MALE, "1960-04-05", Relationship.HEAD),
                Member.of("孙清白妻", Gender.FEMALE, "1962-06-07", Relationship.SPOUSE));
        Fixtures.authorise(As.otherStreet(), authorisations, d(7, 1), "DIBAO", clean[1], clean[2]);
        long before = count("select count(*) from verification_request");

        assertThatThrownBy(() -> As.otherStreet()
                        .call(() -> requests.request(new VerificationRequests.HouseholdRequest(
                                clean[0], "DIBAO", "case:" + victim.a().caseId()))))
                .isInstanceOf(NotFound.class)
                .hasMessageContaining("不在您的数据范围内");
        assertThat(count("select count(*) from verification_request")).isEqualTo(before);
        delivered();
        assertThat(As.street().call(() -> verifications.of(victim.a().id()))).isEmpty();
    }

    /** Issue 13 A1, within one street: a relative's clean household passed off as the applicant's. */
    @Test
    void aCleanHouseholdCannotBePassedOffAsTheApplicantsInTheSameStreet() {
        Case applicant = dibao("李申请", "1956-03-04", "李申请妻");
        long[] relative = Fixtures.household(
                registration, jdbc, Fixtures.COMMUNITY, Member.of("李亲属", Gender.MALE, "1980-08-09", Relationship.HEAD));
        Fixtures.authorise(authorisations, d(7, 1), "DIBAO", relative[1]);

        assertThatThrownBy(() -> As.street()
                        .call(() -> requests.request(new VerificationRequests.HouseholdRequest(
                                relative[0], "DIBAO", "case:" + applicant.a().caseId()))))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("申请家庭");
        assertThat(count("select count(*) from verification_request where household_id = " + relative[0]))
                .isZero();
        delivered();
        assertThat(As.street().call(() -> verifications.of(applicant.a().id()))).isEmpty();
    }

    /** Issue 13 A1: only a request the application made itself brings its report to the case. */
    @Test
    void aReportTheApplicationDidNotAskForIsNeverAttached() {
        Case c = dibao("周自查", "1955-05-06", "周自查妻");
        Fixtures.authorise(authorisations, d(7, 1), "DIBAO", c.h()[1], c.h()[2]);

        // right household and case, made on the verification module directly: nothing found, report issued at once
        var direct = As.street()
                .call(() -> requests.request(
                        new VerificationRequests.HouseholdRequest(c.h()[0], "DIBAO", "case:" + c.a().caseId())));
        assertThat(count("select count(*) from verification_report where request_id = " + direct.id()))
                .isEqualTo(1);
        delivered();
        assertThat(As.street().call(() -> verifications.of(c.a().id()))).isEmpty();

        CaseVerification.Requested own = As.street().call(() -> caseVerification.request(c.a().id()));
        assertThat(arrived(c.a().id()))
                .singleElement()
                .satisfies(v -> assertThat(v.requestId()).isEqualTo(own.requestId()));
    }

    @Test
    void theRequestNamesTheCasesHouseholdProgrammeAndReferenceAndItsReportComesBack() {
        Case c = dibao("核对甲", "1958-01-02", "核对甲妻");
        Fixtures.authorise(authorisations, d(7, 1), "DIBAO", c.h()[1], c.h()[2]);
        // another household in the store's data is not this one's concern
        long before = count("select count(*) from verification_request");

        CaseVerification.Requested r = As.street().call(() -> caseVerification.request(c.a().id()));

        assertThat(count("select count(*) from verification_request")).isEqualTo(before + 1);
        assertThat(TestPostgresSql.queryForObject(
                        jdbc,
                        "select household_id || '/' || programme || '/' || case_ref || '/' || kind || '/' || status"
                                + " || '/' || persons || '/' || requested_by from verification_request where id = ?",
                        String.class,
                        r.requestId()))
                .isEqualTo(c.h()[0] + "/DIBAO/case:" + c.a().caseId() + "/CASE/COMPLETED/2/t_street");
        assertThat(r.caseRef()).isEqualTo("case:" + c.a().caseId());
        // the kernel step was taken with it, by the same officer
        assertThat(stepsDone(c.a().id())).contains("REQUEST_VERIFICATION");
        assertThat(TestPostgresSql.queryForObject(
                        jdbc,
                        "select verification_request_id from assistance_application where id = ?",
                        Long.class,
                        c.a().id()))
                .isEqualTo(r.requestId());

        // nothing found: the report is issued at once and, after the commit, is the case's result
        List<VerificationResults.Result> results = arrived(c.a().id());
        assertThat(results).singleElement().satisfies(v -> {
            assertThat(v.source()).isEqualTo("ENGINE");
            assertThat(v.requestId()).isEqualTo(r.requestId());
            assertThat(v.personsChecked()).isEqualTo(2);
            assertThat(v.manual()).isFalse();
        });

        // the system has the case: a result typed by hand is refused
        assertThatThrownBy(() -> As.street()
                        .call(() -> verifications.recordManual(
                                c.a().id(),
                                new VerificationResults.ManualResult(null, 2, 0, 0, 0, 0, "人工查询社保、公积金，未见异常"))))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("手工录入只用于核对系统无法核对的情形");
    }

    @Test
    void aReportWaitingForTheReviewOfAFindingComesBackWhenIssued() {
        Case c = dibao("核对乙", "1961-02-03", "核对乙妻");
        Fixtures.authorise(authorisations, d(7, 1), "ALL", c.h()[1], c.h()[2]);

        CaseVerification.Requested r = As.street().call(() -> caseVerification.request(c.a().id()));
        assertThat(r.request().needsExplanation())
                .as("the car found by name and birth date")
                .isEqualTo(1);
        assertThat(r.stage()).contains("待核实疑点");
        assertThat(As.street().call(() -> verifications.of(c.a().id())))
                .as("no result before the report")
                .isEmpty();

        List<VerificationCentre.FindingRef> findings = As.street().call(() -> centre.findings(r.requestId()));
        assertThat(findings)
                .singleElement()
                .satisfies(f -> assertThat(f.recordId()).isEqualTo("cv-car"));
        As.street().run(() -> centre.classify(findings.get(0).id(), "NEEDS_EXPLANATION", "车辆登记在申请人名下，请说明"));
        As.street().call(() -> centre.issueReport(r.requestId()));

        assertThat(arrived(c.a().id())).singleElement().satisfies(v -> {
            assertThat(v.source()).isEqualTo("ENGINE");
            assertThat(v.requestId()).isEqualTo(r.requestId());
            assertThat(v.needsExplanation()).isEqualTo(1);
        });
    }

    @Test
    void aMemberWithoutALetterIsNamedAndNothingIsDone() {
        Case c = dibao("核对丙", "1959-03-04", "核对丙妻");
        Fixtures.authorise(authorisations, d(7, 1), "DIBAO", c.h()[1]);
        long requests = count("select count(*) from verification_request");

        assertThatThrownBy(() -> As.street().call(() -> caseVerification.request(c.a().id())))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("核对丙妻")
                .hasMessageContaining("授权书")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("核对丙、"));
        assertThat(count("select count(*) from verification_request")).isEqualTo(requests);
        assertThat(stepsDone(c.a().id())).doesNotContain("REQUEST_VERIFICATION");
        assertThat(TestPostgresSql.queryForObject(
                        jdbc,
                        "select count(*) from assistance_application where id = ?"
                                + " and verification_request_id is null and verification_requested_on is null",
                        Long.class,
                        c.a().id()))
                .isEqualTo(1);

        // the step taken on the kernel while every letter was valid; then the spouse's letter is withdrawn:
        // the verification module refuses by itself, and again nothing is recorded
        long letter = As.street()
                .call(() -> authorisations.record(new Authorisations.NewAuthorisation(
                        c.h()[2], Set.of("DIBAO"), Authorisation.Signer.SELF, null, d(7, 1), null, null, null)));
        As.street().run(() -> cases.perform(c.a().caseId(), "REQUEST_VERIFICATION", act(d(7, 3))));
        As.street().run(() -> authorisations.revoke(letter, LocalDate.now().minusDays(1), "本人书面撤回授权"));
        assertThatThrownBy(() -> As.street().call(() -> caseVerification.request(c.a().id())))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("没有有效的核对授权书")
                .hasMessageContaining("核对丙妻");
        assertThat(count("select count(*) from verification_request")).isEqualTo(requests);
        assertThat(TestPostgresSql.queryForObject(
                        jdbc,
                        "select count(*) from assistance_application where id = ? and verification_request_id is null",
                        Long.class,
                        c.a().id()))
                .isEqualTo(1);
    }

    /**
     * Issue 14 A2/B7: the listener is killed in the middle of attaching the report (its database session ends while it
     * waits for the case's row); the result is not lost — the case page offers to fetch it, and the publication, still
     * incomplete, is delivered again when an instance starts (what {@code republish-outstanding-events-on-restart}
     * calls), without attaching it twice.
     */
    @Test
    void aResultLostBetweenTheModulesIsFetchedFromTheCaseAndRedeliveredAtTheNextStart() throws Exception {
        Case c = dibao("核对戊", "1956-05-06", "核对戊妻");
        Fixtures.authorise(authorisations, d(7, 1), "DIBAO", c.h()[1], c.h()[2]);
        CaseVerification.Requested r = requestAndKillTheListenerMidway(c);
        assertThat(As.street().call(() -> verifications.resultMissing(c.a().id())))
                .as("the case page offers to fetch it")
                .isTrue();

        VerificationResults.Result fetched = As.street().call(() -> verifications.fetchMissing(c.a().id()));
        assertThat(fetched.requestId()).isEqualTo(r.requestId());
        assertThat(fetched.personsChecked()).isEqualTo(2);
        assertThat(As.street().call(() -> verifications.resultMissing(c.a().id())))
                .isFalse();

        // the next start delivers the incomplete publication again: it completes, and nothing is attached twice
        incompletePublications.resubmitIncompletePublications(publication -> true);
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from event_publication") == 0);
        assertThat(As.street().call(() -> verifications.of(c.a().id()))).hasSize(1);
    }

    @Test
    void theNextStartAloneBringsALostResult() throws Exception {
        Case c = dibao("核对己", "1955-06-07", "核对己妻");
        Fixtures.authorise(authorisations, d(7, 1), "DIBAO", c.h()[1], c.h()[2]);
        CaseVerification.Requested r = requestAndKillTheListenerMidway(c);

        incompletePublications.resubmitIncompletePublications(publication -> true);
        assertThat(arrived(c.a().id())).singleElement().satisfies(v -> {
            assertThat(v.source()).isEqualTo("ENGINE");
            assertThat(v.requestId()).isEqualTo(r.requestId());
        });
    }

    /**
     * Issue 14 A2/B7: requests the verification (nothing found, so the report is issued at once) while the case results'
     * table is locked against writes, so that the listener waits in the middle of attaching the result; then its
     * database session is killed. The report is committed, the result is not on the case, the publication stays incomplete.
     */
    private CaseVerification.Requested requestAndKillTheListenerMidway(Case c) throws java.sql.SQLException {
        CaseVerification.Requested r;
        try (java.sql.Connection holder = TestPostgres.get().superuser(database());
                java.sql.Statement statement = holder.createStatement()) {
            holder.setAutoCommit(false);
            // writes to the case's results wait; reads (and the request itself) do not
            statement.execute("lock table assistance_verification in share mode");
            r = As.street().call(() -> caseVerification.request(c.a().id()));
            long listener = Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(
                            () -> TestPostgresSql.queryForObject(
                                    jdbc,
                                    "select coalesce(max(pid), 0)::bigint from pg_stat_activity where wait_event_type = 'Lock'"
                                            + " and query like '%insert into assistance_verification%'",
                                    Long.class),
                            pid -> pid > 0);
            statement.execute("select pg_terminate_backend(" + listener + ")");
            holder.rollback();
        }
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from event_publication where completion_date is null") == 1
                        && count("select count(*) from event_publication where status = 'PROCESSING'") == 0);
        assertThat(As.street().call(() -> verifications.of(c.a().id()))).isEmpty();
        assertThat(TestPostgresSql.queryForObject(
                        jdbc,
                        "select count(*) > 0 from verification_report where request_id = ?",
                        Boolean.class,
                        r.requestId()))
                .isTrue();
        return r;
    }

    private String database() {
        String url = access.jdbcUrl();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    @Test
    void onlyTheCasesOwnStreetMayAsk() {
        Case c = dibao("核对丁", "1957-04-05", "核对丁妻");
        Fixtures.authorise(authorisations, d(7, 1), "DIBAO", c.h()[1], c.h()[2]);
        long requests = count("select count(*) from verification_request");

        assertThatThrownBy(() -> As.otherStreet().call(() -> caseVerification.request(c.a().id())))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> As.community().call(() -> caseVerification.request(c.a().id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> As.officer().call(() -> caseVerification.request(c.a().id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(count("select count(*) from verification_request")).isEqualTo(requests);
        assertThat(stepsDone(c.a().id())).doesNotContain("REQUEST_VERIFICATION");

        // the case's own street may
        assertThat(As.street().call(() -> caseVerification.request(c.a().id())).requestId())
                .isPositive();
    }

    private List<String> stepsDone(long applicationId) {
        return List.of(TestPostgresSql.queryForObject(
                        jdbc,
                        "select array_to_string(steps_done, ',') from assistance_application where id = ?",
                        String.class,
                        applicationId)
                .split(","));
    }

    private long count(String sql) {
        return TestPostgresSql.queryForObject(jdbc, sql, Long.class);
    }
}
