package cn.minzheng.procedure;

import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.platform.District;
import cn.minzheng.platform.ScopeNames;
import cn.minzheng.region.Regions;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.NotFound;
import cn.minzheng.shared.RegionLevel;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * 案件办理: a case runs under its matter type's declared procedure. It moves only through the steps the type allows,
 * each guarded — in this order — by data scope (a case outside it is not found), role (403), and the case's state and
 * the step's preconditions (422); every act is on the timeline with its day and its actor. Clocks start and stop on
 * the acts; they can be suspended for materials (补正) and resumed, extended with the right person's approval, or
 * ended by termination.
 */
@Service
@PreAuthorize(
        "hasAnyRole('DISTRICT_LEADER', 'DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER', 'LEGAL_REVIEWER')")
public class Cases {

    private final CaseStore store;
    private final MatterTypes matterTypes;
    private final CaseEngine engine;
    private final Decisions decisions;
    private final DecisionStore decisionRows;
    private final Notices notices;
    private final LegalBasis legalBasis;
    private final FileStore files;
    private final Regions regions;
    private final ScopeNames scopeNames;
    private final District district;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final List<StepConditions> conditions;

    Cases(
            CaseStore store,
            MatterTypes matterTypes,
            CaseEngine engine,
            Decisions decisions,
            DecisionStore decisionRows,
            Notices notices,
            LegalBasis legalBasis,
            FileStore files,
            Regions regions,
            ScopeNames scopeNames,
            District district,
            AuditTrail audit,
            ApplicationEventPublisher events,
            JdbcClient jdbc,
            JsonMapper json,
            Clock clock,
            List<StepConditions> conditions) {
        this.store = store;
        this.matterTypes = matterTypes;
        this.engine = engine;
        this.decisions = decisions;
        this.decisionRows = decisionRows;
        this.notices = notices;
        this.legalBasis = legalBasis;
        this.files = files;
        this.regions = regions;
        this.scopeNames = scopeNames;
        this.district = district;
        this.audit = audit;
        this.events = events;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.conditions = conditions;
    }

    // --- inputs -------------------------------------------------------------------------------------------------

    /**
     * A new case. {@code receivedOn} is the day the application was received (today unless given; an earlier day is
     * recorded as 补录 with {@code lateReason}). {@code subjectRef} is the calling module's own reference (e.g. a
     * household id), returned in the events.
     */
    public record NewCase(
            String matterType,
            String communityCode,
            String partyName,
            String partyKind,
            String subjectRef,
            LocalDate receivedOn,
            String lateReason,
            String note) {}

    /** An act: its day (today unless given), a note, who took part (for steps that need two people). */
    public record Act(LocalDate on, String note, String lateReason, List<String> participants) {

        public static Act today(String note) {
            return new Act(null, note, null, List.of());
        }
    }

    /**
     * A suspension: which of the declared ones ({@code kind}; null: the first, usually 补正), its day, the reason (what
     * is missing or awaited), the day it is expected to end ({@code until}; null: the declared longest period).
     */
    public record Suspension(
            String kind,
            LocalDate on,
            String reason,
            List<String> missingDocuments,
            LocalDate until,
            String lateReason) {

        public Suspension(LocalDate on, String reason, List<String> missingDocuments, String lateReason) {
            this(null, on, reason, missingDocuments, null, lateReason);
        }
    }

    public record ExtensionRequest(Integer newLimit, String reason) {}

    // --- views --------------------------------------------------------------------------------------------------

    public record ClockView(
            long id,
            String code,
            String name,
            String status,
            String statusLabel,
            String dayType,
            String dayTypeLabel,
            int limitDays,
            Integer maxLimitDays,
            int consumedDays,
            LocalDate startedOn,
            LocalDate dueOn,
            boolean dueUnknown,
            LocalDate stoppedOn,
            Boolean finishedLate,
            Integer remaining,
            boolean overdue,
            String parameterCode,
            Citation basis,
            boolean extensible,
            List<String> extensionRoles,
            LocalDate provisionalDueOn) {}

    public record AttachmentView(
            long id,
            String kind,
            String kindName,
            String fileName,
            String contentType,
            long size,
            String sm3,
            String uploadedBy,
            Instant uploadedAt) {}

    public record ExtensionView(
            long id,
            long clockId,
            String clockName,
            int oldLimit,
            int newLimit,
            String reason,
            String requestedBy,
            LocalDate requestedOn,
            String status,
            String statusLabel,
            String decidedBy,
            String decisionNote,
            boolean mayDecide) {}

    /** A step the case could take next, whether the viewer may take it now and, if not, why. */
    public record ActionView(
            String code,
            String name,
            String toState,
            boolean allowed,
            List<String> problems,
            String roles,
            Citation basis,
            List<String> documents,
            int minParticipants,
            boolean decision,
            boolean notice) {}

    /** A suspension the viewer may start now: which, on what basis, how long at most. */
    public record SuspensionOption(String code, String label, Citation basis, String longest) {}

    public record CaseView(
            long id,
            String caseNumber,
            String matterTypeCode,
            String matterTypeName,
            int matterTypeVersion,
            long matterTypeVersionId,
            String communityCode,
            String communityName,
            String streetName,
            String partyName,
            String partyKind,
            String subjectRef,
            String state,
            String stateName,
            boolean suspended,
            int suspensions,
            LocalDate closedOn,
            String outcome,
            LocalDate receivedOn,
            String handler,
            String handlerName,
            String openedBy,
            Instant openedAt,
            List<ClockView> clocks,
            List<CaseEvent> timeline,
            List<AttachmentView> attachments,
            List<Decisions.DecisionView> decisions,
            List<Notices.NoticeView> notices,
            List<ExtensionView> extensions,
            List<ActionView> actions,
            boolean maySuspend,
            boolean mayResume,
            boolean mayTerminate,
            boolean mayDraft,
            boolean mayAttach,
            boolean mayExport,
            List<MatterType.DocumentKind> documentKinds,
            List<MatterType.FactDefinition> decisionFacts,
            List<MatterType.Outcome> decisionOutcomes,
            boolean decisionComputed,
            boolean noticeForbidden,
            List<SuspensionOption> suspensionOptions,
            String suspensionLabel,
            LocalDate suspendedUntil) {}

