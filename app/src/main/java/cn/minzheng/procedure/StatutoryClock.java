package cn.minzheng.procedure;

import cn.minzheng.calendar.CalendarUnknown;
import cn.minzheng.calendar.DayType;
import cn.minzheng.shared.BusinessRuleViolation;
import java.time.LocalDate;

/**
 * A statutory time limit running on a case: N working or calendar days from the day of an event (not counted, 民法典第
 * 二百零一条) to a deadline (moved past rest days for calendar-day periods, 第二百零三条).
 *
 * <p>Suspension (补正, 中止): the days consumed up to and including the day of suspension are kept; on resumption the
 * rest of the period runs from the day the materials arrive — so the deadline moves by exactly the days suspended.
 * Where the law restarts the period on resumption (政府信息公开条例第三十条) the whole period runs again. Extension: a
 * longer limit, up to the declared maximum. A stopped clock records whether it finished after its deadline.
 */
final class StatutoryClock {

    enum Status {
        RUNNING,
        SUSPENDED,
        STOPPED
    }

    enum ResumeMode {
        PAUSE,
        RESTART
    }

    private final Long id;
    private final String code;
    private final String name;
    private final DayType dayType;
    private int limitDays;
    private final Integer maxLimitDays;
    private final ResumeMode resumeMode;
    private final boolean suspendable;
    private final LocalDate startedOn;
    private LocalDate segmentFrom;
    private int consumedDays;
    private Status status;
    private LocalDate suspendedOn;
    private LocalDate dueOn;
    private LocalDate stoppedOn;
    private Boolean finishedLate;
    private final String parameterCode;
    private final Long parameterValueId;
    private final Basis basis;

    StatutoryClock(
            Long id,
            String code,
            String name,
            DayType dayType,
            int limitDays,
            Integer maxLimitDays,
            ResumeMode resumeMode,
            boolean suspendable,
            LocalDate startedOn,
            LocalDate segmentFrom,
            int consumedDays,
            Status status,
            LocalDate suspendedOn,
            LocalDate dueOn,
            LocalDate stoppedOn,
            Boolean finishedLate,
            String parameterCode,
            Long parameterValueId,
            Basis basis) {
        this.id = id;
        this.code = code;
        this.name = name;
        this.dayType = dayType;
        this.limitDays = limitDays;
        this.maxLimitDays = maxLimitDays;
        this.resumeMode = resumeMode;
        this.suspendable = suspendable;
        this.startedOn = startedOn;
        this.segmentFrom = segmentFrom;
        this.consumedDays = consumedDays;
        this.status = status;
        this.suspendedOn = suspendedOn;
        this.dueOn = dueOn;
        this.stoppedOn = stoppedOn;
        this.finishedLate = finishedLate;
        this.parameterCode = parameterCode;
        this.parameterValueId = parameterValueId;
        this.basis = basis;
    }

    /** A clock started on the day of its event. */
    static StatutoryClock start(
            String code,
            String name,
            int limitDays,
            DayType dayType,
            Integer maxLimitDays,
            ResumeMode resumeMode,
            boolean suspendable,
            LocalDate on,
            String parameterCode,
            Long parameterValueId,
            Basis basis,
            Days days) {
        StatutoryClock clock = new StatutoryClock(
                null,
                code,
                name,
                dayType,
                limitDays,
                maxLimitDays,
                resumeMode,
                suspendable,
                on,
                on,
                0,
                Status.RUNNING,
                null,
                null,
                null,
                null,
                parameterCode,
                parameterValueId,
                basis);
        clock.refresh(days);
        return clock;
    }

    /** Recomputes the deadline; leaves it unknown while the calendar lacks a year it needs. */
    void refresh(Days days) {
        if (status != Status.RUNNING) {
            return;
        }
        try {
            dueOn = days.deadline(segmentFrom, Math.max(0, limitDays - consumedDays), dayType);
        } catch (CalendarUnknown e) {
            dueOn = null;
        }
    }

