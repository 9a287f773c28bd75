package cn.minzheng.marriage;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.test.As;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The demo district's registry: a popular date booked full, the coming working days partly booked. */
@SpringBootTest(properties = "minzheng.demo.size=small")
class MarriageDemoTest {

    @Autowired
    AppointmentDays days;

    @Autowired
    Appointments appointments;

    @Autowired
    Clock clock;

    @Test
    void theRegistryHasAFullPopularDateAndBookingsOnTheComingDays() {
        As registrar = new As("qu_jingban", "610113", "DEPARTMENT_OFFICER");
        LocalDate today = LocalDate.now(clock);
        List<AppointmentDays.Day> coming = registrar.call(() -> days.between(today, today.plusDays(90)));
        assertThat(coming).anyMatch(d -> d.set() && d.capacity() > 0 && d.free() == 0);
        assertThat(coming.stream().filter(d -> !d.set() && d.booked() > 0).count())
                .isGreaterThanOrEqualTo(10);
        LocalDate busy = coming.stream()
                .filter(d -> !d.set() && d.booked() > 0)
                .findFirst()
                .orElseThrow()
                .date();
        List<Appointments.Appointment> list = registrar.call(() -> appointments.ofDay(busy));
        assertThat(list)
                .isNotEmpty()
                .allSatisfy(a -> assertThat(a.partyAMasked()).contains("********"));
    }
}
