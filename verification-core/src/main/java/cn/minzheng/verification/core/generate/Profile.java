package cn.minzheng.verification.core.generate;

import java.util.Locale;

/** Error-rate multiplier: clean has none, standard the rates of the benchmark design, dirty three times them. */
public enum Profile {
    CLEAN(0),
    STANDARD(1),
    DIRTY(3);

    private final double multiplier;

    Profile(double multiplier) {
        this.multiplier = multiplier;
    }

    double multiplier() {
        return multiplier;
    }

    public static Profile parse(String text) {
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--profile must be clean, standard or dirty, not " + text);
        }
    }
}
