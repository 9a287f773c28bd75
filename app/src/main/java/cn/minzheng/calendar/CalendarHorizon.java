package cn.minzheng.calendar;

import cn.minzheng.platform.WorkItem;
import cn.minzheng.platform.WorkSource;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The calendar's horizon: deadlines can be computed only in years whose holiday arrangement is imported. The State
 * Council publishes next year's arrangement around November; from 1 November the administrator is reminded to import
 * it (and at once when the current year itself is missing). Until then case pages show provisional deadlines.
 */
@Component
class CalendarHorizon implements WorkSource {

    static final int REMIND_FROM_MONTH = 11;

    private final WorkingCalendar calendar;
    private final Clock clock;

    CalendarHorizon(WorkingCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The year to import, if it is time to: this year if missing, next year from 1 November. */
    Optional<Integer> yearToImport(LocalDate today) {
        if (!calendar.knowsYear(today.getYear())) {
            return Optional.of(today.getYear());
        }
        if (today.getMonthValue() >= REMIND_FROM_MONTH && !calendar.knowsYear(today.getYear() + 1)) {
            return Optional.of(today.getYear() + 1);
        }
        return Optional.empty();
    }

    @Override
    public List<WorkItem> work() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean admin = authentication != null
                && authentication.getAuthorities().stream()
                        .anyMatch(a -> a.getAuthority().equals("ROLE_SYSTEM_ADMIN"));
        List<WorkItem> items = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        if (admin) {
            yearToImport(today)
                    .ifPresent(year -> items.add(WorkItem.due(
                            "导入节假日安排",
                            year + "年法定节假日和调休安排",
                            "国务院办公厅公布" + year + "年部分节假日安排后，请导入工作日历；导入前，截止日落在" + year + "年的法定时限只能按周六、周日休息暂定",
                            "/calendar",
                            LocalDate.of(year, 1, 1).minusDays(1),
                            today)));
        }
        return items;
    }
}
