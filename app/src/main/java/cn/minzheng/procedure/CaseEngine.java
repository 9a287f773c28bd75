package cn.minzheng.procedure;

import cn.minzheng.calendar.DayType;
import cn.minzheng.procedure.MatterType.ClockRule;
import cn.minzheng.procedure.MatterType.Limit;
import cn.minzheng.shared.BusinessRuleViolation;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The clockwork of a case: on every event, clocks whose closing events include it stop, and clocks declared to start
 * on it start (their limit taken from the parameter in force for the case's street on that day). Moving into a terminal
 * state stops whatever still runs.
 */
@Component
class CaseEngine {

    private final CaseStore store;
    private final Parameters parameters;
    private final Days days;

    CaseEngine(CaseStore store, Parameters parameters, Days days) {
        this.store = store;
        this.parameters = parameters;
        this.days = days;
    }

    /** Applies an event to the case's clocks. */
    void emit(CaseRecord c, MatterType type, String event, LocalDate on) {
        for (StatutoryClock clock : store.liveClocks(c.id())) {
            ClockRule rule = rule(type, clock.code());
            if (rule != null && rule.until().contains(event)) {
                clock.stop(on, days);
                store.updateClock(clock);
            }
        }
        List<String> live =
                store.liveClocks(c.id()).stream().map(StatutoryClock::code).toList();
        for (ClockRule rule : type.clocks()) {
            if (rule.from().equals(event) && !live.contains(rule.code())) {
                store.insertClock(c.id(), start(rule, c, on));
            }
        }
    }

    /** Stops every clock still running (the case reached a terminal state or was terminated). */
    void stopAll(CaseRecord c, LocalDate on) {
        for (StatutoryClock clock : store.liveClocks(c.id())) {
            clock.stop(on, days);
            store.updateClock(clock);
        }
    }

    Days days() {
        return days;
    }

    private StatutoryClock start(ClockRule rule, CaseRecord c, LocalDate on) {
        Resolved limit = resolve(rule.limit(), c, on);
        Integer max = null;
        if (rule.extension() != null) {
            Resolved extended = resolve(rule.extension().max(), c, on);
            if (extended.dayType() != limit.dayType()) {
                throw new BusinessRuleViolation("时限 " + rule.code() + " 的延长上限与期限的计算方式（工作日/自然日）不一致");
            }
            max = extended.days();
        }
        return StatutoryClock.start(
                rule.code(),
                rule.name(),
                limit.days(),
                limit.dayType(),
                max,
                StatutoryClock.ResumeMode.valueOf(rule.resume()),
                rule.suspendable(),
                on,
                limit.parameterCode(),
                limit.parameterValueId(),
                rule.basis(),
                days);
    }

    record Resolved(int days, DayType dayType, String parameterCode, Long parameterValueId) {}

    /** A declared limit in days for this case on this day: fixed, or the parameter value in force. */
    Resolved resolve(Limit limit, CaseRecord c, LocalDate on) {
        if (limit.parameter() == null) {
            return new Resolved(limit.days(), DayType.valueOf(limit.dayType()), null, null);
        }
        ParameterValue value = parameters.valueAsOf(limit.parameter(), c.communityCode(), on);
        if (value.dayType() == null) {
            throw new BusinessRuleViolation("参数 " + limit.parameter() + " 不是期限（没有工作日/自然日）");
        }
        return new Resolved(value.days(), value.dayType(), value.code(), value.id());
    }

    /** The last day of a declared period starting on {@code on} (e.g. the longest a suspension may last). */
    LocalDate end(Limit limit, CaseRecord c, LocalDate on) {
        Resolved r = resolve(limit, c, on);
        try {
            return days.deadline(on, r.days(), r.dayType());
        } catch (cn.minzheng.calendar.CalendarUnknown e) {
            // the calendar does not know the year yet: weekends only (an upper bound the clerk stays within)
            LocalDate end = on;
            int left = r.days();
            while (left > 0) {
                end = end.plusDays(1);
                if (r.dayType() == DayType.CALENDAR
                        || (end.getDayOfWeek() != java.time.DayOfWeek.SATURDAY
                                && end.getDayOfWeek() != java.time.DayOfWeek.SUNDAY)) {
                    left--;
                }
            }
            return end;
        }
    }

    static ClockRule rule(MatterType type, String code) {
        return type.clocks().stream()
                .filter(r -> r.code().equals(code))
                .findFirst()
                .orElse(null);
    }
}
