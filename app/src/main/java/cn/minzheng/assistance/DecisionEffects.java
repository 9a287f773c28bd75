package cn.minzheng.assistance;

import cn.minzheng.procedure.Parameters;
import cn.minzheng.procedure.ProcedureEvents;
import cn.minzheng.shared.BusinessRuleViolation;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What an issued decision does to the statuses (in the issuing transaction: a decision and its effect on payments
 * exist together or not at all). An approval takes effect from the first day of the month after the decision
 * (审核确认办法第二十一条; 特困人员认定办法第十七条), so the next month's roll pays it; a change closes the old row and opens
 * a new one; temporary aid is paid once.
 */
@Component
class DecisionEffects {

    private final ApplicationStore applications;
    private final StatusLedger ledger;
    private final OneTimePayments payments;
    private final Investigations investigations;
    private final Parameters parameters;
    private final JdbcClient jdbc;

    DecisionEffects(
            ApplicationStore applications,
            StatusLedger ledger,
            OneTimePayments payments,
            Investigations investigations,
            Parameters parameters,
            JdbcClient jdbc) {
        this.applications = applications;
        this.ledger = ledger;
        this.payments = payments;
        this.investigations = investigations;
        this.parameters = parameters;
        this.jdbc = jdbc;
    }

    void apply(Application a, ProcedureEvents.DecisionIssued e) {
        LocalDate from = e.issuedOn().withDayOfMonth(1).plusMonths(1);
        Map<String, String> result = e.result();
        String ref = e.documentNumber();
        switch (a.kind()) {
            case DIBAO -> {
                if ("APPROVE".equals(e.outcome())) {
                    long amount = fen(result, "amountFen");
                    int members = (int) fen(result, "householdSize");
                    String type = a.singlePerson() ? "PERSON" : "HOUSEHOLD";
                    long subject = a.singlePerson() ? a.personId() : a.householdId();
                    ledger.open("DIBAO", "DIBAO", type, subject).ifPresent(old -> ledger.close(old.id(), from, ref));
                    long status = ledger.open(new StatusLedger.NewStatus(
                            "DIBAO",
                            "DIBAO",
                            type,
                            subject,
                            a.communityCode(),
                            a.singlePerson() ? "单人户" : "低保",
                            members,
                            amount,
                            from,
                            null,
                            ref));
                    plan(a, status, from, e.issuedOn(), false);
                }
            }
            case TEKUN -> {
                if ("APPROVE".equals(e.outcome())) {
                    long basic = fen(result, "basicFen");
                    long care = fen(result, "careFen");
                    String grade = investigations
                            .care(a.id())
                            .map(c -> c.grade().name())
                            .orElse(null);
                    long status = ledger.open(new StatusLedger.NewStatus(
                            "TEKUN",
                            "TEKUN",
                            "PERSON",
                            a.personId(),
                            a.communityCode(),
                            "分散供养",
                            1,
                            basic,
                            from,
                            null,
                            ref));
                    if (care > 0) {
                        ledger.open(new StatusLedger.NewStatus(
                                "TEKUN",
                                "TEKUN_CARE",
                                "PERSON",
                                a.personId(),
                                a.communityCode(),
                                grade,
                                1,
                                care,
                                from,
                                null,
                                ref));
                    }
                    plan(a, status, from, e.issuedOn(), true);
                }
            }
            case DIBAO_EDGE -> {
                if ("APPROVE".equals(e.outcome())) {
                    ledger.open(new StatusLedger.NewStatus(
                            "DIBAO_EDGE",
                            null,
                            "HOUSEHOLD",
                            a.householdId(),
                            a.communityCode(),
                            "低保边缘",
                            members(a),
                            0,
                            from,
                            null,
                            ref));
                }
            }
            case RIGID_EXPENSE -> {
                if ("APPROVE".equals(e.outcome())) {
                    int months = parameters
                            .valueAsOf("RIGID_VALIDITY_MONTHS", a.communityCode(), e.issuedOn())
                            .whole();
                    ledger.open(new StatusLedger.NewStatus(
                            "RIGID_EXPENSE",
                            null,
                            "HOUSEHOLD",
                            a.householdId(),
                            a.communityCode(),
                            "刚性支出困难",
                            members(a),
                            0,
                            from,
                            from.plusMonths(Math.min(months, 12)),
                            ref));
                }
            }
            case TEMPORARY -> {
                // 支出型: approved here, paid when the street pays and delivers (步骤 DELIVER)
                jdbc.sql("update assistance_temporary set approved_fen = ?, decision_ref = ? where application_id = ?")
                        .params("APPROVE".equals(e.outcome()) ? fen(result, "amountFen") : 0, ref, a.id())
                        .update();
            }
            case TEMPORARY_URGENT -> {
                long amount = "APPROVE".equals(e.outcome()) ? fen(result, "amountFen") : 0;
                jdbc.sql("update assistance_temporary set approved_fen = ?, decision_ref = ? where application_id = ?")
                        .params(amount, ref, a.id())
                        .update();
                if (amount > 0) {
                    // 先行救助: paid at once, the paperwork follows
                    payments.pay(a, amount, (int) fen(result, "householdSize"), e.issuedOn(), ref, "急难型先行救助");
                }
            }
            case CHANGE -> change(a, e, from, ref);
            case TEKUN_END -> tekunEnd(a, e, from, ref);
        }
    }

    /** 支出型临时救助 is paid when the street pays it out and delivers the decision. */
    void payExpenditure(Application a, LocalDate on) {
        record Approved(Long fen, String ref, int members) {}
        Approved approved = jdbc.sql(
                        "select approved_fen, decision_ref, members from assistance_temporary where application_id = ?")
                .param(a.id())
                .query((rs, n) -> new Approved(
                        (Long) rs.getObject("approved_fen"), rs.getString("decision_ref"), rs.getInt("members")))
                .optional()
                .orElse(null);
        if (approved != null && approved.fen() != null && approved.fen() > 0) {
            payments.pay(a, approved.fen(), approved.members(), on, approved.ref(), "支出型临时救助");
        }
    }

