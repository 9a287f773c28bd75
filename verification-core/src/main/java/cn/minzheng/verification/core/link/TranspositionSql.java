package cn.minzheng.verification.core.link;

import cn.minzheng.verification.core.normalize.IdNumbers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Records whose number fails its check because two adjacent characters were swapped. At load every such record gets
 * the numbers one adjacent swap away that are valid ({@code res_swap}, from {@code Transpositions}). A candidate
 * <em>agrees</em> when the person it belongs to — a probe person, or anyone in the population register — has the
 * record's name key, a birth date and sex the record does not contradict. Then:
 *
 * <ul>
 *   <li>exactly one agreeing candidate, a probe person's: the record is that person's, linked as {@code ID} (the
 *       number is read as the person's with two characters swapped; the finding says so);
 *   <li>several agreeing candidates: linked to each probe person among them as {@code NAME_BIRTH}, for review, the
 *       candidates named (by their last four characters) in the finding;
 *   <li>none: the record stays with the name + birth date tier as before.
 * </ul>
 *
 * One SQL text, run by DuckDB and Spark SQL alike, over {@code res_swap} ({@code source, record_id, cand_key,
 * name_hash, birth_date, gender}), {@code probe} and {@code register_numbered} ({@code id_key, name_hash, birth_date,
 * gender}: the register's numbered entries). Its rows — {@code source, record_id, cand_key, person_id} (person_id null
 * for a candidate only the register knows) — go to {@link #decide}.
 */
public final class TranspositionSql {

    private TranspositionSql() {}

    /** A link the rule makes: tier ID or NAME_BIRTH, and the note the findings carry. */
    public record Link(String source, String recordId, String personId, String tier, String note) {}

    private static String agrees(String a) {
        return a + ".name_hash = s.name_hash AND (s.birth_date IS NULL OR " + a
                + ".birth_date IS NULL OR s.birth_date = " + a + ".birth_date) AND (s.gender = 0 OR " + a
                + ".gender = 0 OR s.gender = " + a + ".gender)";
    }

    public static String candidatesQuery() {
        return "WITH agree_probe AS (SELECT s.source, s.record_id, s.cand_key, p.person_id FROM res_swap s"
                + " JOIN probe p ON p.id_key = s.cand_key WHERE s.name_hash <> 0 AND " + agrees("p") + "),"
                + " touched AS (SELECT DISTINCT source, record_id FROM agree_probe)"
                + " SELECT source, record_id, cand_key, person_id FROM agree_probe"
                + " UNION ALL SELECT DISTINCT s.source, s.record_id, s.cand_key, CAST(NULL AS STRING) AS person_id"
                + " FROM res_swap s JOIN touched t ON t.source = s.source AND t.record_id = s.record_id"
                + " JOIN register_numbered g ON g.id_key = s.cand_key WHERE " + agrees("g");
    }

    /** One row of {@link #candidatesQuery()}. */
    public record Candidate(String source, String recordId, long candidateKey, String personId) {}

    /** The links the rows call for, records in the order first seen. */
    public static List<Link> decide(List<Candidate> rows) {
        Map<String, Set<Long>> keys = new LinkedHashMap<>();
        Map<String, Set<String>> persons = new LinkedHashMap<>();
        Map<String, Candidate> first = new LinkedHashMap<>();
        for (Candidate row : rows) {
            String record = row.source() + '\u0000' + row.recordId();
            first.putIfAbsent(record, row);
            keys.computeIfAbsent(record, k -> new LinkedHashSet<>()).add(row.candidateKey());
            if (row.personId() != null) {
                persons.computeIfAbsent(record, k -> new LinkedHashSet<>()).add(row.personId());
            }
        }
        List<Link> links = new ArrayList<>();
        for (Map.Entry<String, Set<Long>> entry : keys.entrySet()) {
            Candidate record = first.get(entry.getKey());
            Set<Long> candidates = entry.getValue();
            List<String> endings = new ArrayList<>();
            for (long key : candidates) {
                endings.add("尾号" + IdNumbers.decode(key).substring(14));
            }
            boolean single = candidates.size() == 1;
            String note = single
                    ? "记录的证件号码校验位不符，相邻两位颠倒后为本人号码（" + endings.get(0) + "），姓名、出生日期相符"
                    : "记录的证件号码校验位不符，相邻两位颠倒后有" + candidates.size() + "个号码与姓名、出生日期相符（" + String.join("、", endings)
                            + "），须核实属于何人";
            for (String person : persons.getOrDefault(entry.getKey(), Set.of())) {
                links.add(new Link(record.source(), record.recordId(), person, single ? "ID" : "NAME_BIRTH", note));
            }
        }
        return links;
    }

    /** The records the rule decided (any agreeing probe person): the name + birth date tier leaves them alone. */
    public static Set<String> decidedRecords(List<Candidate> rows) {
        Set<String> out = new LinkedHashSet<>();
        for (Candidate row : rows) {
            if (row.personId() != null) {
                out.add(row.source() + '\u0000' + row.recordId());
            }
        }
        return out;
    }
}
