package cn.minzheng.resident;

import cn.minzheng.shared.Gender;
import cn.minzheng.shared.IdDocumentType;
import java.time.LocalDate;

/**
 * What 家庭经济状况核对 compares with the departments' data: the person's name, sex, birth date and full document number
 * (null when the person has none). Handed out only through {@link Residents#identitiesForVerification}, which logs it.
 */
public record VerificationIdentity(
        long residentId,
        String name,
        Gender gender,
        LocalDate birthDate,
        IdDocumentType documentType,
        String idNumber) {

    /** The masked form, for anything shown or logged. */
    @Override
    public String toString() {
        return "VerificationIdentity[residentId=" + residentId + "]";
    }
}
