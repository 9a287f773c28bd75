package cn.minzheng.resident;

import cn.minzheng.shared.Gender;
import cn.minzheng.shared.IdNumber;
import java.time.LocalDate;
import java.util.Random;

/**
 * The demo residents' numbers: valid synthetic ID numbers (mostly 610113…, some from elsewhere in Shaanxi and
 * beyond), never used twice, and mobile numbers. Draws from the demo's one random sequence.
 */
final class ResidentDemoNumbers {

    /** Address codes of ID numbers: mostly Yanta, then the rest of Xi'an and Shaanxi, then other provinces. */
    private static final String[] ADDRESS_CODES = {
        "610113", "610113", "610113", "610113", "610113", "610113", "610102", "610103", "610104", "610111", "610112",
        "610116", "610122", "610124", "610402", "610302", "612301", "610502", "410102", "140105", "620102", "510104"
    };

    private final Random random;
    private final LongSet usedNumbers = new LongSet(1 << 21);

    ResidentDemoNumbers(Random random) {
        this.random = random;
    }

    /** The address code of a 户籍 outside the district. */
    String addressCode() {
        return ADDRESS_CODES[random.nextInt(ADDRESS_CODES.length)];
    }

    /** A valid, unused 居民身份证号码: address code, birth date, a sequence whose last digit encodes the sex. */
    String idNumber(LocalDate birth, Gender gender) {
        String address = ADDRESS_CODES[random.nextInt(ADDRESS_CODES.length)];
        String date = String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth());
        for (int attempt = 0; attempt < 10_000; attempt++) {
            int sequence = random.nextInt(500) * 2 + (gender == Gender.MALE ? 1 : 0);
            String body = address + date + String.format("%03d", sequence);
            if (usedNumbers.add(Long.parseLong(body))) {
                return body + IdNumber.checkCharacter(body);
            }
            address = ADDRESS_CODES[random.nextInt(ADDRESS_CODES.length)];
        }
        throw new IllegalStateException("no free ID number for a birth date");
    }

    String mobile() {
        String[] prefixes = {
            "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155", "156",
            "157", "158", "159", "176", "177", "180", "181", "182", "183", "185", "186", "187", "188", "189", "199"
        };
        return prefixes[random.nextInt(prefixes.length)] + String.format("%08d", random.nextInt(100_000_000));
    }
}
