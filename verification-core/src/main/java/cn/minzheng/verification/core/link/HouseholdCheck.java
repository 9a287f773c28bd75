package cn.minzheng.verification.core.link;

import cn.minzheng.verification.core.normalize.IdStatus;
import cn.minzheng.verification.core.store.Source;
import cn.minzheng.verification.core.store.Store;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The interactive check of one household (a request from an assistance case): the same tiers as the batch run, for a
 * handful of people, with the keys written into the SQL: one query finds the records carrying the members' keys
 * ({@code key_lookup}), a second reads their record_id, name key, birth date and sex from their src_ tables by rowid,
 * together with the residue records of the members' names and birth dates ({@code residue_lookup}).
 */
public final class HouseholdCheck {

    /** One link of the household check. */
    public record Hit(String personId, String source, String recordId, String tier) {}

    private final Connection connection;

    public HouseholdCheck(Connection connection) {
        this.connection = connection;
    }

    /** A record carrying one of the members' keys, as {@code key_lookup} has it; the rest is read by rowid after. */
    private record Keyed(Source source, long row, long key) {}

    /** What the check reads of a keyed record from its src_ table. */
    private record Numbered(String recordId, long nameHash, java.sql.Date birth, int gender) {}

    public List<Hit> check(List<ProbePerson> members) throws SQLException {
        List<Keyed> keyed = keyedRecords(members);
        List<Hit> hits = new ArrayList<>();
        // records with a transposed number whose swap back is a member's: decided here, not by name and birth date
        java.util.Set<String> decided = transpositions(members, hits);
        // The second query: the keyed records' record_id from their src_ tables by rowid, and the residue records of
        // the members' names and birth dates.
        Map<Source, StringJoiner> rowids = new EnumMap<>(Source.class);
        for (Keyed k : keyed) {
            rowids.computeIfAbsent(k.source(), s -> new StringJoiner(", ")).add(Long.toString(k.row()));
        }
        StringJoiner union = new StringJoiner(" UNION ALL ");
        rowids.forEach((source, list) -> union.add("SELECT '" + source.code() + "', record_id, rowid, -1,"
                + " CAST(NULL AS VARCHAR), name_hash, birth_date, gender, CAST(NULL AS VARCHAR) FROM " + source.table()
                + " WHERE rowid IN (" + list + ")"));
        // One equality branch per member: on the sorted lookup tables each reads a single row group, whereas an
        // IN list spanning the key range would not prune any.
        for (ProbePerson p : members) {
            if (p.nameHash() != 0 && p.birthDay() != cn.minzheng.verification.core.normalize.Dates.NONE) {
                union.add("SELECT source, record_id, NULL, id_status, id_text, name_hash, birth_date, gender, name"
                        + " FROM residue_lookup WHERE name_hash = " + p.nameHash() + " AND birth_date = DATE '"
                        + LocalDate.ofEpochDay(p.birthDay()) + "'");
            }
        }
        if (union.length() == 0) {
            return hits;
        }
        // the keyed records as their src_ table has them, by source and rowid
        Map<String, Map<Long, Numbered>> numbered = new HashMap<>();
        // name + birth date links whose record writes the name differently from the person, with that spelling
        Map<Hit, String> variants = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(union.toString())) {
            while (rows.next()) {
                String source = rows.getString(1);
                String recordId = rows.getString(2);
                long row = rows.getLong(3);
                if (!rows.wasNull()) {
                    numbered.computeIfAbsent(source, s -> new HashMap<>())
                            .put(row, new Numbered(recordId, rows.getLong(6), rows.getDate(7), rows.getInt(8)));
                } else if (!decided.contains(source + '\u0000' + recordId)) {
                    IdStatus status = IdStatus.ofCode(rows.getInt(4));
                    matchByName(
                            members,
                            hits,
                            variants,
                            source,
                            recordId,
                            status,
                            rows.getString(5),
                            rows.getLong(6),
                            rows.getDate(7),
                            rows.getInt(8),
                            rows.getString(9));
                }
            }
        }
        List<Keyed> conflicts = new ArrayList<>();
        for (Keyed k : keyed) {
            Numbered record = numbered.get(k.source().code()).get(k.row());
            for (ProbePerson p : members) {
                if (p.idKey() == k.key()) {
                    if (conflicts(record, p)) {
                        conflicts.add(k);
                    } else {
                        hits.add(new Hit(p.personId(), k.source().code(), record.recordId(), "ID"));
                    }
                }
            }
        }
        for (Keyed c : conflicts) {
            Numbered record = numbered.get(c.source().code()).get(c.row());
            matchByName(
                    members,
                    hits,
                    variants,
                    c.source().code(),
                    record.recordId(),
                    null,
                    null,
                    record.nameHash(),
                    record.birth(),
                    record.gender(),
                    null);
        }
        return withoutSecondRecords(
                withoutNamesakesSpellings(members, hits.stream().distinct().toList(), variants));
    }

    /** The batch's name check ({@code DuckDbVerifier.NAME_CONFLICT}): the ID match is someone else's. */
    private static boolean conflicts(Numbered record, ProbePerson p) {
        if (record.nameHash() != 0 && p.nameHash() != 0) {
            return record.nameHash() != p.nameHash();
        }
        boolean sexContradicts = record.gender() != 0 && p.gender() != 0 && record.gender() != p.gender();
        boolean birthContradicts = record.birth() != null
                && p.birthDay() != cn.minzheng.verification.core.normalize.Dates.NONE
                && record.birth().toLocalDate().toEpochDay() != p.birthDay();
        return sexContradicts || birthContradicts;
    }

    /**
     * The batch's transposition rule ({@link TranspositionSql}) for the household: the records in {@code res_swap}
     * with a member's number among their candidates; for those a member agrees with, every candidate is weighed —
     * the members' and the register's ({@code register_lookup}). Adds the links to {@code hits}; returns the records
     * decided ({@code source NUL record_id}).
     */
    private java.util.Set<String> transpositions(List<ProbePerson> members, List<Hit> hits) throws SQLException {
        if (!Store.hasColumn(connection, "res_swap", "id_text")) {
            return java.util.Set.of();
        }
        StringJoiner union = new StringJoiner(" UNION ALL ");
        for (ProbePerson p : members) {
            if (p.idKey() >= 0) {
                union.add("SELECT source, record_id, id_text, name_hash, birth_date, gender FROM res_swap"
                        + " WHERE cand_key = " + p.idKey());
            }
        }
        if (union.length() == 0) {
            return java.util.Set.of();
        }
        List<TranspositionSql.Candidate> rows = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        try (Statement statement = connection.createStatement();
                ResultSet found = statement.executeQuery(union.toString())) {
            while (found.next()) {
                String source = found.getString(1);
                String recordId = found.getString(2);
                long nameHash = found.getLong(4);
                java.sql.Date birth = found.getDate(5);
                int gender = found.getInt(6);
                if (!seen.add(source + '\u0000' + recordId)) {
                    continue; // a record delivered twice, or found through two members
                }
                long[] candidates =
                        cn.minzheng.verification.core.normalize.Transpositions.candidates(found.getString(3));
                boolean memberAgrees = false;
                for (long key : candidates) {
                    for (ProbePerson p : members) {
                        if (p.idKey() == key
                                && agrees(p.nameHash(), p.birthDay(), p.gender(), nameHash, birth, gender)) {
                            rows.add(new TranspositionSql.Candidate(source, recordId, key, p.personId()));
                            memberAgrees = true;
                        }
                    }
                }
                if (memberAgrees) {
                    registerCandidates(source, recordId, candidates, nameHash, birth, gender, rows);
                }
            }
        }
        for (TranspositionSql.Link link : TranspositionSql.decide(rows)) {
            hits.add(new Hit(link.personId(), link.source(), link.recordId(), link.tier()));
        }
        return TranspositionSql.decidedRecords(rows);
    }

    private void registerCandidates(
            String source,
            String recordId,
            long[] candidates,
            long nameHash,
            java.sql.Date birth,
            int gender,
            List<TranspositionSql.Candidate> rows)
            throws SQLException {
        String sql = "SELECT id_key, birth_date, gender FROM register_lookup WHERE name_hash = ?"
                + (birth == null ? "" : " AND (birth_date = ? OR birth_date IS NULL)");
        try (java.sql.PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, nameHash);
            if (birth != null) {
                query.setDate(2, birth);
            }
            try (ResultSet registered = query.executeQuery()) {
                while (registered.next()) {
                    long key = registered.getLong(1);
                    int registeredGender = registered.getInt(3);
                    for (long candidate : candidates) {
                        if (candidate == key && (gender == 0 || registeredGender == 0 || gender == registeredGender)) {
                            rows.add(new TranspositionSql.Candidate(source, recordId, key, null));
                        }
                    }
                }
            }
        }
    }

    private static boolean agrees(
            long nameHash, int birthDay, int gender, long recordName, java.sql.Date birth, int recordGender) {
        return recordName != 0
                && nameHash == recordName
                && (birth == null
                        || birthDay == cn.minzheng.verification.core.normalize.Dates.NONE
                        || birth.toLocalDate().toEpochDay() == birthDay)
                && (recordGender == 0 || gender == 0 || recordGender == gender);
    }

    /**
     * As in the batch ({@link NameBirthJudge}): in a one-per-person source, a name + birth date link is dropped when the
     * ID tier found the person's own record there. The batch's weighing of namesakes spelled alike needs the probe's
     * rates, which one household does not give (nor does the platform's one-household run): those stay for review.
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

    /** The records carrying one of the members' keys, from {@code key_lookup}. */
    private List<Keyed> keyedRecords(List<ProbePerson> members) throws SQLException {
        // one equality branch per member, as for the residue
        StringJoiner union = new StringJoiner(" UNION ALL ");
        for (ProbePerson p : members) {
            if (p.idKey() >= 0) {
                union.add("SELECT source_no, src_row, id_key FROM key_lookup" + " WHERE id_key = " + p.idKey());
            }
        }
        List<Keyed> keyed = new ArrayList<>();
        if (union.length() == 0) {
            return keyed;
        }
        Source[] sources = Source.values();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(union.toString())) {
            while (rows.next()) {
                keyed.add(new Keyed(
                        sources[rows.getInt(1)], // the number is the position in Source (Store.sourceNumber)
                        rows.getLong(2),
                        rows.getLong(3)));
            }
        }
        return keyed;
    }

    private static void matchByName(
            List<ProbePerson> members,
            List<Hit> hits,
            Map<Hit, String> variants,
            String source,
            String recordId,
            IdStatus status,
            String idText,
            long nameHash,
            java.sql.Date birth,
            int gender,
            String recordName) {
        if (birth == null || nameHash == 0) {
            return;
        }
        int day = (int) birth.toLocalDate().toEpochDay();
        for (ProbePerson p : members) {
            if (p.nameHash() == nameHash
                    && p.birthDay() == day
                    && (gender == 0 || p.gender() == 0 || gender == p.gender())
                    && ResidueJudge.accept(status, idText, p.idText())) {
                Hit hit = new Hit(p.personId(), source, recordId, "NAME_BIRTH");
                hits.add(hit);
                if (NameBirthJudge.spelledDifferently(recordName, p.name())) {
                    variants.put(hit, recordName);
                }
            }
        }
    }

    /**
     * As in the batch ({@link NameBirthJudge}): a record that writes the name differently from the person is not
     * linked when someone else in the register writes it that way. Such records are few, so the register is asked
     * for them alone ({@code register_lookup} for its numbered part, {@code residue_lookup} for the rest).
     */
    private List<Hit> withoutNamesakesSpellings(List<ProbePerson> members, List<Hit> hits, Map<Hit, String> variants)
            throws SQLException {
        if (variants.isEmpty()) {
            return hits;
        }
        Map<String, ProbePerson> byId = new HashMap<>();
        members.forEach(m -> byId.put(m.personId(), m));
        List<Hit> kept = new ArrayList<>();
        for (Hit hit : hits) {
            String spelling = variants.get(hit);
            if (spelling == null || !writtenSoByAnother(byId.get(hit.personId()), hit, spelling)) {
                kept.add(hit);
            }
        }
        return kept;
    }

    private boolean writtenSoByAnother(ProbePerson p, Hit hit, String spelling) throws SQLException {
        Source register = Source.REGISTER;
        boolean fromRegister = hit.source().equals(register.code());
        String gender = "(gender = 0 OR " + p.gender() + " = 0 OR gender = " + p.gender() + ")";
        // numbered registrations: the person's own is no namesake, and none can own a registration without a number
        String numbered = "SELECT count(*) FROM register_lookup WHERE name_hash = ? AND birth_date = ? AND"
                + " name = ? AND " + gender + " AND id_key <> ?";
        String unnumbered = "SELECT count(*) FROM residue_lookup WHERE name_hash = ? AND birth_date = ? AND source = '"
                + register.code() + "' AND name = ? AND " + gender + " AND record_id <> ?";
        java.sql.Date birth = java.sql.Date.valueOf(LocalDate.ofEpochDay(p.birthDay()));
        try (java.sql.PreparedStatement first = connection.prepareStatement(unnumbered)) {
            first.setLong(1, p.nameHash());
            first.setDate(2, birth);
            first.setString(3, spelling);
            first.setString(4, fromRegister ? hit.recordId() : "");
            try (ResultSet rows = first.executeQuery()) {
                if (rows.next() && rows.getLong(1) > 0) {
                    return true;
                }
            }
        }
        if (fromRegister) {
            return false;
        }
        try (java.sql.PreparedStatement second = connection.prepareStatement(numbered)) {
            second.setLong(1, p.nameHash());
            second.setDate(2, birth);
            second.setString(3, spelling);
            second.setLong(4, p.idKey());
            try (ResultSet rows = second.executeQuery()) {
                return rows.next() && rows.getLong(1) > 0;
            }
        }
    }
}
