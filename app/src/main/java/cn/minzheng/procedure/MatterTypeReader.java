package cn.minzheng.procedure;

import cn.minzheng.procedure.MatterType.ClockRule;
import cn.minzheng.procedure.MatterType.ComputationRule;
import cn.minzheng.procedure.MatterType.Condition;
import cn.minzheng.procedure.MatterType.DecisionRule;
import cn.minzheng.procedure.MatterType.DisclosureRule;
import cn.minzheng.procedure.MatterType.DocumentKind;
import cn.minzheng.procedure.MatterType.ExtensionRule;
import cn.minzheng.procedure.MatterType.FactDefinition;
import cn.minzheng.procedure.MatterType.Limit;
import cn.minzheng.procedure.MatterType.MajorRule;
import cn.minzheng.procedure.MatterType.NoticeRule;
import cn.minzheng.procedure.MatterType.OperationDefinition;
import cn.minzheng.procedure.MatterType.Outcome;
import cn.minzheng.procedure.MatterType.ReviewRule;
import cn.minzheng.procedure.MatterType.State;
import cn.minzheng.procedure.MatterType.Step;
import cn.minzheng.procedure.MatterType.SuspensionRule;
import cn.minzheng.procedure.MatterType.TerminationRule;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a matter type's YAML declaration and checks that it holds together: states and steps refer to each other,
 * roles exist, clocks start and stop on events that can happen, computations refer to defined values. Checks against
 * the database (the legal-basis catalogue, the parameter registry) are done by {@link MatterTypes}. Every problem is
 * reported, with where it is.
 */
final class MatterTypeReader {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
    private static final Set<String> FACT_TYPES = Set.of("FEN", "NUMBER", "COUNT", "BOOLEAN", "TEXT", "CHOICE");
    private static final Set<String> COMPARISONS = Set.of("EQ", "NE", "GT", "GE", "LT", "LE");

    private MatterTypeReader() {}

    /** The declaration, or the problems that keep it from being one. */
    record Result(MatterType matterType, List<String> problems) {

        boolean ok() {
            return problems.isEmpty();
        }
    }

    /** A stored version: read as it was declared (rules added since apply with their defaults). */
    static Result read(String yaml) {
        return read(yaml, false);
    }

    /**
     * @param strict a new declaration: held to every rule in force now (e.g. a suspension names the states and clocks its
     *     legal basis provides for); stored versions are read leniently so that cases keep the version they opened under
     */
    static Result read(String yaml, boolean strict) {
        Yaml.Problems problems = new Yaml.Problems();
        Object parsed = Yaml.parse(yaml, problems);
        if (parsed == null) {
            if (problems.isEmpty()) {
                problems.add("", "内容为空");
            }
            return new Result(null, problems.list());
        }
        Yaml.Node root = new Yaml.Node("", parsed, problems);
        if (!root.isMap()) {
            problems.add("", "应为键值结构（code、name、states、steps …）");
            return new Result(null, problems.list());
        }
        MatterType type = new Reading(root, problems, strict).read();
        return new Result(problems.isEmpty() ? type : null, problems.list());
    }

    private static final class Reading {
        private final Yaml.Node root;
        private final Yaml.Problems problems;
        private final boolean strict;
        private final Set<String> stateCodes = new LinkedHashSet<>();
        private final Set<String> documentCodes = new LinkedHashSet<>();

        Reading(Yaml.Node root, Yaml.Problems problems, boolean strict) {
            this.root = root;
            this.problems = problems;
            this.strict = strict;
        }

