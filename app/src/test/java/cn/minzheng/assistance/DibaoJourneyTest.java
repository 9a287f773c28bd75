package cn.minzheng.assistance;

import static cn.minzheng.assistance.Fixtures.act;
import static cn.minzheng.assistance.Fixtures.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.minzheng.assistance.Fixtures.Member;
import cn.minzheng.procedure.Cases;
import cn.minzheng.procedure.Decisions;
import cn.minzheng.resident.BulkRegistration;
import cn.minzheng.resident.Relationship;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.Gender;
import cn.minzheng.test.As;
import cn.minzheng.test.TestDistrict;
import cn.minzheng.test.TestPostgresSql;
import cn.minzheng.verification.Authorisations;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The "done when", as a street worker and the district would live it: an application with missing papers, the
 * applicant told everything missing at once; investigation by two, verification after every member authorised, notice,
 * confirmation within the clock; a decision PDF that cites its articles and shows how the amount was computed; the next
 * month's roll paying it exactly once however often "generate" is pressed.
 */
@SpringBootTest
class DibaoJourneyTest {

    @Autowired
    TestDistrict district;

    @Autowired
    Applications applications;

    @Autowired
    Investigations investigations;

    @Autowired
    VerificationResults verifications;

    @Autowired
    Assessments assessments;

    @Autowired
    Cases cases;

    @Autowired
    Decisions decisions;

    @Autowired
    Authorisations authorisations;

    @Autowired
    BulkRegistration registration;

    @Autowired
    PaymentRolls rolls;

    @Autowired
    JdbcTemplate jdbc;

    long household;
    long head;
    long spouse;
    long child;

    @BeforeEach
    void household() {
        district.ensure();
        long[] ids = Fixtures.household(
                registration,
                jdbc,
                Fixtures.COMMUNITY,
                Member.of("低保甲", Gender.MALE, "1981-03-01", Relationship.HEAD),
                Member.of("低保乙", Gender.FEMALE, "1983-05-01", Relationship.SPOUSE),
                Member.of("低保丙", Gender.FEMALE, "2016-02-01", Relationship.CHILD));
        household = ids[0];
        head = ids[1];
        spouse = ids[2];
        child = ids[3];
    }

