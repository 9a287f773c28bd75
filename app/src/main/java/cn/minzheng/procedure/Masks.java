package cn.minzheng.procedure;

/**
 * Masking of natural persons' identifiers in anything published (行政处罚决定公开中自然人的个人信息脱敏；社会救助暂行办法
 * 第六十一条).
 */
final class Masks {

    private Masks() {}

    /** 张三 → 张某, 欧阳娜娜 → 欧某某: the surname's first character and 某 for the rest. */
    static String name(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        String trimmed = name.strip();
        int first = trimmed.codePointAt(0);
        int rest = trimmed.codePointCount(0, trimmed.length()) - 1;
        return new StringBuilder()
                .appendCodePoint(first)
                .append(rest <= 1 ? "某" : "某某")
                .toString();
    }

    /** 610113199001011234 → 610113********1234. */
    static String idNumber(String id) {
        if (id == null || id.length() < 10) {
            return "****";
        }
        return id.substring(0, 6) + "*".repeat(id.length() - 10) + id.substring(id.length() - 4);
    }
}
