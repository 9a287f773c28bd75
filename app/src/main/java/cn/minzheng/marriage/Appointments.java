package cn.minzheng.marriage;

import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.marriage.BookingRules.CheckedParty;
import cn.minzheng.platform.Display;
import cn.minzheng.platform.District;
import cn.minzheng.platform.crypto.BlindIndex;
import cn.minzheng.platform.crypto.FieldCipher;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.NotFound;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bookings at the registry office. A booking takes one place of its date and blocks both parties' ID numbers until it
 * is closed (attended, cancelled, no-show): one active booking per ID number keeps scalpers from holding popular dates.
 *
 * <p>Why it never overbooks: the place is taken by one conditional update of the date's row ({@code booked < capacity}),
 * which serialises the bookings of a date on that row's lock, and the table's check constraint refuses a count above
 * the capacity whatever the code does. The ID numbers are claimed in a fixed order, so two bookings naming the same two
 * people cannot deadlock.
 */
@Service
public class Appointments {

    /** {@code set_by} of a date opened by the ordinary rule when its first booking arrived (no person set it). */
    static final String DEFAULT_OPENING = "按常规开放";

    private static final String ID_PURPOSE = "marriage-party-id";
    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AppointmentDays days;
    private final District district;
    private final FieldCipher cipher;
    private final BlindIndex blind;
    private final MarriageSettings settings;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Appointments(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            AppointmentDays days,
            District district,
            FieldCipher cipher,
            BlindIndex blind,
            MarriageSettings settings,
            AuditTrail audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.days = days;
        this.district = district;
        this.cipher = cipher;
        this.blind = blind;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    /** Where a booking came from: the public portal or the office's counter. */
    public enum Channel {
        PORTAL,
        COUNTER
    }

    /** A booking as the office's list shows it: names and masked numbers only. */
    public record Appointment(
            long id,
            String code,
            LocalDate date,
            AppointmentKind kind,
            String partyA,
            String partyAMasked,
            String partyB,
            String partyBMasked,
            Channel channel,
            AppointmentState state) {

        public String dateText() {
            return Display.date(date);
        }

        public String channelLabel() {
            return channel == Channel.PORTAL ? "网上预约" : "窗口预约";
        }
    }

    /**
     * Books a date for a couple, in the caller's security context (the portal calls it as the platform, in the
     * district's scope). Refused with {@link BusinessRuleViolation} for input that cannot be valid and with
     * {@link BookingRefused} when the date is full or closed or an ID number already holds an active booking.
     */
    public Booked book(BookingRequest request, Channel channel, String actor) {
        LocalDate today = LocalDate.now(clock);
        BookingRules.requireInWindow(request.date(), today, settings.releaseDays());
        CheckedParty a = BookingRules.party("甲方", request.partyA(), today);
        CheckedParty b = BookingRules.party("乙方", request.partyB(), today);
        BookingRules.requireCouple(
                request.type(), a, b, request.date(), settings.minimumAgeMan(), settings.minimumAgeWoman());
        Booked booked = transactions.execute(status -> {
            takePlace(request.date());
            Booked made = insert(request, a, b, channel, actor);
            claimIdNumbers(made.id(), a, b);
            return made;
        });
        audit.record(AuditEvent.success("MARRIAGE_APPOINTMENT_BOOKED", "marriage_appointment", booked.id())
                .because(channel.name()));
        return booked;
    }

    private void takePlace(LocalDate date) {
        jdbc.sql("""
                        insert into marriage_appointment_day (day, region_code, capacity, set_by, set_at)
                        values (?, ?, ?, ?, ?) on conflict (day) do nothing
                        """)
                .params(
                        date,
                        district.code(),
                        days.ordinaryCapacity(date),
                        DEFAULT_OPENING,
                        Timestamp.from(clock.instant()))
                .update();
        Optional<Integer> taken = jdbc.sql("""
                        update marriage_appointment_day set booked = booked + 1
                        where day = ? and booked < capacity returning booked
                        """).param(date).query(Integer.class).optional();
        if (taken.isEmpty()) {
            int capacity = jdbc.sql("select capacity from marriage_appointment_day where day = ?")
                    .param(date)
                    .query(Integer.class)
                    .single();
            throw new BookingRefused(
                    capacity == 0
                            ? Display.date(date) + "不办理婚姻登记预约（休息日或已停办），请选择其他日期"
                            : Display.date(date) + "的预约已满（共 " + capacity + " 个名额），请选择其他日期");
        }
    }

    private Booked insert(BookingRequest request, CheckedParty a, CheckedParty b, Channel channel, String actor) {
        for (int attempt = 0; ; attempt++) {
            String code = newCode();
            Optional<Long> id = jdbc.sql("""
                            insert into marriage_appointment (code, region_code, day, kind, party_a_name,
                                party_a_id_cipher, party_a_id_masked, party_b_name, party_b_id_cipher,
                                party_b_id_masked, channel, booked_at, booked_by)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            on conflict (code) do nothing returning id
                            """)
                    .params(
                            code,
                            district.code(),
                            request.date(),
                            request.type().name(),
                            a.name().value(),
                            cipher.encrypt(a.id().value(), ID_PURPOSE),
                            a.id().masked(),
                            b.name().value(),
                            cipher.encrypt(b.id().value(), ID_PURPOSE),
                            b.id().masked(),
                            channel.name(),
                            Timestamp.from(clock.instant()),
                            actor)
                    .query(Long.class)
                    .optional();
            if (id.isPresent()) {
                return new Booked(id.get(), code);
            }
            if (attempt == 5) {
                throw new IllegalStateException("no free appointment code after 6 attempts");
            }
        }
    }

    private void claimIdNumbers(long id, CheckedParty a, CheckedParty b) {
        List<byte[]> indexes = Arrays.asList(index(a), index(b));
        indexes.sort(Arrays::compare);
        for (byte[] index : indexes) {
            int claimed = jdbc.sql("""
                            insert into marriage_active_booking (id_index, appointment_id, region_code)
                            values (?, ?, ?) on conflict (id_index) do nothing
                            """).params(index, id, district.code()).update();
            if (claimed == 0) {
                LocalDate first =
                        jdbc.sql("""
                                select a.day from marriage_active_booking b
                                join marriage_appointment a on a.id = b.appointment_id where b.id_index = ?
                                """).param(index).query(LocalDate.class).single();
                String who = Arrays.equals(index, index(a)) ? "甲方" : "乙方";
                throw new BookingRefused(
                        who + "的身份证号码已有一个有效预约（" + Display.date(first) + "）。每个身份证号码同一时间只能保留一个预约；如需改期，请先取消原预约。");
            }
        }
    }

    private byte[] index(CheckedParty party) {
        return blind.of(ID_PURPOSE, party.id().value());
    }

    private String newCode() {
        StringBuilder code = new StringBuilder("HY");
        for (int i = 0; i < 8; i++) {
            code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    /** The bookings of a date, for the office's list of the day. */
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'DISTRICT_LEADER')")
    public List<Appointment> ofDay(LocalDate date) {
        return transactions.execute(status -> jdbc.sql("""
                        select id, code, day, kind, party_a_name, party_a_id_masked, party_b_name,
                               party_b_id_masked, channel, state
                        from marriage_appointment where day = ? order by booked_at, id
                        """)
                .param(date)
                .query((rs, n) -> new Appointment(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getObject(3, LocalDate.class),
                        AppointmentKind.valueOf(rs.getString(4)),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        Channel.valueOf(rs.getString(9)),
                        AppointmentState.valueOf(rs.getString(10))))
                .list());
    }

    /**
     * Closes a booking: the couple came (ATTENDED), did not come (NO_SHOW) or cancelled. The place returns to the date
     * only on a cancellation before the day; the ID numbers are free again in every case.
     */
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'DISTRICT_LEADER')")
    public AppointmentState close(long id, AppointmentState outcome, String actor) {
        if (outcome == AppointmentState.BOOKED || outcome == null) {
            throw new BusinessRuleViolation("请选择：已到场办理、未到场或取消预约");
        }
        AppointmentState closed = transactions.execute(status -> closeInTransaction(id, outcome, actor));
        audit.record(AuditEvent.success("MARRIAGE_APPOINTMENT_CLOSED", "marriage_appointment", id)
                .because(outcome.name()));
        return closed;
    }

    /** A couple cancels from the portal with the appointment code and one party's ID number. */
    public void cancelByCouple(String code, String idNumber) {
        String cleanCode = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
        var id = cn.minzheng.shared.IdNumber.check(cn.minzheng.shared.IdDocumentType.RESIDENT_ID_CARD, idNumber);
        Optional<Long> found = id.valid()
                ? transactions.execute(status -> jdbc.sql("""
                                select a.id from marriage_appointment a
                                join marriage_active_booking b on b.appointment_id = a.id
                                where a.code = ? and b.id_index = ? and a.state = 'BOOKED'
                                """)
                        .params(cleanCode, blind.of(ID_PURPOSE, id.number().value()))
                        .query(Long.class)
                        .optional())
                : Optional.empty();
        // One answer for a wrong code and a wrong number: the portal must not tell a guesser which half was right.
        long appointment = found.orElseThrow(() -> new NotFound("没有找到与预约号和身份证号码相符的有效预约"));
        transactions.executeWithoutResult(
                status -> closeInTransaction(appointment, AppointmentState.CANCELLED, "PORTAL"));
        audit.record(AuditEvent.success("MARRIAGE_APPOINTMENT_CLOSED", "marriage_appointment", appointment)
                .because("CANCELLED_BY_COUPLE"));
    }

    private AppointmentState closeInTransaction(long id, AppointmentState outcome, String actor) {
        record Row(LocalDate day, String state) {}
        Row row = jdbc.sql("select day, state from marriage_appointment where id = ? for update")
                .param(id)
                .query((rs, n) -> new Row(rs.getObject(1, LocalDate.class), rs.getString(2)))
                .optional()
                .orElseThrow(() -> new NotFound("没有这个预约"));
        if (!"BOOKED".equals(row.state())) {
            throw new BusinessRuleViolation(
                    "该预约已" + AppointmentState.valueOf(row.state()).label() + "，不能再更改");
        }
        LocalDate today = LocalDate.now(clock);
        if (outcome != AppointmentState.CANCELLED && row.day().isAfter(today)) {
            throw new BusinessRuleViolation("预约日期（" + Display.date(row.day()) + "）还未到，只能取消，不能登记到场情况");
        }
        if (outcome == AppointmentState.CANCELLED && row.day().isBefore(today)) {
            throw new BusinessRuleViolation("预约日期已过，请登记为已到场或未到场");
        }
        jdbc.sql("update marriage_appointment set state = ?, closed_at = ?, closed_by = ? where id = ?")
                .params(outcome.name(), Timestamp.from(clock.instant()), actor, id)
                .update();
        jdbc.sql("delete from marriage_active_booking where appointment_id = ?")
                .param(id)
                .update();
        if (outcome == AppointmentState.CANCELLED) {
            jdbc.sql("update marriage_appointment_day set booked = booked - 1 where day = ?")
                    .param(row.day())
                    .update();
        }
        return outcome;
    }
}
