package cn.minzheng.procedure;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A matter type (事项) as declared in data: the procedure every case of this type runs under. It is read from a YAML
 * declaration (see {@code docs/procedure.md}) and never changed: a new declaration is a new version, and a case keeps
 * the version it was opened under.
 *
 * @param id the stored version's id (what a case points to)
 * @param basis the legal basis of the matter as a whole (设定依据)
 * @param casePrefix letters in the case number, e.g. {@code DB} → 2026-DB-00012
 * @param openRoles who may register a new case
 * @param states the states a case can be in; {@code initial} is where it starts
 * @param steps the transitions a case may take, each with its acting roles, basis, required documents and
 *     preconditions
 * @param clocks statutory time limits: N working or calendar days from a named event until another
 * @param suspensions the suspensions the law provides for (补正 before acceptance, 征求第三方意见 …): each in the
 *     states and for the clocks its legal basis names, with a reason and an end; empty when the clocks never stop
 * @param termination who may terminate a case, on what basis, or null
 * @param notice the public notice (公示) before the decision: required, optional or forbidden
 * @param legalReview when a decision is major and must pass legal review before it is issued
 * @param decision outcomes, facts, the computation and the citations of the decision, or null when the matter has
 *     no decision
 * @param disclosure what is published after the decision (公布), or null
 * @param openVia where a case of this type is registered when a module owns the procedure (e.g. social assistance
 *     takes the application with the household, its materials and its one-time notice); the kernel's own case
 *     registration refuses such a type and points there. Null: registered on the kernel's screen.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MatterType(
        long id,
        String code,
        int version,
        String name,
        String category,
        String description,
        List<Basis> basis,
        String casePrefix,
        List<String> partyKinds,
        List<String> openRoles,
        String initial,
        List<State> states,
        List<Step> steps,
        List<ClockRule> clocks,
        List<DocumentKind> documents,
        List<SuspensionRule> suspensions,
        TerminationRule termination,
        NoticeRule notice,
        ReviewRule legalReview,
        DecisionRule decision,
        DisclosureRule disclosure,
        OpenVia openVia) {

    /** The state a terminated case is in; added to every matter type that may be terminated. */
    public static final String TERMINATED = "TERMINATED";

    /** The event every case starts with: its registration, dated the day the application was received. */
    public static final String OPENED = "OPENED";

    /** The event of a suspension (补正告知) and of the resumption when the materials arrive. */
    public static final String SUSPEND = "SUSPEND";

    public static final String RESUME = "RESUME";

    public record State(String code, String name, boolean terminal) {}

    /** The module screen where cases of this type are registered: its address and how a clerk finds it in words. */
    public record OpenVia(String path, String label) {}

    /** A document the applicant or the office provides, e.g. {@code AUTHORISATION} 家庭经济状况核对授权书. */
    public record DocumentKind(String code, String name) {}

    /**
     * A step (transition). {@code decision}: performing it issues the case's decision (through the legal review gate).
     * {@code notice}: performing it publishes the public notice. {@code afterSteps}: steps that must have been taken
     * before (e.g. 陈述申辩 recorded before the penalty decision); {@code after}: clocks whose period must be over (or
     * ended by their closing event) before — the 5-working-day window to request a hearing; {@code notBefore}: clocks
     * whose period must have run up to the day (the hearing at least 7 days after its notice); {@code discussion}: the
     * step is the 负责人集体讨论 of a major decision.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(
            String code,
            String name,
            List<String> from,
            String to,
            List<String> roles,
            Basis basis,
            List<String> documents,
            List<Precondition> requires,
            int minParticipants,
            boolean decision,
            boolean notice,
            List<String> afterSteps,
            List<String> after,
            List<String> notBefore,
            boolean discussion) {}

    /** A time limit in days, fixed or taken from a parameter (whose value carries its day type). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Limit(Integer days, String dayType, String parameter) {

        public String text() {
            return parameter != null ? "参数 " + parameter : days + " 个" + ("WORKING".equals(dayType) ? "工作日" : "自然日");
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ExtensionRule(Limit max, List<String> roles, Basis basis) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ClockRule(
            String code,
            String name,
            String from,
            List<String> until,
            Limit limit,
            ExtensionRule extension,
            boolean suspendable,
            String resume,
            Basis basis) {}

    /**
     * A suspension the law provides for. {@code states}: where it may be started (补正 only before 受理, 审核确认办法第十条);
     * {@code clocks}: which clocks it stops (empty in declarations from before this rule: every suspendable clock);
     * {@code resume}: PAUSE (the rest of the period runs on) or RESTART (政府信息公开条例第三十条), null for the clock's own;
     * {@code maxTimes}: 1 for a one-time notice; {@code maxDays}: the longest it may last (its end), null when the clerk
     * sets the end.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SuspensionRule(
            String code,
            String label,
            List<String> roles,
            List<String> states,
            List<String> clocks,
            String resume,
            int maxTimes,
            Limit maxDays,
            Basis basis) {

        /** Whether it stops this clock (a declaration naming no clocks stops every suspendable one). */
        public boolean stops(ClockRule clock) {
            return clocks.isEmpty() ? clock.suspendable() : clocks.contains(clock.code());
        }
    }

    public record TerminationRule(List<String> roles, Basis basis) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NoticeRule(
            String mode, String profile, String title, Limit period, Basis basis, String objectionContact) {

        public boolean forbidden() {
            return "FORBIDDEN".equals(mode);
        }
    }

    /** One condition of a 清单 rule: a fact compared with a value or a parameter. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Condition(String fact, String op, String value, String parameter) {}

    /** A 清单 rule: when all its conditions hold, the decision is major and needs legal review. */
    public record MajorRule(String code, String label, Basis basis, List<Condition> all) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReviewRule(String mode, Basis basis, String returnTo, List<MajorRule> rules, boolean allowManual) {

        public boolean never() {
            return "NEVER".equals(mode);
        }
    }

    /**
     * A possible outcome. {@code requires}: what a draft of it must carry — {@code VIOLATED} (the provision violated) and
     * {@code SANCTION} (the 罚则 the penalty rests on; 行政处罚法第三十八条: a penalty without a basis is void).
     * {@code effect}: what the decision document tells the person about carrying it out — from when and how a benefit is
     * paid (审核确认办法第二十一条、第二十五条), how and by when a fine is paid (行政处罚法第六十七条); {@code {startMonth}}
     * in it stands for the month after the decision.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Outcome(
            String code, String name, String title, List<Basis> basis, List<String> requires, String effect) {

        public Outcome(String code, String name, String title, List<Basis> basis, List<String> requires) {
            this(code, name, title, basis, requires, null);
        }
    }

    /**
     * A fact the decision rests on. {@code CHOICE}: one of {@code options} (code → label, e.g. the kind of penalty);
     * {@code derived}: taken from the case by the kernel, never typed by the handler ({@code STEP:HOLD_HEARING} — whether
     * that step was taken on the case).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FactDefinition(
            String name, String label, String type, boolean required, Map<String, String> options, String derived) {

        public FactDefinition(String name, String label, String type, boolean required) {
            this(name, label, type, required, null, null);
        }

        /** The label of a CHOICE value, or the value as it is. */
        public String show(String value) {
            return options != null && options.containsKey(value) ? options.get(value) : value;
        }
    }

    /** One step of a declared computation; see {@link Computation} for the operations. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OperationDefinition(
            String out, String label, String op, List<String> args, String parameter, Integer scale) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ComputationRule(
            String code,
            String version,
            List<Basis> basis,
            List<OperationDefinition> steps,
            String outcomeWhen,
            String outcomeThen,
            String outcomeOtherwise,
            List<String> results,
            List<Computation.OutcomeCase> outcomeCases) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DecisionRule(
            List<String> drafterRoles,
            List<String> draftIn,
            String issuingUnit,
            String series,
            List<Outcome> outcomes,
            List<FactDefinition> facts,
            ComputationRule computation) {

        public Optional<Outcome> outcome(String code) {
            return outcomes.stream().filter(o -> o.code().equals(code)).findFirst();
        }
    }

    public record DisclosureRule(List<String> outcomes, String profile, String title, Limit period, Basis basis) {}

    /** The first declared suspension (the one-time 补正 notice, where there is one), or null. */
    @JsonIgnore
    public SuspensionRule suspension() {
        return suspensions.isEmpty() ? null : suspensions.get(0);
    }

    /** A declared suspension by its code; null or blank: the first. */
    public Optional<SuspensionRule> suspension(String code) {
        if (code == null || code.isBlank()) {
            return Optional.ofNullable(suspension());
        }
        return suspensions.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    public Optional<Step> step(String code) {
        return steps.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    public Optional<State> state(String code) {
        return states.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    public String stateName(String code) {
        return state(code).map(State::name).orElse(code);
    }

    public boolean terminal(String stateCode) {
        return state(stateCode).map(State::terminal).orElse(false);
    }

    /** Steps a case in this state may take next. */
    public List<Step> stepsFrom(String stateCode) {
        return steps.stream().filter(s -> s.from().contains(stateCode)).toList();
    }

    public Optional<DocumentKind> document(String code) {
        return documents.stream().filter(d -> d.code().equals(code)).findFirst();
    }

    public String documentName(String code) {
        return document(code).map(DocumentKind::name).orElse(code);
    }

    @JsonIgnore
    public Optional<Step> decisionStep() {
        return steps.stream().filter(Step::decision).findFirst();
    }

    /** Every legal basis the declaration cites, for checking it against the catalogue. */
    @JsonIgnore
    public List<Basis> citedBases() {
        java.util.List<Basis> all = new java.util.ArrayList<>(basis);
        steps.forEach(s -> {
            if (s.basis() != null) {
                all.add(s.basis());
            }
        });
        clocks.forEach(c -> {
            if (c.basis() != null) {
                all.add(c.basis());
            }
            if (c.extension() != null && c.extension().basis() != null) {
                all.add(c.extension().basis());
            }
        });
        suspensions.forEach(s -> {
            if (s.basis() != null) {
                all.add(s.basis());
            }
        });
        if (termination != null && termination.basis() != null) {
            all.add(termination.basis());
        }
        if (notice != null && notice.basis() != null) {
            all.add(notice.basis());
        }
        if (legalReview != null) {
            if (legalReview.basis() != null) {
                all.add(legalReview.basis());
            }
            legalReview.rules().forEach(r -> {
                if (r.basis() != null) {
                    all.add(r.basis());
                }
            });
        }
        if (decision != null) {
            decision.outcomes().forEach(o -> all.addAll(o.basis()));
            if (decision.computation() != null) {
                all.addAll(decision.computation().basis());
            }
        }
        if (disclosure != null && disclosure.basis() != null) {
            all.add(disclosure.basis());
        }
        return all;
    }

    /** Parameters the declaration names (time limits, thresholds, computation inputs). */
    @JsonIgnore
    public List<String> parameters() {
        java.util.List<String> all = new java.util.ArrayList<>();
        clocks.forEach(c -> {
            if (c.limit().parameter() != null) {
                all.add(c.limit().parameter());
            }
            if (c.extension() != null && c.extension().max().parameter() != null) {
                all.add(c.extension().max().parameter());
            }
        });
        suspensions.forEach(s -> {
            if (s.maxDays() != null && s.maxDays().parameter() != null) {
                all.add(s.maxDays().parameter());
            }
        });
        if (notice != null && notice.period() != null && notice.period().parameter() != null) {
            all.add(notice.period().parameter());
        }
        if (disclosure != null && disclosure.period().parameter() != null) {
            all.add(disclosure.period().parameter());
        }
        if (legalReview != null) {
            legalReview
                    .rules()
                    .forEach(r -> r.all().forEach(c -> {
                        if (c.parameter() != null) {
                            all.add(c.parameter());
                        }
                    }));
        }
        if (decision != null && decision.computation() != null) {
            decision.computation().steps().forEach(s -> {
                if (s.parameter() != null) {
                    all.add(s.parameter());
                }
            });
        }
        return all;
    }

    /** Labels of the states, for screens: code → name. */
    @JsonIgnore
    public Map<String, String> stateNames() {
        java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
        states.forEach(s -> names.put(s.code(), s.name()));
        return names;
    }
}
