package cn.minzheng.verification.core.link;

import cn.minzheng.verification.core.normalize.Dates;
import cn.minzheng.verification.core.normalize.IdNumbers;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the probe from values a caller already holds (the platform's household members) instead of probe.csv, with
 * the same normalisation as {@link ProbeReader}: the probe's own numbers are trusted, names get their pinyin key.
 */
public final class Probes {

    /** One household member as the case file gives it; gender is M, F or empty. */
    public record Member(
            String personId,
            String householdId,
            String idNumber,
            String name,
            String gender,
            LocalDate birthDate,
            String relation) {}

    private Probes() {}

    public static List<ProbePerson> of(List<Member> members) {
        Map<String, Integer> householdSizes = new HashMap<>();
        for (Member m : members) {
            householdSizes.merge(m.householdId(), 1, Integer::sum);
        }
        IdNumbers ids = new IdNumbers();
        List<ProbePerson> persons = new ArrayList<>(members.size());
        for (Member m : members) {
            if (m.personId() == null || m.personId().isBlank()) {
                throw new IllegalArgumentException("a probe member needs a person id");
            }
            persons.add(ProbePerson.of(
                    ids,
                    m.personId(),
                    m.householdId(),
                    m.relation() == null ? "" : m.relation(),
                    m.idNumber() == null ? "" : m.idNumber(),
                    m.name() == null ? "" : m.name(),
                    ProbeReader.gender(m.gender() == null ? "" : m.gender()),
                    m.birthDate() == null ? Dates.NONE : (int) m.birthDate().toEpochDay(),
                    householdSizes.get(m.householdId())));
        }
        return persons;
    }
}
