package cn.minzheng.verification.core.generate;

import java.util.Locale;

/**
 * Benchmark sizes of design/verification.md: S is a district, M a city, L a province. A plain number means that many
 * persons with the district's proportions.
 */
public record Size(String label, long population, long probe, long sourceRecords) {

    public static Size parse(String text) {
        return switch (text.toUpperCase(Locale.ROOT)) {
            case "S" -> new Size("S", 1_300_000, 18_000, 10_000_000);
            case "M" -> new Size("M", 13_000_000, 200_000, 150_000_000);
            case "L" -> new Size("L", 40_000_000, 1_000_000, 500_000_000);
            default -> {
                long persons;
                try {
                    persons = Long.parseLong(text.replace("_", ""));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--size must be S, M, L or a number of persons, not " + text);
                }
                if (persons < 10 || persons > 120_000_000) {
                    throw new IllegalArgumentException("--size must be between 10 and 120000000 persons");
                }
                yield new Size(String.valueOf(persons), persons, Math.max(5, persons * 14 / 1000), persons * 8);
            }
        };
    }

    /** Records per person the sources must hold on average to reach {@link #sourceRecords}. */
    double recordsPerPerson() {
        return (double) sourceRecords / population;
    }
}
