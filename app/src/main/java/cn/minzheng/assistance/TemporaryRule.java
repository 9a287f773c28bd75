package cn.minzheng.assistance;

import cn.minzheng.assistance.rules.TemporaryAssistance;
import cn.minzheng.assistance.rules.Trace;
import cn.minzheng.procedure.Computation;
import cn.minzheng.procedure.Computation.Op;
import cn.minzheng.procedure.ParameterValue;
import cn.minzheng.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * 临时救助 amount (《社会救助暂行办法》第四十七条至第四十九条) as a kernel computation, checked against
 * {@link TemporaryAssistance}: the 低保标准 × the multiple for the severity × the members, and whether it lies within the
 * street's delegated approval limit and the district's cap (above it: 一事一议).
 */
final class TemporaryRule {

    static final String CODE = "ASSIST_TEMP";

    record Result(
            Computation computation,
            long amountFen,
            TemporaryAssistance.Approver approver,
            boolean withinStreetLimit,
            Trace rulesTrace) {}

    private TemporaryRule() {}

    static Result compute(
            LocalDate on,
            String street,
            TemporaryAssistance.Kind kind,
            TemporaryAssistance.Severity severity,
            int members,
            boolean eligible,
            String eligibilitySource,
            ParameterValue standard,
            ParameterValue multiple,
            ParameterValue streetLimit,
            ParameterValue cap) {
        Computation c = Computation.start(CODE, "1", on, street);
        c.fact("householdSize", "需救助的家庭成员人数", "COUNT", Integer.toString(members), "调查核实");
        c.parameter("standard", "低保标准（每人每月）", standard);
        c.parameter("multiple", "救助倍数（" + severity.label() + "）", multiple);
        Steps.apply(c, "perPersonExact", "每人救助金额（低保标准 × 倍数）", Op.MUL, "standard", "multiple");
        c.apply("perPerson", "每人救助金额（四舍五入到分）", Op.ROUND, 0, List.of("perPersonExact"));
        Steps.apply(c, "computed", "救助金额（每人金额 × 人数）", Op.MUL, "perPerson", "householdSize");
        c.fact("eligible", kind.label() + "：基本生活陷入困境", "BOOLEAN", Steps.bool(eligible), eligibilitySource);
        Steps.apply(c, "amountFen", "核定临时救助金额", Op.IF, "eligible", "computed", "0");
        c.parameter("streetLimit", "街道临时救助审批额度", streetLimit);
        c.parameter("cap", "区民政局审批上限（超过的一事一议）", cap);
        Steps.apply(c, "withinStreetLimit", "在街道审批额度以内", Op.LE, "computed", "streetLimit");
        Steps.apply(c, "withinCap", "在区民政局审批上限以内", Op.LE, "computed", "cap");
        c.outcome("eligible", "APPROVE", "REJECT");
        c.result("amountFen");
        c.result("householdSize");
        c.result("withinStreetLimit");
        c.result("withinCap");

        TemporaryAssistance rule = new TemporaryAssistance(
                Map.of(severity, multiple.value()), Money.fen(streetLimit.fen()), Money.fen(cap.fen()));
        TemporaryAssistance.Result checked = rule.assess(kind, severity, members, Money.fen(standard.fen()));
        long computed = ((BigDecimal) c.value("computed")).longValueExact();
        if (checked.amount().fen() != computed) {
            throw new IllegalStateException("临时救助金额的两种计算结果不一致");
        }
        return new Result(
                c,
                ((BigDecimal) c.value("amountFen")).longValueExact(),
                checked.approver(),
                (Boolean) c.value("withinStreetLimit"),
                checked.trace());
    }
}
