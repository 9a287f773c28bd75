package cn.minzheng.shared;

import java.util.Optional;

/** 性别 as recorded on identity documents: the 17th digit of a 居民身份证号码 is odd for men, even for women. */
public enum Gender {
    MALE("男"),
    FEMALE("女");

    private final String label;

    Gender(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Reads 男/女 (or the enum name); empty for anything else. */
    public static Optional<Gender> ofLabel(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        for (Gender gender : values()) {
            if (gender.label.equals(t) || gender.name().equalsIgnoreCase(t)) {
                return Optional.of(gender);
            }
        }
        return Optional.empty();
    }
}