        MatterType read() {
            String code = code(root, "code");
            String name = root.required("name");
            String category = root.required("category");
            String prefix = root.string("casePrefix");
            if (prefix == null) {
                prefix = code == null ? "X" : code.substring(0, Math.min(2, code.length()));
            } else if (!prefix.matches("[A-Z0-9]{1,6}")) {
                problems.add("casePrefix", "受理编号前缀须为1–6位大写字母或数字");
            }
            List<String> partyKinds = root.strings("partyKinds");
            if (partyKinds.isEmpty()) {
                partyKinds = List.of("PERSON", "ORGANISATION");
            }
            for (String kind : partyKinds) {
                if (!Set.of("PERSON", "ORGANISATION").contains(kind)) {
                    problems.add("partyKinds", "当事人类别须为 PERSON（自然人）或 ORGANISATION（法人或其他组织）：" + kind);
                }
            }

            List<DocumentKind> documents = new ArrayList<>();
            for (Yaml.Node d : root.list("documents")) {
                String dc = code(d, "code");
                if (dc != null && !documentCodes.add(dc)) {
                    problems.add(d.path(), "材料代码重复：" + dc);
                }
                documents.add(new DocumentKind(dc, d.required("name")));
            }

            TerminationRule termination = termination(root.get("termination"));
            List<State> states = new ArrayList<>();
            for (Yaml.Node s : root.list("states")) {
                String sc = code(s, "code");
                if (sc != null && !stateCodes.add(sc)) {
                    problems.add(s.path(), "状态代码重复：" + sc);
                }
                if (MatterType.TERMINATED.equals(sc)) {
                    problems.add(s.path(), "TERMINATED 是保留状态（声明 termination 后自动加入）");
                }
                states.add(new State(sc, s.required("name"), s.flag("terminal", false)));
            }
            if (states.isEmpty()) {
                problems.add("states", "至少声明一个状态");
            }
            if (termination != null) {
                states.add(new State(MatterType.TERMINATED, "已终止", true));
                stateCodes.add(MatterType.TERMINATED);
            }
            if (states.stream().noneMatch(State::terminal)) {
                problems.add("states", "至少有一个终结状态（terminal: true）");
            }
            String initial = root.required("initial");
            if (initial != null && !stateCodes.contains(initial)) {
                problems.add("initial", "初始状态不在 states 中：" + initial);
            }
            List<String> openRoles = roles(root, "openRoles");

            DecisionRule decision = root.has("decision") ? decision(root.get("decision")) : null;
            NoticeRule notice = root.has("notice") ? notice(root.get("notice")) : null;

            List<Step> steps = new ArrayList<>();
            Set<String> stepCodes = new HashSet<>();
            for (Yaml.Node s : root.list("steps")) {
                Step step = step(s, states);
                if (step.code() != null && !stepCodes.add(step.code())) {
                    problems.add(s.path(), "步骤代码重复：" + step.code());
                }
                steps.add(step);
            }
            if (steps.isEmpty()) {
                problems.add("steps", "至少声明一个步骤");
            }
            long decisionSteps = steps.stream().filter(Step::decision).count();
            if (decisionSteps > 1) {
                problems.add("steps", "只能有一个作出决定的步骤（decision: true）");
            }
            if (decisionSteps == 1 && decision == null) {
                problems.add("decision", "有作出决定的步骤，须声明 decision（结论、事实、文书）");
            }
            if (decision != null && decisionSteps == 0) {
                problems.add("steps", "声明了 decision，须有一个作出决定的步骤（decision: true）");
            }
            boolean noticeStep = steps.stream().anyMatch(Step::notice);
            if (noticeStep && (notice == null || notice.forbidden())) {
                problems.add("steps", "有发布公示的步骤，但 notice 未声明或声明为不得公示");
            }
            if (notice != null && "REQUIRED".equals(notice.mode()) && !noticeStep) {
                problems.add("notice", "公示为必经程序，须有一个发布公示的步骤（notice: true）");
            }

            Set<String> events = events(steps, decision);
            List<ClockRule> clocks = new ArrayList<>();
            Set<String> clockCodes = new HashSet<>();
            for (Yaml.Node c : root.list("clocks")) {
                ClockRule clock = clock(c, events);
                if (clock.code() != null && !clockCodes.add(clock.code())) {
                    problems.add(c.path(), "时限代码重复：" + clock.code());
                }
                clocks.add(clock);
            }

            List<SuspensionRule> suspensions = new ArrayList<>();
            java.util.Map<String, ClockRule> clockNames = new java.util.HashMap<>();
            clocks.forEach(c -> clockNames.put(c.code(), c));
            for (Step step : steps) {
                for (String c : step.after()) {
                    if (!clockNames.containsKey(c)) {
                        problems.add("steps." + step.code() + ".after", "时限不存在：" + c);
                    }
                }
                for (String c : step.notBefore()) {
                    if (!clockNames.containsKey(c)) {
                        problems.add("steps." + step.code() + ".notBefore", "时限不存在：" + c);
                    }
                }
                for (String other : step.afterSteps()) {
                    if (steps.stream().noneMatch(x -> other.equals(x.code()))) {
                        problems.add("steps." + step.code() + ".afterSteps", "步骤不存在：" + other);
                    }
                }
            }
            if (root.has("suspension")) {
                suspensions.add(suspension(root.get("suspension"), "CORRECTION", initial, clockNames));
            }
            for (Yaml.Node n : root.list("suspensions")) {
                SuspensionRule rule = suspension(n, null, initial, clockNames);
                if (suspensions.stream()
                        .anyMatch(x -> x.code() != null && x.code().equals(rule.code()))) {
                    problems.add(n.path(), "中止代码重复：" + rule.code());
                }
                suspensions.add(rule);
            }
            ReviewRule review = review(root.get("legalReview"));
            DisclosureRule disclosure = root.has("disclosure") ? disclosure(root.get("disclosure"), decision) : null;
            if (notice != null && notice.forbidden() && disclosure != null) {
                problems.add("disclosure", "本事项依法不得公示，也不能声明结果公布");
            }
            if (review != null && !review.never() && decision == null) {
                problems.add("legalReview", "没有决定的事项不需要法制审核");
            }
            if (decision != null) {
                for (String draftState : decision.draftIn()) {
                    if (!stateCodes.contains(draftState)) {
                        problems.add("decision.draftIn", "状态不存在：" + draftState);
                    }
                }
            }
            return new MatterType(
                    0,
                    code,
                    0,
                    name,
                    category,
                    root.string("description"),
                    bases(root, "basis"),
                    prefix,
                    List.copyOf(partyKinds),
                    openRoles,
                    initial,
                    List.copyOf(states),
                    List.copyOf(steps),
                    List.copyOf(clocks),
                    List.copyOf(documents),
                    List.copyOf(suspensions),
                    termination,
                    notice,
                    review == null ? new ReviewRule("NEVER", null, null, List.of(), false) : review,
                    decision,
                    disclosure,
                    openVia(root.get("openVia")));
        }

