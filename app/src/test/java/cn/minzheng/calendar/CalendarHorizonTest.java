package cn.minzheng.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Issue 12 §10: the administrator is reminded from 1 November to import next year's holidays (2026 is the last known). */
@SpringBootTest
class CalendarHorizonTest {

    @Autowired
    CalendarHorizon horizon;

    @Test
    void theReminderStartsOnTheFirstOfNovemberAndWhenTheCurrentYearIsMissing() {
        assertThat(horizon.yearToImport(LocalDate.of(2026, 10, 31))).isEmpty();
        assertThat(horizon.yearToImport(LocalDate.of(2026, 11, 1))).contains(2027);
        assertThat(horizon.yearToImport(LocalDate.of(2027, 2, 1))).contains(2027);
        assertThat(horizon.yearToImport(LocalDate.of(2025, 11, 20))).isEmpty();
    }
}
