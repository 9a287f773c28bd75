package cn.minzheng.verification.core.link;

import java.math.BigInteger;

/**
 * How often a source holds records about the probe's persons compared with the population at large, from the data of
 * the run itself: the probe persons' records found by number against the records per registered person. When a
 * record without a number fits a probe person and namesakes born the same day equally well, this says whose it more
 * likely is — recipients of assistance seldom pay social insurance as employees and often draw a pension, and a
 * review queue full of other people's contributions helps no one.
 *
 * @param probeRecords the probe persons' records in this source linked by number (distinct person and record)
 * @param probePersons the probe persons with a usable number
 * @param sourceRecords all records of this source in the store, with or without a number
 * @param registerRecords all records of the population register
 */
public record SourcePrior(long probeRecords, long probePersons, long sourceRecords, long registerRecords) {

    /**
     * Fewer probe persons than this give no rate to weigh by: one household checked on its own (the platform's
     * interactive request) keeps every candidate for review, as the clerk looks at that household anyway.
     */
    public static final long MIN_PROBE_PERSONS = 1000;

    /**
     * True when a record of this source is more likely the probe person's than any of {@code namesakes} others':
     * probeRecords / probePersons &gt; namesakes × sourceRecords / registerRecords, compared in integers so that every
     * engine decides alike. A tie does not favour the person. With fewer than {@link #MIN_PROBE_PERSONS} probe
     * persons there is no rate, and the record stays the person's, for review.
     */
    public boolean favoursPerson(long namesakes) {
        if (namesakes <= 0) {
            return true;
        }
        if (probePersons < MIN_PROBE_PERSONS || registerRecords <= 0) {
            return true;
        }
        BigInteger person = BigInteger.valueOf(probeRecords).multiply(BigInteger.valueOf(registerRecords));
        BigInteger others = BigInteger.valueOf(namesakes)
                .multiply(BigInteger.valueOf(sourceRecords))
                .multiply(BigInteger.valueOf(probePersons));
        return person.compareTo(others) > 0;
    }
}