        private MatterType.OpenVia openVia(Yaml.Node o) {
            if (o.value() == null) {
                return null;
            }
            String path = o.required("path");
            if (path != null && !path.matches("/[a-z0-9/-]{1,100}")) {
                problems.add(o.get("path").path(), "登记入口须为本平台的页面地址，如 /assistance/applications/new");
            }
            return new MatterType.OpenVia(path, o.required("label"));
        }

        private Step step(Yaml.Node s, List<State> states) {
            String code = code(s, "code");
            List<String> from = s.strings("from");
            if (from.isEmpty()) {
                problems.add(s.get("from").path(), "须写明从哪些状态可以执行");
            }
            for (String f : from) {
                if (!stateCodes.contains(f)) {
                    problems.add(s.get("from").path(), "状态不存在：" + f);
                } else if (states.stream().anyMatch(st -> st.code().equals(f) && st.terminal())) {
                    problems.add(s.get("from").path(), "终结状态之后不能再有步骤：" + f);
                }
            }
            String to = s.required("to");
            if (to != null && !stateCodes.contains(to)) {
                problems.add(s.get("to").path(), "状态不存在：" + to);
            }
            List<String> documents = s.strings("documents");
            for (String d : documents) {
                if (!documentCodes.contains(d)) {
                    problems.add(s.get("documents").path(), "材料未在 documents 中声明：" + d);
                }
            }
            Set<Precondition> requires = EnumSet.noneOf(Precondition.class);
            for (String r : s.strings("requires")) {
                try {
                    requires.add(Precondition.valueOf(r));
                } catch (IllegalArgumentException e) {
                    problems.add(
                            s.get("requires").path(), "未知的前提条件：" + r + "（可用：" + List.of(Precondition.values()) + "）");
                }
            }
            if (!documents.isEmpty()) {
                requires.add(Precondition.REQUIRED_DOCUMENTS);
            }
            Integer participants = s.integer("minParticipants");
            if (participants != null && (participants < 0 || participants > 10)) {
                problems.add(s.get("minParticipants").path(), "人数须在0到10之间");
            }
            if (participants != null && participants > 0) {
                requires.add(Precondition.MIN_PARTICIPANTS);
            }
            return new Step(
                    code,
                    s.required("name"),
                    List.copyOf(from),
                    to,
                    roles(s, "roles"),
                    basis(s.get("basis")),
                    List.copyOf(documents),
                    List.copyOf(requires),
                    participants == null ? 0 : participants,
                    s.flag("decision", false),
                    s.flag("notice", false),
                    List.copyOf(s.strings("afterSteps")),
                    List.copyOf(s.strings("after")),
                    List.copyOf(s.strings("notBefore")),
                    s.flag("discussion", false));
        }

