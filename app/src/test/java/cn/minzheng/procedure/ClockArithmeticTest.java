package cn.minzheng.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.minzheng.calendar.DayType;
import cn.minzheng.shared.BusinessRuleViolation;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Statutory clocks on the real working-day calendar (the bundled 2026 arrangement): across the Spring Festival
 * (holiday 2–15 to 2–23, make-up working days Saturday 2–14 and Saturday 2–28) and National Day (make-up Sunday 9–20,
 * Mid-Autumn 9–25 to 9–27, holiday 10–1 to 10–7, make-up Saturday 10–10). Expected dates are counted by hand.
 */
@SpringBootTest
class ClockArithmeticTest {

    @Autowired
    CalendarDays days;

    private StatutoryClock clock(
            int limit, DayType type, Integer max, StatutoryClock.ResumeMode mode, LocalDate start) {
        return StatutoryClock.start("T", "测试时限", limit, type, max, mode, true, start, null, null, null, days);
    }

    private static LocalDate d(int month, int day) {
        return LocalDate.of(2026, month, day);
    }

    @Test
    void workingDaysCountMakeUpSaturdaysAndSkipTheSpringFestival() {
        // 2-12 Thu, 2-13 Fri, 2-14 Sat (make-up) … 2-15 to 2-23 holiday … 2-24 … 2-28 Sat (make-up), 3-2 …
        assertThat(clock(3, DayType.WORKING, null, StatutoryClock.ResumeMode.PAUSE, d(2, 11))
                        .dueOn())
                .isEqualTo(d(2, 14));
        assertThat(clock(10, DayType.WORKING, null, StatutoryClock.ResumeMode.PAUSE, d(2, 12))
                        .dueOn())
                .isEqualTo(d(3, 4));
    }

    @Test
    void calendarDayPeriodsEndingInAHolidayMoveToTheNextWorkingDay() {
        // 2-10 + 7 days = 2-17, inside the Spring Festival holiday → first working day after it, 2-24 (民法典第二百零三条)
        assertThat(clock(7, DayType.CALENDAR, null, StatutoryClock.ResumeMode.PAUSE, d(2, 10))
                        .dueOn())
                .isEqualTo(d(2, 24));
        // 9-16 + 15 days = 10-1, National Day → 10-8
        assertThat(clock(15, DayType.CALENDAR, null, StatutoryClock.ResumeMode.PAUSE, d(9, 16))
                        .dueOn())
                .isEqualTo(d(10, 8));
        // 9-01 + 7 days = 9-08, a Tuesday: stays
        assertThat(clock(7, DayType.CALENDAR, null, StatutoryClock.ResumeMode.PAUSE, d(9, 1))
                        .dueOn())
                .isEqualTo(d(9, 8));
    }

    @Test
    void workingDaysAroundNationalDayCountTheMakeUpSundayAndSaturday() {
        // 9-18 Fri; 9-20 Sun is a make-up working day: 9-20, 21, 22, 23, 24
        assertThat(clock(5, DayType.WORKING, null, StatutoryClock.ResumeMode.PAUSE, d(9, 18))
                        .dueOn())
                .isEqualTo(d(9, 24));
        // 9-28 Mon: 29, 30, (10-1 … 10-7 holiday), 10-8, 10-9, 10-10 Sat make-up
        assertThat(clock(5, DayType.WORKING, null, StatutoryClock.ResumeMode.PAUSE, d(9, 28))
                        .dueOn())
                .isEqualTo(d(10, 10));
    }

    @Test
    void suspensionMovesTheDeadlineByTheSuspendedWorkingDays() {
        StatutoryClock total = clock(30, DayType.WORKING, 45, StatutoryClock.ResumeMode.PAUSE, d(3, 2));
        assertThat(total.dueOn()).isEqualTo(d(4, 14)); // Qingming 4-4 to 4-6
        total.suspend(d(3, 6), days); // 3-3 … 3-6 used: 4 working days
        assertThat(total.consumedDays()).isEqualTo(4);
        assertThat(total.dueOn()).isNull();
        assertThat(total.status()).isEqualTo(StatutoryClock.Status.SUSPENDED);
        total.resume(d(3, 16), days); // materials arrive: 26 working days from 3-16
        assertThat(total.dueOn()).isEqualTo(d(4, 22));
        // the same as moving the original deadline by the working days in (3-6, 3-16]
        int suspended = days.elapsed(d(3, 6), d(3, 16), DayType.WORKING);
        assertThat(suspended).isEqualTo(6);
        assertThat(days.deadline(d(4, 14), suspended, DayType.WORKING)).isEqualTo(total.dueOn());
    }

