package cn.minzheng.shared;

import java.util.Objects;

/**
 * A person's name as registered: Chinese characters from the whole CJK range (including the supplementary planes, such
 * as 𠮷 U+20BB7), with {@code ·} between the parts of names transliterated from other languages
 * (阿依古丽·买买提); or, for foreigners, a name in Latin letters. Lengths are counted in code points, not UTF-16 units.
 *
 * <p>Normalisation: surrounding blanks removed; the look-alikes of the middle dot that input methods produce (•, ‧, ・,
 * ･, ∙, ⋅, ．, and a full stop between Chinese characters) become {@code ·}. No Unicode normalisation: NFC would turn
 * CJK compatibility ideographs into different characters, and a name must stay exactly as on the document.
 */
public final class PersonName {

    public static final char MIDDLE_DOT = '·';
    static final int MIN_CHINESE = 2;
    static final int MAX_CHINESE = 50;
    static final int MAX_LATIN = 100;

    private final String value;

    private PersonName(String value) {
        this.value = value;
    }

    /** A name, or the reason it is not one (Chinese). */
    public record Check(PersonName name, String problem) {

        public boolean valid() {
            return problem == null;
        }
    }

    /** Never throws. */
    public static Check check(String raw) {
        try {
            return checkUnsafe(raw);
        } catch (RuntimeException e) {
            return new Check(null, "姓名格式不正确");
        }
    }

    public static PersonName of(String raw) {
        Check check = check(raw);
        if (!check.valid()) {
            throw new IllegalArgumentException(check.problem());
        }
        return check.name();
    }

    private static Check checkUnsafe(String raw) {
        String name = normalise(raw);
        if (name.codePoints().anyMatch(PersonName::isChineseCharacter)) {
            name = name.replace(" ", ""); // "张 三" is 张三: blanks are not part of a Chinese name
        }
        if (name.isEmpty()) {
            return new Check(null, "缺少姓名");
        }
        if (name.length() > 4 * MAX_LATIN) {
            return new Check(null, "姓名过长");
        }
        boolean chinese = false;
        boolean latin = false;
        int previous = -1;
        int length = 0;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            i += Character.charCount(cp);
            length++;
            if (isChineseCharacter(cp)) {
                chinese = true;
            } else if (isLatinLetter(cp)) {
                latin = true;
            } else if (cp == MIDDLE_DOT) {
                if (previous == -1 || previous == MIDDLE_DOT || i == name.length()) {
                    return new Check(null, "姓名中的“·”只能用在两部分之间");
                }
            } else if (cp == ' ' || cp == '-' || cp == '\'' || cp == '.' || cp == ',') {
                if (previous == -1 || i == name.length()) {
                    return new Check(null, "姓名不能以“" + new String(Character.toChars(cp)) + "”开头或结尾");
                }
                latin = true;
            } else if (Character.getType(cp) == Character.PRIVATE_USE) {
                return new Check(null, "姓名中含有私用区字符（多为旧系统自造字），请改用标准汉字编码（GB 18030-2022）录入");
            } else {
                return new Check(null, "姓名中含有不能用于姓名的字符“" + describe(cp) + "”");
            }
            previous = cp;
        }
        if (chinese && latin) {
            return new Check(null, "姓名不能混用汉字和拉丁字母");
        }
        if (chinese && length < MIN_CHINESE) {
            return new Check(null, "姓名至少" + MIN_CHINESE + "个字");
        }
        if (chinese && length > MAX_CHINESE) {
            return new Check(null, "姓名最多" + MAX_CHINESE + "个字");
        }
        if (!chinese && !latin) {
            return new Check(null, "姓名中没有文字");
        }
        if (latin && (length < 2 || length > MAX_LATIN)) {
            return new Check(null, "外文姓名应为2–" + MAX_LATIN + "个字符");
        }
        return new Check(new PersonName(name), null);
    }

    /** Chinese characters of every CJK block, including extensions B–H on the supplementary planes and 〇. */
    static boolean isChineseCharacter(int cp) {
        return Character.isIdeographic(cp) && Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    private static boolean isLatinLetter(int cp) {
        return Character.isLetter(cp) && Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN;
    }

    private static String describe(int cp) {
        if (Character.isISOControl(cp) || Character.isWhitespace(cp) || !Character.isDefined(cp)) {
            return String.format("U+%04X", cp);
        }
        return new String(Character.toChars(cp));
    }

    static String normalise(String raw) {
        if (raw == null) {
            return "";
        }
        String stripped = raw.strip().replace('\u3000', ' ').strip();
        StringBuilder out = new StringBuilder(stripped.length());
        for (int i = 0; i < stripped.length(); ) {
            int cp = stripped.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '•', '‧', '・', '･', '∙', '⋅', '．', 'ꞏ', '\u0387' -> out.append(MIDDLE_DOT);
                case '.' -> out.append(betweenChinese(out, stripped, i) ? MIDDLE_DOT : '.');
                default -> out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    private static boolean betweenChinese(StringBuilder before, String text, int after) {
        if (before.length() == 0 || after >= text.length()) {
            return false;
        }
        int previous = before.codePointBefore(before.length());
        int next = text.codePointAt(after);
        return isChineseCharacter(previous) && isChineseCharacter(next);
    }

    public String value() {
        return value;
    }

    /** Length in code points: 𠮷 counts as one character. */
    public int length() {
        return value.codePointCount(0, value.length());
    }

    public boolean isChinese() {
        return value.codePoints().anyMatch(PersonName::isChineseCharacter);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PersonName that && value.equals(that.value);
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
