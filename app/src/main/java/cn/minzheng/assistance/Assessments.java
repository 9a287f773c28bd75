package cn.minzheng.assistance;

import cn.minzheng.assistance.rules.CareGrade;
import cn.minzheng.assistance.rules.IncomeItem;
import cn.minzheng.assistance.rules.MemberFacts;
import cn.minzheng.assistance.rules.RigidExpenseHardship;
import cn.minzheng.assistance.rules.TekunEligibility;
import cn.minzheng.assistance.rules.TemporaryAssistance;
import cn.minzheng.assistance.rules.Trace;
import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.procedure.Computation;
import cn.minzheng.procedure.Decisions;
import cn.minzheng.procedure.ParameterValue;
import cn.minzheng.procedure.Parameters;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.Money;
import cn.minzheng.shared.NotFound;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 计算并起草: turns what the investigation found into the decision's computation — with the parameters in force for the
 * case's street on the day, each cited by the id of its registered value — checks it against the rules package, and
 * hands the trace to the kernel ({@code Decisions.draftFromTrace}), which re-does it before accepting the draft. The
 * decision document then shows how the amount was computed and which articles it applies.
 */
@Service
public class Assessments {

    private final ApplicationStore applications;
    private final Investigations investigations;
    private final VerificationResults verifications;
    private final Households households;
    private final Parameters parameters;
    private final Decisions decisions;
    private final StatusLedger ledger;
    private final PropertyCheck propertyCheck;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    Assessments(
            ApplicationStore applications,
            Investigations investigations,
            VerificationResults verifications,
            Households households,
            Parameters parameters,
            Decisions decisions,
            StatusLedger ledger,
            PropertyCheck propertyCheck,
            JdbcClient jdbc,
            AuditTrail audit,
            Clock clock) {
        this.applications = applications;
        this.investigations = investigations;
        this.verifications = verifications;
        this.households = households;
        this.parameters = parameters;
        this.decisions = decisions;
        this.ledger = ledger;
        this.propertyCheck = propertyCheck;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * What only the caseworker can say. Temporary aid: whether the household's basic living is in difficulty. Changes:
     * a member who refused job referrals, a grace period granted because work lifted income, or for 特困 whether the
     * person still qualifies and why.
     */
    public record Options(
            Boolean eligible,
            String finding,
            Long refusingMemberId,
            Integer graceMonths,
            Boolean stillEligible,
            TekunEndGround endGround) {

        public Options(
                Boolean eligible, String finding, Long refusingMemberId, Integer graceMonths, Boolean stillEligible) {
            this(eligible, finding, refusingMemberId, graceMonths, stillEligible, null);
        }

        public static Options none() {
            return new Options(null, null, null, null, null, null);
        }
    }

    /** The computation as it would be drafted today: outcome, results, every step, and the rules' own trace. */
    public record Preview(
            String rule,
            String outcome,
            Map<String, String> results,
            Map<String, String> facts,
            List<String> explanation,
            List<Trace.Step> rulesTrace,
            List<String> propertyFindings,
            Computation.Trace trace) {}

    @PreAuthorize(AssistanceRoles.READ)
    @Transactional(readOnly = true, noRollbackFor = BusinessRuleViolation.class)
    public Preview preview(long applicationId, LocalDate on, Options options) {
        Application a = application(applicationId);
        return compute(a, on == null ? LocalDate.now(clock) : on, options == null ? Options.none() : options);
    }

    @PreAuthorize(AssistanceRoles.DRAFT)
    @Transactional
    public Decisions.DecisionView draft(
            long applicationId, LocalDate on, String reasons, String lateReason, Options options) {
        Application a = application(applicationId);
        LocalDate day = on == null ? LocalDate.now(clock) : on;
        Preview preview = compute(a, day, options == null ? Options.none() : options);
        String why = reasons == null || reasons.isBlank() ? defaultReasons(a, preview, day) : reasons.strip();
        Decisions.DecisionView view = decisions.draftFromTrace(
                a.caseId(),
                new Decisions.Draft(null, preview.facts(), why, List.of(), false, null, day, lateReason),
                preview.trace());
        audit.record(AuditEvent.success("ASSISTANCE_DECISION_DRAFTED", "assistance_application", a.id())
                .because(preview.rule() + " " + preview.outcome()));
        return view;
    }

    // --- the computations -------------------------------------------------------------------------------------

    private Preview compute(Application a, LocalDate on, Options o) {
        Investigation inv = investigations
                .latest(a.id())
                .or(() -> a.kind() == CaseKind.TEMPORARY_URGENT ? Optional.of(urgent(a)) : Optional.empty())
                .orElseThrow(() -> new BusinessRuleViolation("请先登记入户调查（家庭成员、收入、财产）"));
        String street = a.communityCode().substring(0, 9);
        List<IncomeItem> income = inv.incomes().stream()
                .map(i -> new IncomeItem(
                        i.memberName(), Investigations.kind(i.kind()), Money.fen(i.monthlyFen()), i.note()))
                .toList();
        List<MemberFacts> members = inv.members().stream()
                .filter(Investigation.Member::counted)
                .map(m -> households.facts(m.residentId(), on, m.ableToWork()))
                .toList();
        String verification = a.kind() == CaseKind.TEMPORARY_URGENT
                ? "先行救助，事后补办"
                : verifications
                        .latest(a.id())
                        .map(VerificationResults.Result::sourceLabel)
                        .or(() -> a.kind().review() ? Optional.of("核查中未重新核对") : Optional.empty())
                        .orElseThrow(() -> new BusinessRuleViolation("尚无家庭经济状况核对结果（核对系统未接入时可人工录入）"));
        List<String> findings = findings(a, inv, on, members.size());
        String propertySource = inv.propertyJudgement() != null
                ? "经办人研判：" + inv.propertyJudgement()
                : findings.isEmpty() ? "入户调查和核对：未发现需研判的财产情形" : "入户调查和核对（有 " + findings.size() + " 项需研判）";
        Map<String, String> facts = new LinkedHashMap<>();
        return switch (a.kind()) {
            case DIBAO -> {
                DibaoRule.Result r = DibaoRule.compute(
                        dibao(a, on),
                        on,
                        street,
                        income,
                        members,
                        inv.propertyWithinRules(),
                        propertySource,
                        DibaoRule.CODE);
                facts.put("householdSize", Integer.toString(r.members()));
                facts.put("perCapitaIncomeFen", Long.toString(r.perCapitaFen()));
                facts.put("assetsWithinLimit", Boolean.toString(inv.propertyWithinRules()));
                facts.put("verificationSource", verification);
                yield preview(r.computation().trace(), facts, r.rulesTrace(), findings);
            }
            case TEKUN -> {
                Investigations.CareAssessment care =
                        investigations.care(a.id()).orElseThrow(() -> new BusinessRuleViolation("请先评估生活自理能力（六项指标）"));
                MemberFacts person = households.facts(a.personId(), on, false);
                List<TekunEligibility.Supporter> supporters = inv.supporters().stream()
                        .map(s -> new TekunEligibility.Supporter(
                                s.relation(),
                                s.tekun(),
                                s.dibaoAged60(),
                                s.age(),
                                s.lowIncomeAndAssets(),
                                s.severelyDisabled(),
                                s.noCapacityMissingImprisoned()))
                        .toList();
                TekunRule.Result r = TekunRule.compute(
                        on,
                        street,
                        person,
                        income,
                        inv.propertyWithinRules(),
                        supporters,
                        a.childWelfare(),
                        care.grade(),
                        value("DIBAO_STD_URBAN", a, on),
                        value("TEKUN_BASIC_MULTIPLIER", a, on),
                        value(careParameter(care.grade()), a, on));
                facts.put("careGrade", care.gradeLabel());
                facts.put("verificationSource", verification);
                yield preview(r.computation().trace(), facts, r.rulesTrace(), findings);
            }
            case DIBAO_EDGE -> {
                EdgeRule.Result r = EdgeRule.compute(
                        on,
                        street,
                        income,
                        members,
                        inv.propertyWithinRules(),
                        propertySource,
                        value("DIBAO_STD_URBAN", a, on),
                        value("DIBAO_EDGE_MULTIPLIER", a, on));
                facts.put("householdSize", Integer.toString(members.size()));
                facts.put(
                        "perCapitaIncomeFen", r.computation().trace().results().get("perCapitaIncome"));
                facts.put("assetsWithinLimit", Boolean.toString(inv.propertyWithinRules()));
                if (!r.singlePersonDibao().isEmpty()) {
                    facts.put("singlePersonDibao", String.join("、", r.singlePersonDibao()));
                }
                yield preview(r.computation().trace(), facts, r.rulesTrace(), findings);
            }
            case RIGID_EXPENSE -> {
                Map<RigidExpenseHardship.Expense, Money> expenses = new EnumMap<>(RigidExpenseHardship.Expense.class);
                for (Investigation.Expense e : inv.expenses()) {
                    expenses.merge(Investigations.expense(e.kind()), Money.fen(e.amountFen()), Money::plus);
                }
                RigidRule.Result r = RigidRule.compute(
                        on,
                        street,
                        income,
                        members.size(),
                        expenses,
                        alreadyCovered(a),
                        inv.propertyWithinRules(),
                        propertySource,
                        value("LOCAL_DISPOSABLE_INCOME_MONTH_FEN", a, on),
                        value("RIGID_LOOKBACK_MONTHS", a, on),
                        value("RIGID_RATIO", a, on));
                facts.put("householdSize", Integer.toString(members.size()));
                facts.put("perCapitaIncomeFen", perCapita(r.computation()));
                facts.put("assetsWithinLimit", Boolean.toString(inv.propertyWithinRules()));
                yield preview(r.computation().trace(), facts, r.rulesTrace(), findings);
            }
            case TEMPORARY, TEMPORARY_URGENT -> {
                record Request(String severity, int members) {}
                Request request = jdbc.sql(
                                "select severity, members from assistance_temporary where application_id = ?")
                        .param(a.id())
                        .query((rs, n) -> new Request(rs.getString(1), rs.getInt(2)))
                        .optional()
                        .orElseThrow(() -> new BusinessRuleViolation("缺少临时救助申请情况"));
                TemporaryAssistance.Severity severity = TemporaryAssistance.Severity.valueOf(
                        inv.severity() == null ? request.severity() : inv.severity());
                boolean eligible = o.eligible() == null || o.eligible();
                String finding = o.finding() == null || o.finding().isBlank()
                        ? (eligible ? "经调查核实，家庭基本生活陷入困境" : "经调查核实，不属于临时救助范围")
                        : o.finding().strip();
                TemporaryRule.Result r = TemporaryRule.compute(
                        on,
                        street,
                        a.kind() == CaseKind.TEMPORARY_URGENT
                                ? TemporaryAssistance.Kind.EMERGENCY
                                : TemporaryAssistance.Kind.EXPENDITURE,
                        severity,
                        request.members(),
                        eligible,
                        finding,
                        value("DIBAO_STD_URBAN", a, on),
                        value("TEMP_AID_MULTIPLE_" + severity.name(), a, on),
                        value("TEMP_AID_STREET_APPROVAL_LIMIT", a, on),
                        value("TEMP_AID_CAP_FEN", a, on));
                facts.put("householdSize", Integer.toString(request.members()));
                facts.put("severity", severity.label());
                yield preview(r.computation().trace(), facts, r.rulesTrace(), findings);
            }
            case CHANGE -> change(a, inv, on, o, income, members, propertySource, findings, street);
            case TEKUN_END -> tekunEnd(a, on, o, findings, street);
        };
    }

    /** 先行救助 before any paperwork: the situation as registered stands in for the investigation. */
    private static Investigation urgent(Application a) {
        return new Investigation(
                0,
                a.id(),
                a.receivedOn(),
                List.of(),
                List.of(),
                List.of(),
                Investigation.Property.none(),
                true,
                "急难情况，先行救助后补办",
                false,
                List.of(),
                List.of(),
                null,
                null,
                "system",
                java.time.Instant.EPOCH);
    }

    private Preview change(
            Application a,
            Investigation inv,
            LocalDate on,
            Options o,
            List<IncomeItem> income,
            List<MemberFacts> members,
            String propertySource,
            List<String> findings,
            String street) {
        StatusLedger.Status status =
                ledger.find(a.statusId()).orElseThrow(() -> new BusinessRuleViolation("动态管理对象的救助状态不存在"));
        Map<String, String> facts = new LinkedHashMap<>();
        ChangeRule.Result r;
        if ("TEKUN".equals(status.programme())) {
            throw new BusinessRuleViolation("特困人员救助供养的终止须先在社区公示7天（《特困人员认定办法》第二十六条），请在核查任务中按“终止特困人员救助供养”办理");
        } else {
            ChangeRule.Refusal refusal = null;
            if (o.refusingMemberId() != null) {
                Investigation.Member member = inv.members().stream()
                        .filter(m -> m.residentId() == o.refusingMemberId() && m.counted())
                        .findFirst()
                        .orElseThrow(() -> new BusinessRuleViolation("拒绝就业的成员须为计入的家庭成员"));
                refusal = new ChangeRule.Refusal(
                        member.name(),
                        consecutiveRefusals(status.id(), member.residentId()),
                        value("JOB_REFUSAL_LIMIT", a, on));
            }
            ChangeRule.Grace grace = o.graceMonths() == null
                    ? null
                    : new ChangeRule.Grace(o.graceMonths(), value("GRADUAL_EXIT_MAX_MONTHS", a, on));
            r = ChangeRule.dibao(
                    on,
                    street,
                    dibao(a, on),
                    income,
                    members,
                    inv.propertyWithinRules(),
                    propertySource,
                    status.monthlyAmountFen(),
                    refusal,
                    grace);
            facts.put("householdSize", Integer.toString(members.size()));
            facts.put(
                    "reason",
                    o.finding() == null || o.finding().isBlank()
                            ? "定期核查家庭人口、收入和财产状况"
                            : o.finding().strip());
        }
        return preview(r.trace(), facts, r.rulesTrace(), findings);
    }

    /** 终止特困人员救助供养: the caseworker's finding (第二十四条's ground, or still eligible) as a computation. */
    private Preview tekunEnd(Application a, LocalDate on, Options o, List<String> findings, String street) {
        StatusLedger.Status status =
                ledger.find(a.statusId()).orElseThrow(() -> new BusinessRuleViolation("特困人员的救助状态不存在"));
        if (o.stillEligible() == null || o.finding() == null || o.finding().isBlank()) {
            throw new BusinessRuleViolation("请写明调查核实的结论：是否仍符合特困人员救助供养条件，以及查明的情况");
        }
        if (!o.stillEligible() && o.endGround() == null) {
            throw new BusinessRuleViolation("拟终止的，请选择《特困人员认定办法》第二十四条规定的终止情形");
        }
        Computation.Trace trace = TekunEndRule.compute(
                on,
                street,
                status.monthlyAmountFen(),
                o.stillEligible(),
                o.endGround(),
                o.finding().strip());
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put(
                "ground",
                o.stillEligible()
                        ? "未发现终止情形"
                        : o.endGround().label() + "（" + o.endGround().basis() + "）");
        facts.put("reason", o.finding().strip());
        return preview(trace, facts, new Trace(), findings);
    }

    /** Consecutive refusals without good reason, counted back from the latest referral. */
    int consecutiveRefusals(long statusId, long residentId) {
        List<Boolean> refusedWithoutReason =
                jdbc.sql("""
                        select refused and good_reason is null from assistance_job_referral
                        where status_id = ? and resident_id = ? order by referred_on desc, id desc
                        """).params(statusId, residentId).query(Boolean.class).list();
        int n = 0;
        for (boolean refused : refusedWithoutReason) {
            if (!refused) {
                break;
            }
            n++;
        }
        return n;
    }

    private Preview preview(Computation.Trace trace, Map<String, String> facts, Trace rules, List<String> findings) {
        return new Preview(
                trace.rule(),
                trace.outcome(),
                trace.results(),
                facts,
                Computation.explain(trace),
                rules.steps(),
                findings,
                trace);
    }

    /** The property findings a person must weigh (never automatic refusals), from the local rules as parameters. */
    private List<String> findings(Application a, Investigation inv, LocalDate on, int members) {
        return propertyCheck
                .judge(a.communityCode(), on, members, inv.property())
                .findings();
    }

    private boolean alreadyCovered(Application a) {
        return a.householdId() != null
                && jdbc.sql("""
                                select count(*) from assistance_status
                                where subject_type = 'HOUSEHOLD' and subject_id = ? and effective_to is null
                                  and category_code in ('DIBAO', 'TEKUN', 'DIBAO_EDGE')
                                """).param(a.householdId()).query(Long.class).single() > 0;
    }

    private DibaoSettings dibao(Application a, LocalDate on) {
        return DibaoSettings.of(code -> value(code, a, on));
    }

    private ParameterValue value(String code, Application a, LocalDate on) {
        return parameters.valueAsOf(code, a.communityCode(), on);
    }

    private static String careParameter(CareGrade grade) {
        return switch (grade) {
            case SELF_CARE -> "TEKUN_CARE_SELF_FEN";
            case PARTIAL -> "TEKUN_CARE_PARTIAL_FEN";
            case FULL -> "TEKUN_CARE_FULL_FEN";
        };
    }

    private static String perCapita(Computation c) {
        return ((java.math.BigDecimal) c.value("perCapitaIncome")).toPlainString();
    }

    /** The reasons in plain sentences: what was found, the standard in force, property in words, which ground failed. */
    private String defaultReasons(Application a, Preview p, LocalDate on) {
        String source = p.facts().getOrDefault("verificationSource", "");
        String single = a.singleGround() == null
                ? ""
                : "申请人属于" + a.singleGround().label() + "，依" + a.singleGround().basis() + "单独提出申请。";
        if (a.kind() == CaseKind.TEKUN_END) {
            String ground = p.facts().get("ground");
            return "经调查核实，" + p.facts().get("reason") + "。"
                    + ("TERMINATE".equals(p.outcome())
                            ? "属于" + ground + "的情形，不再符合特困人员救助供养条件，拟终止救助供养（《特困人员认定办法》第二十六条：经公示无异议的，自下月起终止）。"
                            : "未发现《特困人员认定办法》第二十四条规定的终止情形，继续给予救助供养。");
        }
        if (a.kind() == CaseKind.CHANGE) {
            return single + "经入户核查" + (source.isEmpty() ? "" : "和家庭经济状况核对（" + source + "）")
                    + "，查明家庭人口、收入和财产状况如上；按本街道在决定之日执行的标准重新核定。";
        }
        if (a.kind() == CaseKind.TEMPORARY || a.kind() == CaseKind.TEMPORARY_URGENT) {
            return DecisionReasons.of(a.kind(), p.trace(), p.outcome(), "调查核实", null);
        }
        Investigation inv = investigations.latest(a.id()).orElseThrow();
        String property = inv.propertyJudgement() != null
                ? "经办人对家庭财产状况的研判意见：" + inv.propertyJudgement() + "，认定" + (inv.propertyWithinRules() ? "符合" : "不符合")
                        + "规定"
                : propertyCheck
                        .judge(a.communityCode(), on, Math.max(1, inv.countedMembers()), inv.property())
                        .inWords();
        return single
                + DecisionReasons.of(
                        a.kind(),
                        p.trace(),
                        p.outcome(),
                        "入户调查" + (source.isEmpty() ? "" : "和家庭经济状况核对（核对结果来源：" + source + "）"),
                        property);
    }

    private Application application(long id) {
        return applications.find(id).orElseThrow(() -> new NotFound("申请不存在，或不在您的数据范围内"));
    }
}