    @Test
    void anApplicationWithMissingPapersGoesThroughToOnePaymentNextMonth() throws Exception {
        // At the window the applicant brings only the application form: told once, everything missing.
        Applications.IntakeResult intake = As.street()
                .call(() -> applications.intake(new Applications.Intake(
                        CaseKind.DIBAO,
                        household,
                        null,
                        false,
                        d(7, 1),
                        "纸质申请补录",
                        false,
                        null,
                        false,
                        Fixtures.materials("APPLICATION"),
                        null,
                        null)));
        assertThat(intake.accepted()).isFalse();
        assertThat(intake.missing()).containsExactly("家庭经济状况承诺书", "家庭经济状况核对授权书", "户口簿、居民身份证复印件");
        long id = intake.application().id();
        long caseId = intake.application().caseId();
        assertThat(intake.application().matterType()).isEqualTo("ASSIST_DIBAO");
        assertThat(As.street().call(() -> cases.view(caseId)).suspendedUntil()).isEqualTo(d(7, 31));
        Applications.CorrectionNotice notice = As.street().call(() -> applications.correctionNotice(id));
        assertThat(notice.missing()).hasSize(3);
        // Bringing only part of it does not let the case be accepted.
        Applications.IntakeResult partly = As.street()
                .call(() -> applications.completeMaterials(id, Fixtures.materials("PROMISE"), d(7, 2), "补录"));
        assertThat(partly.accepted()).isFalse();
        assertThat(partly.missing()).containsExactly("家庭经济状况核对授权书", "户口簿、居民身份证复印件");
        Applications.IntakeResult accepted = As.street()
                .call(() -> applications.completeMaterials(
                        id, Fixtures.materials("AUTHORISATION", "ID_DOCUMENTS"), d(7, 3), "补录"));
        assertThat(accepted.accepted()).isTrue();
        Cases.ClockView total = clock(caseId, "TOTAL");
        assertThat(total.limitDays()).isEqualTo(30);
        assertThat(total.startedOn()).isEqualTo(d(7, 3));
        // … and never after acceptance: 补正 comes before 受理 (审核确认办法第十条), the 30 working days do not stop.
        assertThatThrownBy(() -> As.street()
                        .run(() -> cases.suspend(
                                caseId, new Cases.Suspension(d(7, 3), "再补一份材料", List.of("INCOME_PROOF"), "补录"))))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("第十条");

        As.street().run(() -> cases.perform(caseId, "START_INVESTIGATION", act(d(7, 6))));

        // The verification request waits for every counted member's authorisation.
        assertThatThrownBy(() -> As.street().run(() -> cases.perform(caseId, "REQUEST_VERIFICATION", act(d(7, 7)))))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("低保甲")
                .hasMessageContaining("低保乙")
                .hasMessageContaining("低保丙");
        Fixtures.authorise(authorisations, d(7, 6), "DIBAO", head, spouse);
        assertThatThrownBy(() -> As.street().run(() -> cases.perform(caseId, "REQUEST_VERIFICATION", act(d(7, 7)))))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("低保丙")
                .hasMessageNotContaining("低保甲");
        Fixtures.authorise(authorisations, d(7, 6), "DIBAO", child);
        As.street().run(() -> cases.perform(caseId, "REQUEST_VERIFICATION", act(d(7, 7))));

        // The home visit: the form first, with at least two investigators.
        assertThatThrownBy(() -> As.street().run(() -> cases.perform(caseId, "HOME_VISIT", act(d(7, 8), "社区干部"))))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("入户调查表");
        assertThatThrownBy(() -> As.street().call(() -> investigations.record(id, investigation(List.of("街道甲")))))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("不少于2人");
        As.street().call(() -> investigations.record(id, investigation(List.of("街道甲", "社区乙"))));
        As.street()
                .run(() -> cases.attach(
                        caseId,
                        "INVESTIGATION_FORM",
                        "form.pdf",
                        new java.io.ByteArrayInputStream(Fixtures.pdf("form")),
                        null));
        As.street().run(() -> cases.perform(caseId, "HOME_VISIT", act(d(7, 8), "社区乙")));

        // No notice before a verification result and a draft computed by the rules.
        assertThatThrownBy(() -> As.street().run(() -> cases.perform(caseId, "PUBLISH", act(d(7, 9)))))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("核对结果");
        VerificationResults.Result manual = As.street()
                .call(() -> verifications.recordManual(
                        id,
                        new VerificationResults.ManualResult(
                                d(7, 9), 3, 12, 0, 0, 2, "人工向社保、公积金、不动产、车辆管理部门查询，未发现不符合条件的情形")));
        assertThat(manual.manual()).isTrue();
        Assessments.Preview preview = As.street().call(() -> assessments.preview(id, d(7, 10), null));
        // 1 200.00 wage − 100.00 employment costs = 1 100.00 (÷ 3 = 366.67, shown); 800 × 3 − 1 100.00 = 1 300.00,
        // computed exactly — not (800 − 366.67) × 3 = 1 299.99; a minor's surcharge 50.00 → 1 350.00 a month (the
        // pension is not counted).
        assertThat(preview.outcome()).isEqualTo("APPROVE");
        assertThat(preview.results()).containsEntry("amountFen", "135000").containsEntry("perCapitaIncome", "36667");
        Decisions.DecisionView draft = As.street().call(() -> assessments.draft(id, d(7, 10), null, "补录", null));
        assertThat(draft.ruleCode()).isEqualTo("ASSIST_DIBAO_AMOUNT");
        assertThat(As.street().call(() -> decisions.recheck(draft.id())).reproduced())
                .isTrue();

        Cases.CaseView published = As.street().call(() -> cases.perform(caseId, "PUBLISH", act(d(7, 10))));
        assertThat(published.notices()).hasSize(1);
        assertThat(published.notices().get(0).periodEnd()).isEqualTo(d(7, 17));
        As.street().run(() -> cases.perform(caseId, "SUBMIT", act(d(7, 20))));
        Cases.CaseView confirmed = As.officer().call(() -> cases.perform(caseId, "CONFIRM", act(d(7, 22))));
        assertThat(confirmed.state()).isEqualTo("DECIDED");
        Cases.ClockView stopped = clock(caseId, "TOTAL");
        assertThat(stopped.finishedLate()).isFalse();
        assertThat(stopped.dueOn()).isAfter(d(7, 22));

        // The decision document cites its articles and shows the computation.
        Decisions.DecisionView issued = confirmed.decisions().stream()
                .filter(x -> "ISSUED".equals(x.status()))
                .findFirst()
                .orElseThrow();
        assertThat(issued.documentNumber()).startsWith("雁民低保〔2026〕");
        String text = Fixtures.text(As.officer().call(() -> decisions.document(issued.id())));
        assertThat(text)
                .contains("最低生活保障审核确认决定书")
                .contains("第二十一条")
                .contains("第二十三条")
                .contains("1,350.00");
        // a 公文 (issue 12 item 9): addressed by name, reasons in sentences, from which month and how it is paid, the
        // computation as an annex table in words — no codes, no 待确认, no formula language
        String flat = text.replaceAll("\\s+", "");
        assertThat(flat)
                .contains("雁民低保〔2026〕")
                .contains("本机关决定：予以确认。")
                .contains("按月通过代理金融机构将最低生活保障金支付到你家庭的账户")
                .contains("附件：认定和计算明细")
                .contains("低保标准×人数－家庭月收入")
                .doesNotContain("你（单位）", "（待确认）", "如果", "ASSIST_DIBAO", "DIBAO_", "perCapita", "amountFen");
        assertThat(flat).containsPattern("自2026年\\d{1,2}月起，按月");

        // Paid from the next month, once, however often the roll is generated.
        Long status = TestPostgresSql.queryForObject(
                jdbc,
                "select id from assistance_status where subject_type = 'HOUSEHOLD' and subject_id = ? and programme_code = 'DIBAO'",
                Long.class,
                household);
        assertThat(TestPostgresSql.queryForObject(
                        jdbc, "select effective_from from assistance_status where id = ?", LocalDate.class, status))
                .isEqualTo(d(8, 1));
        YearMonth august = YearMonth.of(2026, 8);
        PaymentRolls.Generated first = As.officer().call(() -> rolls.generate("DIBAO", august, "journey-1"));
        PaymentRolls.Generated again = As.officer().call(() -> rolls.generate("DIBAO", august, "journey-1"));
        assertThat(again.roll().id()).isEqualTo(first.roll().id());
        assertThatThrownBy(() -> As.officer().call(() -> rolls.generate("DIBAO", august, "journey-2")))
                .isInstanceOf(PaymentRolls.AlreadyGenerated.class);
        assertThat(TestPostgresSql.queryForObject(
                        jdbc,
                        "select count(*) from payment_item where status_id = ? and state <> 'VOIDED'",
                        Long.class,
                        status))
                .isEqualTo(1L);
        assertThat(TestPostgresSql.queryForObject(
                        jdbc, "select amount_fen from payment_item where status_id = ?", Long.class, status))
                .isEqualTo(135_000L);
        // July's roll, made before the decision took effect, has nothing for this household.
        assertThat(TestPostgresSql.queryForObject(
                        jdbc,
                        "select count(*) from payment_item where status_id = ? and period < '2026-08-01'",
                        Long.class,
                        status))
                .isZero();
    }

    private Investigations.NewInvestigation investigation(List<String> investigators) {
        return new Investigations.NewInvestigation(
                d(7, 8),
                investigators,
                List.of(),
                List.of(
                        new Investigation.Income("低保甲", "WAGE", 120_000, "灵活就业"),
                        new Investigation.Income("低保甲", "EMPLOYMENT_COST", 10_000, "通勤"),
                        new Investigation.Income("低保乙", "BASIC_PENSION", 15_000, null)),
                Investigation.Property.none(),
                true,
                null,
                false,
                List.of(),
                List.of(),
                null,
                "家中陈设简单");
    }

    private Cases.ClockView clock(long caseId, String code) {
        return As.street().call(() -> cases.view(caseId)).clocks().stream()
                .filter(c -> c.code().equals(code))
                .reduce((a, b) -> b)
                .orElseThrow();
    }
}
