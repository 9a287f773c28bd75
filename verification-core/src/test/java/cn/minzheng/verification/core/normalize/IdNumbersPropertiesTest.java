package cn.minzheng.verification.core.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of the identity-number normaliser over generated numbers (GB 11643, ISO 7064 MOD 11-2). */
class IdNumbersPropertiesTest {

    @Property
    void everyValidNumberIsAccepted(@ForAll("validNumbers") String number) {
        IdNumbers.Normalised normalised = IdNumbers.normalise(number);
        assertThat(normalised.status()).isEqualTo(IdStatus.VALID);
        assertThat(normalised.number()).isEqualTo(number);
        assertThat(IdNumbers.decode(normalised.key())).isEqualTo(number);
    }

    @Property
    void everySingleCharacterSubstitutionIsRejected(
            @ForAll("validNumbers") String number,
            @ForAll @IntRange(min = 0, max = 17) int position,
            @ForAll @IntRange(min = 1, max = 10) int shift) {
        char[] chars = number.toCharArray();
        String alphabet = position == 17 ? "0123456789X" : "0123456789"; // X only ever stands last
        int current = alphabet.indexOf(chars[position]);
        char replacement = alphabet.charAt((current + 1 + shift % (alphabet.length() - 1)) % alphabet.length());
        chars[position] = replacement;
        assertThat(IdNumbers.normalise(new String(chars)).status().usable()).isFalse();
    }

    @Property
    void everyAdjacentTranspositionIsRejected(
            @ForAll("validNumbers") String number, @ForAll @IntRange(min = 0, max = 16) int position) {
        char[] chars = number.toCharArray();
        if (chars[position] == chars[position + 1]) {
            return;
        }
        char t = chars[position];
        chars[position] = chars[position + 1];
        chars[position + 1] = t;
        assertThat(IdNumbers.normalise(new String(chars)).status().usable()).isFalse();
    }

    @Property(tries = 2000)
    void neverThrowsOnAnyString(@ForAll String anything) {
        IdNumbers.Normalised normalised = IdNumbers.normalise(anything);
        assertThat(normalised.status()).isNotNull();
    }

    @Property
    void fifteenDigitNumbersRoundTripToTheirEighteenDigitForm(@ForAll("validOldNumbers") String old) {
        String upgraded = IdNumbers.upgrade15(old);
        assertThat(upgraded).hasSize(18);
        assertThat(upgraded.substring(0, 6) + upgraded.substring(8, 17)).isEqualTo(old);
        assertThat(upgraded.substring(6, 8)).isEqualTo("19");
        // An 18-digit number ending in "000" is read as spreadsheet damage in a delivery (it cannot be told apart);
        // the probe's trusted reading accepts it.
        IdNumbers cursor = new IdNumbers();
        assertThat(cursor.parseTrusted(upgraded)).isEqualTo(IdStatus.VALID);
        assertThat(IdNumbers.normalise(old).key()).isEqualTo(cursor.key());
    }

    @Provide
    Arbitrary<String> validNumbers() {
        return Combinators.combine(
                        areas(), births(1900, 2024), Arbitraries.integers().between(1, 999))
                .as((area, birth, sequence) -> {
                    String body = area + birth.toString().replace("-", "") + String.format("%03d", sequence);
                    return body + IdNumbers.checkCharacter(body);
                })
                .filter(number -> !number.endsWith("000"));
    }

    @Provide
    Arbitrary<String> validOldNumbers() {
        return Combinators.combine(
                        areas(), births(1900, 1999), Arbitraries.integers().between(1, 999))
                .as((area, birth, sequence) ->
                        area + birth.toString().replace("-", "").substring(2) + String.format("%03d", sequence));
    }

    private static Arbitrary<String> areas() {
        return Arbitraries.integers().between(110000, 659999).map(String::valueOf);
    }

    private static Arbitrary<LocalDate> births(int fromYear, int toYear) {
        long from = LocalDate.of(fromYear, 1, 1).toEpochDay();
        long to = LocalDate.of(toYear, 12, 31).toEpochDay();
        return Arbitraries.longs().between(from, to).map(LocalDate::ofEpochDay);
    }
}
