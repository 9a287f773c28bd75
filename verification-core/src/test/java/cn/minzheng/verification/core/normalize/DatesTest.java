package cn.minzheng.verification.core.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DatesTest {

    @Test
    void arithmeticEpochDayAgreesWithTheCalendarFrom1800To2200() {
        for (LocalDate day = LocalDate.of(1800, 1, 1); day.getYear() <= 2200; day = day.plusDays(1)) {
            assertThat(Dates.epochDay(day.getYear(), day.getMonthValue(), day.getDayOfMonth()))
                    .as(day.toString())
                    .isEqualTo((int) day.toEpochDay());
        }
        assertThat(Dates.epochDay(2023, 2, 29)).isEqualTo(Dates.NONE);
        assertThat(Dates.epochDay(1900, 2, 29)).isEqualTo(Dates.NONE);
        assertThat(Dates.epochDay(2000, 2, 29))
                .isEqualTo((int) LocalDate.of(2000, 2, 29).toEpochDay());
    }

    @Test
    void quickPathsAgreeWithTheGeneralParsers() {
        for (String text : new String[] {
            "2023-05-01",
            "2023-02-29",
            "2024-02-29",
            "1999-12-31",
            "2023-13-01",
            "20x3-05-01",
            "2023/05/01",
            "2023-5-1",
            "2023-05"
        }) {
            byte[] b = text.getBytes(StandardCharsets.US_ASCII);
            int quick = Dates.parseIso(b, 0, b.length);
            if (quick != Dates.UNKNOWN) {
                assertThat(quick).as(text).isEqualTo(Dates.parse(text));
            }
            int month = Dates.parseIsoMonth(b, 0, b.length);
            if (month != Dates.UNKNOWN) {
                assertThat(month).as(text).isEqualTo(Dates.parseMonth(text));
            }
        }
        assertThat(Dates.parseIso("2023-05-01".getBytes(StandardCharsets.US_ASCII), 0, 10))
                .isEqualTo((int) LocalDate.of(2023, 5, 1).toEpochDay());
        assertThat(Dates.parseIsoMonth("2023-05".getBytes(StandardCharsets.US_ASCII), 0, 7))
                .isEqualTo((int) LocalDate.of(2023, 5, 1).toEpochDay());
    }
}