    public record CaseSummary(
            long id,
            String caseNumber,
            String matterTypeCode,
            String matterTypeName,
            String communityCode,
            String communityName,
            String partyName,
            String state,
            String stateName,
            LocalDate receivedOn,
            String handlerName,
            LocalDate nextDue,
            boolean overdue,
            boolean suspended,
            LocalDate closedOn) {}

    public record CaseFilter(String matterType, String status, String q) {}

    public record Page(List<CaseSummary> cases, long total, int page, int size) {

        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    // --- open ---------------------------------------------------------------------------------------------------

    @Transactional
    public CaseView open(NewCase input) {
        Actor actor = Actor.current();
        MatterType type = matterTypes
                .findLatest(input.matterType() == null ? "" : input.matterType())
                .orElseThrow(() -> new BusinessRuleViolation("请选择事项类型"));
        matterTypes.retirement(input.matterType()).ifPresent(r -> {
            throw new BusinessRuleViolation(
                    "事项“" + type.name() + "”已于 " + Formats.date(r.retiredOn()) + " 停止使用：" + r.reason());
        });
        actor.requireAnyRole(type.openRoles(), "登记" + type.name());
        String community =
                input.communityCode() == null ? "" : input.communityCode().strip();
        if (!community.matches("[0-9]{12}")) {
            throw new BusinessRuleViolation("请选择案件所属社区（12位社区代码）");
        }
        if (!actor.scope().covers(community)) {
            throw new AccessDeniedException("社区 " + community + " 不在您的数据范围内");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate received = input.receivedOn() == null ? today : input.receivedOn();
        if (received.isAfter(today)) {
            throw new BusinessRuleViolation("收到申请的日期不能晚于今天");
        }
        if (received.isBefore(today)
                && (input.lateReason() == null || input.lateReason().isBlank())) {
            throw new BusinessRuleViolation("收到日期早于今天（补录），须说明补录原因");
        }
        var unit = regions.find(community, received)
                .filter(u -> u.level() == RegionLevel.COMMUNITY)
                .orElseThrow(
                        () -> new BusinessRuleViolation("所选社区在" + Formats.date(received) + "不存在（区划已调整），请按当时的区划选择社区"));
        String party = input.partyName() == null ? "" : input.partyName().strip();
        if (party.isEmpty() || party.codePointCount(0, party.length()) > 100) {
            throw new BusinessRuleViolation("请填写申请人或当事人名称（不超过100字）");
        }
        String partyKind = input.partyKind() == null ? type.partyKinds().get(0) : input.partyKind();
        if (!type.partyKinds().contains(partyKind)) {
            throw new BusinessRuleViolation(
                    "本事项的当事人只能是" + ("PERSON".equals(type.partyKinds().get(0)) ? "自然人" : "法人或其他组织"));
        }
        int number = store.nextNumber("CASE", district.code(), type.casePrefix(), received.getYear());
        String caseNumber = String.format("%d-%s-%05d", received.getYear(), type.casePrefix(), number);
        Instant now = clock.instant();
        long id = store.insert(
                caseNumber, type, community, party, partyKind, blankToNull(input.subjectRef()), received, actor, now);
        CaseRecord c = store.find(id).orElseThrow();
        store.addEvent(
                new CaseStore.NewEvent(
                        id,
                        "OPENED",
                        null,
                        null,
                        type.initial(),
                        received,
                        actor,
                        true,
                        blankToNull(input.note()) == null
                                ? "登记" + type.name() + "（" + unit.name() + "）"
                                : input.note().strip(),
                        CaseActions.lateReason(input.lateReason(), received, today),
                        type.basis().isEmpty() ? null : type.basis().get(0),
                        null),
                now);
        engine.emit(c, type, MatterType.OPENED, received);
        audit.record(AuditEvent.success("CASE_OPENED", "procedure_case", id).because(type.code() + " " + caseNumber));
        events.publishEvent(new ProcedureEvents.CaseOpened(id, caseNumber, type.code(), community, c.subjectRef()));
        return view(id);
    }

    /**
     * Registration on the kernel's own screen or API: only for matter types no module owns. A type a module runs
     * (social assistance takes the household, the materials and the one-time notice with the application) is
     * registered there, and this says where.
     */
    @Transactional
    public CaseView openOnKernel(NewCase input) {
        matterTypes
                .findLatest(input.matterType() == null ? "" : input.matterType())
                .map(MatterType::openVia)
                .ifPresent(via -> {
                    throw new BusinessRuleViolation("本事项须在“" + via.label() + "”中登记，以便一并核对家庭、材料和授权");
                });
        return open(input);
    }

    // --- steps --------------------------------------------------------------------------------------------------

    @Transactional
    public CaseView perform(long caseId, String stepCode, Act act) {
        Actor actor = Actor.current();
        CaseRecord c = locked(caseId);
        MatterType type = matterTypes.byId(c.matterTypeVersionId());
        MatterType.Step step =
                type.step(stepCode).orElseThrow(() -> new NotFound("事项“" + type.name() + "”没有步骤 " + stepCode));
        actor.requireAnyRole(step.roles(), step.name());
        CaseActions.requireOpen(c);
        if (!step.from().contains(c.state())) {
            throw new BusinessRuleViolation("案件处于“" + type.stateName(c.state()) + "”，不能“" + step.name() + "”");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate on = CaseActions.actDate(act.on(), act.lateReason(), c, today);
        Set<String> participants = new LinkedHashSet<>();
        participants.add(actor.displayName());
        if (act.participants() != null) {
            act.participants().stream()
                    .filter(p -> p != null && !p.isBlank())
                    .map(String::strip)
                    .forEach(participants::add);
        }
        List<String> problems = new ArrayList<>(StepGuard.problems(type, step, facts(c, on), participants.size()));
        problems.addAll(moduleConditions(c, type, step, on));
        if (!problems.isEmpty()) {
            throw new BusinessRuleViolation("不能“" + step.name() + "”：" + String.join("；", problems));
        }
        Decisions.Issued issued = step.decision() ? decisions.issue(c, type, actor, on) : null;
        Long noticeId = step.notice() ? notices.publish(c, type, actor, on, "PUBLICITY", null) : null;
        boolean terminal = type.terminal(step.to());
        Map<String, Object> data = new LinkedHashMap<>();
        if (step.minParticipants() > 0 || participants.size() > 1) {
            data.put("participants", List.copyOf(participants));
        }
        if (issued != null) {
            data.put("decision", issued.decision().id());
            data.put("documentNumber", issued.number());
        }
        if (noticeId != null) {
            data.put("notice", noticeId);
        }
        Instant now = clock.instant();
        store.addEvent(
                new CaseStore.NewEvent(
                        c.id(),
                        "STEP",
                        step.code(),
                        c.state(),
                        step.to(),
                        on,
                        actor,
                        true,
                        blankToNull(act.note()),
                        CaseActions.lateReason(act.lateReason(), on, today),
                        step.basis(),
                        data.isEmpty() ? null : json.writeValueAsString(data)),
                now);
        store.moved(
                c.id(),
                step.to(),
                actor,
                on,
                terminal ? on : null,
                issued == null ? null : issued.decision().outcome());
        engine.emit(c, type, step.code(), on);
        if (issued != null) {
            engine.emit(c, type, step.code() + ":" + issued.decision().outcome(), on);
            if (type.disclosure() != null
                    && type.disclosure().outcomes().contains(issued.decision().outcome())) {
                notices.publish(c, type, actor, on, "RESULT", issued.number());
            }
        }
        if (terminal) {
            engine.stopAll(c, on);
        }
        audit.record(AuditEvent.success("CASE_STEP", "procedure_case", c.id()).because(step.code()));
        events.publishEvent(new ProcedureEvents.StepCompleted(
                c.id(), c.caseNumber(), type.code(), step.code(), c.state(), step.to(), on, c.subjectRef()));
        if (issued != null) {
            events.publishEvent(new ProcedureEvents.DecisionIssued(
                    c.id(),
                    c.caseNumber(),
                    type.code(),
                    issued.decision().id(),
                    issued.decision().outcome(),
                    json.readValue(issued.decision().result(), new TypeReference<Map<String, String>>() {}),
                    issued.number(),
                    on,
                    c.communityCode(),
                    c.subjectRef()));
        }
        if (terminal) {
            events.publishEvent(
                    new ProcedureEvents.CaseClosed(c.id(), c.caseNumber(), type.code(), step.to(), on, c.subjectRef()));
        }
        return view(c.id());
    }

    // --- suspension, extension, termination ----------------------------------------------------------------------

    /**
     * 中止: only a suspension the matter type declares, in the states its legal basis provides for (补正 before 受理,
     * 审核确认办法第十条; nothing in the 低保/特困 texts suspends the clocks after acceptance), stopping only the clocks it
     * names — keeping the days used — with a reason and an end. {@code maxTimes: 1} is the one-time notice (一次性告知).
     */
    @Transactional
    public CaseView suspend(long caseId, Suspension input) {
        Actor actor = Actor.current();
        CaseRecord c = locked(caseId);
        MatterType type = matterTypes.byId(c.matterTypeVersionId());
        if (type.suspensions().isEmpty()) {
            throw new BusinessRuleViolation("事项“" + type.name() + "”的期限依法不中止");
        }
        MatterType.SuspensionRule rule = type.suspension(input.kind())
                .orElseThrow(() -> new BusinessRuleViolation("事项“" + type.name() + "”没有“" + input.kind() + "”这种中止"));
        actor.requireAnyRole(rule.roles(), rule.label());
        CaseActions.requireOpen(c);
        String basisText =
                rule.basis() == null ? "" : legalBasis.cite(rule.basis()).text();
        if (!rule.states().contains(c.state())) {
            throw new BusinessRuleViolation("案件处于“" + type.stateName(c.state()) + "”，"
                    + (basisText.isEmpty() ? "" : "依" + basisText + "，")
                    + rule.label() + "只能在"
                    + String.join(
                            "、", rule.states().stream().map(type::stateName).toList()) + "阶段进行；法定期限不因此中止");
        }
        int done =
                store.suspensionsOfKind(c.id(), rule.code(), type.suspension().code());
        if (done >= rule.maxTimes()) {
            throw new BusinessRuleViolation("本案已" + rule.label() + " " + done + " 次，不能再次" + rule.label() + "（"
                    + basisText + (rule.maxTimes() == 1 ? "：应一次性告知需补正的全部内容）" : "）"));
        }
        if (input.reason() == null || input.reason().strip().length() < 2) {
            throw new BusinessRuleViolation("请写明中止的理由（需补正的内容或等待的事项）");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate on = CaseActions.actDate(input.on(), input.lateReason(), c, today);
        LocalDate longest = rule.maxDays() == null ? null : engine.end(rule.maxDays(), c, on);
        LocalDate until = input.until() == null ? longest : input.until();
        if (until == null) {
            throw new BusinessRuleViolation("请写明中止预计结束的日期（如补正材料的期限）");
        }
        if (!until.isAfter(on)) {
            throw new BusinessRuleViolation("中止的结束日期须晚于中止之日");
        }
        if (longest != null && until.isAfter(longest)) {
            throw new BusinessRuleViolation(
                    "中止最长至 " + Formats.date(longest) + "（" + rule.maxDays().text() + "）");
        }
        List<String> missing = input.missingDocuments() == null ? List.of() : input.missingDocuments();
        for (String kind : missing) {
            if (type.document(kind).isEmpty()) {
                throw new BusinessRuleViolation("未知的材料：" + kind);
            }
        }
        engine.emit(c, type, MatterType.SUSPEND, on);
        List<String> suspendedClocks = new ArrayList<>();
        for (StatutoryClock clock : store.liveClocks(c.id())) {
            MatterType.ClockRule clockRule = CaseEngine.rule(type, clock.code());
            if (clock.status() == StatutoryClock.Status.RUNNING && clockRule != null && rule.stops(clockRule)) {
                clock.suspend(on, engine.days());
                store.updateClock(clock);
                suspendedClocks.add(clock.name());
            }
        }
        store.suspended(c.id(), c.suspensions() + 1, rule.code(), until);
        Instant now = clock.instant();
        store.addEvent(
                new CaseStore.NewEvent(
                        c.id(),
                        "SUSPEND",
                        null,
                        c.state(),
                        c.state(),
                        on,
                        actor,
                        true,
                        rule.label() + "：" + input.reason().strip()
                                + (missing.isEmpty()
                                        ? ""
                                        : "（需补正："
                                                + String.join(
                                                        "、",
                                                        missing.stream()
                                                                .map(type::documentName)
                                                                .toList()) + "）")
                                + "；预计至 " + Formats.date(until)
                                + (suspendedClocks.isEmpty() ? "" : "；中止计时：" + String.join("、", suspendedClocks)),
                        CaseActions.lateReason(input.lateReason(), on, today),
                        rule.basis(),
                        json.writeValueAsString(Map.of(
                                "kind",
                                rule.code(),
                                "missing",
                                missing,
                                "clocks",
                                suspendedClocks,
                                "until",
                                until.toString()))),
                now);
        store.touched(c.id(), on);
        audit.record(
                AuditEvent.success("CASE_SUSPENDED", "procedure_case", c.id()).because(rule.code()));
        return view(c.id());
    }

    /** The materials arrived: the suspended clocks run again from this day. */
    @Transactional
    public CaseView resume(long caseId, Act act) {
        Actor actor = Actor.current();
        CaseRecord c = locked(caseId);
        MatterType type = matterTypes.byId(c.matterTypeVersionId());
        MatterType.SuspensionRule rule = type.suspension(c.suspensionKind()).orElse(null);
        if (rule == null) {
            throw new BusinessRuleViolation("事项“" + type.name() + "”没有中止");
        }
        actor.requireAnyRole(rule.roles(), "恢复计时");
        CaseActions.requireNotClosed(c);
        if (!c.suspended()) {
            throw new BusinessRuleViolation("案件没有中止");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate on = CaseActions.actDate(act.on(), act.lateReason(), c, today);
        List<String> moved = new ArrayList<>();
        for (StatutoryClock clock : store.liveClocks(c.id())) {
            if (clock.status() == StatutoryClock.Status.SUSPENDED) {
                clock.resume(
                        on,
                        engine.days(),
                        rule.resume() == null ? null : StatutoryClock.ResumeMode.valueOf(rule.resume()));
                store.updateClock(clock);
                moved.add(clock.name() + (clock.dueOn() == null ? "" : "，截止" + Formats.date(clock.dueOn())));
            }
        }
        store.suspended(c.id(), false, c.suspensions());
        Instant now = clock.instant();
        store.addEvent(
                new CaseStore.NewEvent(
                        c.id(),
                        "RESUME",
                        null,
                        c.state(),
                        c.state(),
                        on,
                        actor,
                        true,
                        rule.label() + "结束，恢复计时" + (moved.isEmpty() ? "" : "：" + String.join("；", moved))
                                + (blankToNull(act.note()) == null
                                        ? ""
                                        : "。" + act.note().strip()),
                        CaseActions.lateReason(act.lateReason(), on, today),
                        rule.basis(),
                        null),
                now);
        store.touched(c.id(), on);
        engine.emit(c, type, MatterType.RESUME, on);
        audit.record(AuditEvent.success("CASE_RESUMED", "procedure_case", c.id()));
        return view(c.id());
    }

    /** Asks for a longer limit (e.g. 30 → 45 working days, 审核确认办法第二十二条); someone with the approving role decides. */
    @Transactional
    public CaseView requestExtension(long caseId, long clockId, ExtensionRequest input) {
        Actor actor = Actor.current();
        CaseRecord c = locked(caseId);
        MatterType type = matterTypes.byId(c.matterTypeVersionId());
        CaseActions.requireNotClosed(c);
        StatutoryClock clock = store.clock(c.id(), clockId).orElseThrow(() -> new NotFound("时限不存在"));
        MatterType.ClockRule rule = CaseEngine.rule(type, clock.code());
        if (rule == null || rule.extension() == null || clock.maxLimitDays() == null) {
            throw new BusinessRuleViolation("时限“" + clock.name() + "”依法不能延长");
        }
        if (clock.status() == StatutoryClock.Status.STOPPED) {
            throw new BusinessRuleViolation("时限“" + clock.name() + "”已结束");
        }
        if (input.newLimit() == null
                || input.newLimit() <= clock.limitDays()
                || input.newLimit() > clock.maxLimitDays()) {
            throw new BusinessRuleViolation("延长后的期限须大于 " + clock.limitDays() + "、不超过 " + clock.maxLimitDays() + " 个"
                    + clock.dayType().label());
        }
        if (input.reason() == null || input.reason().strip().length() < 2) {
            throw new BusinessRuleViolation("请写明延长的理由（如公示有异议、人户分离、调查核实困难）");
        }
        if (store.extensions(c.id()).stream().anyMatch(e -> e.clockId() == clockId && "PENDING".equals(e.status()))) {
            throw new BusinessRuleViolation("已有待批准的延长申请");
        }
        LocalDate today = LocalDate.now(this.clock);
        long id = store.requestExtension(
                clockId,
                c.id(),
                input.newLimit(),
                clock.limitDays(),
                input.reason().strip(),
                actor,
                today);
        store.addEvent(
                new CaseStore.NewEvent(
                        c.id(),
                        "EXTENSION_REQUESTED",
                        null,
                        c.state(),
                        c.state(),
                        today,
                        actor,
                        true,
                        "申请将“" + clock.name() + "”由 " + clock.limitDays() + " 延长至 " + input.newLimit() + " 个"
                                + clock.dayType().label() + "：" + input.reason().strip(),
                        null,
                        rule.extension().basis(),
                        json.writeValueAsString(Map.of("extension", id))),
                this.clock.instant());
        audit.record(AuditEvent.success("CLOCK_EXTENSION_REQUESTED", "procedure_case", c.id())
                .because("extension " + id));
        return view(c.id());
    }

    @Transactional
    public CaseView decideExtension(long extensionId, boolean approve, String note) {
        Actor actor = Actor.current();
        CaseStore.Extension request =
                store.extension(extensionId).orElseThrow(() -> new NotFound("延长申请不存在，或不在您的数据范围内"));
        CaseRecord c = locked(request.caseId());
        MatterType type = matterTypes.byId(c.matterTypeVersionId());
        StatutoryClock clock = store.clock(c.id(), request.clockId()).orElseThrow();
        MatterType.ClockRule rule = CaseEngine.rule(type, clock.code());
        actor.requireAnyRole(rule.extension().roles(), "批准延长“" + clock.name() + "”");
        if (!"PENDING".equals(request.status())) {
            throw new BusinessRuleViolation("该延长申请已经处理");
        }
        if (request.requestedBy().equals(actor.username())) {
            throw new BusinessRuleViolation("申请延长的人不能批准自己的申请");
        }
        if (!approve && (note == null || note.isBlank())) {
            throw new BusinessRuleViolation("不批准时请说明理由");
        }
        LocalDate today = LocalDate.now(this.clock);
        if (approve) {
            clock.extend(request.newLimit(), engine.days());
            store.updateClock(clock);
        }
        store.decideExtension(
                extensionId, approve ? "APPROVED" : "REFUSED", actor, this.clock.instant(), blankToNull(note));
        store.addEvent(
                new CaseStore.NewEvent(
                        c.id(),
                        approve ? "EXTENSION_APPROVED" : "EXTENSION_REFUSED",
                        null,
                        c.state(),
                        c.state(),
                        today,
                        actor,
                        true,
                        (approve
                                        ? "批准将“" + clock.name() + "”延长至 " + request.newLimit() + " 个"
                                                + clock.dayType().label()
                                                + (clock.dueOn() == null ? "" : "，截止" + Formats.date(clock.dueOn()))
                                        : "不批准延长")
                                + (blankToNull(note) == null ? "" : "：" + note.strip()),
                        null,
                        rule.extension().basis(),
                        json.writeValueAsString(Map.of("extension", extensionId))),
                this.clock.instant());
        audit.record(
                AuditEvent.success(approve ? "CLOCK_EXTENDED" : "CLOCK_EXTENSION_REFUSED", "procedure_case", c.id())
                        .because("extension " + extensionId));
        return view(c.id());
    }

    /** 终止: the case ends without a decision (e.g. the applicant does not cooperate, 审核确认办法第二十九条). */
    @Transactional
    public CaseView terminate(long caseId, Act act) {
        Actor actor = Actor.current();
        CaseRecord c = locked(caseId);
        MatterType type = matterTypes.byId(c.matterTypeVersionId());
        MatterType.TerminationRule rule = type.termination();
        if (rule == null) {
            throw new BusinessRuleViolation("事项“" + type.name() + "”没有终止程序");
        }
        actor.requireAnyRole(rule.roles(), "终止办理");
        CaseActions.requireNotClosed(c);
        if (act.note() == null || act.note().strip().length() < 2) {
            throw new BusinessRuleViolation("请写明终止的理由");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate on = CaseActions.actDate(act.on(), act.lateReason(), c, today);
        decisionRows.live(c.id()).ifPresent(d -> decisionRows.status(d.id(), "WITHDRAWN"));
        notices.withdrawAll(c, actor, on);
        engine.stopAll(c, on);
        store.suspended(c.id(), false, c.suspensions());
        store.addEvent(
                new CaseStore.NewEvent(
                        c.id(),
                        "TERMINATE",
                        null,
                        c.state(),
                        MatterType.TERMINATED,
                        on,
                        actor,
                        true,
                        act.note().strip(),
                        CaseActions.lateReason(act.lateReason(), on, today),
                        rule.basis(),
                        null),
                clock.instant());
        store.moved(c.id(), MatterType.TERMINATED, actor, on, on, "TERMINATED");
        audit.record(AuditEvent.success("CASE_TERMINATED", "procedure_case", c.id()));
        events.publishEvent(new ProcedureEvents.CaseClosed(
                c.id(), c.caseNumber(), type.code(), MatterType.TERMINATED, on, c.subjectRef()));
        return view(c.id());
    }

    // --- attachments ----------------------------------------------------------------------------------------------

    /**
     * Attaches a document to the case (全过程记录): stored under its SM3 hash; the file name is kept only as a label.
     * {@code kind} is one of the matter type's documents, or {@code OTHER}.
     */
    @PreAuthorize("hasAnyRole('DISTRICT_LEADER', 'DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER')")
    @Transactional
    public AttachmentView attach(long caseId, String kind, String fileName, InputStream content, String note) {
        Actor actor = Actor.current();
        CaseRecord c = locked(caseId);
        MatterType type = matterTypes.byId(c.matterTypeVersionId());
        CaseActions.requireNotClosed(c);
        if (kind == null || (!"OTHER".equals(kind) && type.document(kind).isEmpty())) {
            throw new BusinessRuleViolation("请选择材料类别");
        }
        FileStore.Stored stored = files.put(content);
        if (stored.size() == 0) {
            throw new BusinessRuleViolation("上传的文件是空的");
        }
        ContentTypes.Kind detected = ContentTypes.sniff(stored.head());
        String label = cleanName(fileName, detected.extension());
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        long eventId = store.addEvent(
                new CaseStore.NewEvent(
                        c.id(),
                        "ATTACH",
                        null,
                        c.state(),
                        c.state(),
                        today,
                        actor,
                        true,
                        ("OTHER".equals(kind) ? "其他材料" : type.documentName(kind)) + "：" + label
                                + (blankToNull(note) == null ? "" : "（" + note.strip() + "）"),
                        null,
                        null,
                        json.writeValueAsString(Map.of("sm3", stored.sm3(), "size", stored.size()))),
                now);
        long id = jdbc.sql("""
                        insert into case_attachment (case_id, kind, file_name, content_type, size_bytes, sm3, event_id,
                            uploaded_by, uploaded_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                        """)
                .params(
                        c.id(),
                        kind,
                        label,
                        detected.contentType(),
                        stored.size(),
                        stored.sm3(),
                        eventId,
                        actor.username(),
                        Timestamp.from(now))
                .query(Long.class)
                .single();
        audit.record(AuditEvent.success("CASE_ATTACHMENT_ADDED", "procedure_case", c.id())
                .because("attachment " + id + " sm3 " + stored.sm3()));
        return attachments(c.id(), type).stream()
                .filter(a -> a.id() == id)
                .findFirst()
                .orElseThrow();
    }

    public record Download(AttachmentView attachment, byte[] content) {}

    @Transactional
    public Download attachment(long attachmentId) {
        record Row(long caseId) {}
        Row row = jdbc.sql("select case_id from case_attachment where id = ?")
                .param(attachmentId)
                .query(Row.class)
                .optional()
                .orElseThrow(() -> new NotFound("附件不存在，或不在您的数据范围内"));
        CaseRecord c = store.find(row.caseId()).orElseThrow(() -> new NotFound("附件不存在，或不在您的数据范围内"));
        MatterType type = matterTypes.byId(c.matterTypeVersionId());
        AttachmentView view = attachments(c.id(), type).stream()
                .filter(a -> a.id() == attachmentId)
                .findFirst()
                .orElseThrow();
        byte[] content = files.read(view.sm3());
        audit.record(AuditEvent.success("CASE_ATTACHMENT_READ", "procedure_case", c.id())
                .because("attachment " + attachmentId));
        return new Download(view, content);
    }

    // --- reading --------------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public CaseView view(long caseId) {
        CaseRecord c = store.find(caseId).orElseThrow(() -> new NotFound("案件不存在，或不在您的数据范围内"));
        return view(c);
    }

    @Transactional(readOnly = true)
    public Page list(CaseFilter filter, int page, int size) {
        Actor actor = Actor.current();
        LocalDate today = LocalDate.now(clock);
        StringBuilder where = new StringBuilder(" where starts_with(c.community_code, :scope)");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("scope", actor.scope().code());
        params.put("today", today);
        if (filter.matterType() != null && !filter.matterType().isBlank()) {
            where.append(" and c.matter_type_code = :type");
            params.put("type", filter.matterType().strip());
        }
        String status = filter.status() == null ? "OPEN" : filter.status();
        switch (status) {
            case "OPEN" -> where.append(" and c.closed_on is null");
            case "CLOSED" -> where.append(" and c.closed_on is not null");
            case "SUSPENDED" -> where.append(" and c.suspended");
            case "OVERDUE" ->
                where.append(" and c.closed_on is null and exists (select 1 from case_clock k"
                        + " where k.case_id = c.id and k.status = 'RUNNING' and k.due_on < :today)");
            default -> {}
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            where.append(" and (c.case_number ilike :q or c.party_name ilike :q)");
            params.put(
                    "q",
                    "%"
                            + filter.q()
                                    .strip()
                                    .replace("\\", "\\\\")
                                    .replace("%", "\\%")
                                    .replace("_", "\\_") + "%");
        }
        long total = jdbc.sql("select count(*) from procedure_case c" + where)
                .params(params)
                .query(Long.class)
                .single();
        params.put("limit", size);
        params.put("offset", (long) Math.max(0, page) * size);
        List<CaseSummary> rows = jdbc.sql(
                        """
                        select c.*, (select min(k.due_on) from case_clock k where k.case_id = c.id and k.status = 'RUNNING')
                            as next_due
                        from procedure_case c
                        """ + where
                                + " order by c.closed_on nulls first, next_due nulls last, c.id desc limit :limit offset :offset")
                .params(params)
                .query((rs, n) -> {
                    CaseRecord c = CaseStore.map(rs);
                    LocalDate due = rs.getObject("next_due", LocalDate.class);
                    MatterType type = matterTypes.byId(c.matterTypeVersionId());
                    return new CaseSummary(
                            c.id(),
                            c.caseNumber(),
                            type.code(),
                            type.name(),
                            c.communityCode(),
                            scopeNames.nameOf(c.communityCode()),
                            c.partyName(),
                            c.state(),
                            type.stateName(c.state()),
                            c.receivedOn(),
                            c.handlerName(),
                            due,
                            due != null && today.isAfter(due),
                            c.suspended(),
                            c.closedOn());
                })
                .list();
        return new Page(rows, total, page, size);
    }

    // --- internals ------------------------------------------------------------------------------------------------

    private CaseRecord locked(long caseId) {
        return store.lock(caseId).orElseThrow(() -> new NotFound("案件不存在，或不在您的数据范围内"));
    }

    /** The preconditions the modules owning this matter type add (see {@link StepConditions}). */
    private List<String> moduleConditions(CaseRecord c, MatterType type, MatterType.Step step, LocalDate on) {
        List<String> problems = new ArrayList<>();
        StepConditions.CaseRef ref = new StepConditions.CaseRef(
                c.id(), c.caseNumber(), type.code(), c.communityCode(), c.state(), c.subjectRef());
        for (StepConditions condition : conditions) {
            if (condition.appliesTo(type.code())) {
                problems.addAll(condition.problems(ref, step.code(), on));
            }
        }
        return problems;
    }

    private StepGuard.Facts facts(CaseRecord c, LocalDate today) {
        Set<String> kinds = new LinkedHashSet<>(jdbc.sql("select distinct kind from case_attachment where case_id = ?")
                .param(c.id())
                .query(String.class)
                .list());
        Optional<Notices.Latest> latest = notices.latestPublicity(c.id());
        Optional<DecisionRow> live = decisionRows.live(c.id());
        Set<String> steps = new LinkedHashSet<>(
                jdbc.sql("select distinct step_code from case_event where case_id = ? and kind = 'STEP'")
                        .param(c.id())
                        .query(String.class)
                        .list());
        Map<String, StatutoryClock> clocks = new LinkedHashMap<>();
        store.clocks(c.id()).forEach(k -> clocks.merge(k.code(), k, (a, b) -> b.id() > a.id() ? b : a));
        // 集体讨论 after the latest draft: a discussion of an earlier draft does not cover a new one
        boolean discussed = live.isPresent()
                && jdbc.sql("""
                                        select count(*) from case_event e
                                        where e.case_id = ? and e.kind = 'STEP' and e.step_code = any(?)
                                          and e.seq > (select max(d.seq) from case_event d
                                                       where d.case_id = e.case_id and d.kind = 'DECISION_DRAFTED')
                                        """)
                                .params(c.id(), discussionSteps(c))
                                .query(Long.class)
                                .single()
                        > 0;
        return new StepGuard.Facts(
                kinds,
                latest,
                live.isPresent(),
                today,
                steps,
                clocks,
                live.map(DecisionRow::major).orElse(false),
                discussed);
    }

    /** The matter type's 集体讨论 steps, as a typed array parameter (empty when the type has none). */
    private String[] discussionSteps(CaseRecord c) {
        return matterTypes.byId(c.matterTypeVersionId()).steps().stream()
                .filter(MatterType.Step::discussion)
                .map(MatterType.Step::code)
                .toArray(String[]::new);
    }

    CaseView view(CaseRecord c) {
        Actor actor = Actor.current();
        MatterType type = matterTypes.byId(c.matterTypeVersionId());
        LocalDate today = LocalDate.now(clock);
        StepGuard.Facts facts = facts(c, today);
        List<ActionView> actions = new ArrayList<>();
        if (!c.closed()) {
            for (MatterType.Step step : type.stepsFrom(c.state())) {
                List<String> problems = new ArrayList<>();
                if (!actor.hasAnyRole(step.roles())) {
                    problems.add("须由" + Roles.labels(step.roles()) + "办理");
                }
                if (c.suspended()) {
                    problems.add("案件中止中（等待补正材料）");
                }
                problems.addAll(StepGuard.problems(type, step, facts, -1));
                problems.addAll(moduleConditions(c, type, step, today));
                actions.add(new ActionView(
                        step.code(),
                        step.name(),
                        type.stateName(step.to()),
                        problems.isEmpty(),
                        problems,
                        Roles.labels(step.roles()),
                        step.basis() == null
                                ? null
                                : legalBasis.find(step.basis()).orElse(null),
                        step.documents().stream().map(type::documentName).toList(),
                        step.minParticipants(),
                        step.decision(),
                        step.notice()));
            }
        }
        List<CaseStore.Extension> extensions = store.extensions(c.id());
        List<StatutoryClock> clocks = store.clocks(c.id());
        Map<Long, StatutoryClock> byId = new LinkedHashMap<>();
        clocks.forEach(k -> byId.put(k.id(), k));
        boolean open = !c.closed();
        List<SuspensionOption> suspensionOptions = new ArrayList<>();
        if (open && !c.suspended()) {
            for (MatterType.SuspensionRule s : type.suspensions()) {
                if (s.states().contains(c.state())
                        && actor.hasAnyRole(s.roles())
                        && store.suspensionsOfKind(
                                        c.id(), s.code(), type.suspension().code())
                                < s.maxTimes()) {
                    suspensionOptions.add(new SuspensionOption(
                            s.code(),
                            s.label(),
                            s.basis() == null
                                    ? null
                                    : legalBasis.find(s.basis()).orElse(null),
                            s.maxDays() == null ? null : s.maxDays().text()));
                }
            }
        }
        MatterType.SuspensionRule running =
                c.suspended() ? type.suspension(c.suspensionKind()).orElse(null) : null;
        return new CaseView(
                c.id(),
                c.caseNumber(),
                type.code(),
                type.name(),
                type.version(),
                type.id(),
                c.communityCode(),
                scopeNames.nameOf(c.communityCode()),
                scopeNames.nameOf(c.streetCode()),
                c.partyName(),
                c.partyKind(),
                c.subjectRef(),
                c.state(),
                type.stateName(c.state()),
                c.suspended(),
                c.suspensions(),
                c.closedOn(),
                c.outcome(),
                c.receivedOn(),
                c.handler(),
                c.handlerName(),
                c.openedBy(),
                c.openedAt(),
                clocks.stream().map(k -> clockView(k, type, actor, today)).toList(),
                store.events(c.id(), type),
                attachments(c.id(), type),
                decisionRows.ofCase(c.id()).stream()
                        .map(d -> decisions.view(d, c, type))
                        .toList(),
                notices.ofCase(c.id()),
                extensions.stream()
                        .map(e -> {
                            StatutoryClock k = byId.get(e.clockId());
                            MatterType.ClockRule rule = k == null ? null : CaseEngine.rule(type, k.code());
                            boolean mayDecide = "PENDING".equals(e.status())
                                    && rule != null
                                    && rule.extension() != null
                                    && actor.hasAnyRole(rule.extension().roles())
                                    && !e.requestedBy().equals(actor.username());
                            return new ExtensionView(
                                    e.id(),
                                    e.clockId(),
                                    k == null ? "" : k.name(),
                                    e.oldLimit(),
                                    e.newLimit(),
                                    e.reason(),
                                    e.requestedBy(),
                                    e.requestedOn(),
                                    e.status(),
                                    switch (e.status()) {
                                        case "PENDING" -> "待批准";
                                        case "APPROVED" -> "已批准";
                                        default -> "未批准";
                                    },
                                    e.decidedBy(),
                                    e.decisionNote(),
                                    mayDecide);
                        })
                        .toList(),
                actions,
                !suspensionOptions.isEmpty(),
                open && running != null && actor.hasAnyRole(running.roles()),
                open
                        && type.termination() != null
                        && actor.hasAnyRole(type.termination().roles()),
                open
                        && !c.suspended()
                        && type.decision() != null
                        && actor.hasAnyRole(type.decision().drafterRoles())
                        && type.decision().draftIn().contains(c.state()),
                open
                        && actor.hasAnyRole(
                                List.of("DISTRICT_LEADER", "DEPARTMENT_OFFICER", "STREET_OFFICER", "COMMUNITY_WORKER")),
                actor.hasAnyRole(EvidencePackages.ROLES),
                type.documents(),
                type.decision() == null ? List.of() : type.decision().facts(),
                type.decision() == null ? List.of() : type.decision().outcomes(),
                type.decision() != null && type.decision().computation() != null,
                type.notice() != null && type.notice().forbidden(),
                suspensionOptions,
                running == null ? null : running.label(),
                c.suspended() ? c.suspendedUntil() : null);
    }

    private ClockView clockView(StatutoryClock k, MatterType type, Actor actor, LocalDate today) {
        MatterType.ClockRule rule = CaseEngine.rule(type, k.code());
        boolean extensible = k.status() != StatutoryClock.Status.STOPPED
                && k.maxLimitDays() != null
                && k.limitDays() < k.maxLimitDays();
        return new ClockView(
                k.id(),
                k.code(),
                k.name(),
                k.status().name(),
                switch (k.status()) {
                    case RUNNING -> "计时中";
                    case SUSPENDED -> "中止（补正）";
                    case STOPPED -> Boolean.TRUE.equals(k.finishedLate()) ? "已结束（超期）" : "已结束";
                },
                k.dayType().name(),
                k.dayType().label(),
                k.limitDays(),
                k.maxLimitDays(),
                k.consumedDays(),
                k.startedOn(),
                k.dueOn(),
                k.status() == StatutoryClock.Status.RUNNING && k.dueOn() == null,
                k.stoppedOn(),
                k.finishedLate(),
                k.remaining(today, engine.days()),
                k.overdueOn(today),
                k.parameterCode(),
                k.basis() == null ? null : legalBasis.find(k.basis()).orElse(null),
                extensible,
                rule == null || rule.extension() == null
                        ? List.of()
                        : rule.extension().roles(),
                k.provisionalDue(engine.days()));
    }

    private List<AttachmentView> attachments(long caseId, MatterType type) {
        return jdbc.sql("select * from case_attachment where case_id = ? order by id")
                .param(caseId)
                .query((rs, n) -> {
                    String kind = rs.getString("kind");
                    return new AttachmentView(
                            rs.getLong("id"),
                            kind,
                            "OTHER".equals(kind) ? "其他材料" : type.documentName(kind),
                            rs.getString("file_name"),
                            rs.getString("content_type"),
                            rs.getLong("size_bytes"),
                            rs.getString("sm3"),
                            rs.getString("uploaded_by"),
                            rs.getTimestamp("uploaded_at").toInstant());
                })
                .list();
    }

    /** A display label for an uploaded file: its name without any path, control characters or odd length. */
    static String cleanName(String fileName, String extension) {
        String name = fileName == null ? "" : fileName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder();
        name.codePoints().filter(cp -> !Character.isISOControl(cp)).limit(80).forEach(clean::appendCodePoint);
        String result = clean.toString().strip();
        // named by what it is, whatever the uploader called it: a.html holding an MP3 is downloaded as a.mp3
        return cn.minzheng.platform.files.UploadNames.withExtension(result.isEmpty() ? "附件" : result, extension);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
