package cn.minzheng.resident;

import cn.minzheng.platform.crypto.BlindIndex;
import cn.minzheng.platform.crypto.FieldCipher;
import cn.minzheng.shared.IdNumber;
import org.springframework.stereotype.Component;

/**
 * The three encrypted fields of a resident — ID number, phone, bank account — each with its purpose label (bound into
 * the ciphertext and the blind index), its blind index and its masked form. Values arrive normalised.
 */
@Component
class SensitiveFields {

    static final String ID_NUMBER = "resident.id_number";
    static final String PHONE = "resident.phone";
    static final String BANK_ACCOUNT = "resident.bank_account";

    private final FieldCipher cipher;
    private final BlindIndex blind;

    SensitiveFields(FieldCipher cipher, BlindIndex blind) {
        this.cipher = cipher;
        this.blind = blind;
    }

    /** Encrypted value, blind index and masked form of one field. */
    record Sealed(byte[] cipher, byte[] blind, String masked) {

        static final Sealed NONE = new Sealed(null, null, null);
    }

    Sealed idNumber(IdNumber number) {
        if (number == null) {
            return Sealed.NONE;
        }
        return new Sealed(cipher.encrypt(number.value(), ID_NUMBER), idBlind(number.value()), number.masked());
    }

    byte[] idBlind(String normalisedNumber) {
        return blind.of(ID_NUMBER, normalisedNumber);
    }

    Sealed phone(String normalisedPhone) {
        if (normalisedPhone == null) {
            return Sealed.NONE;
        }
        return new Sealed(
                cipher.encrypt(normalisedPhone, PHONE),
                phoneBlind(normalisedPhone),
                ContactNumbers.maskPhone(normalisedPhone));
    }

    byte[] phoneBlind(String normalisedPhone) {
        return blind.of(PHONE, normalisedPhone);
    }

    Sealed bankAccount(String normalisedAccount) {
        if (normalisedAccount == null) {
            return Sealed.NONE;
        }
        return new Sealed(
                cipher.encrypt(normalisedAccount, BANK_ACCOUNT),
                bankAccountBlind(normalisedAccount),
                ContactNumbers.maskBankAccount(normalisedAccount));
    }

    byte[] bankAccountBlind(String normalisedAccount) {
        return blind.of(BANK_ACCOUNT, normalisedAccount);
    }

    String open(byte[] sealed, String purpose) {
        return cipher.decrypt(sealed, purpose);
    }
}
