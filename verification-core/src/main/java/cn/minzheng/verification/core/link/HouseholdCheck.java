package cn.minzheng.verification.core.link;

import cn.minzheng.verification.core.normalize.IdStatus;
import cn.minzheng.verification.core.store.Source;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The interactive check of one household (a request from an assistance case): the same tiers as the batch run, for a
 * handful of people, as one query over the 26 sources with the keys written in.
 */
public final class HouseholdCheck {

    /** One link of the household check. */
    public record Hit(String personId, String source, String recordId, String tier) {}

    private final Connection connection;

    public HouseholdCheck(Connection connection) {
        this.connection = connection;
    }

    public List<Hit> check(List<ProbePerson> members) throws SQLException {
        // One equality branch per member: on the sorted lookup tables each reads a single row group, whereas an
        // IN list spanning the key range would not prune any.
        StringJoiner union = new StringJoiner(" UNION ALL ");
        for (ProbePerson p : members) {
            if (p.idKey() >= 0) {
                union.add("SELECT source, record_id, id_key, -1, CAST(NULL AS VARCHAR), name_hash, birth_date, gender"
                        + " FROM key_lookup WHERE id_key = " + p.idKey());
            }
            if (p.nameHash() != 0 && p.birthDay() != cn.minzheng.verification.core.normalize.Dates.NONE) {
                union.add("SELECT source, record_id, NULL, id_status, id_text, name_hash, birth_date, gender"
                        + " FROM residue_lookup WHERE name_hash = " + p.nameHash() + " AND birth_date = DATE '"
                        + LocalDate.ofEpochDay(p.birthDay()) + "'");
            }
        }
        List<Hit> hits = new ArrayList<>();
        if (union.length() == 0) {
            return hits;
        }
        List<Object[]> conflicts = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(union.toString())) {
            while (rows.next()) {
                String source = rows.getString(1);
                String recordId = rows.getString(2);
                long key = rows.getLong(3);
                boolean keyed = !rows.wasNull();
                long nameHash = rows.getLong(6);
                java.sql.Date birth = rows.getDate(7);
                int gender = rows.getInt(8);
                if (keyed) {
                    for (ProbePerson p : members) {
                        if (p.idKey() == key) {
                            if (nameHash != 0 && p.nameHash() != 0 && nameHash != p.nameHash()) {
                                conflicts.add(new Object[] {source, recordId, nameHash, birth, gender});
                            } else {
                                hits.add(new Hit(p.personId(), source, recordId, "ID"));
                            }
                        }
                    }
                } else {
                    IdStatus status = IdStatus.ofCode(rows.getInt(4));
                    matchByName(members, hits, source, recordId, status, rows.getString(5), nameHash, birth, gender);
                }
            }
        }
        for (Object[] c : conflicts) {
            matchByName(
                    members,
                    hits,
                    (String) c[0],
                    (String) c[1],
                    null,
                    null,
                    (Long) c[2],
                    (java.sql.Date) c[3],
                    (Integer) c[4]);
        }
        return withoutSecondRecords(hits.stream().distinct().toList());
    }

    /**
     * As in the batch ({@link NameBirthJudge}): in a one-per-person source, a name + birth date link is dropped when the
     * ID tier found the person's own record there. The batch's other namesake checks need the population register and
     * the probe's rates, which a one-household lookup does not have; its candidates stay for review.
     */
    private static List<Hit> withoutSecondRecords(List<Hit> hits) {
        java.util.Set<String> ownById = new java.util.HashSet<>();
        for (Hit hit : hits) {
            if (hit.tier().equals("ID")) {
                ownById.add(hit.personId() + "\u0000" + hit.source());
            }
        }
        return hits.stream()
                .filter(hit -> hit.tier().equals("ID")
                        || !Source.ofCode(hit.source())
                                .map(Source::onePerPerson)
                                .orElse(false)
                        || !ownById.contains(hit.personId() + "\u0000" + hit.source()))
                .toList();
    }

    private static void matchByName(
            List<ProbePerson> members,
            List<Hit> hits,
            String source,
            String recordId,
            IdStatus status,
            String idText,
            long nameHash,
            java.sql.Date birth,
            int gender) {
        if (birth == null || nameHash == 0) {
            return;
        }
        int day = (int) birth.toLocalDate().toEpochDay();
        for (ProbePerson p : members) {
            if (p.nameHash() == nameHash
                    && p.birthDay() == day
                    && (gender == 0 || p.gender() == 0 || gender == p.gender())
                    && ResidueJudge.accept(status, idText, p.idText())) {
                hits.add(new Hit(p.personId(), source, recordId, "NAME_BIRTH"));
            }
        }
    }
}
