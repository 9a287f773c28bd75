package cn.minzheng.resident;

import cn.minzheng.shared.Gender;
import cn.minzheng.shared.IdDocumentType;
import cn.minzheng.shared.IdNumber;
import cn.minzheng.shared.PersonName;
import cn.minzheng.shared.RegionCode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a person's details as typed (a form, an API call, a row of a spreadsheet): each field on its own, then the
 * gender and birth date against the ID number. Every problem is named with its field (the template's column name) and
 * a Chinese reason; nothing is echoed that would disclose an ID number. Whether the community exists and lies in the
 * caller's scope is checked by the caller, which knows the region tree.
 */
final class PersonCheck {

    static final String NAME = "姓名";
    static final String DOCUMENT_TYPE = "证件类型";
    static final String ID_NUMBER = "证件号码";
    static final String GENDER = "性别";
    static final String BIRTH_DATE = "出生日期";
    static final String COMMUNITY = "居住社区代码";
    static final String HUKOU = "户籍地址码";
    static final String PHONE = "联系电话";

    private static final Pattern DATE = Pattern.compile("(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?");
    private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

    private PersonCheck() {}

    record Input(
            String name,
            String documentType,
            String idNumber,
            String gender,
            String birthDate,
            String communityCode,
            String hukouAddressCode,
            String phone) {}

    record Problem(String field, String reason) {}

    record Person(
            PersonName name,
            IdDocumentType documentType,
            IdNumber idNumber,
            Gender gender,
            LocalDate birthDate,
            String communityCode,
            String hukouAddressCode,
            String phone) {}

    record Outcome(Person person, List<Problem> problems) {

        boolean valid() {
            return problems.isEmpty();
        }
    }

    static Outcome check(Input in, LocalDate today) {
        List<Problem> problems = new ArrayList<>();

        PersonName.Check name = PersonName.check(in.name());
        if (!name.valid()) {
            problems.add(new Problem(NAME, name.problem()));
        }

        IdDocumentType type = null;
        IdNumber number = null;
        String typeText = blankToNull(in.documentType());
        String numberText = blankToNull(in.idNumber());
        if (typeText == null && numberText != null) {
            type = IdDocumentType.RESIDENT_ID_CARD; // a number without a type is read as a 居民身份证
        } else if (typeText == null) {
            problems.add(new Problem(DOCUMENT_TYPE, "缺少证件类型（居民身份证、港澳台居民居住证、外国人永久居留身份证或无）"));
        } else {
            type = IdDocumentType.ofLabel(typeText).orElse(null);
            if (type == null) {
                problems.add(
                        new Problem(DOCUMENT_TYPE, "证件类型“" + shorten(typeText) + "”不认识：应为居民身份证、港澳台居民居住证、外国人永久居留身份证或无"));
            }
        }
        if (type != null) {
            IdNumber.Check check = IdNumber.check(type, numberText, today);
            if (!check.valid()) {
                problems.add(new Problem(ID_NUMBER, check.message()));
            } else {
                number = check.number();
            }
        }

        Gender gender = null;
        String genderText = blankToNull(in.gender());
        if (genderText == null) {
            problems.add(new Problem(GENDER, "缺少性别（男或女）"));
        } else {
            gender = Gender.ofLabel(genderText).orElse(null);
            if (gender == null) {
                problems.add(new Problem(GENDER, "性别应为“男”或“女”"));
            }
        }

        LocalDate birthDate = null;
        String dateText = blankToNull(in.birthDate());
        if (dateText == null) {
            problems.add(new Problem(BIRTH_DATE, "缺少出生日期（格式 YYYY-MM-DD）"));
        } else {
            DateReading reading = readDate(dateText);
            if (reading.problem() != null) {
                problems.add(new Problem(BIRTH_DATE, reading.problem()));
            } else if (reading.date().isAfter(today)) {
                problems.add(new Problem(BIRTH_DATE, "出生日期 " + reading.date() + " 晚于今天"));
            } else if (reading.date().isBefore(today.minusYears(150))) {
                problems.add(new Problem(BIRTH_DATE, "出生日期 " + reading.date() + " 早于150年前"));
            } else {
                birthDate = reading.date();
            }
        }

        if (number != null) {
            if (birthDate != null
                    && number.birthDate().isPresent()
                    && !number.birthDate().get().equals(birthDate)) {
                problems.add(new Problem(BIRTH_DATE, "出生日期与证件号码中的出生日期码不一致"));
            }
            if (gender != null && number.gender().isPresent() && number.gender().get() != gender) {
                problems.add(new Problem(
                        GENDER, "性别与证件号码不一致（证件号码第17位表示" + number.gender().get().label() + "性）"));
            }
        }

        String community = blankToNull(in.communityCode());
        if (community == null) {
            problems.add(new Problem(COMMUNITY, "缺少居住社区代码（12位统计用区划代码）"));
        } else if (!community.matches("[0-9]{12}")) {
            problems.add(new Problem(COMMUNITY, "居住社区代码应为12位数字"));
            community = null;
        }

        String hukou = blankToNull(in.hukouAddressCode());
        if (hukou != null && !RegionCode.isWellFormed(hukou)) {
            problems.add(new Problem(HUKOU, "户籍地址码应为6位（县级）、9位（乡级）或12位（村级）行政区划代码"));
            hukou = null;
        }

        String phone = null;
        String phoneText = blankToNull(in.phone());
        if (phoneText != null) {
            phone = ContactNumbers.phone(phoneText).orElse(null);
            if (phone == null) {
                problems.add(new Problem(PHONE, "联系电话应为11位手机号码或带区号的固定电话"));
            }
        }

        if (!problems.isEmpty()) {
            return new Outcome(null, List.copyOf(problems));
        }
        return new Outcome(
                new Person(name.name(), type, number, gender, birthDate, community, hukou, phone), List.of());
    }

    record DateReading(LocalDate date, String problem) {}

    /** YYYY-MM-DD (also with / . or 年月日, or YYYYMMDD); an impossible date is named as such. */
    static DateReading readDate(String text) {
        String t = text.strip();
        Matcher m = DATE.matcher(t);
        Matcher compact = COMPACT_DATE.matcher(t);
        int year;
        int month;
        int day;
        if (m.matches()) {
            year = Integer.parseInt(m.group(1));
            month = Integer.parseInt(m.group(2));
            day = Integer.parseInt(m.group(3));
        } else if (compact.matches()) {
            year = Integer.parseInt(compact.group(1));
            month = Integer.parseInt(compact.group(2));
            day = Integer.parseInt(compact.group(3));
        } else {
            return new DateReading(null, "出生日期应写成 YYYY-MM-DD，例如 1980-05-17");
        }
        try {
            return new DateReading(LocalDate.of(year, month, day), null);
        } catch (DateTimeException e) {
            return new DateReading(null, "出生日期 " + shorten(t) + " 不是真实存在的日期");
        }
    }

    static String blankToNull(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip().replace("\u3000", "").strip();
        return stripped.isEmpty() ? null : stripped;
    }

    /** Echoes user input in a message: short, without control characters, and never a run of digits (an ID number). */
    static String shorten(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", " ").replaceAll("[0-9０-９]{6,}[0-9Xx]*", "******");
        return clean.codePointCount(0, clean.length()) <= 20
                ? clean
                : clean.substring(0, clean.offsetByCodePoints(0, 20)) + "…";
    }
}
