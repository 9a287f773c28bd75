package cn.minzheng.assistance.rules;

import cn.minzheng.shared.Money;
import java.math.BigDecimal;
import java.util.Map;

/**
 * 临时救助 (《社会救助暂行办法》第四十七条至第四十九条): 急难型 is helped first (先行救助) and documented afterwards; 支出型
 * follows the full procedure. Amounts are multiples of the 低保标准 by severity; above the street's delegated limit the
 * district approves, above the cap it goes to 一事一议. All numbers are local parameters.
 */
public record TemporaryAssistance(Map<Severity, BigDecimal> multiples, Money streetApprovalLimit, Money cap) {

    public enum Kind {
        EMERGENCY("急难型"),
        EXPENDITURE("支出型");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Severity {
        GENERAL("一般困难"),
        SERIOUS("较重困难"),
        GRAVE("特别严重困难");

        private final String label;

        Severity(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Approver {
        STREET("街道审批"),
        DISTRICT("区民政局审批"),
        CASE_BY_CASE("一事一议（困难群众基本生活保障工作协调机制）");

        private final String label;

        Approver(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Result(Money amount, Approver approver, boolean helpFirst, Trace trace) {}

    public Result assess(Kind kind, Severity severity, int members, Money dibaoStandard) {
        BigDecimal multiple = multiples.get(severity);
        if (multiple == null) {
            throw new IllegalArgumentException("没有设定“" + severity.label() + "”的救助倍数");
        }
        Trace trace = new Trace();
        Money amount = dibaoStandard.times(multiple).times(members);
        trace.add("救助类型", kind.label(), Articles.TEMPORARY)
                .add(
                        "救助金额（" + severity.label() + "：" + multiple.toPlainString() + " 倍低保标准 × " + members + " 人）",
                        amount,
                        Articles.TEMPORARY);
        Approver approver = amount.greaterThan(cap)
                ? Approver.CASE_BY_CASE
                : amount.greaterThan(streetApprovalLimit) ? Approver.DISTRICT : Approver.STREET;
        trace.add(
                "审批权限（街道限额 " + streetApprovalLimit + "，上限 " + cap + "）",
                approver.label(),
                Articles.INTERIM_MEASURES + "第四十八条");
        boolean helpFirst = kind == Kind.EMERGENCY;
        if (helpFirst) {
            trace.add("先行救助", "可先发放，事后补齐手续", Articles.TEMPORARY);
        }
        return new Result(amount, approver, helpFirst, trace);
    }
}
