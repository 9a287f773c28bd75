package cn.minzheng.resident;

import java.util.Map;
import java.util.Optional;

/**
 * 与户主关系: a member's relationship to the head of the household (after GB/T 4761 家庭关系代码, grouped the way the
 * assistance rules need it). Step- and adopted children are children: the law gives them the same duties.
 */
public enum Relationship {
    HEAD("户主"),
    SPOUSE("配偶"),
    CHILD("子女"),
    CHILD_IN_LAW("儿媳/女婿"),
    GRANDCHILD("孙子女/外孙子女"),
    PARENT("父母"),
    PARENT_IN_LAW("公婆/岳父母"),
    GRANDPARENT("祖父母/外祖父母"),
    SIBLING("兄弟姐妹"),
    OTHER_RELATIVE("其他亲属"),
    NON_RELATIVE("非亲属");

    private static final Map<String, Relationship> WORDS = Map.ofEntries(
            Map.entry("户主", HEAD),
            Map.entry("本人", HEAD),
            Map.entry("配偶", SPOUSE),
            Map.entry("妻", SPOUSE),
            Map.entry("妻子", SPOUSE),
            Map.entry("夫", SPOUSE),
            Map.entry("丈夫", SPOUSE),
            Map.entry("子", CHILD),
            Map.entry("女", CHILD),
            Map.entry("子女", CHILD),
            Map.entry("儿子", CHILD),
            Map.entry("女儿", CHILD),
            Map.entry("长子", CHILD),
            Map.entry("次子", CHILD),
            Map.entry("长女", CHILD),
            Map.entry("次女", CHILD),
            Map.entry("养子", CHILD),
            Map.entry("养女", CHILD),
            Map.entry("继子", CHILD),
            Map.entry("继女", CHILD),
            Map.entry("儿媳", CHILD_IN_LAW),
            Map.entry("女婿", CHILD_IN_LAW),
            Map.entry("孙子", GRANDCHILD),
            Map.entry("孙女", GRANDCHILD),
            Map.entry("外孙子", GRANDCHILD),
            Map.entry("外孙女", GRANDCHILD),
            Map.entry("外孙", GRANDCHILD),
            Map.entry("孙子女", GRANDCHILD),
            Map.entry("父亲", PARENT),
            Map.entry("母亲", PARENT),
            Map.entry("父母", PARENT),
            Map.entry("公公", PARENT_IN_LAW),
            Map.entry("婆婆", PARENT_IN_LAW),
            Map.entry("岳父", PARENT_IN_LAW),
            Map.entry("岳母", PARENT_IN_LAW),
            Map.entry("祖父", GRANDPARENT),
            Map.entry("祖母", GRANDPARENT),
            Map.entry("外祖父", GRANDPARENT),
            Map.entry("外祖母", GRANDPARENT),
            Map.entry("兄", SIBLING),
            Map.entry("弟", SIBLING),
            Map.entry("姐", SIBLING),
            Map.entry("妹", SIBLING),
            Map.entry("哥哥", SIBLING),
            Map.entry("弟弟", SIBLING),
            Map.entry("姐姐", SIBLING),
            Map.entry("妹妹", SIBLING),
            Map.entry("兄弟姐妹", SIBLING),
            Map.entry("其他亲属", OTHER_RELATIVE),
            Map.entry("其他", OTHER_RELATIVE),
            Map.entry("非亲属", NON_RELATIVE));

    private final String label;

    Relationship(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Reads the words people write in the 与户主关系 column (户主, 妻, 长子, 外孙女 …) or the enum name. */
    public static Optional<Relationship> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        for (Relationship r : values()) {
            if (r.label.equals(t) || r.name().equalsIgnoreCase(t)) {
                return Optional.of(r);
            }
        }
        return Optional.ofNullable(WORDS.get(t));
    }
}
