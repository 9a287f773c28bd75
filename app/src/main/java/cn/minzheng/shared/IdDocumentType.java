package cn.minzheng.shared;

import java.util.Optional;

/**
 * The identity documents a resident may hold. Not everyone has a 居民身份证: residents of Hong Kong, Macao and Taiwan
 * hold a residence permit, foreigners a permanent-residence card, and some people (new-borns before registration,
 * people whose registration is pending) none at all.
 */
public enum IdDocumentType {
    RESIDENT_ID_CARD("居民身份证"),
    HMT_RESIDENCE_PERMIT("港澳台居民居住证"),
    FOREIGN_PERMANENT_RESIDENCE("外国人永久居留身份证"),
    NONE("无");

    private final String label;

    IdDocumentType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean hasNumber() {
        return this != NONE;
    }

    /** Reads the Chinese label (as in the import template) or the enum name; empty for anything else. */
    public static Optional<IdDocumentType> ofLabel(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        for (IdDocumentType type : values()) {
            if (type.label.equals(t) || type.name().equalsIgnoreCase(t)) {
                return Optional.of(type);
            }
        }
        return switch (t) {
            case "身份证", "居民身份证号码", "二代身份证" -> Optional.of(RESIDENT_ID_CARD);
            case "港澳台居住证", "居住证（港澳台）" -> Optional.of(HMT_RESIDENCE_PERMIT);
            case "外国人永久居留证", "永久居留身份证", "永居证" -> Optional.of(FOREIGN_PERMANENT_RESIDENCE);
            case "", "-", "—" -> Optional.empty();
            default -> Optional.empty();
        };
    }
}
