package cn.minzheng.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The number of an identity document, validated and in its canonical form.
 *
 * <ul>
 *   <li>居民身份证号码 (GB 11643-1999): 6-digit address code, 8-digit birth date, 3-digit sequence (odd = male), check
 *       character by ISO 7064 MOD 11-2. Legacy 15-digit numbers (GB 11643-1989) are converted to 18 digits.
 *   <li>港澳台居民居住证: the same structure and check, with the address code 810000 (Hong Kong), 820000 (Macao) or
 *       830000 (Taiwan).
 *   <li>外国人永久居留身份证: the 2023 scheme — 18 characters starting with 9, then the province code of the accepting
 *       authority, a 3-digit nationality code, the birth date, a sequence and a MOD 11-2 check character — and the
 *       older 15-character cards (3 letters of nationality, 12 digits), checked for their form only. Both layouts are
 *       taken from public descriptions that could not be verified against the standard ([U] in the domain spec).
 * </ul>
 *
 * <p>Input is normalised first: surrounding and inner blanks removed, full-width characters made half-width, a lower-case
 * {@code x} made upper-case, a leading apostrophe (typed in spreadsheets to keep digits as text) dropped.
 *
 * <p>{@link #toString()} gives the masked form, so that a number that reaches a log line by accident is not disclosed.
 */
public final class IdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final int LONGEST_INPUT = 40;
    private static final int OLDEST_AGE = 150;

    /** Province-level codes of the mainland (GB/T 2260): the first two digits of an address code. */
    static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43",
            "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65");

    private static final Set<String> HMT_ADDRESS_CODES = Set.of("810000", "820000", "830000");

    private final IdDocumentType type;
    private final String value;

    private IdNumber(IdDocumentType type, String value) {
        this.type = type;
        this.value = value;
    }

    /** Why a number was refused. */
    public enum Problem {
        EMPTY,
        NUMBER_NOT_EXPECTED,
        SPREADSHEET_NUMBER,
        LENGTH,
        CHARACTERS,
        ADDRESS_CODE,
        BIRTH_DATE,
        FUTURE_BIRTH_DATE,
        IMPLAUSIBLE_AGE,
        CHECK_CHARACTER
    }

    /**
     * The outcome of a check: a number, or the problem with a Chinese message saying which check failed. For the
     * document type {@link IdDocumentType#NONE} a valid outcome has no number.
     */
    public record Check(IdNumber number, Problem problem, String message, boolean convertedFrom15) {

        public boolean valid() {
            return problem == null;
        }

        public Optional<IdNumber> value() {
            return Optional.ofNullable(number);
        }

        static Check ok(IdNumber number, boolean converted) {
            return new Check(number, null, null, converted);
        }

        static Check refused(Problem problem, String message) {
            return new Check(null, problem, message, false);
        }
    }

    /** Checks as of today in Beijing. Never throws. */
    public static Check check(IdDocumentType type, String raw) {
        return check(type, raw, LocalDate.now(BEIJING));
    }

    /** Checks a number of the given document type; {@code today} bounds the birth date. Never throws. */
    public static Check check(IdDocumentType type, String raw, LocalDate today) {
        try {
            return checkUnsafe(type == null ? IdDocumentType.RESIDENT_ID_CARD : type, raw, today);
        } catch (RuntimeException e) {
            // Defensive: no input may make validation fail with an exception; report it as malformed instead.
            return Check.refused(Problem.CHARACTERS, "证件号码格式不正确");
        }
    }

    /** A valid number, or {@link IllegalArgumentException} with the Chinese reason. */
    public static IdNumber of(IdDocumentType type, String raw) {
        Check check = check(type, raw);
        if (!check.valid() || check.number() == null) {
            throw new IllegalArgumentException(check.valid() ? "没有证件号码" : check.message());
        }
        return check.number();
    }

    private static Check checkUnsafe(IdDocumentType type, String raw, LocalDate today) {
        String number = normalise(raw);
        if (type == IdDocumentType.NONE) {
            return number.isEmpty()
                    ? Check.ok(null, false)
                    : Check.refused(Problem.NUMBER_NOT_EXPECTED, "证件类型为“无”时不应填写证件号码");
        }
        if (number.isEmpty()) {
            return Check.refused(Problem.EMPTY, "缺少证件号码");
        }
        if (looksLikeSpreadsheetNumber(number)) {
            return Check.refused(Problem.SPREADSHEET_NUMBER, "证件号码被表格软件存成了数字（科学计数法），后几位已经丢失；请把该列设为“文本”后重新录入");
        }
        return switch (type) {
            case RESIDENT_ID_CARD -> residentIdCard(number, today);
            case HMT_RESIDENCE_PERMIT -> hmtPermit(number, today);
            case FOREIGN_PERMANENT_RESIDENCE -> foreignPermanentResidence(number, today);
            case NONE -> throw new IllegalStateException("handled above");
        };
    }

    private static Check residentIdCard(String number, LocalDate today) {
        boolean converted = false;
        if (number.length() == 15) {
            if (!digits(number, 0, 15)) {
                return Check.refused(Problem.CHARACTERS, "15位旧身份证号码只能由数字组成");
            }
            Check date = birthDate("19" + number.substring(6, 12), today);
            if (date != null) {
                return Check.refused(date.problem(), date.message().replace("第7–14位", "第7–12位"));
            }
            String body = number.substring(0, 6) + "19" + number.substring(6);
            number = body + checkCharacter(body);
            converted = true;
        }
        if (number.length() != 18) {
            return Check.refused(Problem.LENGTH, "居民身份证号码应为18位（或15位旧号码），实为" + number.length() + "位");
        }
        Check form = eighteenCharacterForm(number);
        if (form != null) {
            return form;
        }
        String address = number.substring(0, 6);
        if (HMT_ADDRESS_CODES.contains(address)) {
            return Check.refused(Problem.ADDRESS_CODE, "地址码 " + address + " 属于港澳台居民居住证，请将证件类型选为“港澳台居民居住证”");
        }
        if (!PROVINCES.contains(address.substring(0, 2))) {
            return Check.refused(Problem.ADDRESS_CODE, "前6位地址码不正确：前两位 " + address.substring(0, 2) + " 不是省级行政区划代码");
        }
        return datedAndChecked(IdDocumentType.RESIDENT_ID_CARD, number, today, converted);
    }

    private static Check hmtPermit(String number, LocalDate today) {
        if (number.length() != 18) {
            return Check.refused(Problem.LENGTH, "港澳台居民居住证号码应为18位，实为" + number.length() + "位");
        }
        Check form = eighteenCharacterForm(number);
        if (form != null) {
            return form;
        }
        if (!HMT_ADDRESS_CODES.contains(number.substring(0, 6))) {
            return Check.refused(Problem.ADDRESS_CODE, "港澳台居民居住证号码须以 810000（香港）、820000（澳门）或 830000（台湾）开头");
        }
        return datedAndChecked(IdDocumentType.HMT_RESIDENCE_PERMIT, number, today, false);
    }

    private static Check foreignPermanentResidence(String number, LocalDate today) {
        if (number.length() == 15) {
            if (!letters(number, 0, 3) || !digits(number, 3, 15)) {
                return Check.refused(Problem.CHARACTERS, "15位外国人永久居留证号码应为3位国籍字母加12位数字");
            }
            return Check.ok(new IdNumber(IdDocumentType.FOREIGN_PERMANENT_RESIDENCE, number), false);
        }
        if (number.length() != 18) {
            return Check.refused(Problem.LENGTH, "外国人永久居留身份证号码应为18位（2023年版）或15位（旧版），实为" + number.length() + "位");
        }
        Check form = eighteenCharacterForm(number);
        if (form != null) {
            return form;
        }
        if (number.charAt(0) != '9' || !PROVINCES.contains(number.substring(1, 3))) {
            return Check.refused(Problem.ADDRESS_CODE, "外国人永久居留身份证号码须以9开头，第2–3位为受理地的省级行政区划代码");
        }
        return datedAndChecked(IdDocumentType.FOREIGN_PERMANENT_RESIDENCE, number, today, false);
    }

    /** The 18-character layout: 17 digits and a digit or X. Null when it holds. */
    private static Check eighteenCharacterForm(String number) {
        char last = number.charAt(17);
        if (!digits(number, 0, 17) || !((last >= '0' && last <= '9') || last == 'X')) {
            return Check.refused(Problem.CHARACTERS, "证件号码只能由数字组成，末位可以是X");
        }
        return null;
    }

    private static Check datedAndChecked(IdDocumentType type, String number, LocalDate today, boolean converted) {
        // The birth date sits at positions 7–14 in all three 18-character layouts.
        Check date = birthDate(number.substring(6, 14), today);
        if (date != null) {
            return date;
        }
        char expected = checkCharacter(number.substring(0, 17));
        if (number.charAt(17) != expected) {
            return Check.refused(Problem.CHECK_CHARACTER, "校验码不正确：按前17位计算，第18位应为 " + expected + "（号码可能有录入错误）");
        }
        return Check.ok(new IdNumber(type, number), converted);
    }

    /** Null when the 8 digits are a real date, not in the future and not implausibly long ago. */
    private static Check birthDate(String yyyymmdd, LocalDate today) {
        LocalDate date = parseDate(yyyymmdd);
        if (date == null) {
            return Check.refused(Problem.BIRTH_DATE, "出生日期码（第7–14位）不是真实存在的日期");
        }
        if (date.isAfter(today)) {
            return Check.refused(Problem.FUTURE_BIRTH_DATE, "出生日期码（第7–14位）晚于今天");
        }
        if (date.isBefore(today.minusYears(OLDEST_AGE))) {
            return Check.refused(Problem.IMPLAUSIBLE_AGE, "出生日期码（第7–14位）早于" + OLDEST_AGE + "年前，不可能是在世居民");
        }
        return null;
    }

    private static LocalDate parseDate(String yyyymmdd) {
        if (!digits(yyyymmdd, 0, 8)) {
            return null;
        }
        try {
            return LocalDate.of(
                    Integer.parseInt(yyyymmdd.substring(0, 4)),
                    Integer.parseInt(yyyymmdd.substring(4, 6)),
                    Integer.parseInt(yyyymmdd.substring(6, 8)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static boolean looksLikeSpreadsheetNumber(String number) {
        return number.contains("E+") || (number.contains(".") && number.contains("E"));
    }

    /**
     * Canonical form of user input: no blanks (also full-width and zero-width ones), full-width characters made
     * half-width, letters upper-case, a leading apostrophe dropped. Very long input is cut short (it is invalid anyway).
     */
    public static String normalise(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(raw.length(), LONGEST_INPUT + 1));
        for (int i = 0; i < raw.length() && out.length() <= LONGEST_INPUT; i++) {
            char c = raw.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF') {
                continue;
            }
            if (c == '\'' && out.length() == 0) {
                continue;
            }
            if (c >= 'a' && c <= 'z') {
                c = (char) (c - ('a' - 'A'));
            }
            out.append(c);
        }
        return out.toString();
    }

    /** The MOD 11-2 check character of the first 17 digits. */
    public static char checkCharacter(CharSequence first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    /** {@code 610113********1234}: the address code and the last four characters, nothing of the birth date. */
    public static String mask(String number) {
        if (number == null || number.length() < 10) {
            return "********";
        }
        int head = number.length() == 15 && !Character.isDigit(number.charAt(0)) ? 3 : 6;
        return number.substring(0, head) + "********" + number.substring(number.length() - 4);
    }

    public IdDocumentType type() {
        return type;
    }

    /** The full canonical number. Handle with care: never log it, never show it without a reason. */
    public String value() {
        return value;
    }

    public String masked() {
        return mask(value);
    }

    public String lastFour() {
        return value.substring(value.length() - 4);
    }

    /** The birth date encoded in the number; empty for the older foreign cards (their century is ambiguous). */
    public Optional<LocalDate> birthDate() {
        if (value.length() != 18) {
            return Optional.empty();
        }
        return Optional.ofNullable(parseDate(value.substring(6, 14)));
    }

    /**
     * The gender encoded in the 17th digit (odd male, even female) for 居民身份证 and 港澳台居民居住证; empty for foreign
     * cards, whose sequence rules could not be verified.
     */
    public Optional<Gender> gender() {
        if (type == IdDocumentType.FOREIGN_PERMANENT_RESIDENCE) {
            return Optional.empty();
        }
        return Optional.of((value.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE);
    }

    /** The address code (first six digits) of a 居民身份证; empty for other documents. */
    public Optional<String> addressCode() {
        return type == IdDocumentType.RESIDENT_ID_CARD ? Optional.of(value.substring(0, 6)) : Optional.empty();
    }

    private static boolean digits(String s, int from, int to) {
        if (s.length() < to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean letters(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 'A' || c > 'Z') {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IdNumber that && type == that.type && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, value);
    }

    /** Masked on purpose: see the class comment. */
    @Override
    public String toString() {
        return type.label() + " " + masked();
    }
}