    @Test
    void suspensionAcrossTheSpringFestivalCountsOnlyWorkingDays() {
        StatutoryClock clock = clock(10, DayType.WORKING, null, StatutoryClock.ResumeMode.PAUSE, d(2, 2));
        assertThat(clock.dueOn()).isEqualTo(d(2, 14)); // the make-up Saturday is the 10th working day
        clock.suspend(d(2, 5), days);
        clock.resume(d(2, 25), days); // 7 left: 2-26, 2-27, 2-28 (make-up), 3-2, 3-3, 3-4, 3-5
        assertThat(clock.dueOn()).isEqualTo(d(3, 5));
        assertThat(days.deadline(d(2, 14), days.elapsed(d(2, 5), d(2, 25), DayType.WORKING), DayType.WORKING))
                .isEqualTo(d(3, 5));
    }

    @Test
    void whereTheLawRestartsThePeriodTheWholePeriodRunsAgain() {
        StatutoryClock reply = clock(20, DayType.WORKING, 40, StatutoryClock.ResumeMode.RESTART, d(3, 2));
        assertThat(reply.dueOn()).isEqualTo(d(3, 30));
        reply.suspend(d(3, 4), days);
        reply.resume(d(3, 20), days); // 政府信息公开条例第三十条: from the day the corrected request arrives
        assertThat(reply.dueOn()).isEqualTo(d(4, 20));
    }

    @Test
    void extensionLengthensTheLimitWithinTheMaximum() {
        StatutoryClock total = clock(30, DayType.WORKING, 45, StatutoryClock.ResumeMode.PAUSE, d(3, 2));
        assertThatThrownBy(() -> total.extend(46, days)).isInstanceOf(BusinessRuleViolation.class);
        assertThatThrownBy(() -> total.extend(30, days)).isInstanceOf(BusinessRuleViolation.class);
        total.extend(45, days); // … 4-30, (5-1 … 5-5 Labour Day), 5-6, 5-7, 5-8
        assertThat(total.dueOn()).isEqualTo(d(5, 8));
        assertThat(total.limitDays()).isEqualTo(45);
    }

    @Test
    void aClockThatCannotBeExtendedOrSuspendedSaysSo() {
        StatutoryClock fixed = StatutoryClock.start(
                "X",
                "送达",
                7,
                DayType.WORKING,
                null,
                StatutoryClock.ResumeMode.PAUSE,
                false,
                d(3, 2),
                null,
                null,
                null,
                days);
        assertThatThrownBy(() -> fixed.extend(10, days)).isInstanceOf(BusinessRuleViolation.class);
        assertThatThrownBy(() -> fixed.suspend(d(3, 3), days)).isInstanceOf(BusinessRuleViolation.class);
    }

    @Test
    void stoppingRecordsWhetherTheDeadlineWasMet() {
        StatutoryClock onTime = clock(3, DayType.WORKING, null, StatutoryClock.ResumeMode.PAUSE, d(3, 2));
        onTime.stop(d(3, 5), days);
        assertThat(onTime.finishedLate()).isFalse();
        StatutoryClock late = clock(3, DayType.WORKING, null, StatutoryClock.ResumeMode.PAUSE, d(3, 2));
        late.stop(d(3, 6), days);
        assertThat(late.finishedLate()).isTrue();
        assertThat(late.overdueOn(d(3, 9))).isFalse(); // stopped clocks are not overdue
        StatutoryClock running = clock(3, DayType.WORKING, null, StatutoryClock.ResumeMode.PAUSE, d(3, 2));
        assertThat(running.overdueOn(d(3, 5))).isFalse();
        assertThat(running.overdueOn(d(3, 6))).isTrue();
        assertThat(running.remaining(d(3, 9), days)).isEqualTo(-2); // 3-6 and 3-9 past the deadline
    }

    @Test
    void aDeadlineInAYearTheCalendarDoesNotKnowIsLeftOpenNotGuessed() {
        StatutoryClock clock = clock(30, DayType.WORKING, null, StatutoryClock.ResumeMode.PAUSE, d(12, 15));
        assertThat(clock.dueOn()).isNull();
        assertThat(clock.status()).isEqualTo(StatutoryClock.Status.RUNNING);
    }
}