    private void change(Application a, ProcedureEvents.DecisionIssued e, LocalDate from, String ref) {
        StatusLedger.Status old =
                ledger.find(a.statusId()).orElseThrow(() -> new BusinessRuleViolation("动态管理对象的救助状态不存在"));
        long amount = fen(e.result(), "newAmountFen");
        Integer members =
                e.result().containsKey("householdSize") ? (int) fen(e.result(), "householdSize") : old.members();
        switch (e.outcome()) {
            case "KEEP" ->
                jdbc.sql("update assistance_review_plan set last_reviewed_on = ? where status_id = ?")
                        .params(e.issuedOn(), old.id())
                        .update();
            case "INCREASE", "REDUCE" -> {
                ledger.close(old.id(), from, ref);
                long status = ledger.open(new StatusLedger.NewStatus(
                        old.category(),
                        old.programme(),
                        old.subjectType(),
                        old.subjectId(),
                        old.communityCode(),
                        old.level(),
                        members,
                        amount,
                        from,
                        null,
                        ref));
                carryPlan(old.id(), status, old.communityCode(), e.issuedOn());
            }
            case "STOP" -> {
                ledger.close(old.id(), from, ref);
                if ("TEKUN".equals(old.programme())) {
                    ledger.open("TEKUN", "TEKUN_CARE", "PERSON", old.subjectId())
                            .ifPresent(care -> ledger.close(care.id(), from, ref));
                }
            }
            case "GRADUAL_EXIT" -> {
                int months = (int) fen(e.result(), "graceMonths");
                ledger.close(old.id(), from, ref);
                ledger.open(new StatusLedger.NewStatus(
                        old.category(),
                        old.programme(),
                        old.subjectType(),
                        old.subjectId(),
                        old.communityCode(),
                        "渐退",
                        members,
                        amount,
                        from,
                        from.plusMonths(months),
                        ref));
            }
            default -> throw new BusinessRuleViolation("未知的动态管理结论：" + e.outcome());
        }
        if (a.reviewTaskId() != null) {
            jdbc.sql("""
                            update assistance_review_task set state = 'DONE', done_on = ?, outcome = ?
                            where id = ? and state <> 'DONE'
                            """).params(e.issuedOn(), e.outcome(), a.reviewTaskId()).update();
        }
    }

    /**
     * 终止特困人员救助供养: ended from the next month (特困人员认定办法第二十六条), the basic allowance and the care subsidy
     * together; continued: the review plan moves on.
     */
    private void tekunEnd(Application a, ProcedureEvents.DecisionIssued e, LocalDate from, String ref) {
        StatusLedger.Status basic =
                ledger.find(a.statusId()).orElseThrow(() -> new BusinessRuleViolation("特困人员的救助状态不存在"));
        if ("TERMINATE".equals(e.outcome())) {
            if (basic.effectiveTo() == null) {
                ledger.close(basic.id(), from, ref);
            }
            ledger.open("TEKUN", "TEKUN_CARE", "PERSON", basic.subjectId())
                    .ifPresent(care -> ledger.close(care.id(), from, ref));
        } else {
            jdbc.sql("update assistance_review_plan set last_reviewed_on = ? where status_id = ?")
                    .params(e.issuedOn(), basic.id())
                    .update();
        }
        if (a.reviewTaskId() != null) {
            jdbc.sql("""
                            update assistance_review_task set state = 'DONE', done_on = ?, outcome = ?
                            where id = ? and state <> 'DONE'
                            """)
                    .params(e.issuedOn(), "TERMINATE".equals(e.outcome()) ? "STOP" : "KEEP", a.reviewTaskId())
                    .update();
        }
    }

    /** The review cycle: 特困 yearly; 低保 every six months with unstable income or a member able to work, else yearly. */
    private void plan(Application a, long status, LocalDate from, LocalDate on, boolean tekun) {
        boolean unstable = false;
        int months;
        if (tekun) {
            months = parameters
                    .valueAsOf("TEKUN_REVIEW_MONTHS", a.communityCode(), on)
                    .whole();
        } else {
            var latest = investigations.latest(a.id());
            unstable = latest.map(i ->
                            i.unstableIncome() || i.members().stream().anyMatch(m -> m.counted() && m.ableToWork()))
                    .orElse(false);
            months = parameters
                    .valueAsOf(unstable ? "REVIEW_PERIOD_UNSTABLE" : "REVIEW_PERIOD_STABLE", a.communityCode(), on)
                    .whole();
        }
        ledger.plan(status, a.communityCode(), months, unstable, from);
    }

    private void carryPlan(long oldStatus, long status, String community, LocalDate reviewed) {
        jdbc.sql("""
                        insert into assistance_review_plan (status_id, community_code, cycle_months, unstable,
                            last_reviewed_on)
                        select ?, ?, cycle_months, unstable, ? from assistance_review_plan where status_id = ?
                        on conflict (status_id) do nothing
                        """).params(status, community, reviewed, oldStatus).update();
    }

    private int members(Application a) {
        return investigations.latest(a.id()).map(Investigation::countedMembers).orElse(1);
    }

    private static long fen(Map<String, String> result, String name) {
        String value = result.get(name);
        if (value == null) {
            throw new BusinessRuleViolation("决定缺少计算结果 " + name + "，请按社会救助的计算重新起草");
        }
        return new java.math.BigDecimal(value).longValueExact();
    }
}
