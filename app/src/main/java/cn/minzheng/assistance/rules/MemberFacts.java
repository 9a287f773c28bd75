package cn.minzheng.assistance.rules;

import java.time.LocalDate;
import java.time.Period;

/**
 * What the rules need to know about a household member: age, disability and illness, capacity to work. Taken from
 * the resident's effective-dated statuses on the assessment date.
 */
public record MemberFacts(
        String name,
        LocalDate birthDate,
        DisabilityCategory disabilityCategory,
        int disabilityGrade,
        boolean seriouslyIll,
        boolean ableToWork) {

    public enum DisabilityCategory {
        NONE("无"),
        VISUAL("视力"),
        HEARING("听力"),
        SPEECH("言语"),
        PHYSICAL("肢体"),
        INTELLECTUAL("智力"),
        MENTAL("精神"),
        MULTIPLE("多重");

        private final String label;

        DisabilityCategory(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public int ageOn(LocalDate date) {
        return Period.between(birthDate, date).getYears();
    }

    /** 重度残疾: grade 1 or 2 (残疾人证). */
    public boolean severelyDisabled() {
        return disabilityCategory != DisabilityCategory.NONE && disabilityGrade >= 1 && disabilityGrade <= 2;
    }

    /** 一级、二级重度残疾人和三级智力、精神残疾人 (审核确认办法第八条). */
    public boolean severeForSingleApplication() {
        return severelyDisabled()
                || ((disabilityCategory == DisabilityCategory.INTELLECTUAL
                                || disabilityCategory == DisabilityCategory.MENTAL)
                        && disabilityGrade == 3);
    }
}
