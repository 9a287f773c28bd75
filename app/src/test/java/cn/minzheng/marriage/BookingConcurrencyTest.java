package cn.minzheng.marriage;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.platform.District;
import cn.minzheng.platform.SystemActor;
import cn.minzheng.test.TestDistrict;
import cn.minzheng.test.TestPostgresSql;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 17's load contract: 1 000 bookings at once for a date of 200 places end with exactly 200 bookings, every other
 * one refused as full, and no error of any other kind. Also: bookings racing for the same person keep one.
 */
@SpringBootTest
class BookingConcurrencyTest {

    @Autowired
    Appointments appointments;

    @Autowired
    AppointmentDays days;

    @Autowired
    District district;

    @Autowired
    TestDistrict testDistrict;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    private <T> T asRegistry(java.util.function.Supplier<T> work) {
        return SystemActor.call(district.scope(), work, "DEPARTMENT_OFFICER");
    }

    @Test
    void aThousandConcurrentBookingsForTwoHundredPlacesMakeExactlyTwoHundred() throws Exception {
        testDistrict.ensure();
        LocalDate date = LocalDate.now(clock).plusDays(30);
        asRegistry(() -> days.setCapacity(date, 200, "并发测试", "t_officer"));
        AtomicInteger booked = new AtomicInteger();
        AtomicInteger full = new AtomicInteger();
        ConcurrentLinkedQueue<Throwable> other = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                BookingRequest request = Couples.marriage(date, i);
                all.add(pool.submit(() -> {
                    start.await();
                    try {
                        asRegistry(() -> appointments.book(request, Appointments.Channel.COUNTER, "t_officer"));
                        booked.incrementAndGet();
                    } catch (BookingRefused e) {
                        full.incrementAndGet();
                    } catch (Throwable e) {
                        other.add(e);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : all) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(other).as("errors other than a full date").isEmpty();
        assertThat(booked).hasValue(200);
        assertThat(full).hasValue(800);
        assertThat(TestPostgresSql.queryForObject(
                        jdbc,
                        "select count(*) from marriage_appointment where day = ? and state = 'BOOKED'",
                        Long.class,
                        date))
                .isEqualTo(200L);
        assertThat(TestPostgresSql.queryForObject(
                        jdbc, "select booked from marriage_appointment_day where day = ?", Integer.class, date))
                .isEqualTo(200);
    }

    @Test
    void theSameCoupleBookingTwiceAtOnceKeepsOneBooking() throws Exception {
        testDistrict.ensure();
        LocalDate date = LocalDate.now(clock).plusDays(31);
        asRegistry(() -> days.setCapacity(date, 50, null, "t_officer"));
        BookingRequest same = Couples.marriage(date, 4242);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicInteger booked = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                all.add(pool.submit(() -> {
                    start.await();
                    try {
                        asRegistry(() -> appointments.book(same, Appointments.Channel.COUNTER, "t_officer"));
                        booked.incrementAndGet();
                    } catch (BookingRefused e) {
                        refused.incrementAndGet();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : all) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(booked).hasValue(1);
        assertThat(refused).hasValue(7);
        assertThat(TestPostgresSql.queryForObject(
                        jdbc, "select booked from marriage_appointment_day where day = ?", Integer.class, date))
                .as("the refused bookings gave their places back")
                .isEqualTo(1);
    }

    @Test
    void aCancelledBookingFreesThePlaceAndThePeople() {
        testDistrict.ensure();
        LocalDate date = LocalDate.now(clock).plusDays(32);
        asRegistry(() -> days.setCapacity(date, 1, null, "t_officer"));
        BookingRequest couple = Couples.marriage(date, 777);
        Booked first = asRegistry(() -> appointments.book(couple, Appointments.Channel.COUNTER, "t_officer"));
        asRegistry(() -> appointments.close(first.id(), AppointmentState.CANCELLED, "t_officer"));
        Booked again = asRegistry(() -> appointments.book(couple, Appointments.Channel.COUNTER, "t_officer"));
        assertThat(again.id()).isNotEqualTo(first.id());
    }
}
