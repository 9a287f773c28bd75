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
 *   <li>a record whose name as written differs from the person's (a pinyin-only match, 王玮 against 王伟) is refused
 *       when the population register holds someone else who writes the name that way: it is that namesake's
 *       spelling, not a clerk's error;
 *   <li>the register's other people who could own the record are its rivals — those who write the name as the
 *       record and the person do, when they agree; everyone with the name key, birth date and sex, when the record
 *       is a variant nobody registered writes. With rivals, the link stands only when the source holds records
 *       about the probe's persons more often than about the population, by more than the number of rivals ({@link
 *       SourcePrior}); otherwise the record is more likely a rival's.
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
     *     sex
     * @param spelledAsRecord those of them written exactly as the record writes the name
     * @param spelledAsPerson those of them written exactly as the person writes the name
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
            long spelledAsRecord,
            long spelledAsPerson,
            SourcePrior prior) {
        if (!ResidueJudge.accept(status, recordIdText, personIdText)) {
            return Verdict.NUMBER_DISAGREES;
        }
        if (ownRecords > 0) {
            return Verdict.PERSON_HAS_OWN_RECORD;
        }
        long rivals;
        if (spelledDifferently(recordName, personName)) {
            if (spelledAsRecord > 0) {
                return Verdict.NAMESAKE_SPELLING;
            }
            rivals = namesakes;
        } else if (recordName != null && personName != null) {
            rivals = spelledAsPerson;
        } else {
            rivals = namesakes; // a refused ID match: the store keeps only its name key
        }
        if (rivals > 0 && !prior.favoursPerson(rivals)) {
            return Verdict.NAMESAKE_MORE_LIKELY;
        }
        return Verdict.LINK;
    }

    /** True when both names are known and differ as written (they share the pinyin key, or they would not meet). */
    public static boolean spelledDifferently(String recordName, String personName) {
        return recordName != null && personName != null && !recordName.equals(personName);
    }
}