        private Set<String> events(List<Step> steps, DecisionRule decision) {
            Set<String> events = new HashSet<>();
            events.add(MatterType.OPENED);
            events.add(MatterType.SUSPEND);
            events.add(MatterType.RESUME);
            for (Step step : steps) {
                events.add(step.code());
                if (step.decision() && decision != null) {
                    decision.outcomes().forEach(o -> events.add(step.code() + ":" + o.code()));
                }
            }
            return events;
        }

        private ClockRule clock(Yaml.Node c, Set<String> events) {
            String code = code(c, "code");
            String from = c.required("from");
            if (from != null && !events.contains(from)) {
                problems.add(c.get("from").path(), "起算事件不存在：" + from + "（可用：OPENED、SUSPEND、RESUME、步骤代码、决定步骤:结论）");
            }
            List<String> until = c.strings("until");
            for (String u : until) {
                if (!events.contains(u)) {
                    problems.add(c.get("until").path(), "截止事件不存在：" + u);
                }
            }
            Limit limit = limit(c.get("limit"), true);
            ExtensionRule extension = null;
            if (c.has("extension")) {
                Yaml.Node e = c.get("extension");
                extension = new ExtensionRule(limit(e.get("max"), true), roles(e, "roles"), basis(e.get("basis")));
            }
            String resume = c.string("resume") == null ? "PAUSE" : c.string("resume");
            if (!Set.of("PAUSE", "RESTART").contains(resume)) {
                problems.add(c.get("resume").path(), "补正后计时方式须为 PAUSE（扣除中止期间）或 RESTART（重新起算）");
            }
            return new ClockRule(
                    code,
                    c.required("name"),
                    from,
                    List.copyOf(until),
                    limit,
                    extension,
                    c.flag("suspendable", true),
                    resume,
                    basis(c.get("basis")));
        }

        private Limit limit(Yaml.Node l, boolean required) {
            if (l.value() == null) {
                if (required) {
                    problems.add(l.path(), "须写明期限（days 与 dayType，或 parameter）");
                }
                return new Limit(null, null, null);
            }
            String parameter = l.string("parameter");
            Integer days = l.integer("days");
            String dayType = l.string("dayType");
            if (parameter != null) {
                if (days != null) {
                    problems.add(l.path(), "期限只能写天数或参数之一");
                }
                if (!CODE.matcher(parameter).matches() && !parameter.matches("[A-Z][A-Z0-9_]{1,59}")) {
                    problems.add(l.path(), "参数代码格式不对：" + parameter);
                }
                return new Limit(null, null, parameter);
            }
            if (days == null || days < 0 || days > 3650) {
                problems.add(l.path(), "天数须为0到3650之间的整数");
            }
            if (!Set.of("WORKING", "CALENDAR").contains(String.valueOf(dayType))) {
                problems.add(l.path(), "dayType 须为 WORKING（工作日）或 CALENDAR（自然日）");
            }
            return new Limit(days, dayType, null);
        }

