package cn.minzheng.verification.core.generate;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * The synthetic population: persons 0..n-1 grouped into consecutive households. Everything about a person is a pure
 * function of (seed, index), so that worker threads can generate any range without coordination and the output is
 * the same for every run with the same seed.
 *
 * <p>Identity numbers are unique by construction: a bijective permutation of the person index is split into a cell
 * (birth-place code × birth date) and a sequence number within the cell, whose parity carries the sex as in GB 11643.
 */
final class Population {

    /** Birth-place codes: Yanta District first, then other districts of Xi'an. */
    static final String[] AREA_CODES = {
        "610113", "610102", "610103", "610104", "610111", "610112", "610114", "610115", "610116", "610117"
    };

    static final int FIRST_BIRTH_DAY = (int) LocalDate.of(1935, 1, 1).toEpochDay();
    static final int BIRTH_DAYS = (int) (LocalDate.of(2015, 1, 1).toEpochDay() - FIRST_BIRTH_DAY);
    private static final long CELLS = (long) AREA_CODES.length * BIRTH_DAYS;
    private static final int[] HOUSEHOLD_SIZE_PERCENT = {0, 25, 30, 25, 12, 6, 2};

    final long seed;
    final int persons;
    /** First person of each household, plus a final sentinel equal to {@link #persons}. */
    final int[] householdStart;

    private final long multiplier;
    private final long offset;

    Population(long seed, long persons) {
        if (persons > CELLS * 440) {
            throw new IllegalArgumentException("population too large for the identity-number scheme");
        }
        this.seed = seed;
        this.persons = (int) persons;
        SplittableRandom random = new SplittableRandom(seed ^ 0x5eed_0001L);
        long a = (long) (this.persons * 0.6180339887) | 1;
        while (gcd(a, this.persons) != 1) {
            a += 2;
        }
        multiplier = a;
        offset = random.nextLong(Math.max(1, this.persons));
        int[] starts = new int[this.persons / 2 + 2];
        int households = 0;
        int next = 0;
        while (next < this.persons) {
            if (households == starts.length - 1) {
                starts = java.util.Arrays.copyOf(starts, starts.length * 2);
            }
            starts[households++] = next;
            next = Math.min(this.persons, next + householdSize(random));
        }
        householdStart = java.util.Arrays.copyOf(starts, households + 1);
        householdStart[households] = this.persons;
    }

    int households() {
        return householdStart.length - 1;
    }

    private static int householdSize(SplittableRandom random) {
        int u = random.nextInt(100);
        for (int size = 1; size < HOUSEHOLD_SIZE_PERCENT.length; size++) {
            u -= HOUSEHOLD_SIZE_PERCENT[size];
            if (u < 0) {
                return size;
            }
        }
        return 6;
    }

    /** Role in the household by position: 户主, 配偶, 子女, 子女, 父母, 父母. */
    static String relation(int position) {
        return switch (position) {
            case 0 -> "户主";
            case 1 -> "配偶";
            case 2, 3 -> "子女";
            default -> "父母";
        };
    }

    /** Birth day (epoch day) of a person. */
    int birthDay(int person) {
        long cell = permuted(person) % CELLS;
        return FIRST_BIRTH_DAY + (int) (cell / AREA_CODES.length);
    }

    /**
     * Writes the 18-character identity number of a person into {@code out}; {@code male} decides the parity of the
     * sequence number.
     */
    void idNumber(int person, boolean male, char[] out) {
        long j = permuted(person);
        long cell = j % CELLS;
        long slot = j / CELLS;
        String area = AREA_CODES[(int) (cell % AREA_CODES.length)];
        LocalDate birth = LocalDate.ofEpochDay(FIRST_BIRTH_DAY + cell / AREA_CODES.length);
        int sequence = (int) (slot * 2 + (male ? 1 : 2));
        if (sequence % 100 == 0) {
            // Avoid numbers ending in "000", which the normaliser reads as spreadsheet damage; even stays even.
            sequence = 1000 - 2 * (sequence / 100);
        }
        for (int i = 0; i < 6; i++) {
            out[i] = area.charAt(i);
        }
        write(out, 6, birth.getYear(), 4);
        write(out, 10, birth.getMonthValue(), 2);
        write(out, 12, birth.getDayOfMonth(), 2);
        write(out, 14, sequence, 3);
        out[17] = cn.minzheng.verification.core.normalize.IdNumbers.checkCharacter(new String(out, 0, 17));
    }

    private static void write(char[] out, int at, int value, int width) {
        for (int i = width - 1; i >= 0; i--) {
            out[at + i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private long permuted(int person) {
        return (multiplier * person + offset) % persons;
    }

    /** A per-person random stream, independent of how persons are split among threads. */
    SplittableRandom random(int person, int purpose) {
        return new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + person * 31L + purpose));
    }

    /** A bijective 64-bit mixer (the SplitMix64 finaliser): distinct inputs give distinct outputs. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
