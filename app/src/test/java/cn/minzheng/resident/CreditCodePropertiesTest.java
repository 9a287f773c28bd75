package cn.minzheng.resident;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.shared.CreditCode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** 统一社会信用代码: the same properties as ID numbers, for the MOD 31 check, plus the embedded GB 11714 check. */
class CreditCodePropertiesTest {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    @Provide
    Arbitrary<String> validCodes() {
        Arbitrary<String> head = Combinators.combine(
                        Arbitraries.of('1', '5', '9', 'Y'),
                        Arbitraries.of(ALPHABET.toCharArray()),
                        Arbitraries.integers().between(0, 999_999))
                .as((authority, category, division) -> "" + authority + category + String.format("%06d", division));
        Arbitrary<String> organisation =
                Arbitraries.strings().withChars(ALPHABET.toCharArray()).ofLength(8);
        return Combinators.combine(head, organisation).as(SyntheticIds::creditCode);
    }

    @Property
    void everyValidCodeIsAcceptedWithoutWarning(@ForAll("validCodes") String code) {
        CreditCode.Check check = CreditCode.check(code);
        assertThat(check.valid()).as(check.message()).isTrue();
        assertThat(check.warning()).isNull();
    }

    @Property
    void everySingleCharacterSubstitutionIsRejected(
            @ForAll("validCodes") String code,
            @ForAll @IntRange(min = 0, max = 17) int position,
            @ForAll("substitutes") char replacement) {
        String mutated = code.substring(0, position) + replacement + code.substring(position + 1);
        if (mutated.toUpperCase().equals(code)) {
            return;
        }
        assertThat(CreditCode.check(mutated).valid()).isFalse();
    }

    @Provide
    Arbitrary<Character> substitutes() {
        return Arbitraries.oneOf(
                Arbitraries.of(ALPHABET.toCharArray()), Arbitraries.of('I', 'O', 'S', 'V', 'Z', 'a', '-', ' '));
    }

    @Property
    void everyAdjacentTranspositionIsRejected(
            @ForAll("validCodes") String code, @ForAll @IntRange(min = 0, max = 16) int position) {
        char a = code.charAt(position);
        char b = code.charAt(position + 1);
        if (a == b) {
            return;
        }
        String swapped = code.substring(0, position) + b + a + code.substring(position + 2);
        assertThat(CreditCode.check(swapped).valid()).isFalse();
    }

    @Property
    void neverThrowsOnAnyString(@ForAll String text) {
        CreditCode.Check check = CreditCode.check(text);
        assertThat(check.valid() || check.message() != null).isTrue();
    }

    @Example
    void acceptsPublishedExamplesAndWarnsOnAnIrregularOrganisationCode() {
        assertThat(CreditCode.check("91350100M000100Y43").valid()).isTrue();
        assertThat(CreditCode.check("91110000600037341L").valid()).isTrue();
        assertThat(CreditCode.check("91350100M000100Y43").warning()).isNull();
        String irregular = "51610113" + "12345678" + "0";
        if (CreditCode.organisationCheckCharacter("12345678") == '0') {
            irregular = "51610113" + "12345678" + "1";
        }
        irregular += CreditCode.checkCharacter(irregular);
        CreditCode.Check check = CreditCode.check(irregular);
        assertThat(check.valid()).isTrue();
        assertThat(check.warning()).contains("GB 11714");
        assertThat(check.code().registrationAuthority()).isEqualTo('5');
        assertThat(check.code().administrativeDivision()).isEqualTo("610113");
        assertThat(CreditCode.check("91350100M000100Y44").message()).contains("校验码");
        assertThat(CreditCode.check("91350100M00010OY43").message()).contains("第15位");
    }
}
