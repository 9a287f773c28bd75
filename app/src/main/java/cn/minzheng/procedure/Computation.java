package cn.minzheng.procedure;

import cn.minzheng.shared.BusinessRuleViolation;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A decision's computation, recorded as it is done so that it can be shown ("why") and re-done ({@link #replay}):
 * the rule and its version, the inputs (facts with their source, parameters with the value id in force), and every
 * operation with its operands and result. A matter type may declare its computation as data (a list of operations);
 * a module may also build one in Java:
 *
 * <pre>{@code
 * Computation c = Computation.start("DIBAO_AMOUNT", "1", asOf, streetCode);
 * c.parameter("standard", "城市低保标准", parameters.valueAsOf("DIBAO_STD_URBAN", streetCode, asOf));
 * c.fact("income", "家庭月人均收入", "FEN", "45000", "核对报告");
 * c.apply("gap", "差额", Op.SUB, "standard", "income");
 * c.outcome("eligible", "APPROVE", "REJECT");
 * Computation.Trace trace = c.trace();
 * }</pre>
 *
 * Numbers are exact decimals (money in fen), booleans are {@code true}/{@code false}, text is compared only for
 * equality. Arguments are names of inputs or earlier results, or literals ({@code 0}, {@code 1.5}, {@code 'PERSON'}).
 */
public final class Computation {

    /** The operations a computation may use. */
    public enum Op {
        /** Loads a parameter's value in force (declared computations only; Java callers use {@link #parameter}). */
        PARAM(0, "参数"),
        ADD(-1, "＋"),
        SUB(2, "－"),
        MUL(-1, "×"),
        /** Division rounded half-up to {@code scale} decimals (default 0). */
        DIV(2, "÷"),
        MIN(-1, "取小"),
        MAX(-1, "取大"),
        /** Rounds half-up to {@code scale} decimals (default 0). */
        ROUND(1, "四舍五入"),
        GT(2, "＞"),
        GE(2, "≥"),
        LT(2, "＜"),
        LE(2, "≤"),
        EQ(2, "＝"),
        NE(2, "≠"),
        AND(-1, "并且"),
        OR(-1, "或者"),
        NOT(1, "非"),
        /** {@code IF(condition, then, otherwise)}. */
        IF(3, "如果");

        private final int arity;
        private final String symbol;

        Op(int arity, String symbol) {
            this.arity = arity;
            this.symbol = symbol;
        }

        /** Number of arguments, or −1 for two or more. */
        public int arity() {
            return arity;
        }

        public String symbol() {
            return symbol;
        }
    }

    /** An input: a fact (with its type and where it comes from) or a parameter value (with the id of that value). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Input(
            String name,
            String label,
            String kind,
            String type,
            String value,
            String source,
            String parameter,
            Long parameterValueId,
            Boolean needsConfirmation) {}

    /** One operation as done: {@code out = op(args)} and the value it gave. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Operation(String out, String label, String op, List<String> args, Integer scale, String value) {}

    /**
     * The complete record of a computation.
     *
     * @param asOf the date the parameters were taken as of
     * @param scope the unit (street) the parameters were taken for
     * @param outcome the outcome chosen: {@code outcomeThen} when the boolean result {@code outcomeFrom} is true,
     *     {@code outcomeOtherwise} when it is false
     * @param results named results (e.g. the monthly amount) with their values
     * @param outcomeCases for more than two outcomes: the first case whose boolean holds gives the outcome, else
     *     {@code outcomeOtherwise} (null for a yes/no outcome)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Trace(
            String rule,
            String version,
            LocalDate asOf,
            String scope,
            List<Input> inputs,
            List<Operation> steps,
            String outcome,
            String outcomeFrom,
            String outcomeThen,
            String outcomeOtherwise,
            Map<String, String> results,
            List<OutcomeCase> outcomeCases) {

        public Trace(
                String rule,
                String version,
                LocalDate asOf,
                String scope,
                List<Input> inputs,
                List<Operation> steps,
                String outcome,
                String outcomeFrom,
                String outcomeThen,
                String outcomeOtherwise,
                Map<String, String> results) {
            this(
                    rule,
                    version,
                    asOf,
                    scope,
                    inputs,
                    steps,
                    outcome,
                    outcomeFrom,
                    outcomeThen,
                    outcomeOtherwise,
                    results,
                    null);
        }
    }

    /** One case of a many-way outcome: {@code then} when the boolean named {@code when} holds. */
    public record OutcomeCase(String when, String then) {}

