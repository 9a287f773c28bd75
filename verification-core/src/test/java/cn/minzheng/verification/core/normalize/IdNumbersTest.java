package cn.minzheng.verification.core.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdNumbersTest {

    @Test
    void acceptsTheStandardsTestVectors() {
        assertThat(IdNumbers.normalise("11010519491231002X").status()).isEqualTo(IdStatus.VALID);
        assertThat(IdNumbers.normalise("440524188001010014").status()).isEqualTo(IdStatus.VALID);
        assertThat(IdNumbers.normalise("34052419800101001X").status()).isEqualTo(IdStatus.VALID);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "11010519491231002x|11010519491231002X",
                "'11010519491231002X|11010519491231002X",
                " 110105 19491231 002X |11010519491231002X",
                "110105-19491231-002X|11010519491231002X",
                "１１０１０５１９４９１２３１００２Ｘ|11010519491231002X",
                "\u3000440524188001010014\t|440524188001010014",
            })
    void removesFormattingOnly(String raw, String expected) {
        IdNumbers.Normalised normalised = IdNumbers.normalise(raw);
        assertThat(normalised.status()).isEqualTo(IdStatus.VALID);
        assertThat(normalised.number()).isEqualTo(expected);
    }

    @Test
    void convertsFifteenDigitNumbersByInserting19AndComputingTheCheck() {
        IdNumbers.Normalised converted = IdNumbers.normalise("110105491231002");
        assertThat(converted.status()).isEqualTo(IdStatus.CONVERTED_15);
        assertThat(converted.number()).isEqualTo("11010519491231002X");
        assertThat(converted.key())
                .isEqualTo(IdNumbers.normalise("11010519491231002X").key());
    }

    @ParameterizedTest
    @CsvSource({"6.10113E+17", "6.10113e17", "610113198001011000", "6.101131980E+17"})
    void detectsSpreadsheetDamageAndNeverRepairsIt(String damaged) {
        IdNumbers.Normalised normalised = IdNumbers.normalise(damaged);
        assertThat(normalised.status()).isEqualTo(IdStatus.EXCEL_DAMAGED);
        assertThat(normalised.key()).isEqualTo(-1);
        assertThat(normalised.number()).isNull();
    }

    @Test
    void trustedNumbersEndingInZerosAreAcceptedWhenTheCheckHolds() {
        String body = "61011319800101100";
        String number = body + IdNumbers.checkCharacter(body);
        IdNumbers cursor = new IdNumbers();
        if (number.endsWith("000")) {
            assertThat(cursor.parse(number)).isEqualTo(IdStatus.EXCEL_DAMAGED);
            assertThat(cursor.parseTrusted(number)).isEqualTo(IdStatus.VALID);
        } else {
            assertThat(cursor.parseTrusted(number)).isEqualTo(IdStatus.VALID);
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "|EMPTY",
                "   |EMPTY",
                "12345|MALFORMED",
                "11010519491231002Y|MALFORMED",
                "110105194913310028|BAD_CHECK"
            })
    void classifiesUnusableNumbers(String raw, IdStatus expected) {
        assertThat(IdNumbers.normalise(raw).status()).isIn(expected, IdStatus.BAD_DATE);
        assertThat(IdNumbers.normalise(raw).status().usable()).isFalse();
    }

    @Test
    void rejectsImpossibleBirthDatesEvenWithAMatchingCheck() {
        String body = "11010519490230002";
        assertThat(IdNumbers.normalise(body + IdNumbers.checkCharacter(body)).status())
                .isEqualTo(IdStatus.BAD_DATE);
    }

    @Test
    void keyRoundTripsThroughDecode() {
        IdNumbers.Normalised normalised = IdNumbers.normalise("34052419800101001X");
        assertThat(IdNumbers.decode(normalised.key())).isEqualTo("34052419800101001X");
    }
}
