package cn.minzheng.resident;

import cn.minzheng.shared.CreditCode;
import cn.minzheng.shared.Gender;
import cn.minzheng.shared.IdNumber;
import java.time.LocalDate;

/** Valid synthetic identifiers for tests: built by the algorithms, never taken from a real person. */
final class SyntheticIds {

    private SyntheticIds() {}

    /** A 居民身份证号码 with the given address code, birth date and sequence (its parity decides the sex). */
    static String idNumber(String addressCode, LocalDate birth, int sequence) {
        String body = addressCode
                + String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
                + String.format("%03d", sequence);
        return body + IdNumber.checkCharacter(body);
    }

    static String idNumber(LocalDate birth, Gender gender, int serial) {
        int sequence = (serial % 500) * 2 + (gender == Gender.MALE ? 1 : 0);
        return idNumber("610113", birth, sequence);
    }

    /** A 统一社会信用代码 with a regular embedded organisation code. */
    static String creditCode(String first8, String organisationBody8) {
        String organisation = organisationBody8 + CreditCode.organisationCheckCharacter(organisationBody8);
        String first17 = first8 + organisation;
        return first17 + CreditCode.checkCharacter(first17);
    }
}
