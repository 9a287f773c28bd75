package cn.minzheng.procedure;

import cn.minzheng.procedure.MatterType.Condition;
import cn.minzheng.procedure.MatterType.MajorRule;
import cn.minzheng.procedure.MatterType.ReviewRule;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Whether a decision is major (重大执法决定) and so needs legal review before it is issued (行政处罚法第五十八条): always,
 * never, or when one of the matter type's 清单 rules holds — each rule a set of conditions on the decision's facts and
 * results, with thresholds from the parameter registry — or when the handler marks it so (案情疑难复杂). A rule that
 * holds cannot be overridden by the handler.
 */
final class MajorDecisionPolicy {

    /** Why a decision is major: the 清单 rule (or the reason given) and what made it hold. */
    record Reason(String code, String label, Basis basis, String detail) {}

    record Assessment(boolean major, List<Reason> reasons) {}

    private MajorDecisionPolicy() {}

    /**
     * @param values the decision's facts and computed values by name
     * @param parameter a parameter's value in force for the case on the decision date
     */
    static Assessment assess(
            ReviewRule rule,
            Map<String, Object> values,
            Function<String, ParameterValue> parameter,
            boolean markedMajor,
            String markedReason) {
        List<Reason> reasons = new ArrayList<>();
        if (rule == null || rule.never()) {
            if (markedMajor && rule != null && rule.allowManual()) {
                reasons.add(new Reason("MANUAL", "经办人提请审核：" + markedReason, null, null));
            }
            return new Assessment(!reasons.isEmpty(), reasons);
        }
        if ("ALWAYS".equals(rule.mode())) {
            reasons.add(new Reason("ALWAYS", "本事项的决定一律须经法制审核", rule.basis(), null));
        }
        for (MajorRule r : rule.rules()) {
            List<String> details = new ArrayList<>();
            boolean holds = !r.all().isEmpty();
            for (Condition c : r.all()) {
                Object actual = values.get(c.fact());
                Object expected;
                String expectedText;
                if (c.parameter() != null) {
                    ParameterValue p = parameter.apply(c.parameter());
                    expected = p.value();
                    expectedText = "参数 " + c.parameter() + "（" + p.text() + "）";
                } else {
                    expected = literal(c.value());
                    expectedText = c.value();
                }
                boolean ok = actual != null && compare(actual, c.op(), expected);
                details.add(c.fact() + "=" + Computation.format(actual) + " " + c.op() + " " + expectedText
                        + (ok ? " ✓" : " ✗"));
                holds &= ok;
            }
            if (holds) {
                reasons.add(new Reason(r.code(), r.label(), r.basis(), String.join("；", details)));
            }
        }
        if (markedMajor && rule.allowManual()) {
            reasons.add(new Reason("MANUAL", "经办人提请审核：" + markedReason, null, null));
        }
        return new Assessment(!reasons.isEmpty(), reasons);
    }

    private static Object literal(String value) {
        if ("true".equals(value) || "false".equals(value)) {
            return Boolean.valueOf(value);
        }
        if (value != null && value.matches("-?[0-9]+(\\.[0-9]+)?")) {
            return new BigDecimal(value);
        }
        return value;
    }

    private static boolean compare(Object actual, String op, Object expected) {
        if (actual instanceof BigDecimal a && expected instanceof BigDecimal e) {
            int c = a.compareTo(e);
            return switch (op) {
                case "EQ" -> c == 0;
                case "NE" -> c != 0;
                case "GT" -> c > 0;
                case "GE" -> c >= 0;
                case "LT" -> c < 0;
                case "LE" -> c <= 0;
                default -> false;
            };
        }
        boolean equal = Objects.equals(String.valueOf(actual), String.valueOf(expected));
        return switch (op) {
            case "EQ" -> equal;
            case "NE" -> !equal;
            default -> false;
        };
    }
}
