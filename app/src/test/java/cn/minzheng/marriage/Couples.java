package cn.minzheng.marriage;

import cn.minzheng.shared.IdNumber;
import java.time.LocalDate;

/** Synthetic parties: valid 居民身份证 numbers (GB 11643 check character) with invented names. Never real people. */
final class Couples {

    private Couples() {}

    /** A number for a person born on {@code birth}, of the given sex, made unique by {@code serial} (0–499). */
    static String idNumber(LocalDate birth, boolean male, int serial) {
        int sequence = serial * 2 + (male ? 1 : 0);
        String first17 = "610113" + birth.toString().replace("-", "") + String.format("%03d", sequence % 1000);
        return first17 + IdNumber.checkCharacter(first17);
    }

    /** A man and a woman, both 30 years old, distinct from every other pair with a different {@code n} (0–99 999). */
    static BookingRequest marriage(LocalDate date, int n) {
        LocalDate birth = LocalDate.of(1990, 1, 1).plusDays(n / 500);
        return new BookingRequest(
                date,
                AppointmentKind.MARRIAGE,
                new Party("张测试", idNumber(birth, true, n % 500)),
                new Party("李测试", idNumber(birth, false, n % 500)));
    }

    static String json(LocalDate date, String type, String idA, String idB) {
        return """
                {"date": "%s", "type": "%s", "partyA": {"name": "王甲", "idNumber": "%s"},
                 "partyB": {"name": "赵乙", "idNumber": "%s"}}""".formatted(date, type, idA, idB);
    }
}
