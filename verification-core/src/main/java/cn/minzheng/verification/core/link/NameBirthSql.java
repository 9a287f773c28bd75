package cn.minzheng.verification.core.link;

import cn.minzheng.verification.core.normalize.IdStatus;
import cn.minzheng.verification.core.store.Source;
import java.util.Map;

/**
 * The evidence {@link NameBirthJudge} needs for each name + birth date candidate, as one SQL text that DuckDB and Spark
 * SQL both run. It reads four relations the engine provides under these names:
 *
 * <ul>
 *   <li>{@code nb_cand}: the candidates — {@code source, record_id, person_id, id_status, id_text, person_id_text,
 *       record_name, person_name};
 *   <li>{@code probe}: the probe persons — {@code person_id, id_key, name_hash, birth_date, gender};
 *   <li>{@code single_links}: the ID tier's links in the one-per-person sources — {@code source, person_id,
 *       record_id};
 *   <li>{@code register}: every record of the population register, with or without a number — {@code numbered,
 *       id_key, record_id, name_hash, birth_date, gender, name}; {@code record_id} may be null for numbered records
 *       (it is not read for them, and reading the text of every registration would cost more than the rest).
 * </ul>
 *
 * The result has the candidate's eight columns followed by {@code own_records}, {@code namesakes} (register entries
 * other than the person's with the same name key, birth date and compatible sex), {@code spelled_as_record} and
 * {@code spelled_as_person} (those of them written exactly as the record, resp. the person, writes the name).
 */
public final class NameBirthSql {

    private NameBirthSql() {}

    /** One row of {@link #evidenceQuery()}, read by 0-based column: a JDBC result set's or a Spark row. */
    public interface EvidenceRow<E extends Exception> {
        String text(int column) throws E;

        long number(int column) throws E;
    }

    /** The {@link NameBirthJudge}'s verdict on one row of {@link #evidenceQuery()}; both engines ask this. */
    public static <E extends Exception> NameBirthJudge.Verdict judge(
            EvidenceRow<E> row, Map<String, SourcePrior> priors) throws E {
        long status = row.number(3);
        return NameBirthJudge.judge(
                status < 0 ? null : IdStatus.ofCode((int) status),
                row.text(4),
                row.text(5),
                row.text(6),
                row.text(7),
                row.number(8),
                row.number(9),
                row.number(10),
                row.number(11),
                priors.get(row.text(0)));
    }

    /** A namesake is a person: a numbered entry counts by its number, an unnumbered one by its record. */
    private static final String WHO = "CASE WHEN g.numbered THEN CAST(g.id_key AS STRING) ELSE g.record_id END";

    private static String lessOwn(String count, String register) {
        return "CASE WHEN c.source <> '" + register + "' AND r.person_id IS NULL THEN greatest(coalesce(n." + count
                + ", 0) - 1, 0) ELSE coalesce(n." + count + ", 0) END";
    }

    public static String evidenceQuery() {
        String register = Source.REGISTER.code();
        return "WITH own AS ("
                + " SELECT c.source, c.record_id, c.person_id, count(*) AS own_records"
                + " FROM nb_cand c JOIN single_links s"
                + " ON s.person_id = c.person_id AND s.source = c.source AND s.record_id <> c.record_id"
                + " GROUP BY c.source, c.record_id, c.person_id),"
                + " namesakes AS ("
                + " SELECT c.source, c.record_id, c.person_id, count(DISTINCT " + WHO + ") AS namesakes,"
                + " count(DISTINCT CASE WHEN g.name = c.record_name THEN " + WHO + " END) AS spelled_as_record,"
                // a numbered registration without a name comes from a store written before the register kept names:
                // it may be spelled as the person spells it, so it stays a rival
                + " count(DISTINCT CASE WHEN g.name = c.person_name OR (g.numbered AND g.name IS NULL) THEN " + WHO
                + " END) AS spelled_as_person"
                + " FROM nb_cand c JOIN probe p ON p.person_id = c.person_id"
                + " JOIN register g ON g.name_hash = p.name_hash AND g.birth_date = p.birth_date"
                + " AND (g.gender = 0 OR p.gender = 0 OR g.gender = p.gender)"
                // the person's own registration is not a namesake
                + " WHERE NOT coalesce(g.numbered AND g.id_key = p.id_key, false)"
                // For a candidate from the register itself: a person has one registration, so a namesake whose
                // registration carries a number cannot also own the candidate; an unnumbered entry other than the
                // candidate is someone's registration — the person's or a namesake's — and leaves the candidate open.
                + " AND NOT (c.source = '" + register + "' AND (g.numbered OR g.record_id = c.record_id))"
                + " GROUP BY c.source, c.record_id, c.person_id),"
                + " registered AS (SELECT DISTINCT person_id FROM single_links WHERE source = '" + register + "')"
                + " SELECT c.source, c.record_id, c.person_id, c.id_status, c.id_text, c.person_id_text,"
                + " c.record_name, c.person_name, coalesce(o.own_records, 0) AS own_records,"
                // A person not registered by number has their registration among the entries counted (spelled as the
                // person, in all likelihood): one is theirs.
                + " " + lessOwn("namesakes", register) + " AS namesakes,"
                + " coalesce(n.spelled_as_record, 0) AS spelled_as_record,"
                + " " + lessOwn("spelled_as_person", register) + " AS spelled_as_person"
                + " FROM nb_cand c"
                + " LEFT JOIN registered r ON r.person_id = c.person_id"
                + " LEFT JOIN own o ON o.source = c.source AND o.record_id = c.record_id AND o.person_id = c.person_id"
                + " LEFT JOIN namesakes n ON n.source = c.source AND n.record_id = c.record_id"
                + " AND n.person_id = c.person_id";
    }
}
