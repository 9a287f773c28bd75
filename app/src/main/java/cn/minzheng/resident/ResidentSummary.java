package cn.minzheng.resident;

import cn.minzheng.shared.Gender;
import cn.minzheng.shared.IdDocumentType;
import java.time.LocalDate;
import java.time.Period;

/**
 * A resident as lists and other modules see them: the ID number only masked. {@code householdId} is the current
 * household, if any.
 */
public record ResidentSummary(
        long id,
        String name,
        Gender gender,
        LocalDate birthDate,
        IdDocumentType documentType,
        String maskedIdNumber,
        String communityCode,
        String hukouAddressCode,
        String maskedPhone,
        LocalDate diedOn,
        Long householdId,
        String householdNo,
        Relationship relationship,
        Long mergedInto) {

    public boolean deceased() {
        return diedOn != null;
    }

    public int ageOn(LocalDate date) {
        return Period.between(birthDate, date).getYears();
    }

    public String genderLabel() {
        return gender.label();
    }
}
