package cn.minzheng.resident;

import java.util.Locale;
import java.util.Map;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * The search keys of a name: full pinyin without tones ("zhangsan") and initials ("zs"), stored beside the name and kept
 * up to date on every write. ü is written v, as Chinese input methods do (吕 → lv).
 *
 * <p>Characters with several readings take their usual reading, except surnames, which have their own (曾 zeng, 单
 * shan, 解 xie, 仇 qiu …). Characters pinyin4j does not know (most of the supplementary planes, such as 𠮷) add nothing
 * to the keys: such a person is still found by name or by ID number. Latin names are lower-cased; their initials are
 * the first letter of each word.
 */
final class NamePinyin {

    /** Surnames whose reading differs from the character's usual one. */
    private static final Map<String, String> SURNAMES = Map.ofEntries(
            Map.entry("尉迟", "yuchi"),
            Map.entry("万俟", "moqi"),
            Map.entry("单于", "chanyu"),
            Map.entry("长孙", "zhangsun"),
            Map.entry("曾", "zeng"),
            Map.entry("单", "shan"),
            Map.entry("解", "xie"),
            Map.entry("仇", "qiu"),
            Map.entry("朴", "piao"),
            Map.entry("查", "zha"),
            Map.entry("区", "ou"),
            Map.entry("盖", "ge"),
            Map.entry("乐", "yue"),
            Map.entry("尉", "yu"),
            Map.entry("繁", "po"),
            Map.entry("覃", "qin"),
            Map.entry("翟", "zhai"),
            Map.entry("缪", "miao"),
            Map.entry("黑", "he"),
            Map.entry("种", "chong"),
            Map.entry("秘", "bi"),
            Map.entry("隗", "wei"),
            Map.entry("召", "shao"),
            Map.entry("柏", "bai"),
            Map.entry("葛", "ge"),
            Map.entry("重", "chong"),
            Map.entry("宓", "mi"),
            Map.entry("沈", "shen"),
            Map.entry("任", "ren"),
            Map.entry("华", "hua"),
            Map.entry("薄", "bo"),
            Map.entry("纪", "ji"),
            Map.entry("过", "guo"),
            Map.entry("蕃", "pi"));

    private static final Map<String, String> COMPOUND_INITIALS = Map.of("尉迟", "yc", "万俟", "mq", "单于", "cy", "长孙", "zs");

    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

    static {
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    record Keys(String full, String initials) {}

    private NamePinyin() {}

    static Keys of(String name) {
        if (name == null || name.isEmpty()) {
            return new Keys("", "");
        }
        if (name.codePoints().noneMatch(Character::isIdeographic)) {
            return latin(name);
        }
        StringBuilder full = new StringBuilder();
        StringBuilder initials = new StringBuilder();
        int start = 0;
        String surname = surname(name);
        if (surname != null) {
            String reading = SURNAMES.get(surname);
            full.append(reading);
            initials.append(surname.length() == 2 ? COMPOUND_INITIALS.get(surname) : reading.substring(0, 1));
            start = surname.length();
        }
        for (int i = start; i < name.length(); ) {
            int cp = name.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isBmpCodePoint(cp)) {
                String reading = reading((char) cp);
                if (reading != null) {
                    full.append(reading);
                    initials.append(reading.charAt(0));
                }
            }
        }
        return new Keys(full.toString(), initials.toString());
    }

    private static String surname(String name) {
        if (name.length() >= 2 && COMPOUND_INITIALS.containsKey(name.substring(0, 2))) {
            return name.substring(0, 2);
        }
        String first = name.substring(0, 1);
        return SURNAMES.containsKey(first) ? first : null;
    }

    private static String reading(char c) {
        try {
            String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
            return readings == null || readings.length == 0 ? null : readings[0];
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException(e);
        }
    }

    private static Keys latin(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        StringBuilder full = new StringBuilder();
        StringBuilder initials = new StringBuilder();
        boolean wordStart = true;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (Character.isLetter(c)) {
                full.append(c);
                if (wordStart) {
                    initials.append(c);
                }
                wordStart = false;
            } else {
                wordStart = true;
            }
        }
        return new Keys(full.toString(), initials.toString());
    }

    /** What a user typed, as a key: lower-case Latin letters only (ü as v), or empty if it is not a pinyin query. */
    static String queryKey(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c == 'ü') {
                c = 'v';
            }
            if (c >= 'a' && c <= 'z') {
                out.append(c);
            } else if (c != ' ' && c != '\'' && c != '·') {
                return "";
            }
        }
        return out.toString();
    }
}
