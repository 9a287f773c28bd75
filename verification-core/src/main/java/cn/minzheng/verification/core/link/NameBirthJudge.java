package cn.minzheng.verification.core.link;

import cn.minzheng.verification.core.normalize.IdStatus;
import cn.minzheng.verification.core.store.Source;

/**
 * Decides whether a name + birth date candidate (a record without a usable number whose name key, birth date and sex
 * agree with a probe person) stands as a NAME_BIRTH link. Both engines gather the same evidence with {@link
 * NameBirthSql} and ask this class, so that they decide alike.
 *
 * <p>A name key is the name's pinyin, so homophones (王伟/王玮) meet on purpose: a clerk's homophone is a common
 * variant. But at a city's density the person often has a namesake born on the same day, and then a record that spells
 * the name differently from the person is more likely the namesake's own spelling than a clerk's error. In order:
 *
 * <ol>
 *   <li>what is left of a damaged number must agree with the person's ({@link ResidueJudge});
 *   <li>in a source where a person has one record ({@link Source#onePerPerson()}), a record without a number is not the
 *       person's second one: if the ID tier already found the person's own record there, this one is someone else's;
 *   <li>when the population register holds other people with the same name key, birth date and compatible sex
 *       (namesakes), a record whose name as written differs from the person's (a pinyin-only match) is refused: it is
 *       more likely a namesake's own spelling than a clerk's error;
 *   <li>with namesakes and the same spelling, nothing in the record tells the people apart; the link stands only when
 *       the source holds records about the probe's persons more often than about the population, by more than the
 *       number of namesakes ({@link SourcePrior}) — otherwise the record is more likely a namesake's.
 * </ol>
 *
 * What stands is still a NAME_BIRTH link, for review; a refused candidate is counted in the run report.
 */
public final class NameBirthJudge {

    /** The outcome, with the counter name the run report uses for refusals. */
    public enum Verdict {
        LINK(null),
        NUMBER_DISAGREES("name_birth_refused_number"),
        PERSON_HAS_OWN_RECORD("name_birth_refused_own_record"),
        NAMESAKE_SPELLING("name_birth_refused_namesake_spelling"),
        NAMESAKE_MORE_LIKELY("name_birth_refused_namesake_prior");

        private final String counter;

        Verdict(String counter) {
            this.counter = counter;
        }

        public String counter() {
            return counter;
        }
    }

    private NameBirthJudge() {}

    /**
     * @param status the record's number status ({@code null} when the record carried another person's usable number)
     * @param recordIdText the cleaned number as recorded (may be null)
     * @param personIdText the probe person's 18-character number (may be null)
     * @param recordName the record's normalised name, or null when the store keeps only its key (records refused by the
     *     ID tier's name check)
     * @param personName the probe person's normalised name
     * @param ownRecords the person's other records in this source found by the ID tier (counted for one-per-person
     *     sources only)
     * @param namesakes register entries other than the person's own with the same name key, birth date and compatible
     *     sex, who could hold the record
     * @param prior how often the source holds records about probe persons against the population
     */
    public static Verdict judge(
            IdStatus status,
            String recordIdText,
            String personIdText,
            String recordName,
            String personName,
            long ownRecords,
            long namesakes,
            SourcePrior prior) {
        if (!ResidueJudge.accept(status, recordIdText, personIdText)) {
            return Verdict.NUMBER_DISAGREES;
        }
        if (ownRecords > 0) {
            return Verdict.PERSON_HAS_OWN_RECORD;
        }
        if (namesakes > 0) {
            if (spelledDifferently(recordName, personName)) {
                return Verdict.NAMESAKE_SPELLING;
            }
            if (!prior.favoursPerson(namesakes)) {
                return Verdict.NAMESAKE_MORE_LIKELY;
            }
        }
        return Verdict.LINK;
    }

    /** True when both names are known and differ as written (they share the pinyin key, or they would not meet). */
    public static boolean spelledDifferently(String recordName, String personName) {
        return recordName != null && personName != null && !recordName.equals(personName);
    }
}
