package cn.minzheng.assistance;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.procedure.Supervision;
import cn.minzheng.test.As;
import cn.minzheng.test.TestPostgresSql;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo district comes with social assistance a newcomer can look at: a few hundred households on 低保 and some
 * 特困 persons (存量对象 with their paper decision and review plan) paid by the next roll, cases at every stage acted on
 * by the staff member the procedure names, review tasks, the emergency team and a portal application.
 */
@SpringBootTest(properties = "minzheng.demo.size=small")
class DemoAssistanceTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PaymentRolls rolls;

    @Autowired
    Supervision supervision;

    private long count(String sql, Object... args) {
        return TestPostgresSql.queryForObject(jdbc, sql, Long.class, args);
    }

    /** The demo hands its batch to the verification worker (the start does not wait for it); wait until it ends. */
    private void awaitBatchFinished() {
        for (int i = 0; i < 600 && count("select count(*) from verification_batch where status = 'RUNNING'") > 0; i++) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private String text(String sql) {
        return TestPostgresSql.queryForObject(jdbc, "select coalesce((" + sql + "), '')", String.class);
    }

    private static final String PARAMETER =
            "(select value from parameter_value where code = '%s' and status = 'APPROVED' order by effective_from desc limit 1)";

    @Test
    void currentBeneficiariesAreRegisteredWithTheirPaperDecisionAndReviewPlan() {
        assertThat(
                        count(
                                "select count(*) from assistance_status where programme_code = 'DIBAO' and effective_to is null"))
                .isGreaterThanOrEqualTo(200);
        assertThat(
                        count(
                                "select count(*) from assistance_status where programme_code = 'TEKUN' and effective_to is null"))
                .isPositive();
        assertThat(
                        count(
                                "select count(*) from assistance_status where programme_code = 'TEKUN_CARE' and effective_to is null"))
                .isPositive();
        // every 存量 status names its (synthetic) paper decision, starts on the first of a past month, has a review plan
        assertThat(count("""
                        select count(*) from assistance_status s
                        where s.decision_ref like '雁民%（演示）' and s.programme_code in ('DIBAO', 'TEKUN')
                          and (extract(day from s.effective_from) <> 1 or s.effective_from > current_date
                               or not exists (select 1 from assistance_review_plan p where p.status_id = s.id))""")).isZero();
        // amounts as the parameters give them: 低保 never above members × standard, 特困 at 1.3 × standard, care by grade
        assertThat(count("select count(*) from assistance_status where programme_code = 'DIBAO' and monthly_amount_fen"
                        + " > members * " + PARAMETER.formatted("DIBAO_STD_URBAN")))
                .isZero();
        assertThat(count("select count(*) from assistance_status where programme_code = 'TEKUN' and monthly_amount_fen"
                        + " <> round(" + PARAMETER.formatted("DIBAO_STD_URBAN") + " * "
                        + PARAMETER.formatted("TEKUN_BASIC_MULTIPLIER") + ")"))
                .isZero();
        assertThat(count("""
                        select count(*) from assistance_status where programme_code = 'TEKUN_CARE'
                          and monthly_amount_fen <> case level when 'SELF_CARE' then %s when 'PARTIAL' then %s
                                                               when 'FULL' then %s end""".formatted(
                                PARAMETER.formatted("TEKUN_CARE_SELF_FEN"),
                                PARAMETER.formatted("TEKUN_CARE_PARTIAL_FEN"),
                                PARAMETER.formatted("TEKUN_CARE_FULL_FEN"))))
                .isZero();
        // review tasks were generated for beneficiaries whose review is due
        assertThat(count("select count(*) from assistance_review_task where kind = 'PERIODIC' and state = 'OPEN'"))
                .isPositive();
    }

    @Test
    void casesStandAtEveryStageActedOnByTheStaffTheProcedureNames() {
        String states = text("select string_agg(distinct programme || ':' || state, ',') from assistance_application");
        assertThat(Arrays.asList(states.split(",")))
                .contains(
                        "DIBAO:RECEIVED",
                        "DIBAO:INVESTIGATING",
                        "DIBAO:PUBLICITY",
                        "DIBAO:CONFIRMING",
                        "DIBAO:CLOSED",
                        "TEKUN:CONFIRMING",
                        "TEMPORARY_URGENT:AIDED",
                        "TEMPORARY:CLOSED");

        // the applicant without papers was told every missing material at once
        assertThat(count("""
                        select count(*) from assistance_application where programme = 'DIBAO' and state = 'RECEIVED'
                          and correction_missing @> array['PROMISE', 'AUTHORISATION', 'ID_DOCUMENTS']""")).isPositive();
        // the case waiting for the district is on the separate register for relatives of cadres
        assertThat(count(
                        "select count(*) from assistance_application where programme = 'DIBAO' and state = 'CONFIRMING'"
                                + " and relatives_register"))
                .isPositive();

        // intake and every street step by the street's own officer; confirmation by the district's officer
        assertThat(count("""
                        select count(*) from assistance_application a join procedure_case c on c.id = a.case_id
                        where a.channel = 'STREET' and c.opened_by <> 'jiedao_' || left(a.community_code, 9)""")).isZero();
        assertThat(count("""
                        select count(*) from case_event e join assistance_application a on a.case_id = e.case_id
                        where e.kind = 'STEP' and e.step_code in ('START_INVESTIGATION', 'REQUEST_VERIFICATION',
                              'HOME_VISIT', 'PUBLISH', 'SUBMIT', 'DELIVER', 'GRANT')
                          and e.actor <> 'jiedao_' || left(a.community_code, 9)""")).isZero();
        assertThat(text("""
                        select string_agg(distinct e.actor, ',') from case_event e
                        join assistance_application a on a.case_id = e.case_id
                        where e.kind = 'STEP' and e.step_code = 'CONFIRM'""")).isEqualTo("qu_jingban");
        // the street's steps happen in the case's street only (no demo case outside 小寨路 and 长延堡)
        assertThat(count("""
                        select count(*) from assistance_application
                        where channel = 'STREET' and left(community_code, 9) not in ('610113001', '610113002')""")).isZero();

        // investigated by two, authorised by every counted member, verification entered by hand and marked so
        assertThat(count("""
                        select count(*) from assistance_application a
                        where a.state in ('PUBLICITY', 'CONFIRMING', 'CLOSED') and a.programme in ('DIBAO', 'TEKUN')
                          and not exists (select 1 from assistance_investigation i
                                          where i.application_id = a.id and cardinality(i.investigators) >= 2)""")).isZero();
        assertThat(count("""
                        select count(*) from assistance_counted_member m
                        join assistance_investigation i on i.id = m.investigation_id
                        where m.counted and not exists (select 1 from verification_authorisation v
                                                        where v.resident_id = m.resident_id)""")).isZero();
        assertThat(count("select count(*) from assistance_verification where source = 'MANUAL' and summary like"
                        + " '核对系统尚未接入%'"))
                .isPositive();

        // the decided 低保 case created a status naming its issued decision, paid from the month after the decision
        assertThat(count("""
                        select count(*) from assistance_application a
                        join decision d on d.case_id = a.case_id and d.status = 'ISSUED'
                        join assistance_status s on s.programme_code = 'DIBAO' and s.subject_type = 'HOUSEHOLD'
                                                and s.subject_id = a.household_id and s.decision_ref = d.document_number
                        where a.programme = 'DIBAO' and a.state = 'CLOSED' and s.effective_to is null
                          and s.effective_from = (date_trunc('month', d.issued_on) + interval '1 month')::date""")).isEqualTo(1);
        // the 特困 case was put to the district's spot check; the 支出型 aid was paid once
        assertThat(count("""
                        select count(*) from assistance_spot_check k join assistance_application a on a.id = k.application_id
                        where a.programme = 'TEKUN'""")).isEqualTo(1);
        assertThat(count("""
                        select count(*) from assistance_temporary t join assistance_application a on a.id = t.application_id
                        where a.programme = 'TEMPORARY' and t.payment_item_id is not null and t.paid_fen > 0""")).isEqualTo(1);
        // 先行救助 with its paperwork overdue shows on the supervision board
        assertThat(As.officer().call(() -> supervision.board()).overdue())
                .anyMatch(i -> i.clockName().contains("补办手续"));
    }

    @Test
    void theEmergencyTeamAndThePortalHaveWork() {
        assertThat(count("select count(*) from assistance_responder where community_code like '610113001%'"))
                .isGreaterThanOrEqualTo(30);
        assertThat(count("select count(*) from assistance_responder where community_code not like '610113001%'"
                        + " or name not like '应急队员%' or phone_masked ~ '[0-9]{11}'"))
                .as("responders are the demo's own, in 小寨路街道, their phones stored masked")
                .isZero();
        assertThat(count("select count(*) from assistance_dispatch")).isEqualTo(2);
        assertThat(count("select count(*) from assistance_dispatch_responder where arrived_at is not null"))
                .isPositive();
        assertThat(count("select count(*) from assistance_dispatch where state = 'CLOSED' and outcome is not null"))
                .isEqualTo(1);
        assertThat(count("select count(*) from assistance_portal_application where state = 'SUBMITTED'"))
                .isEqualTo(1);
    }

    @Test
    void aYearOfPaymentHistoryPaysTheStatusesInForceEachMonth() {
        // the payment history (demo step 90) runs after the beneficiaries exist (step 45): every past month of the year
        // has its approved 低保, 特困 and care rolls, each paying exactly the statuses in force on the first of the month
        YearMonth current = YearMonth.now();
        for (String programme : new String[] {"DIBAO", "TEKUN", "TEKUN_CARE"}) {
            assertThat(count(
                            "select count(*) from payment_roll where programme_code = ? and state = 'APPROVED'"
                                    + " and period >= ? and period < ?",
                            programme,
                            current.minusMonths(12).atDay(1),
                            current.atDay(1)))
                    .as(programme)
                    .isEqualTo(12);
            assertThat(count("""
                            select count(*) from payment_roll r
                            where r.programme_code = ? and r.item_count <> (
                                select count(*) from assistance_status s where s.programme_code = r.programme_code
                                  and s.effective_from <= r.period
                                  and (s.effective_to is null or s.effective_to > r.period))""", programme))
                    .as(programme + " rolls pay the statuses in force")
                    .isZero();
        }
        assertThat(count(
                        "select count(*) from payment_item i join payment_roll r on r.id = i.roll_id"
                                + " where i.state in ('PENDING', 'FAILED') and r.period < ?",
                        current.atDay(1)))
                .as("every item paid, failed ones re-issued and paid")
                .isZero();
        assertThat(count("select count(*) from payment_roll where generated_by = approved_by"))
                .isZero();
    }

    @Test
    void thisMonthsRollPaysEveryCurrentDibaoHouseholdOnce() {
        // the demo paid the twelve months before this one; this month's roll is due from its cut-off day (the 1st)
        YearMonth next = YearMonth.now();
        LocalDate first = next.atDay(1);
        long expected = count("""
                select count(*) from assistance_status where programme_code = 'DIBAO'
                  and effective_from <= ? and (effective_to is null or effective_to > ?)""", first, first);
        long total = count("""
                select coalesce(sum(monthly_amount_fen), 0)::bigint from assistance_status where programme_code = 'DIBAO'
                  and effective_from <= ? and (effective_to is null or effective_to > ?)""", first, first);
        PaymentRolls.Generated roll = As.officer().call(() -> rolls.generate("DIBAO", next, "demo-test"));
        assertThat((long) roll.roll().itemCount()).isEqualTo(expected);
        assertThat(roll.roll().totalFen()).isEqualTo(total);
        // pressed again: the same roll, never a second one
        PaymentRolls.Generated again = As.officer().call(() -> rolls.generate("DIBAO", next, "demo-test"));
        assertThat(again.roll().id()).isEqualTo(roll.roll().id());
        assertThat(count("select count(*) from payment_roll where programme_code = 'DIBAO' and period = ?", first))
                .isEqualTo(1);
    }

    @Test
    void theVerificationDemosReverificationChecksEveryBeneficiaryForTheyHaveSignedTheirLetters() {
        // the households receiving assistance on the day of the batch (a 特困 person counts for their household)
        long beneficiaries = count("""
                select count(distinct case when s.subject_type = 'HOUSEHOLD' then s.subject_id else m.household_id end)
                from assistance_status s
                left join household_member m on s.subject_type = 'PERSON' and m.resident_id = s.subject_id
                                             and m.left_on is null
                where s.effective_from <= current_date and (s.effective_to is null or s.effective_to > current_date)""");
        assertThat(beneficiaries).as("the small demo's beneficiary households").isGreaterThanOrEqualTo(250);
        assertThat(count("select count(*) from verification_batch")).isEqualTo(1);
        awaitBatchFinished();
        assertThat(text("select status from verification_batch")).isEqualTo("COMPLETED");
        assertThat(count("select households::bigint from verification_batch")).isEqualTo(beneficiaries);
        // every one of them verified: none refused for a missing 授权书 (before the letters: 326 of 328 refused)
        assertThat(count("select refused::bigint from verification_batch")).isZero();
        assertThat(count("select verified::bigint from verification_batch")).isEqualTo(beneficiaries);
        assertThat(count("""
                        select count(*) from verification_request r join verification_batch b on b.id = r.batch_id
                        where r.status = 'COMPLETED' and r.persons > 0""")).isEqualTo(beneficiaries);
        // the letters are the streets' entries, for the decision's programme: every 存量 household has them
        assertThat(count("""
                        select count(*) from assistance_status s
                        where s.subject_type = 'HOUSEHOLD' and s.programme_code = 'DIBAO' and s.decision_ref like '雁民%（演示）'
                          and not exists (select 1 from household_member m
                                          join verification_authorisation v on v.resident_id = m.resident_id
                                          where m.household_id = s.subject_id and m.left_on is null
                                            and 'DIBAO' = any (v.programmes) and v.revoked_on is null
                                            and v.recorded_by like 'jiedao_%')""")).isZero();
        // and the verification demo still has its household refused for a member without a letter
        assertThat(count("""
                        select count(*) from audit_entry a
                        join household h on h.id::text = a.target_id
                        where a.action = 'VERIFICATION_REQUEST_REFUSED' and a.result = 'DENIED'
                          and h.community_code = '610113001001'
                          and exists (select 1 from household_member m where m.household_id = h.id and m.left_on is null
                                      and not exists (select 1 from verification_authorisation v
                                                      where v.resident_id = m.resident_id))""")).isEqualTo(1);
    }
}
