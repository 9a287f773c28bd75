package cn.minzheng.procedure;

import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.NotFound;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decisions with traces: a decision is drafted from the facts found (its computation, when the matter type declares
 * one, run and recorded step by step), cites the articles applied, is assessed as major or not, goes through legal
 * review when major, and is issued by the matter type's decision step with a 文号 and a PDF. The trace can be re-done
 * at any time ({@link #recheck}) — independently of how it was first computed — and its parameters checked against the
 * registry.
 */
@Service
public class Decisions {

    private final CaseStore cases;
    private final DecisionStore decisions;
    private final MatterTypes matterTypes;
    private final Parameters parameters;
    private final LegalBasis legalBasis;
    private final CaseEngine engine;
    private final DecisionDocuments documents;
    private final FileStore files;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final Clock clock;

    Decisions(
            CaseStore cases,
            DecisionStore decisions,
            MatterTypes matterTypes,
            Parameters parameters,
            LegalBasis legalBasis,
            CaseEngine engine,
            DecisionDocuments documents,
            FileStore files,
            AuditTrail audit,
            JsonMapper json,
            Clock clock) {
        this.cases = cases;
        this.decisions = decisions;
        this.matterTypes = matterTypes;
        this.parameters = parameters;
        this.legalBasis = legalBasis;
        this.engine = engine;
        this.documents = documents;
        this.files = files;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /**
     * What the drafter provides. {@code outcome} is required only when the matter type has no computation (then the
     * officer decides, with reasons); {@code facts} by the declared fact names; {@code articles} in addition to those
     * the matter type cites for the outcome; {@code markMajor} with {@code majorReason} asks for legal review of a
     * decision the 清单 does not make major (案情疑难复杂).
     */
    public record Draft(
            String outcome,
            Map<String, String> facts,
            String reasons,
            List<Basis> articles,
            Boolean markMajor,
            String majorReason,
            LocalDate on,
            String lateReason,
            List<Basis> violated,
            List<Basis> sanctions) {

        public Draft(
                String outcome,
                Map<String, String> facts,
                String reasons,
                List<Basis> articles,
                Boolean markMajor,
                String majorReason,
                LocalDate on,
                String lateReason) {
            this(outcome, facts, reasons, articles, markMajor, majorReason, on, lateReason, List.of(), List.of());
        }
    }

    public record FactView(String name, String label, String type, String value, String shown) {}

    public record ReviewView(
            long id,
            String reviewer,
            String reviewerName,
            Map<String, Boolean> checklist,
            String conclusion,
            String conclusionLabel,
            String opinion,
            LocalDate reviewedOn,
            Instant reviewedAt,
            boolean forThisVersion,
            String qualification) {}

    public record MajorReasonView(String code, String label, Citation basis, String detail) {}

    public record DecisionView(
            long id,
            long caseId,
            String caseNumber,
            int revision,
            String status,
            String statusLabel,
            String outcome,
            String outcomeName,
            boolean major,
            List<MajorReasonView> majorReasons,
            String ruleCode,
            String ruleVersion,
            List<Citation> articles,
            List<FactView> facts,
            Computation.Trace trace,
            List<String> explanation,
            Map<String, String> result,
            String reasons,
            String draftHash,
            String draftedBy,
            String draftedName,
            LocalDate draftedOn,
            String documentNumber,
            String documentTitle,
            LocalDate issuedOn,
            String issuedBy,
            String issuedName,
            String documentSm3,
            List<ReviewView> reviews,
            List<String> staleSince) {}

    /** The result of re-doing a decision's computation from its trace. */
    public record Recheck(
            long decisionId,
            boolean reproduced,
            String recordedOutcome,
            String recomputedOutcome,
            Map<String, String> recordedResult,
            Map<String, String> recomputedResult,
            boolean parametersMatchRegistry,
            List<String> differences,
            boolean contentIntact) {}

    @PreAuthorize(
            "hasAnyRole('DISTRICT_LEADER', 'DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER', 'LEGAL_REVIEWER')")
    @Transactional
    public DecisionView draft(long caseId, Draft input) {
        return draft(caseId, input, null);
    }

    /**
     * Drafts a decision whose computation a module did in Java with {@link Computation} (for rules too rich for a
     * declared computation). The kernel does not take the trace on trust: it re-does it ({@link Computation#replay}),
     * requires every parameter it used to be the value the registry holds for its date and the case's street, and
     * takes the outcome and results from it. The matter type must not declare a computation of its own.
     */
    @PreAuthorize(
            "hasAnyRole('DISTRICT_LEADER', 'DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER', 'LEGAL_REVIEWER')")
    @Transactional
    public DecisionView draftFromTrace(long caseId, Draft input, Computation.Trace trace) {
        if (trace == null) {
            throw new BusinessRuleViolation("缺少计算记录");
        }
        return draft(caseId, input, trace);
    }

    private DecisionView draft(long caseId, Draft input, Computation.Trace supplied) {
        Actor actor = Actor.current();
        CaseRecord c = cases.lock(caseId).orElseThrow(() -> new NotFound("案件不存在，或不在您的数据范围内"));
        MatterType type = matterTypes.byId(c.matterTypeVersionId());
        MatterType.DecisionRule rule = type.decision();
        if (rule == null) {
            throw new BusinessRuleViolation("事项“" + type.name() + "”没有决定");
        }
        actor.requireAnyRole(rule.drafterRoles(), "起草决定");
        if (supplied != null && rule.computation() != null) {
            throw new BusinessRuleViolation("事项“" + type.name() + "”声明了自己的计算规则，不接受外部计算记录");
        }
        CaseActions.requireOpen(c);
        if (!rule.draftIn().contains(c.state())) {
            throw new BusinessRuleViolation("案件处于“" + type.stateName(c.state()) + "”，此时不能起草决定（可在："
                    + String.join(
                            "、", rule.draftIn().stream().map(type::stateName).toList()) + "）");
        }
        LocalDate on = CaseActions.actDate(input.on(), input.lateReason(), c, LocalDate.now(clock));
        if (input.reasons() == null || input.reasons().strip().length() < 2) {
            throw new BusinessRuleViolation("请写明决定的理由");
        }
        Map<String, String> given = input.facts() == null ? Map.of() : input.facts();
        Map<String, String> facts = new LinkedHashMap<>();
        Map<String, Object> values = new LinkedHashMap<>();
        for (MatterType.FactDefinition f : rule.facts()) {
            String raw = given.get(f.name());
            if (f.derived() != null) {
                // taken from the case record, never typed: a handler cannot say "no hearing" when there was one
                if (raw != null && !raw.isBlank()) {
                    throw new BusinessRuleViolation(f.label() + "由系统依案件记录确定，不能填写");
                }
                boolean taken = cases.stepTaken(c.id(), f.derived().substring("STEP:".length()));
                facts.put(f.name(), Boolean.toString(taken));
                values.put(f.name(), taken);
                continue;
            }
            if (raw == null || raw.isBlank()) {
                if (f.required()) {
                    throw new BusinessRuleViolation("请填写" + f.label());
                }
                continue;
            }
            if ("CHOICE".equals(f.type()) && !f.options().containsKey(raw.strip())) {
                throw new BusinessRuleViolation(
                        "请选择" + f.label() + "：" + String.join("、", f.options().values()));
            }
            Object parsed = Computation.parse(f.name(), f.label(), f.type(), raw);
            facts.put(f.name(), Computation.format(parsed));
            values.put(f.name(), parsed);
        }
        values.put("partyIsPerson", "PERSON".equals(c.partyKind()));

        String outcome;
        Computation.Trace trace = null;
        Map<String, String> result = new LinkedHashMap<>();
        if (supplied != null) {
            Map<String, Object> replayed = new LinkedHashMap<>();
            Computation.Replay replay = Computation.replay(supplied, replayed);
            if (!replay.reproduced()) {
                throw new BusinessRuleViolation("计算记录无法重现：" + String.join("；", replay.differences()));
            }
            for (Computation.Input in : supplied.inputs()) {
                if ("PARAMETER".equals(in.kind())) {
                    ParameterValue registered = parameters
                            .find(in.parameter(), c.communityCode(), supplied.asOf())
                            .orElse(null);
                    if (registered == null
                            || registered.id() != in.parameterValueId()
                            || registered.value().compareTo(new java.math.BigDecimal(in.value())) != 0) {
                        throw new BusinessRuleViolation(
                                "计算记录使用的参数 " + in.parameter() + " 不是 " + supplied.asOf() + " 本案所在街道登记的有效值");
                    }
                }
            }
            if (rule.outcome(supplied.outcome()).isEmpty()) {
                throw new BusinessRuleViolation("计算记录的结论 " + supplied.outcome() + " 不是本事项的结论");
            }
            trace = supplied;
            outcome = supplied.outcome();
            result.putAll(supplied.results());
            values.putAll(replayed);
        } else if (rule.computation() != null) {
            Computation computation = compute(rule, c, facts, on);
            trace = computation.trace();
            outcome = trace.outcome();
            result.putAll(trace.results());
            values.putAll(computation.values());
            if (input.outcome() != null
                    && !input.outcome().isBlank()
                    && !input.outcome().equals(outcome)) {
                throw new BusinessRuleViolation("结论由计算规则 " + rule.computation().code() + " 得出（"
                        + rule.outcome(outcome).map(MatterType.Outcome::name).orElse(outcome)
                        + "），不能改为其他结论；如事实有误，请更正事实");
            }
        } else {
            outcome = input.outcome();
            if (outcome == null || rule.outcome(outcome).isEmpty()) {
                throw new BusinessRuleViolation("请选择结论："
                        + String.join(
                                "、",
                                rule.outcomes().stream()
                                        .map(MatterType.Outcome::name)
                                        .toList()));
            }
        }
        MatterType.Outcome chosen = rule.outcome(outcome).orElseThrow();

        Set<Basis> articles = new LinkedHashSet<>(chosen.basis());
        if (rule.computation() != null) {
            articles.addAll(rule.computation().basis());
        }
        if (input.articles() != null) {
            articles.addAll(input.articles());
        }
        // 行政处罚法第三十八条: a penalty without a basis is void — it cites the provision violated and the 罚则
        if (chosen.requires().contains("VIOLATED")) {
            requireCited(input.violated(), "违反的法律、法规、规章条款");
            facts.put(VIOLATED, json.writeValueAsString(input.violated()));
            articles.addAll(input.violated());
        }
        if (chosen.requires().contains("SANCTION")) {
            requireCited(input.sanctions(), "给予处罚所依据的条款（罚则）");
            facts.put(SANCTION, json.writeValueAsString(input.sanctions()));
            articles.addAll(input.sanctions());
            for (MatterType.FactDefinition f : rule.facts()) {
                if ("CHOICE".equals(f.type()) && (!facts.containsKey(f.name()) || "NONE".equals(facts.get(f.name())))) {
                    throw new BusinessRuleViolation("给予处罚的，请选择" + f.label());
                }
            }
        }
        for (Basis basis : articles) {
            Citation citation = legalBasis.cite(basis);
            if (!citation.inForceOn(on)) {
                throw new BusinessRuleViolation(citation.text() + " 在 " + on + " 不在施行期内，不能作为依据");
            }
        }
        if (Boolean.TRUE.equals(input.markMajor())
                && (input.majorReason() == null || input.majorReason().isBlank())) {
            throw new BusinessRuleViolation("提请法制审核时请说明理由（如案情疑难复杂）");
        }
        if (Boolean.TRUE.equals(input.markMajor()) && !type.legalReview().allowManual()) {
            throw new BusinessRuleViolation("本事项不设法制审核");
        }
        MajorDecisionPolicy.Assessment assessment = MajorDecisionPolicy.assess(
                type.legalReview(),
                values,
                code -> parameters.valueAsOf(code, c.communityCode(), on),
                Boolean.TRUE.equals(input.markMajor()),
                input.majorReason() == null ? null : input.majorReason().strip());

        decisions.live(c.id()).ifPresent(previous -> decisions.status(previous.id(), "WITHDRAWN"));
        int revision = decisions.nextRevision(c.id());
        String majorJson = json.writeValueAsString(assessment.reasons());
        String articlesJson = json.writeValueAsString(List.copyOf(articles));
        String factsJson = json.writeValueAsString(facts);
        String traceJson = trace == null ? null : json.writeValueAsString(trace);
        String resultJson = json.writeValueAsString(result);
        String reasons = input.reasons().strip();
        String hash = DecisionRow.hash(
                c.id(),
                revision,
                outcome,
                assessment.major(),
                majorJson,
                articlesJson,
                factsJson,
                traceJson,
                resultJson,
                reasons);
        Instant now = clock.instant();
        long id = decisions.insert(new DecisionRow(
                0,
                c.id(),
                revision,
                "DRAFT",
                outcome,
                assessment.major(),
                majorJson,
                type.id(),
                trace == null ? null : trace.rule(),
                trace == null ? null : trace.version(),
                articlesJson,
                factsJson,
                traceJson,
                resultJson,
                reasons,
                hash,
                actor.username(),
                actor.displayName(),
                on,
                now,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null));
        cases.addEvent(
                new CaseStore.NewEvent(
                        c.id(),
                        "DECISION_DRAFTED",
                        null,
                        c.state(),
                        c.state(),
                        on,
                        actor,
                        true,
                        "第 " + revision + " 稿：" + chosen.name() + (assessment.major() ? "（重大决定，须法制审核）" : ""),
                        CaseActions.lateReason(input.lateReason(), on, LocalDate.now(clock)),
                        null,
                        json.writeValueAsString(Map.of("decision", id, "revision", revision))),
                now);
        cases.touched(c.id(), on);
        audit.record(AuditEvent.success("DECISION_DRAFTED", "procedure_case", c.id())
                .because("decision " + id + " r" + revision + (assessment.major() ? " major" : "")));
        return view(decisions.find(id).orElseThrow(), c, type);
    }

    private void requireCited(List<Basis> bases, String what) {
        if (bases == null || bases.isEmpty()) {
            throw new BusinessRuleViolation("请写明" + what + "（行政处罚法第三十八条：没有依据的行政处罚无效）");
        }
        for (Basis b : bases) {
            if (b.article() == null || legalBasis.find(b).isEmpty()) {
                throw new BusinessRuleViolation(what + "须引用法律依据目录中的具体条文：" + b);
            }
        }
    }

    /** Sends a major draft to the legal reviewers' queue. */
    @PreAuthorize(
            "hasAnyRole('DISTRICT_LEADER', 'DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER', 'LEGAL_REVIEWER')")
    @Transactional
    public DecisionView submitForReview(long decisionId) {
        Actor actor = Actor.current();
        DecisionRow d = decisions.find(decisionId).orElseThrow(() -> new NotFound("决定不存在，或不在您的数据范围内"));
        CaseRecord c = cases.lock(d.caseId()).orElseThrow(() -> new NotFound("案件不存在，或不在您的数据范围内"));
        MatterType type = matterTypes.byId(c.matterTypeVersionId());
        actor.requireAnyRole(type.decision().drafterRoles(), "提请法制审核");
        CaseActions.requireOpen(c);
        if (!"DRAFT".equals(d.status())) {
            throw new BusinessRuleViolation("只有草稿可以提请法制审核（当前：" + DecisionRow.statusLabel(d.status()) + "）");
        }
        if (!d.major()) {
            throw new BusinessRuleViolation("这份决定不属于重大执法决定，无需法制审核；如认为需要，请重新起草并提请审核");
        }
        Instant now = clock.instant();
        decisions.submitted(d.id(), now);
        LocalDate today = LocalDate.now(clock);
        cases.addEvent(
                new CaseStore.NewEvent(
                        c.id(),
                        "REVIEW_REQUESTED",
                        null,
                        c.state(),
                        c.state(),
                        today,
                        actor,
                        true,
                        "第 " + d.revision() + " 稿提请法制审核",
                        null,
                        type.legalReview().basis(),
                        json.writeValueAsString(Map.of("decision", d.id()))),
                now);
        audit.record(AuditEvent.success("LEGAL_REVIEW_REQUESTED", "procedure_case", c.id())
                .because("decision " + d.id()));
        return view(decisions.find(d.id()).orElseThrow(), c, type);
    }

    @PreAuthorize(
            "hasAnyRole('DISTRICT_LEADER', 'DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER', 'LEGAL_REVIEWER')")
    @Transactional(readOnly = true)
    public DecisionView view(long decisionId) {
        DecisionRow d = decisions.find(decisionId).orElseThrow(() -> new NotFound("决定不存在，或不在您的数据范围内"));
        CaseRecord c = cases.find(d.caseId()).orElseThrow(() -> new NotFound("案件不存在，或不在您的数据范围内"));
        return view(d, c, matterTypes.byId(c.matterTypeVersionId()));
    }

    @PreAuthorize(
            "hasAnyRole('DISTRICT_LEADER', 'DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER', 'LEGAL_REVIEWER')")
    @Transactional(readOnly = true)
    public List<DecisionView> ofCase(long caseId) {
        CaseRecord c = cases.find(caseId).orElseThrow(() -> new NotFound("案件不存在，或不在您的数据范围内"));
        MatterType type = matterTypes.byId(c.matterTypeVersionId());
        return decisions.ofCase(caseId).stream().map(d -> view(d, c, type)).toList();
    }

    /** The decision document: as issued (the stored file, checked against its hash), or a draft marked 草稿. */
    @PreAuthorize(
            "hasAnyRole('DISTRICT_LEADER', 'DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER', 'LEGAL_REVIEWER')")
    @Transactional(readOnly = true)
    public byte[] document(long decisionId) {
        DecisionRow d = decisions.find(decisionId).orElseThrow(() -> new NotFound("决定不存在，或不在您的数据范围内"));
        CaseRecord c = cases.find(d.caseId()).orElseThrow(() -> new NotFound("案件不存在，或不在您的数据范围内"));
        if ("ISSUED".equals(d.status())) {
            return files.read(d.documentSm3());
        }
        return documents.render(c, matterTypes.byId(c.matterTypeVersionId()), d, null, null);
    }

    /**
     * Re-does the decision's computation from its trace and compares step by step; checks that every parameter the
     * trace used is the value the registry holds for that date and unit, and that the stored content still has the
     * hash it was drafted (and reviewed) with.
     */
    @PreAuthorize(
            "hasAnyRole('DISTRICT_LEADER', 'DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER', 'LEGAL_REVIEWER')")
    @Transactional(readOnly = true)
    public Recheck recheck(long decisionId) {
        DecisionRow d = decisions.find(decisionId).orElseThrow(() -> new NotFound("决定不存在，或不在您的数据范围内"));
        Map<String, String> recorded = json.readValue(d.result(), new TypeReference<Map<String, String>>() {});
        if (d.trace() == null) {
            return new Recheck(
                    d.id(),
                    true,
                    d.outcome(),
                    d.outcome(),
                    recorded,
                    recorded,
                    true,
                    List.of("本事项没有计算规则：结论由经办人依事实和理由作出"),
                    d.contentIntact());
        }
        Computation.Trace trace = json.readValue(d.trace(), Computation.Trace.class);
        Computation.Replay replay = Computation.replay(trace);
        List<String> differences = new ArrayList<>(replay.differences());
        boolean parametersMatch = true;
        for (Computation.Input input : trace.inputs()) {
            if (!"PARAMETER".equals(input.kind())) {
                continue;
            }
            ParameterValue now = parameters
                    .find(input.parameter(), trace.scope(), trace.asOf())
                    .orElse(null);
            if (now == null
                    || now.id() != input.parameterValueId()
                    || now.value().compareTo(new java.math.BigDecimal(input.value())) != 0) {
                parametersMatch = false;
                differences.add(
                        "参数 " + input.parameter() + " 在 " + trace.asOf() + " 的登记值与计算时使用的值（" + input.value() + "）不一致");
            }
        }
        boolean outcomeSame = java.util.Objects.equals(replay.outcome(), d.outcome());
        if (!outcomeSame) {
            differences.add("结论：决定记载为 " + d.outcome() + "，重算为 " + replay.outcome());
        }
        boolean resultSame = replay.results().equals(recorded);
        if (!resultSame) {
            differences.add("结果：决定记载为 " + recorded + "，重算为 " + replay.results());
        }
        return new Recheck(
                d.id(),
                replay.reproduced() && outcomeSame && resultSame,
                d.outcome(),
                replay.outcome(),
                recorded,
                replay.results(),
                parametersMatch,
                differences,
                d.contentIntact());
    }

    // --- called by the case's decision step, inside its transaction --------------------------------------------

    record Issued(DecisionRow decision, String number) {}

    /**
     * Issues the case's live decision: the legal review gate (in the domain, and again in the database), a 文号 per
     * issuing unit, series and year (gap-free), the PDF rendered once and kept by its hash.
     */
    Issued issue(CaseRecord c, MatterType type, Actor actor, LocalDate on) {
        DecisionRow d = decisions.live(c.id()).orElseThrow(() -> new BusinessRuleViolation("还没有起草决定，不能作出决定"));
        LegalReviewGate.check(d, decisions.reviews(d.id()), reviewer -> cases.handledBy(c.id(), reviewer));
        requireCurrent(d, c, type, on);
        MatterType.Outcome outcome = type.decision().outcome(d.outcome()).orElseThrow();
        String unit = documents.issuingUnitCode(type, c);
        String series = type.decision().series();
        int year = on.getYear();
        int seq = cases.nextNumber("DOCUMENT", unit, series, year);
        String number = series + "〔" + year + "〕" + seq + "号";
        byte[] pdf = documents.render(c, type, d, number, on);
        String sm3 = files.put(pdf).sm3();
        decisions.issue(d.id(), unit, series, year, seq, number, outcome.title(), actor, on, clock.instant(), sm3);
        audit.record(AuditEvent.success("DECISION_ISSUED", "procedure_case", c.id())
                .because("decision " + d.id() + " " + number));
        return new Issued(decisions.find(d.id()).orElseThrow(), number);
    }

    /**
     * The decision is made with the parameters and articles in force on the day it is made: a draft computed with a
     * value that has changed since is not issued; the decider is told what changed and — for a declared computation —
     * what the computation gives on this day, and the draft is recomputed before the decision is made.
     */
    private void requireCurrent(DecisionRow d, CaseRecord c, MatterType type, LocalDate on) {
        for (Basis basis : json.readValue(d.articles(), new TypeReference<List<Basis>>() {})) {
            Citation citation = legalBasis.cite(basis);
            if (!citation.inForceOn(on)) {
                throw new BusinessRuleViolation(citation.text() + " 在 " + Formats.date(on) + " 已不在施行期内，请按现行规定重新起草");
            }
        }
        Computation.Trace trace = d.trace() == null ? null : json.readValue(d.trace(), Computation.Trace.class);
        List<DraftCurrency.Change> changes = DraftCurrency.changes(trace, c.communityCode(), on, parameters);
        if (changes.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder(
                "决定须按作出决定之日（" + Formats.date(on) + "）有效的参数计算。起草（" + Formats.date(trace.asOf()) + "）以来，以下参数已经变化：");
        message.append(String.join(
                "；", changes.stream().map(DraftCurrency.Change::inWords).toList()));
        MatterType.DecisionRule rule = type.decision();
        if (rule.computation() != null) {
            Map<String, String> facts = json.readValue(d.facts(), new TypeReference<Map<String, String>>() {});
            Computation.Trace again = compute(rule, c, facts, on).trace();
            Map<String, String> types = Computation.types(again);
            List<String> differences = new ArrayList<>();
            if (!again.outcome().equals(d.outcome())) {
                differences.add("结论由“"
                        + rule.outcome(d.outcome())
                                .map(MatterType.Outcome::name)
                                .orElse(d.outcome()) + "”变为“"
                        + rule.outcome(again.outcome())
                                .map(MatterType.Outcome::name)
                                .orElse(again.outcome()) + "”");
            }
            Map<String, String> before = json.readValue(d.result(), new TypeReference<Map<String, String>>() {});
            again.results().forEach((name, value) -> {
                if (!java.util.Objects.equals(before.get(name), value)) {
                    String label = again.steps().stream()
                            .filter(x -> x.out().equals(name))
                            .map(x -> x.label() == null ? name : x.label())
                            .findFirst()
                            .orElse(name);
                    differences.add(label + "由 " + Computation.show(before.get(name), types.get(name)) + " 变为 "
                            + Computation.show(value, types.get(name)));
                }
            });
            if (!differences.isEmpty()) {
                message.append("。按今日参数重新计算：").append(String.join("；", differences));
            }
        }
        message.append("。请按今日的参数重新计算并起草后，再作出决定")
                .append(d.major() ? "（新的稿本须重新经法制审核）" : "")
                .append("。");
        throw new BusinessRuleViolation(message.toString());
    }

    /** What has changed since the draft, as of {@code on}, in words (empty: the draft is current). */
    List<String> staleness(DecisionRow d, CaseRecord c, LocalDate on) {
        if (d.trace() == null
                || !List.of("DRAFT", "REVIEW_PENDING", "REVIEW_PASSED").contains(d.status())) {
            return List.of();
        }
        Computation.Trace trace = json.readValue(d.trace(), Computation.Trace.class);
        return DraftCurrency.changes(trace, c.communityCode(), on, parameters).stream()
                .map(DraftCurrency.Change::inWords)
                .toList();
    }

    private Computation compute(MatterType.DecisionRule rule, CaseRecord c, Map<String, String> facts, LocalDate on) {
        MatterType.ComputationRule declared = rule.computation();
        Computation computation = Computation.start(declared.code(), declared.version(), on, c.streetCode());
        for (MatterType.FactDefinition f : rule.facts()) {
            if (facts.containsKey(f.name())) {
                computation.fact(
                        f.name(),
                        f.label(),
                        f.type(),
                        facts.get(f.name()),
                        f.derived() != null ? "依案件记录" : "经办人依调查核实录入");
            } else if (!"TEXT".equals(f.type())) {
                // an optional fact not given counts as none, so that the rule can still be computed
                computation.fact(f.name(), f.label(), f.type(), neutral(f.type()), "未填写（按无）");
            }
        }
        computation.fact(
                "partyIsPerson", "当事人为自然人", "BOOLEAN", Boolean.toString("PERSON".equals(c.partyKind())), "案件登记");
        for (MatterType.OperationDefinition step : declared.steps()) {
            if ("PARAM".equals(step.op())) {
                computation.parameter(
                        step.out(),
                        step.label() == null ? step.parameter() : step.label(),
                        parameters.valueAsOf(step.parameter(), c.communityCode(), on));
            } else {
                computation.apply(
                        step.out(), step.label(), Computation.Op.valueOf(step.op()), step.scale(), step.args());
            }
        }
        if (declared.outcomeCases() != null) {
            computation.outcome(declared.outcomeCases(), declared.outcomeOtherwise());
        } else {
            computation.outcome(declared.outcomeWhen(), declared.outcomeThen(), declared.outcomeOtherwise());
        }
        for (String r : declared.results()) {
            computation.result(r);
        }
        return computation;
    }

    private static String neutral(String type) {
        return switch (type) {
            case "BOOLEAN" -> "false";
            case "CHOICE" -> "NONE";
            default -> "0";
        };
    }

    /** Keys in a decision's facts that carry citations by role (违反的条款, 罚则), as JSON lists of bases. */
    static final String VIOLATED = "law.violated";

    static final String SANCTION = "law.sanction";

    DecisionView view(DecisionRow d, CaseRecord c, MatterType type) {
        Map<String, String> facts = json.readValue(d.facts(), new TypeReference<Map<String, String>>() {});
        List<FactView> factViews = new ArrayList<>();
        if (type.decision() != null) {
            for (MatterType.FactDefinition f : type.decision().facts()) {
                if (facts.containsKey(f.name())) {
                    String v = facts.get(f.name());
                    factViews.add(new FactView(
                            f.name(),
                            f.label(),
                            f.type(),
                            v,
                            "CHOICE".equals(f.type()) ? f.show(v) : Computation.show(v, f.type())));
                }
            }
        }
        List<Citation> articles = json.readValue(d.articles(), new TypeReference<List<Basis>>() {}).stream()
                .map(b -> legalBasis.find(b).orElse(null))
                .filter(java.util.Objects::nonNull)
                .toList();
        List<MajorDecisionPolicy.Reason> reasons =
                json.readValue(d.majorReasons(), new TypeReference<List<MajorDecisionPolicy.Reason>>() {});
        List<MajorReasonView> majorReasons = reasons.stream()
                .map(r -> new MajorReasonView(
                        r.code(),
                        r.label(),
                        r.basis() == null ? null : legalBasis.find(r.basis()).orElse(null),
                        r.detail()))
                .toList();
        Computation.Trace trace = d.trace() == null ? null : json.readValue(d.trace(), Computation.Trace.class);
        List<ReviewView> reviews = decisions.reviews(d.id()).stream()
                .map(r -> new ReviewView(
                        r.id(),
                        r.reviewer(),
                        r.reviewerName(),
                        json.readValue(r.checklist(), new TypeReference<Map<String, Boolean>>() {}),
                        r.conclusion(),
                        "PASSED".equals(r.conclusion()) ? "审核通过" : "退回",
                        r.opinion(),
                        r.reviewedOn(),
                        r.reviewedAt(),
                        r.draftHash().equals(d.draftHash()),
                        r.qualification()))
                .toList();
        return new DecisionView(
                d.id(),
                c.id(),
                c.caseNumber(),
                d.revision(),
                d.status(),
                DecisionRow.statusLabel(d.status()),
                d.outcome(),
                type.decision() == null
                        ? d.outcome()
                        : type.decision()
                                .outcome(d.outcome())
                                .map(MatterType.Outcome::name)
                                .orElse(d.outcome()),
                d.major(),
                majorReasons,
                d.ruleCode(),
                d.ruleVersion(),
                articles,
                factViews,
                trace,
                trace == null ? List.of() : Computation.explain(trace),
                json.readValue(d.result(), new TypeReference<Map<String, String>>() {}),
                d.reasons(),
                d.draftHash(),
                d.draftedBy(),
                d.draftedName(),
                d.draftedOn(),
                d.documentNumber(),
                d.documentTitle(),
                d.issuedOn(),
                d.issuedBy(),
                d.issuedName(),
                d.documentSm3(),
                reviews,
                staleness(d, c, LocalDate.now(clock)));
    }
}
