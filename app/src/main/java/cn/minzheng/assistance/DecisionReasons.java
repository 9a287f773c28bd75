package cn.minzheng.assistance;

import cn.minzheng.procedure.Computation;
import cn.minzheng.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reasons of an assistance decision in plain sentences: what was found (members, income, the standard in force,
 * property in words), which conditions held, and — for a refusal — which ground failed, each condition named as the
 * computation names it. The same sentences go into the decision, the 决定书 and the trial calculator's answer.
 */
final class DecisionReasons {

    private DecisionReasons() {}

    /** The conditions that together make the outcome, by kind; a refusal names those that failed. */
    static List<String> conditions(CaseKind kind) {
        return switch (kind) {
            case DIBAO -> List.of("incomeBelow", "propertyOk");
            case DIBAO_EDGE -> List.of("notDibao", "belowLine", "propertyOk");
            case TEKUN -> List.of("noWorkCapacity", "noIncomeSource", "noSupporter", "notChildWelfare");
            case RIGID_EXPENSE -> List.of("notOther", "incomeMet", "propertyOk", "ratioMet");
            case TEMPORARY, TEMPORARY_URGENT -> List.of("eligible");
            case CHANGE, TEKUN_END -> List.of();
        };
    }

    /** Every value of the trace by name (inputs and steps), with its label and kind. */
    record Value(String label, String value, String type) {

        String shown() {
            if ("true".equals(value)) {
                return "是";
            }
            if ("false".equals(value)) {
                return "否";
            }
            if ("FEN".equals(type) && value != null && value.matches("-?[0-9]+(\\.[0-9]+)?")) {
                return yuan(
                        new BigDecimal(value).setScale(0, RoundingMode.HALF_UP).longValue());
            }
            return value;
        }
    }

    static Map<String, Value> values(Computation.Trace trace) {
        Map<String, Value> values = new LinkedHashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        for (Computation.Input in : trace.inputs()) {
            types.put(in.name(), in.type());
            values.put(in.name(), new Value(in.label(), in.value(), in.type()));
        }
        for (Computation.Operation op : trace.steps()) {
            String type = switch (op.op()) {
                case "GT", "GE", "LT", "LE", "EQ", "NE", "AND", "OR", "NOT" -> "BOOLEAN";
                case "IF" -> types.getOrDefault(op.args().get(1), "NUMBER");
                default ->
                    op.args().stream()
                            .map(types::get)
                            .filter(t -> t != null && !"COUNT".equals(t))
                            .findFirst()
                            .orElse("NUMBER");
            };
            types.put(op.out(), type);
            values.put(op.out(), new Value(op.label() == null ? op.out() : op.label(), op.value(), type));
        }
        return values;
    }

    /** The conditions that did not hold, in the computation's own words. */
    static List<String> failed(CaseKind kind, Computation.Trace trace) {
        Map<String, Value> values = values(trace);
        List<String> failed = new ArrayList<>();
        for (String name : conditions(kind)) {
            Value v = values.get(name);
            if (v != null && "false".equals(v.value())) {
                failed.add(v.label());
            }
        }
        return failed;
    }

    /**
     * The reasons: the findings, then the conclusion with the ground(s) that failed.
     *
     * @param source how the household's means were established (入户调查, 核对 …)
     * @param property the property judgement in words (the rule's findings or the caseworker's reasoned judgement)
     */
    static String of(CaseKind kind, Computation.Trace trace, String outcome, String source, String property) {
        Map<String, Value> v = values(trace);
        StringBuilder out = new StringBuilder();
        if (source != null && !source.isBlank()) {
            out.append("经").append(source).append("，查明：");
        }
        List<String> found = new ArrayList<>();
        if (kind == CaseKind.TEKUN) {
            add(found, v, "perCapitaIncome", "本人月收入 %s");
        } else {
            add(found, v, "householdSize", "共同生活的家庭成员 %s 人");
            add(found, v, "monthlyIncome", "家庭月收入 %s");
            add(found, v, "perCapitaIncome", "月人均收入 %s");
        }
        add(found, v, "standard", "本街道在 " + date(trace) + " 执行的低保标准为每人每月 %s");
        add(found, v, "edgeLine", "低保边缘收入线为 %s");
        add(found, v, "expenseTotal", "申请前12个月刚性支出合计 %s");
        add(found, v, "annualIncome", "同期家庭总收入 %s");
        add(found, v, "localIncome", "上年度当地居民人均可支配收入（按月）%s");
        if (property != null && !property.isBlank() && v.containsKey("propertyOk")) {
            found.add(property);
        }
        out.append(String.join("；", found));
        if (!found.isEmpty()) {
            out.append("。");
        }
        List<String> failed = failed(kind, trace);
        boolean positive = "APPROVE".equals(outcome);
        if (positive) {
            out.append("经审核，符合").append(kind.label()).append("的条件");
            Value amount = v.get("amountFen");
            if (amount != null && kind == CaseKind.DIBAO) {
                out.append("，核定每月保障金 ").append(amount.shown());
            }
            Value basic = v.get("basicFen");
            if (basic != null) {
                out.append("，每月基本生活费 ").append(basic.shown());
                Value care = v.get("careFen");
                if (care != null) {
                    out.append("、照料护理费 ").append(care.shown());
                }
            }
            out.append("。");
        } else if (!failed.isEmpty()) {
            out.append("经审核，以下条件不满足：")
                    .append(String.join("；", failed))
                    .append("。因此不符合")
                    .append(kind.label())
                    .append("的条件。");
        }
        return out.toString();
    }

    private static void add(List<String> found, Map<String, Value> v, String name, String pattern) {
        Value value = v.get(name);
        if (value != null) {
            found.add(String.format(pattern, value.shown()));
        }
    }

    private static String date(Computation.Trace trace) {
        return trace.asOf() == null
                ? ""
                : trace.asOf().getYear() + "年" + trace.asOf().getMonthValue() + "月"
                        + trace.asOf().getDayOfMonth() + "日";
    }

    static String yuan(long fen) {
        return Money.fen(fen).toYuanString() + " 元";
    }
}