    /** What {@link #replay} found: whether every step and the outcome came out the same, and where not. */
    public record Replay(boolean reproduced, String outcome, Map<String, String> results, List<String> differences) {}

    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,59}");

    private final String rule;
    private final String version;
    private final LocalDate asOf;
    private final String scope;
    private final List<Input> inputs = new ArrayList<>();
    private final List<Operation> steps = new ArrayList<>();
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, String> results = new LinkedHashMap<>();
    private String outcome;
    private String outcomeFrom;
    private String outcomeThen;
    private String outcomeOtherwise;
    private List<OutcomeCase> outcomeCases;

    private Computation(String rule, String version, LocalDate asOf, String scope) {
        this.rule = Objects.requireNonNull(rule, "rule");
        this.version = Objects.requireNonNull(version, "version");
        this.asOf = asOf;
        this.scope = scope;
    }

    public static Computation start(String rule, String version, LocalDate asOf, String scope) {
        return new Computation(rule, version, asOf, scope);
    }

    /**
     * A fact. {@code type} is FEN, NUMBER, COUNT, BOOLEAN or TEXT; {@code value} as text ("45000", "true").
     */
    public Computation fact(String name, String label, String type, String value, String source) {
        Object parsed = parse(name, label, type, value);
        define(name, parsed);
        inputs.add(new Input(name, label, "FACT", type, format(parsed), source, null, null, null));
        return this;
    }

    /** A parameter's value in force, recorded with the id of that value (so it can be checked against the registry). */
    public Computation parameter(String name, String label, ParameterValue value) {
        define(name, value.value());
        inputs.add(new Input(
                name,
                label,
                "PARAMETER",
                value.unit(),
                format(value.value()),
                value.basisNote(),
                value.code(),
                value.id(),
                value.needsConfirmation() ? Boolean.TRUE : null));
        return this;
    }

    /** Applies an operation and records it; returns the computed value. */
    public Object apply(String out, String label, Op op, String... args) {
        return apply(out, label, op, null, List.of(args));
    }

    public Object apply(String out, String label, Op op, Integer scale, List<String> args) {
        if (op == Op.PARAM) {
            throw new IllegalArgumentException("PARAM is loaded with parameter(...)");
        }
        Object value = evaluate(op, scale, args.stream().map(this::resolve).toList(), out);
        define(out, value);
        steps.add(new Operation(out, label, op.name(), List.copyOf(args), scale, format(value)));
        return value;
    }

    /** The outcome: {@code then} when the boolean named {@code when} is true, else {@code otherwise}. */
    public Computation outcome(String when, String then, String otherwise) {
        Object condition = resolve(when);
        if (!(condition instanceof Boolean b)) {
            throw new BusinessRuleViolation("计算规则的结论须取自一个是/否结果：" + when);
        }
        this.outcome = b ? then : otherwise;
        this.outcomeFrom = when;
        this.outcomeThen = then;
        this.outcomeOtherwise = otherwise;
        return this;
    }

    /**
     * A many-way outcome (e.g. 行政处罚法第五十七条: 给予处罚, 不予处罚 on one of its grounds, 违法事实不能成立): the first case
     * whose boolean holds, else {@code otherwise}.
     */
    public Computation outcome(List<OutcomeCase> cases, String otherwise) {
        String chosen = otherwise;
        for (OutcomeCase c : cases) {
            Object condition = resolve(c.when());
            if (!(condition instanceof Boolean b)) {
                throw new BusinessRuleViolation("计算规则的结论须取自是/否结果：" + c.when());
            }
            if (b) {
                chosen = c.then();
                break;
            }
        }
        this.outcome = chosen;
        this.outcomeCases = List.copyOf(cases);
        this.outcomeOtherwise = otherwise;
        return this;
    }

    /** Marks a value as a result of the decision (e.g. the monthly amount). */
    public Computation result(String name) {
        results.put(name, format(resolve(name)));
        return this;
    }

    public Object value(String name) {
        return resolve(name);
    }

    /** Every value defined so far (inputs and results), by name. */
    Map<String, Object> values() {
        return java.util.Collections.unmodifiableMap(values);
    }

    public Trace trace() {
        return new Trace(
                rule,
                version,
                asOf,
                scope,
                List.copyOf(inputs),
                List.copyOf(steps),
                outcome,
                outcomeFrom,
                outcomeThen,
                outcomeOtherwise,
                java.util.Collections.unmodifiableMap(new LinkedHashMap<>(results)),
                outcomeCases);
    }

    /**
     * Re-does a recorded computation from its recorded inputs, independently of how it was first done, and compares
     * every step, the outcome and the results.
     */
    public static Replay replay(Trace trace) {
        return replay(trace, new LinkedHashMap<>());
    }

    /** Replays, and leaves every value the replay computed in {@code values} (for rules that look at them). */
    static Replay replay(Trace trace, Map<String, Object> values) {
        List<String> differences = new ArrayList<>();
        Computation again = new Computation(trace.rule(), trace.version(), trace.asOf(), trace.scope());
        try {
            for (Input input : trace.inputs()) {
                Object value = "PARAMETER".equals(input.kind())
                        ? new BigDecimal(input.value())
                        : parse(input.name(), input.label(), input.type(), input.value());
                again.define(input.name(), value);
            }
            for (Operation step : trace.steps()) {
                Op op = Op.valueOf(step.op());
                Object value = again.evaluate(
                        op,
                        step.scale(),
                        step.args().stream().map(again::resolve).toList(),
                        step.out());
                again.define(step.out(), value);
                if (!same(format(value), step.value())) {
                    differences.add(step.out() + "：记录为 " + step.value() + "，重算为 " + format(value));
                }
            }
        } catch (RuntimeException e) {
            differences.add("无法重算：" + e.getMessage());
            return new Replay(false, null, Map.of(), differences);
        }
        String outcome = trace.outcome();
        if (trace.outcomeCases() != null) {
            String chosen = trace.outcomeOtherwise();
            for (OutcomeCase c : trace.outcomeCases()) {
                Object condition = again.resolve(c.when());
                if (!(condition instanceof Boolean b)) {
                    differences.add("结论条件 " + c.when() + " 不是是/否值");
                    break;
                }
                if (b) {
                    chosen = c.then();
                    break;
                }
            }
            outcome = chosen;
            if (!Objects.equals(outcome, trace.outcome())) {
                differences.add("结论：记录为 " + trace.outcome() + "，重算为 " + outcome);
            }
        } else if (trace.outcomeFrom() != null) {
            Object condition = again.resolve(trace.outcomeFrom());
            if (!(condition instanceof Boolean b)) {
                differences.add("结论条件 " + trace.outcomeFrom() + " 不是是/否值");
            } else {
                outcome = b ? trace.outcomeThen() : trace.outcomeOtherwise();
                if (!Objects.equals(outcome, trace.outcome())) {
                    differences.add("结论：记录为 " + trace.outcome() + "，重算为 " + outcome);
                }
            }
        }
        Map<String, String> results = new LinkedHashMap<>();
        for (Map.Entry<String, String> result : trace.results().entrySet()) {
            String value = format(again.resolve(result.getKey()));
            results.put(result.getKey(), value);
            if (!same(value, result.getValue())) {
                differences.add("结果 " + result.getKey() + "：记录为 " + result.getValue() + "，重算为 " + value);
            }
        }
        values.putAll(again.values);
        return new Replay(differences.isEmpty(), outcome, results, differences);
    }

    /** A sentence per step for documents and screens: 人均差额 = 城市低保标准 800.00 元 － 家庭月人均收入 450.00 元 = 350.00 元. */
    public static List<String> explain(Trace trace) {
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        Map<String, String> values = new LinkedHashMap<>();
        for (Input input : trace.inputs()) {
            labels.put(input.name(), input.label());
            types.put(input.name(), input.type());
            values.put(input.name(), input.value());
        }
        List<String> lines = new ArrayList<>();
        for (Input input : trace.inputs()) {
            String origin = "PARAMETER".equals(input.kind())
                    ? "参数 " + input.parameter() + (Boolean.TRUE.equals(input.needsConfirmation()) ? "（待确认）" : "")
                    : (input.source() == null ? "事实" : input.source());
            lines.add(input.label() + "：" + show(input.value(), input.type()) + "（" + origin + "）");
        }
        for (Operation step : trace.steps()) {
            Op op = Op.valueOf(step.op());
            String type = resultType(op, step.args(), types);
            types.put(step.out(), type);
            labels.put(step.out(), step.label() == null ? step.out() : step.label());
            values.put(step.out(), step.value());
            List<String> operands = step.args().stream()
                    .map(a -> labels.containsKey(a) ? labels.get(a) + " " + show(values.get(a), types.get(a)) : a)
                    .toList();
            String expression = switch (op) {
                case IF -> "如果" + operands.get(0) + "则取" + operands.get(1) + "，否则取" + operands.get(2);
                case NOT, ROUND -> op.symbol() + "（" + operands.get(0) + "）";
                case MIN, MAX -> op.symbol() + "（" + String.join("，", operands) + "）";
                default -> String.join(" " + op.symbol() + " ", operands);
            };
            lines.add(labels.get(step.out()) + " = " + expression + " = " + show(step.value(), type));
        }
        return lines;
    }

    /** The kind of every value of a trace (FEN, NUMBER, BOOLEAN, TEXT …), inferred from the inputs through the steps. */
    static Map<String, String> types(Trace trace) {
        Map<String, String> types = new LinkedHashMap<>();
        for (Input input : trace.inputs()) {
            types.put(input.name(), input.type());
        }
        for (Operation step : trace.steps()) {
            types.put(step.out(), resultType(Op.valueOf(step.op()), step.args(), types));
        }
        return types;
    }

    static String show(String value, String type) {
        if (value == null) {
            return "";
        }
        if ("true".equals(value)) {
            return "是";
        }
        if ("false".equals(value)) {
            return "否";
        }
        if ("FEN".equals(type) && NUMBER.matcher(value).matches()) {
            return Formats.yuan(
                    new BigDecimal(value).setScale(0, RoundingMode.HALF_UP).longValue());
        }
        return value;
    }

    private static String resultType(Op op, List<String> args, Map<String, String> types) {
        return switch (op) {
            case GT, GE, LT, LE, EQ, NE, AND, OR, NOT -> "BOOLEAN";
            case IF -> types.getOrDefault(args.size() > 1 ? args.get(1) : "", "NUMBER");
            case MUL, DIV -> args.stream().anyMatch(a -> "FEN".equals(types.get(a))) ? "FEN" : "NUMBER";
            default ->
                args.stream()
                        .map(types::get)
                        .filter(Objects::nonNull)
                        .findFirst()
                        .orElse("NUMBER");
        };
    }

    private void define(String name, Object value) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new BusinessRuleViolation("计算中的名称须以字母开头，由字母、数字、下划线组成：" + name);
        }
        if (values.containsKey(name)) {
            throw new BusinessRuleViolation("计算中的名称重复：" + name);
        }
        values.put(name, value);
    }

    private Object resolve(String arg) {
        if (arg == null) {
            throw new BusinessRuleViolation("计算缺少参数");
        }
        if (values.containsKey(arg)) {
            return values.get(arg);
        }
        if (NUMBER.matcher(arg).matches()) {
            return new BigDecimal(arg);
        }
        if (arg.length() >= 2 && arg.startsWith("'") && arg.endsWith("'")) {
            return arg.substring(1, arg.length() - 1);
        }
        throw new BusinessRuleViolation("计算中引用了未定义的值：" + arg);
    }

    private Object evaluate(Op op, Integer scale, List<Object> args, String out) {
        if (op.arity() == -1 ? args.size() < 2 : args.size() != op.arity()) {
            throw new BusinessRuleViolation("运算 " + op + "（" + out + "）的参数个数不对");
        }
        int digits = scale == null ? 0 : scale;
        return switch (op) {
            case ADD -> numbers(args, out).stream().reduce(BigDecimal::add).orElseThrow();
            case SUB -> number(args.get(0), out).subtract(number(args.get(1), out));
            case MUL -> numbers(args, out).stream().reduce(BigDecimal::multiply).orElseThrow();
            case DIV -> {
                BigDecimal divisor = number(args.get(1), out);
                if (divisor.signum() == 0) {
                    throw new BusinessRuleViolation("计算 " + out + " 时除数为零");
                }
                yield number(args.get(0), out).divide(divisor, digits, RoundingMode.HALF_UP);
            }
            case MIN -> numbers(args, out).stream().reduce(BigDecimal::min).orElseThrow();
            case MAX -> numbers(args, out).stream().reduce(BigDecimal::max).orElseThrow();
            case ROUND -> number(args.get(0), out).setScale(digits, RoundingMode.HALF_UP);
            case GT -> compare(args, out) > 0;
            case GE -> compare(args, out) >= 0;
            case LT -> compare(args, out) < 0;
            case LE -> compare(args, out) <= 0;
            case EQ -> equal(args.get(0), args.get(1));
            case NE -> !equal(args.get(0), args.get(1));
            case AND -> booleans(args, out).stream().allMatch(b -> b);
            case OR -> booleans(args, out).stream().anyMatch(b -> b);
            case NOT -> !bool(args.get(0), out);
            case IF -> bool(args.get(0), out) ? args.get(1) : args.get(2);
            case PARAM -> throw new IllegalStateException("PARAM");
        };
    }

    private static int compare(List<Object> args, String out) {
        return number(args.get(0), out).compareTo(number(args.get(1), out));
    }

    private static boolean equal(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(String.valueOf(a), String.valueOf(b));
    }

    private static List<BigDecimal> numbers(List<Object> args, String out) {
        return args.stream().map(a -> number(a, out)).toList();
    }

    private static List<Boolean> booleans(List<Object> args, String out) {
        return args.stream().map(a -> bool(a, out)).toList();
    }

    private static BigDecimal number(Object value, String out) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        throw new BusinessRuleViolation("计算 " + out + " 需要数值，得到的是“" + value + "”");
    }

    private static boolean bool(Object value, String out) {
        if (value instanceof Boolean b) {
            return b;
        }
        throw new BusinessRuleViolation("计算 " + out + " 需要是/否值，得到的是“" + value + "”");
    }

    static Object parse(String name, String label, String type, String value) {
        if (value == null || value.isBlank()) {
            throw new BusinessRuleViolation("请填写" + (label == null ? name : label));
        }
        String v = value.strip();
        return switch (type == null ? "TEXT" : type) {
            case "BOOLEAN" ->
                switch (v) {
                    case "true", "是", "yes", "1" -> Boolean.TRUE;
                    case "false", "否", "no", "0" -> Boolean.FALSE;
                    default -> throw new BusinessRuleViolation((label == null ? name : label) + "须为“是”或“否”");
                };
            case "FEN", "NUMBER", "COUNT", "DAYS", "MONTHS", "YEARS", "RATIO", "MONTH_DAY" -> {
                if (!NUMBER.matcher(v).matches()) {
                    throw new BusinessRuleViolation((label == null ? name : label) + "须为数字：" + v);
                }
                BigDecimal number = new BigDecimal(v);
                if (("COUNT".equals(type) || "FEN".equals(type))
                        && number.stripTrailingZeros().scale() > 0) {
                    throw new BusinessRuleViolation(
                            (label == null ? name : label) + "须为整数" + ("FEN".equals(type) ? "（以分计）" : ""));
                }
                yield number;
            }
            default -> v;
        };
    }

    static String format(Object value) {
        if (value instanceof BigDecimal d) {
            return Parameters.plain(d).toPlainString();
        }
        return String.valueOf(value);
    }

    private static boolean same(String a, String b) {
        if (a == null || b == null) {
            return Objects.equals(a, b);
        }
        if (NUMBER.matcher(a).matches() && NUMBER.matcher(b).matches()) {
            return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
        }
        return a.equals(b);
    }
}
