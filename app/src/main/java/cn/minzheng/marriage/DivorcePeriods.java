package cn.minzheng.marriage;

import cn.minzheng.calendar.DayType;
import cn.minzheng.calendar.WorkingCalendar;
import java.time.LocalDate;
import org.springframework.stereotype.Service;

/**
 * The two periods of a divorce by agreement (离婚冷静期, 《中华人民共和国民法典》第一千零七十七条): within 30 days of the
 * office receiving the application either party may withdraw it; after that, both must ask in person for the
 * certificate within the next 30 days, or the application is deemed withdrawn.
 *
 * <p>Counting follows 第二百零一条 (the day of receipt is not counted: day 1 is the next day, so the 30th day is the
 * receipt date plus 30) and 第二百零三条 (a period whose last day is a statutory rest day ends on the first day after
 * it), on the platform's calendar, which knows the official holidays and make-up working days. The second period
 * runs from the day after the first one ended. A date in a year the calendar does not know is refused, never guessed.
 */
@Service
public class DivorcePeriods {

    static final int WITHDRAWAL_DAYS = 30;
    static final int CERTIFICATE_REQUEST_DAYS = 30;

    private final WorkingCalendar calendar;

    DivorcePeriods(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    /** The last day to withdraw, and the last day to ask for the certificate. */
    public record Periods(LocalDate received, LocalDate withdrawalEnds, LocalDate certificateRequestEnds) {}

    public Periods from(LocalDate received) {
        LocalDate withdrawalEnds = calendar.deadline(received, WITHDRAWAL_DAYS, DayType.CALENDAR);
        LocalDate certificateRequestEnds =
                calendar.deadline(withdrawalEnds, CERTIFICATE_REQUEST_DAYS, DayType.CALENDAR);
        return new Periods(received, withdrawalEnds, certificateRequestEnds);
    }
}