        /**
         * A suspension (中止). Since issue 11 a new declaration names the states it may start in and the clocks it stops,
         * with the legal basis that provides for it; older versions keep their meaning with the safe defaults (the initial
         * state only — 补正 comes before 受理 — and every suspendable clock).
         */
        private SuspensionRule suspension(
                Yaml.Node s, String defaultCode, String initial, java.util.Map<String, ClockRule> clockNames) {
            String code = s.has("code") ? code(s, "code") : defaultCode;
            if (code == null) {
                problems.add(s.path(), "须写明中止的代码（code）");
            }
            Integer max = s.integer("maxTimes");
            if (max != null && (max < 1 || max > 10)) {
                problems.add(s.get("maxTimes").path(), "次数须在1到10之间");
            }
            String label = s.string("label") == null ? "补正材料" : s.string("label");
            List<String> states = s.strings("states");
            if (states.isEmpty()) {
                if (strict) {
                    problems.add(s.path(), "须写明可以中止的状态（states），只能是法律依据规定可以中止的阶段（如受理前的补正）");
                }
                states = initial == null ? List.of() : List.of(initial);
            }
            for (String st : states) {
                if (!stateCodes.contains(st)) {
                    problems.add(s.get("states").path(), "状态不存在：" + st);
                }
            }
            List<String> clocks = s.strings("clocks");
            if (strict && !s.has("clocks")) {
                problems.add(s.path(), "须写明中止哪些时限（clocks），依据须规定该时限可以中止；不中止任何时限的写 []");
            }
            for (String c : clocks) {
                if (!clockNames.containsKey(c)) {
                    problems.add(s.get("clocks").path(), "时限不存在：" + c);
                } else if (!clockNames.get(c).suspendable()) {
                    problems.add(s.get("clocks").path(), "时限 " + c + " 声明为不可中止（suspendable: false）");
                }
            }
            String resume = s.string("resume");
            if (resume != null && !Set.of("PAUSE", "RESTART").contains(resume)) {
                problems.add(s.get("resume").path(), "恢复计时方式须为 PAUSE（扣除中止期间）或 RESTART（重新起算）");
            }
            Basis basis = basis(s.get("basis"));
            if (strict && basis == null) {
                problems.add(s.path(), "中止须写明法律依据（basis）");
            }
            Limit maxDays = s.has("maxDays") ? limit(s.get("maxDays"), true) : null;
            return new SuspensionRule(
                    code,
                    label,
                    roles(s, "roles"),
                    List.copyOf(states),
                    List.copyOf(clocks),
                    resume,
                    max == null ? 1 : max,
                    maxDays,
                    basis);
        }

        private TerminationRule termination(Yaml.Node t) {
            if (t.value() == null) {
                return null;
            }
            return new TerminationRule(roles(t, "roles"), basis(t.get("basis")));
        }

        private NoticeRule notice(Yaml.Node n) {
            String mode = n.required("mode");
            if (mode != null && !Set.of("REQUIRED", "OPTIONAL", "FORBIDDEN").contains(mode)) {
                problems.add(n.get("mode").path(), "须为 REQUIRED（必须公示）、OPTIONAL 或 FORBIDDEN（依法不得公示）");
            }
            Basis basis = basis(n.get("basis"));
            if ("FORBIDDEN".equals(mode)) {
                if (basis == null) {
                    problems.add(n.path(), "不得公示须写明法律依据（basis）");
                }
                return new NoticeRule(mode, null, null, null, basis, null);
            }
            return new NoticeRule(
                    mode,
                    profile(n),
                    n.required("title"),
                    limit(n.get("period"), true),
                    basis,
                    n.required("objectionContact"));
        }

