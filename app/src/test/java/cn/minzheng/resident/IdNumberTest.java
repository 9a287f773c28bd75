package cn.minzheng.resident;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.shared.Gender;
import cn.minzheng.shared.IdDocumentType;
import cn.minzheng.shared.IdNumber;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** GB 11643-1999 examples and every reason of refusal, by name. */
class IdNumberTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

    private static IdNumber.Check check(String raw) {
        return IdNumber.check(IdDocumentType.RESIDENT_ID_CARD, raw, TODAY);
    }

    @Test
    void acceptsTheStandardsWorkedExamples() {
        assertThat(check("11010519491231002X").valid()).isTrue();
        assertThat(check("440524188001010014").valid()).isTrue();
        assertThat(check("34052419800101001X").valid()).isTrue();
    }

    @Test
    void readsBirthDateGenderAndAddressCode() {
        IdNumber number = check("11010519491231002X").number();
        assertThat(number.birthDate()).contains(LocalDate.of(1949, 12, 31));
        assertThat(number.gender()).contains(Gender.FEMALE);
        assertThat(number.addressCode()).contains("110105");
        assertThat(check("440524188001010014").number().gender()).contains(Gender.MALE);
    }

    @Test
    void normalisesWhatPeopleTypeAndPaste() {
        String number = SyntheticIds.idNumber("610113", LocalDate.of(1985, 3, 7), 123);
        assertThat(check(" " + number + " ").number().value()).isEqualTo(number);
        assertThat(check(toFullWidth(number)).number().value()).isEqualTo(number);
        assertThat(check("'" + number).number().value()).isEqualTo(number);
        assertThat(check(number.substring(0, 6) + " " + number.substring(6, 14) + " " + number.substring(14))
                        .valid())
                .isTrue();
        assertThat(check("11010519491231002x").number().value()).isEqualTo("11010519491231002X");
    }

    @Test
    void convertsFifteenDigitNumbersToEighteen() {
        IdNumber.Check check = check("110105491231002");
        assertThat(check.valid()).isTrue();
        assertThat(check.convertedFrom15()).isTrue();
        assertThat(check.number().value()).isEqualTo("11010519491231002X");
    }

    @Test
    void namesTheCheckThatFailed() {
        String valid = SyntheticIds.idNumber("610113", LocalDate.of(1990, 1, 1), 11);
        char wrong = valid.charAt(17) == '1' ? '2' : '1';
        assertThat(check(valid.substring(0, 17) + wrong).problem()).isEqualTo(IdNumber.Problem.CHECK_CHARACTER);
        assertThat(check(valid.substring(0, 17) + wrong).message()).contains("校验码");
        assertThat(check("").problem()).isEqualTo(IdNumber.Problem.EMPTY);
        assertThat(check("61011319900101").problem()).isEqualTo(IdNumber.Problem.LENGTH);
        assertThat(check("6101131990010A0111").problem()).isEqualTo(IdNumber.Problem.CHARACTERS);
        assertThat(check(SyntheticIds.idNumber("990113", LocalDate.of(1990, 1, 1), 11))
                        .problem())
                .isEqualTo(IdNumber.Problem.ADDRESS_CODE);
        assertThat(check(SyntheticIds.idNumber("610113", LocalDate.of(2030, 1, 1), 11))
                        .problem())
                .isEqualTo(IdNumber.Problem.FUTURE_BIRTH_DATE);
        assertThat(check(SyntheticIds.idNumber("610113", LocalDate.of(1850, 1, 1), 11))
                        .problem())
                .isEqualTo(IdNumber.Problem.IMPLAUSIBLE_AGE);
        String february30 = "61011319900230011";
        assertThat(check(february30 + IdNumber.checkCharacter(february30)).problem())
                .isEqualTo(IdNumber.Problem.BIRTH_DATE);
        assertThat(check("6.10113199001E+17").problem()).isEqualTo(IdNumber.Problem.SPREADSHEET_NUMBER);
    }

    @Test
    void messagesNeverRepeatTheNumber() {
        String valid = SyntheticIds.idNumber("610113", LocalDate.of(1990, 1, 1), 11);
        String wrong = valid.substring(0, 17) + (valid.charAt(17) == '1' ? '2' : '1');
        assertThat(check(wrong).message()).doesNotContain(wrong).doesNotContain(valid.substring(0, 14));
        String future = SyntheticIds.idNumber("610113", LocalDate.of(2030, 1, 1), 11);
        assertThat(check(future).message()).doesNotContain("2030");
    }

    @Test
    void masksAllButTheAddressCodeAndTheLastFour() {
        String number = SyntheticIds.idNumber("610113", LocalDate.of(1990, 1, 1), 123);
        IdNumber id = check(number).number();
        assertThat(id.masked()).isEqualTo("610113********" + number.substring(14));
        assertThat(id.toString()).doesNotContain(number).contains("********");
        assertThat(id.lastFour()).isEqualTo(number.substring(14));
    }

    @Test
    void otherDocuments() {
        String hongKong = SyntheticIds.idNumber("810000", LocalDate.of(1990, 5, 5), 21);
        assertThat(IdNumber.check(IdDocumentType.HMT_RESIDENCE_PERMIT, hongKong, TODAY)
                        .valid())
                .isTrue();
        assertThat(IdNumber.check(IdDocumentType.RESIDENT_ID_CARD, hongKong, TODAY)
                        .problem())
                .isEqualTo(IdNumber.Problem.ADDRESS_CODE);
        assertThat(IdNumber.check(
                                IdDocumentType.HMT_RESIDENCE_PERMIT,
                                SyntheticIds.idNumber("610113", LocalDate.of(1990, 5, 5), 21),
                                TODAY)
                        .problem())
                .isEqualTo(IdNumber.Problem.ADDRESS_CODE);
        String foreign = "961840" + "19800101" + "123";
        foreign += IdNumber.checkCharacter(foreign);
        IdNumber.Check permanent = IdNumber.check(IdDocumentType.FOREIGN_PERMANENT_RESIDENCE, foreign, TODAY);
        assertThat(permanent.valid()).isTrue();
        assertThat(permanent.number().birthDate()).contains(LocalDate.of(1980, 1, 1));
        assertThat(permanent.number().gender()).isEmpty();
        assertThat(IdNumber.check(IdDocumentType.FOREIGN_PERMANENT_RESIDENCE, "USA310080010100", TODAY)
                        .valid())
                .isTrue();
        assertThat(IdNumber.check(IdDocumentType.NONE, "", TODAY).valid()).isTrue();
        assertThat(IdNumber.check(IdDocumentType.NONE, "", TODAY).number()).isNull();
        assertThat(IdNumber.check(IdDocumentType.NONE, hongKong, TODAY).problem())
                .isEqualTo(IdNumber.Problem.NUMBER_NOT_EXPECTED);
    }

    static String toFullWidth(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(c >= '!' && c <= '~' ? (char) (c + 0xFEE0) : c);
        }
        return out.toString();
    }
}
