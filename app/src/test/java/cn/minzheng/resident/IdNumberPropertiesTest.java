package cn.minzheng.resident;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.shared.IdDocumentType;
import cn.minzheng.shared.IdNumber;
import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The ID number check accepts every valid number, rejects every single-character substitution and every adjacent
 * transposition of one (MOD 11-2 with these weights detects both), and never throws.
 */
class IdNumberPropertiesTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);
    private static final String[] PROVINCES = {
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43",
        "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65"
    };

    @Provide
    Arbitrary<String> validNumbers() {
        Arbitrary<String> address = Combinators.combine(
                        Arbitraries.of(PROVINCES), Arbitraries.integers().between(0, 9999))
                .as((province, rest) -> province + String.format("%04d", rest));
        Arbitrary<LocalDate> birth = Arbitraries.integers()
                .between(0, (int) (TODAY.toEpochDay() - LocalDate.of(1880, 1, 1).toEpochDay()))
                .map(days -> LocalDate.of(1880, 1, 1).plusDays(days))
                .filter(date -> !date.isBefore(TODAY.minusYears(150)));
        Arbitrary<Integer> sequence = Arbitraries.integers().between(0, 999);
        return Combinators.combine(address, birth, sequence).as(SyntheticIds::idNumber);
    }

    @Property
    void everyValidNumberIsAccepted(@ForAll("validNumbers") String number) {
        IdNumber.Check check = IdNumber.check(IdDocumentType.RESIDENT_ID_CARD, number, TODAY);
        assertThat(check.valid()).as(check.message()).isTrue();
        assertThat(check.number().value()).isEqualTo(number);
    }

    /** Any character a person could type instead of the right one, including full-width and lower-case ones. */
    @Provide
    Arbitrary<Character> typedCharacters() {
        return Arbitraries.oneOf(
                Arbitraries.chars().range('0', '9'),
                Arbitraries.of('X', 'x', 'O', 'l', 'I', '-', '/', '０', '１', '９', 'Ｘ', '年', '。'),
                Arbitraries.chars().range('A', 'Z'));
    }

    @Property
    void everySingleCharacterSubstitutionIsRejected(
            @ForAll("validNumbers") String number,
            @ForAll @IntRange(min = 0, max = 17) int position,
            @ForAll("typedCharacters") char replacement) {
        String mutated = number.substring(0, position) + replacement + number.substring(position + 1);
        // Typing the same character differently (full-width, lower-case x) is not a change.
        if (IdNumber.normalise(mutated).equals(number)) {
            return;
        }
        assertThat(IdNumber.check(IdDocumentType.RESIDENT_ID_CARD, mutated, TODAY)
                        .valid())
                .as("%s → %s", position, replacement)
                .isFalse();
    }

    @Property
    void everyAdjacentTranspositionIsRejected(
            @ForAll("validNumbers") String number, @ForAll @IntRange(min = 0, max = 16) int position) {
        char a = number.charAt(position);
        char b = number.charAt(position + 1);
        if (a == b) {
            return; // swapping equal characters changes nothing
        }
        String swapped = number.substring(0, position) + b + a + number.substring(position + 2);
        assertThat(IdNumber.check(IdDocumentType.RESIDENT_ID_CARD, swapped, TODAY)
                        .valid())
                .isFalse();
    }

    @Property
    void hongKongMacaoTaiwanPermitsBehaveAlike(
            @ForAll("validNumbers") String number, @ForAll @IntRange(min = 0, max = 16) int position) {
        String permit = SyntheticIds.idNumber(
                "820000",
                LocalDate.parse(
                        number.substring(6, 10) + "-" + number.substring(10, 12) + "-" + number.substring(12, 14)),
                Integer.parseInt(number.substring(14, 17)));
        assertThat(IdNumber.check(IdDocumentType.HMT_RESIDENCE_PERMIT, permit, TODAY)
                        .valid())
                .isTrue();
        char a = permit.charAt(position);
        char b = permit.charAt(position + 1);
        if (a != b) {
            String swapped = permit.substring(0, position) + b + a + permit.substring(position + 2);
            assertThat(IdNumber.check(IdDocumentType.HMT_RESIDENCE_PERMIT, swapped, TODAY)
                            .valid())
                    .isFalse();
        }
    }

    @Property
    void neverThrowsOnAnyString(@ForAll String text) {
        for (IdDocumentType type : IdDocumentType.values()) {
            IdNumber.Check check = IdNumber.check(type, text, TODAY);
            assertThat(check.valid() || check.message() != null).isTrue();
        }
    }

    @Property
    void neverThrowsOnAlmostNumbers(@ForAll("validNumbers") String number, @ForAll String noise) {
        String text = number.substring(0, noise.length() % 18) + noise;
        IdNumber.Check check = IdNumber.check(IdDocumentType.RESIDENT_ID_CARD, text, TODAY);
        assertThat(check.valid() || check.message() != null).isTrue();
    }
}