        private String profile(Yaml.Node n) {
            String profile = n.required("profile");
            if (profile != null) {
                try {
                    NoticeProfile.valueOf(profile);
                } catch (IllegalArgumentException e) {
                    problems.add(n.get("profile").path(), "公示内容规则须为 " + List.of(NoticeProfile.values()) + " 之一");
                }
            }
            return profile;
        }

        private ReviewRule review(Yaml.Node r) {
            if (r.value() == null) {
                return null;
            }
            String mode = r.required("mode");
            if (mode != null && !Set.of("ALWAYS", "NEVER", "RULES").contains(mode)) {
                problems.add(r.get("mode").path(), "须为 ALWAYS（一律审核）、NEVER 或 RULES（按清单）");
            }
            String returnTo = r.string("returnTo");
            if (returnTo != null && !stateCodes.contains(returnTo)) {
                problems.add(r.get("returnTo").path(), "状态不存在：" + returnTo);
            }
            List<MajorRule> rules = new ArrayList<>();
            for (Yaml.Node rule : r.list("rules")) {
                List<Condition> conditions = new ArrayList<>();
                for (Yaml.Node c : rule.list("all")) {
                    String op = c.required("op");
                    if (op != null && !COMPARISONS.contains(op)) {
                        problems.add(c.get("op").path(), "比较方式须为 " + COMPARISONS);
                    }
                    String value = c.string("value");
                    String parameter = c.string("parameter");
                    if ((value == null) == (parameter == null)) {
                        problems.add(c.path(), "须写明比较的值（value）或参数（parameter）之一");
                    }
                    conditions.add(new Condition(c.required("fact"), op, value, parameter));
                }
                if (conditions.isEmpty()) {
                    problems.add(rule.path(), "清单规则至少有一个条件（all）");
                }
                rules.add(new MajorRule(
                        code(rule, "code"), rule.required("label"), basis(rule.get("basis")), conditions));
            }
            if ("RULES".equals(mode) && rules.isEmpty()) {
                problems.add(r.path(), "按清单审核须列出规则（rules）");
            }
            return new ReviewRule(
                    mode,
                    basis(r.get("basis")),
                    returnTo,
                    List.copyOf(rules),
                    r.flag("allowManual", !"NEVER".equals(mode)));
        }

