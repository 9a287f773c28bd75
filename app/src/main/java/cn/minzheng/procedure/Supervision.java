package cn.minzheng.procedure;

import cn.minzheng.calendar.CalendarUnknown;
import cn.minzheng.calendar.DayType;
import cn.minzheng.platform.ScopeNames;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 督办与待办: statutory clocks in the viewer's scope, summed up by unit (street) and by the person handling the case,
 * with every overdue clock named. 不作为 (inaction): a clock ran out and nothing was done on the case since it started;
 * 慢作为 (slow action): a clock ran out although the case was being worked on, or a clock was stopped after its
 * deadline (finished late, counted over the last {@value #LATE_WINDOW_DAYS} days). And each person's to-do list: the
 * work that waits for them, with its due date.
 */
@Service
public class Supervision {

    static final int LATE_WINDOW_DAYS = 90;

    private final JdbcClient jdbc;
    private final CaseStore cases;
    private final DecisionStore decisions;
    private final MatterTypes matterTypes;
    private final Parameters parameters;
    private final Days days;
    private final ScopeNames scopeNames;
    private final Clock clock;

    Supervision(
            JdbcClient jdbc,
            CaseStore cases,
            DecisionStore decisions,
            MatterTypes matterTypes,
            Parameters parameters,
            Days days,
            ScopeNames scopeNames,
            Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.decisions = decisions;
        this.matterTypes = matterTypes;
        this.parameters = parameters;
        this.days = days;
        this.scopeNames = scopeNames;
        this.clock = clock;
    }

    public record Counts(long running, long dueSoon, long overdue, long inaction, long slowAction, long finishedLate) {}

    public record UnitRow(String unitCode, String unitName, Counts counts) {}

    public record PersonRow(String handler, String handlerName, Counts counts) {}

    public record OverdueItem(
            long caseId,
            String caseNumber,
            String matterTypeName,
            String clockName,
            LocalDate dueOn,
            int overdueDays,
            String overdueDayType,
            String kind,
            String handlerName,
            String unitName,
            LocalDate lastActionOn) {}

    public record LateItem(
            long caseId,
            String caseNumber,
            String matterTypeName,
            String clockName,
            LocalDate dueOn,
            LocalDate stoppedOn,
            String handlerName,
            String unitName) {}

    public record Board(
            LocalDate today,
            LocalDate dueSoonUntil,
            Counts totals,
            List<UnitRow> byUnit,
            List<PersonRow> byPerson,
            List<OverdueItem> overdue,
            List<LateItem> finishedLate,
            long deadlinesWaitingForCalendar) {}

    private record ClockRow(
            long caseId,
            String caseNumber,
            long versionId,
            String communityCode,
            String handler,
            String handlerName,
            String name,
            String status,
            String dayType,
            LocalDate startedOn,
            LocalDate dueOn,
            LocalDate stoppedOn,
            Boolean finishedLate,
            LocalDate lastActionOn) {}

    @PreAuthorize("hasAnyRole('DISTRICT_LEADER', 'DEPARTMENT_OFFICER', 'LEGAL_REVIEWER', 'STREET_OFFICER')")
    @Transactional(readOnly = true)
    public Board board() {
        Actor actor = Actor.current();
        LocalDate today = LocalDate.now(clock);
        LocalDate soon = dueSoonUntil(today, actor.scope().code());
        List<ClockRow> rows = jdbc.sql("""
                        select c.id as case_id, c.case_number, c.matter_type_version_id as version_id, c.community_code,
                            c.handler, c.handler_name, k.name, k.status, k.day_type, k.started_on, k.due_on,
                            k.stopped_on, k.finished_late,
                            (select max(e.occurred_on) from case_event e
                             where e.case_id = c.id and e.handling and e.occurred_on > k.started_on
                               and e.kind in ('STEP', 'SUSPEND', 'RESUME', 'DECISION_DRAFTED', 'REVIEW_REQUESTED',
                                              'OBJECTION_RESOLVED', 'EXTENSION_REQUESTED')) as last_action_on
                        from case_clock k join procedure_case c on c.id = k.case_id
                        where starts_with(c.community_code, :scope)
                          and (k.status = 'RUNNING' or (k.status = 'STOPPED' and k.finished_late and k.stopped_on >= :since))
                        order by k.due_on nulls last
                        """)
                .param("scope", actor.scope().code())
                .param("since", today.minusDays(LATE_WINDOW_DAYS))
                .query(ClockRow.class)
                .list();
        Map<String, Tally> units = new LinkedHashMap<>();
        Map<String, Tally> people = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        Tally total = new Tally();
        List<OverdueItem> overdue = new ArrayList<>();
        List<LateItem> late = new ArrayList<>();
        long waiting = 0;
        for (ClockRow r : rows) {
            String unit = r.communityCode().substring(0, 9);
            Tally u = units.computeIfAbsent(unit, k -> new Tally());
            Tally p = people.computeIfAbsent(r.handler(), k -> new Tally());
            names.put(r.handler(), r.handlerName());
            String matterType = matterTypes.byId(r.versionId()).name();
            if ("STOPPED".equals(r.status())) {
                for (Tally t : List.of(total, u, p)) {
                    t.finishedLate++;
                    t.slowAction++;
                }
                late.add(new LateItem(
                        r.caseId(),
                        r.caseNumber(),
                        matterType,
                        r.name(),
                        r.dueOn(),
                        r.stoppedOn(),
                        r.handlerName(),
                        scopeNames.nameOf(unit)));
                continue;
            }
            for (Tally t : List.of(total, u, p)) {
                t.running++;
            }
            if (r.dueOn() == null) {
                waiting++;
                continue;
            }
            if (today.isAfter(r.dueOn())) {
                boolean inaction = r.lastActionOn() == null;
                for (Tally t : List.of(total, u, p)) {
                    t.overdue++;
                    if (inaction) {
                        t.inaction++;
                    } else {
                        t.slowAction++;
                    }
                }
                DayType type = DayType.valueOf(r.dayType());
                overdue.add(new OverdueItem(
                        r.caseId(),
                        r.caseNumber(),
                        matterType,
                        r.name(),
                        r.dueOn(),
                        overdueDays(r.dueOn(), today, type),
                        type.label(),
                        inaction ? "不作为" : "慢作为",
                        r.handlerName(),
                        scopeNames.nameOf(unit),
                        r.lastActionOn()));
            } else if (!r.dueOn().isAfter(soon)) {
                for (Tally t : List.of(total, u, p)) {
                    t.dueSoon++;
                }
            }
        }
        List<UnitRow> byUnit = units.entrySet().stream()
                .map(e -> new UnitRow(
                        e.getKey(), scopeNames.nameOf(e.getKey()), e.getValue().counts()))
                .sorted(Comparator.comparingLong((UnitRow u) -> -u.counts().overdue())
                        .thenComparing(UnitRow::unitCode))
                .toList();
        List<PersonRow> byPerson = people.entrySet().stream()
                .map(e -> new PersonRow(
                        e.getKey(), names.get(e.getKey()), e.getValue().counts()))
                .sorted(Comparator.comparingLong((PersonRow p) -> -p.counts().overdue())
                        .thenComparing(PersonRow::handler))
                .toList();
        overdue.sort(Comparator.comparingInt(OverdueItem::overdueDays).reversed());
        return new Board(today, soon, total.counts(), byUnit, byPerson, overdue, late, waiting);
    }

    public record TodoItem(
            String kind,
            String kindLabel,
            String title,
            Long caseId,
            String caseNumber,
            String link,
            LocalDate dueOn,
            boolean overdue,
            boolean dueSoon,
            String note) {}

    /** The work waiting for the signed-in person, most urgent first. */
    @PreAuthorize(
            "hasAnyRole('DISTRICT_LEADER', 'DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER', 'LEGAL_REVIEWER')")
    @Transactional(readOnly = true)
    public List<TodoItem> todo() {
        Actor actor = Actor.current();
        LocalDate today = LocalDate.now(clock);
        LocalDate soon = dueSoonUntil(today, actor.scope().code());
        List<TodoItem> items = new ArrayList<>();
        List<CaseRecord> open = jdbc.sql("""
                        select * from procedure_case where closed_on is null and starts_with(community_code, ?)
                        order by id limit 1000
                        """)
                .param(actor.scope().code())
                .query((rs, n) -> CaseStore.map(rs))
                .list();
        for (CaseRecord c : open) {
            MatterType type = matterTypes.byId(c.matterTypeVersionId());
            LocalDate due = cases.liveClocks(c.id()).stream()
                    .filter(k -> k.status() == StatutoryClock.Status.RUNNING && k.dueOn() != null)
                    .map(StatutoryClock::dueOn)
                    .min(Comparator.naturalOrder())
                    .orElse(null);
            String title = c.caseNumber() + " " + type.name();
            String link = "/procedure/cases/" + c.id();
            if (c.suspended()) {
                MatterType.SuspensionRule running =
                        type.suspension(c.suspensionKind()).orElse(type.suspension());
                if (running != null && actor.hasAnyRole(running.roles())) {
                    // each suspension has an end: past it, the case is due for a decision (resume or terminate)
                    items.add(item(
                            "WAITING",
                            running.label(),
                            title,
                            c,
                            link,
                            c.suspendedUntil(),
                            today,
                            soon,
                            c.suspendedUntil() != null && today.isAfter(c.suspendedUntil())
                                    ? "中止期限已过：请登记恢复计时，或依法终止办理"
                                    : "等待的事项结束后登记恢复计时"));
                }
                continue;
            }
            List<String> steps = type.stepsFrom(c.state()).stream()
                    .filter(s -> actor.hasAnyRole(s.roles()))
                    .map(MatterType.Step::name)
                    .toList();
            if (!steps.isEmpty()) {
                items.add(item("STEP", "待办理", title, c, link, due, today, soon, String.join("、", steps)));
            }
            var live = decisions.live(c.id());
            if (live.isPresent()
                    && live.get().major()
                    && "DRAFT".equals(live.get().status())
                    && actor.hasAnyRole(type.decision().drafterRoles())) {
                items.add(item("SUBMIT_REVIEW", "待提请法制审核", title, c, link, due, today, soon, "重大执法决定须经法制审核"));
            }
            if (live.isEmpty()
                    && type.decision() != null
                    && type.decision().draftIn().contains(c.state())
                    && actor.hasAnyRole(type.decision().drafterRoles())) {
                decisions.ofCase(c.id()).stream()
                        .findFirst()
                        .filter(d -> "RETURNED".equals(d.status()))
                        .ifPresent(d -> items.add(
                                item("RETURNED", "法制审核退回", title, c, link, due, today, soon, "请按审核意见修改后重新起草")));
            }
        }
        if (actor.has("LEGAL_REVIEWER")) {
            for (DecisionRow d : decisions.waitingForReview()) {
                CaseRecord c = cases.find(d.caseId()).orElse(null);
                if (c == null || cases.handledBy(c.id(), actor.username())) {
                    continue;
                }
                MatterType type = matterTypes.byId(c.matterTypeVersionId());
                LocalDate due = cases.liveClocks(c.id()).stream()
                        .map(StatutoryClock::dueOn)
                        .filter(java.util.Objects::nonNull)
                        .min(Comparator.naturalOrder())
                        .orElse(null);
                items.add(item(
                        "REVIEW",
                        "待法制审核",
                        c.caseNumber() + " " + type.name(),
                        c,
                        "/procedure/reviews/" + d.id(),
                        due,
                        today,
                        soon,
                        "第 " + d.revision() + " 稿"));
            }
        }
        for (CaseStore.Extension e : cases.pendingExtensions()) {
            CaseRecord c = cases.find(e.caseId()).orElse(null);
            if (c == null || e.requestedBy().equals(actor.username())) {
                continue;
            }
            MatterType type = matterTypes.byId(c.matterTypeVersionId());
            StatutoryClock k = cases.clock(c.id(), e.clockId()).orElse(null);
            MatterType.ClockRule rule = k == null ? null : CaseEngine.rule(type, k.code());
            if (rule != null
                    && rule.extension() != null
                    && actor.hasAnyRole(rule.extension().roles())) {
                items.add(item(
                        "EXTENSION",
                        "待批准延长期限",
                        c.caseNumber() + " " + type.name(),
                        c,
                        "/procedure/cases/" + c.id(),
                        k.dueOn(),
                        today,
                        soon,
                        k.name() + "：" + e.oldLimit() + " → " + e.newLimit() + " 个"
                                + k.dayType().label()));
            }
        }
        if (actor.hasAnyRole(Set.of("STREET_OFFICER", "DEPARTMENT_OFFICER"))) {
            record Open(long caseId, long noticeId, LocalDate periodEnd) {}
            List<Open> objections =
                    jdbc.sql("""
                            select distinct o.case_id, o.notice_id, n.period_end from notice_objection o
                            join public_notice n on n.id = o.notice_id
                            join procedure_case c on c.id = o.case_id
                            where o.status = 'OPEN' and starts_with(c.community_code, ?)
                            """).param(actor.scope().code()).query(Open.class).list();
            for (Open o : objections) {
                CaseRecord c = cases.find(o.caseId()).orElse(null);
                if (c != null) {
                    items.add(item(
                            "OBJECTION",
                            "待处理公示异议",
                            c.caseNumber() + " "
                                    + matterTypes.byId(c.matterTypeVersionId()).name(),
                            c,
                            "/procedure/cases/" + c.id(),
                            null,
                            today,
                            soon,
                            "公示期至 " + o.periodEnd()));
                }
            }
        }
        if (actor.has("DISTRICT_LEADER")) {
            for (ParameterValue p : parameters.pending()) {
                if (!p.proposedBy().equals(actor.username())) {
                    items.add(new TodoItem(
                            "PARAMETER",
                            "待批准参数",
                            p.name() + "：" + p.text() + "（" + p.effectiveFrom() + " 起）",
                            null,
                            null,
                            "/procedure/parameters/" + p.code(),
                            null,
                            false,
                            false,
                            p.reason()));
                }
            }
        }
        items.sort(Comparator.comparing((TodoItem i) -> !i.overdue())
                .thenComparing(TodoItem::dueOn, Comparator.nullsLast(Comparator.naturalOrder())));
        return items;
    }

    /** How many overdue clocks there are in the viewer's scope (home page figure). */
    @Transactional(readOnly = true)
    public long overdueCount() {
        Actor actor = Actor.current();
        return jdbc.sql("""
                        select count(*) from case_clock k join procedure_case c on c.id = k.case_id
                        where starts_with(c.community_code, ?) and k.status = 'RUNNING' and k.due_on < ?
                        """)
                .params(actor.scope().code(), LocalDate.now(clock))
                .query(Long.class)
                .single();
    }

    private static TodoItem item(
            String kind,
            String label,
            String title,
            CaseRecord c,
            String link,
            LocalDate due,
            LocalDate today,
            LocalDate soon,
            String note) {
        boolean overdue = due != null && today.isAfter(due);
        boolean dueSoon = due != null && !overdue && !due.isAfter(soon);
        return new TodoItem(kind, label, title, c.id(), c.caseNumber(), link, due, overdue, dueSoon, note);
    }

    private LocalDate dueSoonUntil(LocalDate today, String scope) {
        int window = parameters
                .find("PROCEDURE_DUE_SOON_WD", scope, today)
                .map(ParameterValue::days)
                .orElse(3);
        try {
            return days.deadline(today, window, DayType.WORKING);
        } catch (CalendarUnknown e) {
            return today.plusDays(window + 2L);
        }
    }

    private int overdueDays(LocalDate due, LocalDate today, DayType type) {
        try {
            return days.elapsed(due, today, type);
        } catch (CalendarUnknown e) {
            return (int) ChronoUnit.DAYS.between(due, today);
        }
    }

    private static final class Tally {
        long running;
        long dueSoon;
        long overdue;
        long inaction;
        long slowAction;
        long finishedLate;

        Counts counts() {
            return new Counts(running, dueSoon, overdue, inaction, slowAction, finishedLate);
        }
    }
}
