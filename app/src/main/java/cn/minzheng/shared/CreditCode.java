package cn.minzheng.shared;

import java.util.Objects;

/**
 * 统一社会信用代码 (GB 32100-2015), the 18-character code of an organisation: registration authority (position 1; 5 =
 * 民政), organisation category (2), administrative division of the registering office (3–8), the GB 11714 organisation
 * code (9–17, itself with a check character at 17) and a MOD 31 check character (18). The alphabet has 31 characters:
 * digits and upper-case letters without I, O, S, V and Z.
 *
 * <p>A wrong 18th character refuses the code. A wrong embedded organisation-code check character is reported as a
 * warning, because codes issued while the old codes were migrated are known to contain irregular ones (domain spec
 * §13.2).
 */
public final class CreditCode {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORGANISATION_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
    /** Registration authorities: 1 机构编制, 5 民政, 9 工商/市场监管, Y 其他, and the later ones (2–8, A, N). */
    private static final String AUTHORITIES = "123456789ANY";

    private final String value;

    private CreditCode(String value) {
        this.value = value;
    }

    public enum Problem {
        EMPTY,
        LENGTH,
        CHARACTERS,
        REGISTRATION_AUTHORITY,
        ADMINISTRATIVE_DIVISION,
        CHECK_CHARACTER
    }

    /**
     * A code, or the problem with a Chinese message; {@code warning} names an irregular embedded organisation code on an
     * otherwise valid code.
     */
    public record Check(CreditCode code, Problem problem, String message, String warning) {

        public boolean valid() {
            return problem == null;
        }

        static Check refused(Problem problem, String message) {
            return new Check(null, problem, message, null);
        }
    }

    /** Never throws. */
    public static Check check(String raw) {
        try {
            return checkUnsafe(raw);
        } catch (RuntimeException e) {
            return Check.refused(Problem.CHARACTERS, "统一社会信用代码格式不正确");
        }
    }

    public static CreditCode of(String raw) {
        Check check = check(raw);
        if (!check.valid()) {
            throw new IllegalArgumentException(check.message());
        }
        return check.code();
    }

    private static Check checkUnsafe(String raw) {
        String code = IdNumber.normalise(raw);
        if (code.isEmpty()) {
            return Check.refused(Problem.EMPTY, "缺少统一社会信用代码");
        }
        if (code.length() != 18) {
            return Check.refused(Problem.LENGTH, "统一社会信用代码应为18位，实为" + code.length() + "位");
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return Check.refused(Problem.CHARACTERS, "第" + (i + 1) + "位字符不允许：统一社会信用代码只使用数字和除 I、O、S、V、Z 以外的大写字母");
            }
        }
        if (AUTHORITIES.indexOf(code.charAt(0)) < 0) {
            return Check.refused(Problem.REGISTRATION_AUTHORITY, "第1位登记管理部门代码 " + code.charAt(0) + " 不存在");
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(code.charAt(i))) {
                return Check.refused(Problem.ADMINISTRATIVE_DIVISION, "第3–8位应为登记管理机关的6位行政区划代码");
            }
        }
        char expected = checkCharacter(code.substring(0, 17));
        if (code.charAt(17) != expected) {
            return Check.refused(Problem.CHECK_CHARACTER, "校验码不正确：按前17位计算，第18位应为 " + expected + "（代码可能有录入错误）");
        }
        String warning = organisationCodeIsRegular(code.substring(8, 17))
                ? null
                : "第9–17位组织机构代码的校验位不符合 GB 11714（部分换发时的存量代码如此），请核对营业执照或登记证书";
        return new Check(new CreditCode(code), null, null, warning);
    }

    /** The MOD 31 check character of the first 17 characters (which must be in the alphabet). */
    public static char checkCharacter(CharSequence first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return ALPHABET.charAt(check == 31 ? 0 : check);
    }

    /** The GB 11714 check character of an 8-character organisation-code body ('0'–'9', 'A'–'Z'). */
    public static char organisationCheckCharacter(CharSequence body8) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = body8.charAt(i);
            int v = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            sum += v * ORGANISATION_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }

    private static boolean organisationCodeIsRegular(String nine) {
        return nine.charAt(8) == organisationCheckCharacter(nine.substring(0, 8));
    }

    public String value() {
        return value;
    }

    /** 5 = 民政: organisations registered by a civil affairs bureau (社会团体, 社会服务机构, 基金会). */
    public char registrationAuthority() {
        return value.charAt(0);
    }

    public String administrativeDivision() {
        return value.substring(2, 8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CreditCode that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