        private DecisionRule decision(Yaml.Node d) {
            List<Outcome> outcomes = new ArrayList<>();
            Set<String> outcomeCodes = new HashSet<>();
            for (Yaml.Node o : d.list("outcomes")) {
                String code = code(o, "code");
                if (code != null && !outcomeCodes.add(code)) {
                    problems.add(o.path(), "结论代码重复：" + code);
                }
                List<String> requires = o.strings("requires");
                for (String r : requires) {
                    if (!Set.of("VIOLATED", "SANCTION").contains(r)) {
                        problems.add(o.get("requires").path(), "须为 VIOLATED（违反的条款）或 SANCTION（罚则）：" + r);
                    }
                }
                String effect = o.string("effect");
                if (effect != null && effect.replace("{startMonth}", "").matches(".*[{}].*")) {
                    problems.add(o.get("effect").path(), "执行说明中只能使用 {startMonth}（决定作出的下一个月）");
                }
                outcomes.add(new Outcome(
                        code,
                        o.required("name"),
                        o.required("title"),
                        bases(o, "basis"),
                        List.copyOf(requires),
                        effect));
            }
            if (outcomes.isEmpty()) {
                problems.add(d.path(), "至少声明一种结论（outcomes）");
            }
            String unit = d.string("issuingUnit") == null ? "DISTRICT" : d.string("issuingUnit");
            if (!Set.of("DISTRICT", "STREET").contains(unit)) {
                problems.add(d.get("issuingUnit").path(), "作出决定的单位须为 DISTRICT（区民政局）或 STREET（街道办事处）");
            }
            String series = d.required("series");
            if (series != null && series.length() > 12) {
                problems.add(d.get("series").path(), "文号代字不超过12个字");
            }
            List<FactDefinition> facts = new ArrayList<>();
            Set<String> names = new LinkedHashSet<>();
            for (Yaml.Node f : d.list("facts")) {
                String name = f.required("name");
                if (name != null && !name.matches("[A-Za-z][A-Za-z0-9_]{0,59}")) {
                    problems.add(f.get("name").path(), "事实名称须以字母开头，由字母、数字、下划线组成");
                }
                if (name != null && !names.add(name)) {
                    problems.add(f.path(), "事实名称重复：" + name);
                }
                String type = f.required("type");
                if (type != null && !FACT_TYPES.contains(type)) {
                    problems.add(f.get("type").path(), "类型须为 " + FACT_TYPES);
                }
                java.util.Map<String, String> options = null;
                if ("CHOICE".equals(type)) {
                    options = new java.util.LinkedHashMap<>();
                    for (Yaml.Node o : f.list("options")) {
                        String oc = code(o, "code");
                        if (oc != null) {
                            options.put(oc, o.required("label"));
                        }
                    }
                    if (options.isEmpty()) {
                        problems.add(f.path(), "选项类事实须列出选项（options：code、label）");
                    }
                }
                String derived = f.string("derived");
                if (derived != null && !derived.matches("STEP:[A-Z][A-Z0-9_]{1,39}")) {
                    problems.add(f.get("derived").path(), "由案件记录得出的事实须写作 STEP:步骤代码");
                }
                facts.add(new FactDefinition(
                        name,
                        f.required("label"),
                        type,
                        derived == null && f.flag("required", true),
                        options == null ? null : java.util.Collections.unmodifiableMap(options),
                        derived));
            }
            names.add("partyIsPerson");
            ComputationRule computation =
                    d.has("computation") ? computation(d.get("computation"), names, outcomeCodes) : null;
            List<String> draftIn = d.strings("draftIn");
            if (draftIn.isEmpty()) {
                problems.add(d.get("draftIn").path(), "须写明在哪些状态下可以起草决定");
            }
            return new DecisionRule(
                    roles(d, "drafterRoles"),
                    List.copyOf(draftIn),
                    unit,
                    series,
                    List.copyOf(outcomes),
                    List.copyOf(facts),
                    computation);
        }

