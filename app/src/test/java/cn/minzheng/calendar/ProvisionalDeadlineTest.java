package cn.minzheng.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 §10: past the calendar's horizon a deadline is shown provisionally — the known year by its official
 * arrangement, the unknown year with only weekends as rest days — while the real computation still refuses.
 */
class ProvisionalDeadlineTest {

    /** 2026 known, with a made-up holiday on Tuesday 29 December; 2027 not imported. */
    private final CalendarSnapshot calendar = new CalendarSnapshot(
            new TreeSet<>(java.util.List.of(2026)), Map.of(LocalDate.of(2026, 12, 29), DayKind.HOLIDAY));

    @Test
    void knownDaysFollowTheArrangementAndUnknownDaysOnlyWeekends() {
        // 28 Dec (Mon) + 5 working days: 30, 31 Dec (29 is a holiday), Fri 1 Jan 2027 (unknown: counted), Mon 4, Tue 5
        assertThat(calendar.provisionalDeadline(LocalDate.of(2026, 12, 28), 5, DayType.WORKING))
                .isEqualTo(LocalDate.of(2027, 1, 5));
        // 7 calendar days ending on Sunday 3 January 2027 move to Monday the 4th
        assertThat(calendar.provisionalDeadline(LocalDate.of(2026, 12, 27), 7, DayType.CALENDAR))
                .isEqualTo(LocalDate.of(2027, 1, 4));
        assertThatThrownBy(() -> calendar.deadline(LocalDate.of(2026, 12, 28), 5, DayType.WORKING))
                .isInstanceOf(CalendarUnknown.class);
    }

    @Test
    void withinKnownYearsTheProvisionalDeadlineIsTheDeadline() {
        LocalDate start = LocalDate.of(2026, 12, 1);
        assertThat(calendar.provisionalDeadline(start, 10, DayType.WORKING))
                .isEqualTo(calendar.deadline(start, 10, DayType.WORKING));
    }
}