    /** 中止: keeps the days consumed so far (the day of suspension counts as consumed). */
    void suspend(LocalDate on, Days days) {
        if (status != Status.RUNNING) {
            throw new BusinessRuleViolation("时限“" + name + "”未在计时，不能中止");
        }
        if (!suspendable) {
            throw new BusinessRuleViolation("时限“" + name + "”依法不中止");
        }
        consumedDays += days.elapsed(segmentFrom, on, dayType);
        status = Status.SUSPENDED;
        suspendedOn = on;
        dueOn = null;
    }

    /** Resumes from the day the materials arrived: the rest of the period, or all of it when the law restarts it. */
    void resume(LocalDate on, Days days) {
        resume(on, days, null);
    }

    /** @param mode how the suspension that ends says the clock runs on (null: the clock's own rule) */
    void resume(LocalDate on, Days days, ResumeMode mode) {
        if (status != Status.SUSPENDED) {
            throw new BusinessRuleViolation("时限“" + name + "”没有中止");
        }
        if ((mode == null ? resumeMode : mode) == ResumeMode.RESTART) {
            consumedDays = 0;
        }
        segmentFrom = on;
        status = Status.RUNNING;
        suspendedOn = null;
        refresh(days);
    }

    /** 延长: a longer limit, within the declared maximum. */
    void extend(int newLimit, Days days) {
        if (status == Status.STOPPED) {
            throw new BusinessRuleViolation("时限“" + name + "”已结束，不能延长");
        }
        if (maxLimitDays == null) {
            throw new BusinessRuleViolation("时限“" + name + "”依法不能延长");
        }
        if (newLimit <= limitDays) {
            throw new BusinessRuleViolation("延长后的期限须长于现在的 " + limitDays + " 个" + dayType.label());
        }
        if (newLimit > maxLimitDays) {
            throw new BusinessRuleViolation("延长后的期限不能超过法定上限 " + maxLimitDays + " 个" + dayType.label());
        }
        limitDays = newLimit;
        refresh(days);
    }

    /** Stops the clock on the day its closing event happened, noting whether that was after the deadline. */
    void stop(LocalDate on, Days days) {
        if (status == Status.STOPPED) {
            return;
        }
        if (status == Status.RUNNING) {
            refresh(days);
            finishedLate = dueOn != null && on.isAfter(dueOn);
        } else {
            finishedLate = consumedDays > limitDays;
        }
        status = Status.STOPPED;
        stoppedOn = on;
        suspendedOn = null;
    }

    /** Days of the period not yet used, as of a date (negative when overdue); null while not computable. */
    Integer remaining(LocalDate today, Days days) {
        if (status == Status.STOPPED) {
            return null;
        }
        if (status == Status.SUSPENDED) {
            return limitDays - consumedDays;
        }
        if (dueOn == null) {
            return null;
        }
        try {
            if (today.isAfter(dueOn)) {
                return -days.elapsed(dueOn, today, dayType);
            }
            return days.elapsed(today, dueOn, dayType);
        } catch (CalendarUnknown e) {
            return null;
        }
    }

    boolean overdueOn(LocalDate today) {
        return status == Status.RUNNING && dueOn != null && today.isAfter(dueOn);
    }

    Long id() {
        return id;
    }

    String code() {
        return code;
    }

    String name() {
        return name;
    }

    DayType dayType() {
        return dayType;
    }

    int limitDays() {
        return limitDays;
    }

    Integer maxLimitDays() {
        return maxLimitDays;
    }

    ResumeMode resumeMode() {
        return resumeMode;
    }

    boolean suspendable() {
        return suspendable;
    }

    LocalDate startedOn() {
        return startedOn;
    }

    LocalDate segmentFrom() {
        return segmentFrom;
    }

    int consumedDays() {
        return consumedDays;
    }

    Status status() {
        return status;
    }

    LocalDate suspendedOn() {
        return suspendedOn;
    }

    LocalDate dueOn() {
        return dueOn;
    }

    LocalDate stoppedOn() {
        return stoppedOn;
    }

    Boolean finishedLate() {
        return finishedLate;
    }

    String parameterCode() {
        return parameterCode;
    }

    Long parameterValueId() {
        return parameterValueId;
    }

    Basis basis() {
        return basis;
    }
}