        private ComputationRule computation(Yaml.Node c, Set<String> facts, Set<String> outcomes) {
            Set<String> defined = new LinkedHashSet<>(facts);
            List<OperationDefinition> steps = new ArrayList<>();
            for (Yaml.Node s : c.list("steps")) {
                String out = s.required("out");
                String op = s.required("op");
                Computation.Op operation = null;
                try {
                    operation = op == null ? null : Computation.Op.valueOf(op);
                } catch (IllegalArgumentException e) {
                    problems.add(s.get("op").path(), "运算须为 " + List.of(Computation.Op.values()));
                }
                List<String> args = s.strings("args");
                String parameter = s.string("parameter");
                if (operation == Computation.Op.PARAM) {
                    if (parameter == null) {
                        problems.add(s.path(), "PARAM 须写明 parameter");
                    }
                } else if (operation != null) {
                    int arity = operation.arity();
                    if (arity == -1 ? args.size() < 2 : args.size() != arity) {
                        problems.add(s.get("args").path(), op + " 的参数个数不对");
                    }
                    for (String arg : args) {
                        if (!defined.contains(arg) && !arg.matches("-?[0-9]+(\\.[0-9]+)?") && !arg.matches("'.*'")) {
                            problems.add(s.get("args").path(), "引用了此前未定义的值：" + arg);
                        }
                    }
                }
                if (out != null && !defined.add(out)) {
                    problems.add(s.get("out").path(), "名称重复：" + out);
                }
                steps.add(new OperationDefinition(
                        out, s.string("label"), op, List.copyOf(args), parameter, s.integer("scale")));
            }
            Yaml.Node outcome = c.get("outcome");
            List<Computation.OutcomeCase> cases = null;
            String when = null;
            String then = null;
            if (outcome.has("cases")) {
                cases = new ArrayList<>();
                for (Yaml.Node k : outcome.list("cases")) {
                    String w = k.required("when");
                    String t = k.required("then");
                    if (w != null && !defined.contains(w)) {
                        problems.add(k.path(), "结论条件未定义：" + w);
                    }
                    if (t != null && !outcomes.contains(t)) {
                        problems.add(k.path(), "结论不在 outcomes 中：" + t);
                    }
                    cases.add(new Computation.OutcomeCase(w, t));
                }
            } else {
                when = outcome.required("when");
                then = outcome.required("then");
                if (when != null && !defined.contains(when)) {
                    problems.add(outcome.path(), "结论条件未定义：" + when);
                }
            }
            String otherwise = outcome.required("otherwise");
            for (String o : new String[] {then, otherwise}) {
                if (o != null && !outcomes.contains(o)) {
                    problems.add(outcome.path(), "结论不在 outcomes 中：" + o);
                }
            }
            List<String> results = c.strings("results");
            for (String r : results) {
                if (!defined.contains(r)) {
                    problems.add(c.get("results").path(), "结果未定义：" + r);
                }
            }
            String version = c.string("version") == null ? "1" : c.string("version");
            return new ComputationRule(
                    code(c, "code"),
                    version,
                    bases(c, "basis"),
                    List.copyOf(steps),
                    when,
                    then,
                    otherwise,
                    results,
                    cases == null ? null : List.copyOf(cases));
        }

        private DisclosureRule disclosure(Yaml.Node d, DecisionRule decision) {
            List<String> outcomes = d.strings("outcomes");
            if (decision != null) {
                for (String o : outcomes) {
                    if (decision.outcome(o).isEmpty()) {
                        problems.add(d.get("outcomes").path(), "结论不存在：" + o);
                    }
                }
            } else {
                problems.add(d.path(), "没有决定的事项不能声明结果公布");
            }
            return new DisclosureRule(
                    List.copyOf(outcomes),
                    profile(d),
                    d.required("title"),
                    limit(d.get("period"), true),
                    basis(d.get("basis")));
        }

        private List<String> roles(Yaml.Node node, String key) {
            List<String> roles = node.strings(key);
            if (roles.isEmpty()) {
                problems.add(node.get(key).path(), "须写明办理角色");
            }
            for (String role : roles) {
                if (!Roles.BUSINESS.contains(role)) {
                    problems.add(node.get(key).path(), "未知或不办理业务的角色：" + role + "（可用：" + Roles.BUSINESS + "）");
                }
            }
            return List.copyOf(roles);
        }

        private List<Basis> bases(Yaml.Node node, String key) {
            Yaml.Node child = node.get(key);
            if (child.value() == null) {
                return List.of();
            }
            if (child.isMap()) {
                Basis basis = basis(child);
                return basis == null ? List.of() : List.of(basis);
            }
            List<Basis> bases = new ArrayList<>();
            for (Yaml.Node b : node.list(key)) {
                Basis basis = basis(b);
                if (basis != null) {
                    bases.add(basis);
                }
            }
            return List.copyOf(bases);
        }

        private Basis basis(Yaml.Node b) {
            if (b.value() == null) {
                return null;
            }
            String document = b.required("document");
            return document == null ? null : new Basis(document, b.string("article"));
        }

        private String code(Yaml.Node node, String key) {
            String code = node.required(key);
            if (code != null && !CODE.matcher(code).matches()) {
                problems.add(node.get(key).path(), "代码须为2–40位大写字母、数字或下划线，并以字母开头：" + code);
                return code;
            }
            return code;
        }
    }
}
