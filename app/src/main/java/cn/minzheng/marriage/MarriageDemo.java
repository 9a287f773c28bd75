package cn.minzheng.marriage;

import cn.minzheng.shared.DemoNames;
import cn.minzheng.shared.DemoStaff;
import cn.minzheng.shared.DemoStep;
import cn.minzheng.shared.IdNumber;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The demo district's registry appointments: the coming working days partly booked from the portal and at the counter,
 * some cancelled, and the next popular date inside the release window (2月14日, 5月20日, or else the next Saturday, opened
 * with its own places) booked full, so that the registry's list shows a sold-out day. The registrar is {@code
 * qu_jingban}. Synthetic people only: names from {@link DemoNames}, ID numbers made up with a valid check character.
 */
@Component
class MarriageDemo implements DemoStep {

    private static final String REGISTRAR = "qu_jingban";
    private static final List<MonthDay> POPULAR = List.of(MonthDay.of(2, 14), MonthDay.of(5, 20));

    private final AppointmentDays days;
    private final Appointments appointments;
    private final DemoStaff staff;
    private final MarriageSettings settings;
    private final Clock clock;
    private final java.util.Set<String> used = new java.util.HashSet<>();

    MarriageDemo(
            AppointmentDays days, Appointments appointments, DemoStaff staff, MarriageSettings settings, Clock clock) {
        this.days = days;
        this.appointments = appointments;
        this.staff = staff;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "婚姻登记预约";
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public String[] roles() {
        return new String[] {"DEPARTMENT_OFFICER"};
    }

    @Override
    public void build(String size, long seed) {
        DemoNames names = new DemoNames(seed + 17);
        LocalDate today = LocalDate.now(clock);
        used.clear();
        staff.as(REGISTRAR, () -> {
            LocalDate popular = popularDate(today);
            int popularPlaces = "district".equals(size) ? 200 : 30;
            days.setCapacity(popular, popularPlaces, "热门日期，加开窗口", REGISTRAR);
            for (int i = 0; i < popularPlaces; i++) {
                book(
                        names,
                        popular,
                        AppointmentKind.MARRIAGE,
                        i % 3 == 0 ? Appointments.Channel.COUNTER : Appointments.Channel.PORTAL);
            }
            int booked = 0;
            for (LocalDate date = today.plusDays(1); booked < 10; date = date.plusDays(1)) {
                if (days.ordinaryCapacity(date) == 0 || date.equals(popular)) {
                    continue;
                }
                booked++;
                int couples = 3 + names.nextInt(10);
                for (int i = 0; i < couples; i++) {
                    AppointmentKind kind = names.nextInt(4) == 0 ? AppointmentKind.DIVORCE : AppointmentKind.MARRIAGE;
                    Booked made = book(
                            names,
                            date,
                            kind,
                            names.nextInt(3) == 0 ? Appointments.Channel.COUNTER : Appointments.Channel.PORTAL);
                    if (names.nextInt(12) == 0) {
                        appointments.close(made.id(), AppointmentState.CANCELLED, REGISTRAR);
                    }
                }
            }
            return null;
        });
    }

    /** The next 2月14日 or 5月20日 inside the release window, or else the first Saturday after a week. */
    private LocalDate popularDate(LocalDate today) {
        LocalDate last = today.plusDays(settings.releaseDays());
        for (LocalDate date = today.plusDays(1); !date.isAfter(last); date = date.plusDays(1)) {
            if (POPULAR.contains(MonthDay.from(date))) {
                return date;
            }
        }
        LocalDate date = today.plusDays(7);
        while (date.getDayOfWeek() != DayOfWeek.SATURDAY) {
            date = date.plusDays(1);
        }
        return date;
    }

    private Booked book(DemoNames names, LocalDate date, AppointmentKind kind, Appointments.Channel channel) {
        LocalDate birth = LocalDate.of(1978, 1, 1).plusDays(names.nextInt(365 * 22));
        Party man = new Party(names.person(), idNumber(names, birth, true));
        Party woman = new Party(names.person(), idNumber(names, birth.plusDays(names.nextInt(900)), false));
        BookingRequest request = names.nextInt(2) == 0
                ? new BookingRequest(date, kind, man, woman)
                : new BookingRequest(date, kind, woman, man);
        return appointments.book(request, channel, channel == Appointments.Channel.PORTAL ? "PORTAL" : REGISTRAR);
    }

    /**
     * A made-up number: the district's address code, the birth date, a sequence of the right parity, the check
     * character; never one the demo already gave out (a repeat would be refused as a second booking).
     */
    private String idNumber(DemoNames names, LocalDate birth, boolean male) {
        while (true) {
            int sequence = 100 + names.nextInt(450) * 2 + (male ? 1 : 0);
            String first17 = "610113" + birth.toString().replace("-", "") + String.format("%03d", sequence);
            String number = first17 + IdNumber.checkCharacter(first17);
            if (used.add(number)) {
                return number;
            }
        }
    }
}
