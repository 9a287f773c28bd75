package cn.minzheng.procedure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The computation of a decision as an annex a citizen can follow: one row per item — what it is, its amount or
 * answer, and where it comes from (the fact found and how, the article a local standard rests on) or how it was
 * worked out, in words. No rule code, parameter code or internal name appears: items without a label are left out.
 */
final class DecisionAnnex {

    record Row(String item, String value, String basis) {}

    private DecisionAnnex() {}

    /**
     * @param show how a fact's value reads (a choice by its label), by fact name and value
     * @param parameterBasis where a local standard comes from (the article), by input; null when unknown
     */
    static List<Row> rows(
            Computation.Trace trace,
            BiFunction<String, String, String> show,
            Function<Computation.Input, String> parameterBasis) {
        Map<String, String> labels = new HashMap<>();
        Map<String, String> types = Computation.types(trace);
        List<Row> rows = new ArrayList<>();
        for (Computation.Input input : trace.inputs()) {
            if (input.label() == null) {
                continue;
            }
            labels.put(input.name(), input.label());
            String value = show.apply(input.name(), Computation.show(input.value(), input.type()));
            String basis;
            if ("PARAMETER".equals(input.kind())) {
                String article = parameterBasis.apply(input);
                basis = article == null ? "本地标准" : "本地标准，依据" + article;
            } else {
                basis = input.source() == null || input.source().isBlank() ? "查明的事实" : input.source();
            }
            rows.add(new Row(input.label(), value, basis));
        }
        for (Computation.Operation step : trace.steps()) {
            if (step.label() == null) {
                continue;
            }
            labels.put(step.out(), step.label());
            rows.add(new Row(
                    step.label(),
                    Computation.show(step.value(), types.get(step.out())),
                    method(Computation.Op.valueOf(step.op()), step.args(), labels)));
        }
        return rows;
    }

    /** How a step was worked out, in words: 低保标准 × 共同生活的家庭成员人数; 符合条件的，为……；否则为零. */
    static String method(Computation.Op op, List<String> args, Map<String, String> labels) {
        // a sum that starts from nothing reads as its items: 工资性收入, not 工资性收入 ＋ 零
        List<String> operands = op == Computation.Op.ADD && args.stream().anyMatch(a -> !"0".equals(a))
                ? args.stream().filter(a -> !"0".equals(a)).toList()
                : args;
        List<String> words = operands.stream().map(a -> word(a, labels)).toList();
        if (words.contains(null)) {
            return "由上列各项得出";
        }
        return switch (op) {
            case ADD, SUB, MUL, DIV -> String.join(" " + op.symbol() + " ", words);
            case MIN -> String.join("、", words) + "中的较小者";
            case MAX -> String.join("、", words) + "中的较大者";
            case ROUND -> words.get(0) + "四舍五入";
            case LT -> words.get(0) + "低于" + words.get(1);
            case LE -> words.get(0) + "不高于" + words.get(1);
            case GT -> words.get(0) + "高于" + words.get(1);
            case GE -> words.get(0) + "不低于" + words.get(1);
            case AND -> String.join("，并且", words);
            case OR -> String.join("，或者", words);
            case NOT -> "不属于“" + words.get(0) + "”";
            case IF -> "“" + words.get(0) + "”的，为" + words.get(1) + "；否则为" + words.get(2);
            case EQ, NE, PARAM -> "由上列各项得出";
        };
    }

    /** A name by its label, a number as it is (0 as 零); null for anything a person could not read (a code). */
    private static String word(String arg, Map<String, String> labels) {
        if (labels.containsKey(arg)) {
            return labels.get(arg);
        }
        if ("0".equals(arg)) {
            return "零";
        }
        return arg.matches("-?[0-9]+(\\.[0-9]+)?") ? arg : null;
    }
}
