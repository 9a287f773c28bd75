package cn.minzheng.verification.core.link;

import cn.minzheng.verification.core.rules.RuleCatalogue;
import cn.minzheng.verification.core.rules.RuleSql;
import cn.minzheng.verification.core.store.Source;
import cn.minzheng.verification.core.store.Store;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.StringJoiner;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The verification run on the DuckDB store. Tiers, in order:
 *
 * <ol>
 *   <li><b>ID</b>: equi-join of the probe's BIGINT keys with each {@code src_<code>}. A match whose name clearly
 *       belongs to someone else (different pinyin key: another surname or another given name) is not accepted as an
 *       ID link; it is counted ({@code id_name_conflicts}) and the record goes to the next tier, where it can link to
 *       the person it names — typically a family member whose number was written on the record.
 *   <li><b>NAME_BIRTH</b>: records without a usable number (and the conflicting ones above) join the probe on name key
 *       and birth date, gender compatible; what survives of a damaged number must agree ({@link ResidueJudge}).
 *       Always for review.
 * </ol>
 *
 * Links land in temp tables {@code l_<code>} (the record's columns plus person, household, tier and the name-check
 * flag, false once the run has linked) from which hits.csv is written and the rule catalogue is evaluated.
 */
public final class DuckDbVerifier {

    private final Connection connection;
    private final RunReport report;
    private final RuleCatalogue catalogue;

    public DuckDbVerifier(Connection connection, RunReport report, RuleCatalogue catalogue) {
        this.connection = connection;
        this.report = report;
        this.catalogue = catalogue;
    }

    /** Columns a link table carries: what hits, the name tier and the rules of this source read. */
    String linkColumns(Source source) {
        StringJoiner columns = new StringJoiner(", ");
        columns.add("record_id")
                .add("name_hash")
                .add("gender")
                .add("birth_date")
                .add("name_recorded");
        catalogue.columnsUsed(source).forEach(columns::add);
        return columns.toString();
    }

    public static Connection open(Path storeDir) throws SQLException {
        return Store.open(Store.file(storeDir));
    }

    /** Opens the store with the given DuckDB memory cap (a run's: {@link Store#runMemoryLimit(long)}). */
    public static Connection open(Path storeDir, String memoryLimit) throws SQLException {
        return Store.open(Store.file(storeDir), memoryLimit);
    }

    /** Loads the normalised probe into the temp table {@code probe}. */
    public void loadProbe(List<ProbePerson> persons) throws SQLException {
        Store.checkNameKeys(connection);
        execute("CREATE OR REPLACE TEMP TABLE probe (person_id VARCHAR, household_id VARCHAR, household_size INTEGER,"
                + " id_key BIGINT, id_text VARCHAR, name VARCHAR, name_hash BIGINT, gender TINYINT, birth_date DATE)");
        try (DuckDBAppender appender =
                connection.unwrap(DuckDBConnection.class).createAppender("temp", "main", "probe")) {
            for (ProbePerson p : persons) {
                appender.beginRow();
                appender.append(p.personId());
                appender.append(p.householdId());
                appender.append(p.householdSize());
                if (p.idKey() >= 0) {
                    appender.append(p.idKey());
                } else {
                    appender.appendNull();
                }
                appender.append(p.idText());
                appender.append(p.name());
                appender.append(p.nameHash());
                appender.append((byte) p.gender());
                if (p.birthDay() == cn.minzheng.verification.core.normalize.Dates.NONE) {
                    appender.appendNull();
                } else {
                    appender.appendEpochDays(p.birthDay());
                }
                appender.endRow();
            }
        }
        report.count("probe_persons", persons.size());
        report.count(
                "probe_without_usable_id",
                persons.stream().filter(p -> !p.idStatus().usable()).count());
    }

    /** Runs the tiers; afterwards l_<code> holds the accepted links of every source. */
    public void link() throws SQLException {
        // One statement per source joins, drops duplicated rows (same record delivered twice) and flags the matches
        // whose name belongs to someone else; the flagged rows stay in l_ only until the name tier has read them.
        for (Source source : Source.values()) {
            String cols = linkColumns(source);
            execute("CREATE OR REPLACE TEMP TABLE l_" + source.code() + " AS SELECT DISTINCT ON (p.person_id,"
                    + " r.record_id) p.person_id, p.household_id, p.household_size, 'ID' AS tier, "
                    + prefixed("r", cols) + ", CAST(NULL AS VARCHAR) AS link_note, " + NAME_CONFLICT
                    + " AS name_conflict FROM probe p JOIN " + source.table() + " r ON r.id_key = p.id_key");
        }
        report.phase("id_tier");
        StringJoiner counts = new StringJoiner(" + ");
        for (Source source : Source.values()) {
            counts.add("(SELECT count(DISTINCT record_id) FROM l_" + source.code() + " WHERE name_conflict)");
        }
        report.count("id_name_conflicts", scalar("SELECT " + counts));
        report.phase("name_check");
        execute("CREATE OR REPLACE TEMP VIEW register_numbered AS SELECT id_key, name_hash, birth_date, gender FROM "
                + Source.REGISTER.table());
        List<TranspositionSql.Candidate> swaps = new java.util.ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(TranspositionSql.candidatesQuery())) {
            while (rows.next()) {
                swaps.add(new TranspositionSql.Candidate(
                        rows.getString(1), rows.getString(2), rows.getLong(3), rows.getString(4)));
            }
        }
        List<TranspositionSql.Link> swapLinks = TranspositionSql.decide(swaps);
        report.count(
                "transposition_links",
                swapLinks.stream().filter(l -> l.tier().equals("ID")).count());
        report.count(
                "transposition_reviews",
                swapLinks.stream().filter(l -> !l.tier().equals("ID")).count());
        report.phase("transpositions");
        nameBirthTier(swaps, swapLinks);
        for (Source source : Source.values()) {
            execute("DELETE FROM l_" + source.code() + " WHERE name_conflict");
        }
        report.phase("name_birth_tier");
    }

    /**
     * When an ID match is someone else's: both names known and not the same name (in any script, or by sound), or,
     * with no name to tell, a sex or birth date on the record that contradicts the person the number belongs to.
     */
    public static final String NAME_CONFLICT =
            "coalesce(CASE WHEN r.name_hash <> 0 AND p.name_hash <> 0 THEN r.name_hash"
                    + " <> p.name_hash ELSE (r.gender <> 0 AND p.gender <> 0 AND r.gender <> p.gender) OR r.birth_date <>"
                    + " p.birth_date END, false)";

    /** The ID matches refused by the name check, as the name tier reads them (each record once). */
    private static String refused(Source source, String cols) {
        return "(SELECT DISTINCT ON (record_id) " + cols + ", CAST(NULL AS VARCHAR) AS id_text FROM l_" + source.code()
                + " WHERE name_conflict)";
    }

    private void nameBirthTier(List<TranspositionSql.Candidate> swaps, List<TranspositionSql.Link> swapLinks)
            throws SQLException {
        StringJoiner candidates = new StringJoiner(" UNION ALL ");
        for (Source source : Source.values()) {
            for (String table : List.of(source.residueTable(), refused(source, linkColumns(source)))) {
                boolean conflict = table.startsWith("(");
                candidates.add("SELECT '" + source.code() + "' AS source, r.record_id, p.person_id, "
                        + (conflict ? "-1" : "r.id_status") + " AS id_status, r.id_text, p.id_text AS person_id_text, "
                        // refused ID matches come from src_ tables, which keep the name's key only
                        + (conflict ? "CAST(NULL AS VARCHAR)" : "r.name") + " AS record_name, p.name AS person_name"
                        + " FROM " + table + " r JOIN probe p ON p.name_hash = r.name_hash AND p.birth_date ="
                        + " r.birth_date WHERE r.name_hash <> 0 AND (r.gender = 0 OR p.gender = 0 OR r.gender ="
                        + " p.gender)");
            }
        }
        execute("CREATE OR REPLACE TEMP TABLE nb_cand AS " + candidates);
        java.util.Set<String> decided = TranspositionSql.decidedRecords(swaps);
        if (!decided.isEmpty()) {
            // the transposition rule has decided these records: they are no name + birth date candidates
            execute("CREATE OR REPLACE TEMP TABLE swap_decided (source VARCHAR, record_id VARCHAR)");
            try (DuckDBAppender appender =
                    connection.unwrap(DuckDBConnection.class).createAppender("temp", "main", "swap_decided")) {
                for (String record : decided) {
                    int cut = record.indexOf('\u0000');
                    appender.beginRow();
                    appender.append(record.substring(0, cut));
                    appender.append(record.substring(cut + 1));
                    appender.endRow();
                }
            }
            execute("DELETE FROM nb_cand WHERE (source, record_id) IN (SELECT source, record_id FROM swap_decided)");
            execute("DROP TABLE swap_decided");
        }
        report.phase("name_birth_candidates");
        StringJoiner single = new StringJoiner(" UNION ALL ");
        for (Source source : Source.values()) {
            if (source.onePerPerson()) {
                // l_ holds the ID tier's links only at this point
                single.add("SELECT '" + source.code() + "' AS source, person_id, record_id FROM l_" + source.code()
                        + " WHERE NOT name_conflict");
            }
        }
        execute("CREATE OR REPLACE TEMP VIEW single_links AS " + single);
        Source register = Source.REGISTER;
        // A store written before the register kept its names (a generation the platform still holds) has none for
        // numbered registrations; NameBirthSql counts such a registration as a rival whatever the spelling.
        String numberedNames = Store.hasColumn(connection, register.table(), "name") ? "name" : "CAST(NULL AS VARCHAR)";
        execute("CREATE OR REPLACE TEMP VIEW register AS SELECT true AS numbered, id_key, CAST(NULL AS VARCHAR) AS"
                + " record_id, name_hash, birth_date, gender, " + numberedNames + " AS name FROM " + register.table()
                + " UNION ALL SELECT false, NULL, record_id, name_hash, birth_date, gender, name FROM "
                + register.residueTable());
        execute("CREATE OR REPLACE TEMP TABLE nb_accepted (source VARCHAR, record_id VARCHAR, person_id VARCHAR,"
                + " tier VARCHAR, note VARCHAR)");
        java.util.Map<String, SourcePrior> priors = priors();
        long candidatesSeen = 0;
        long accepted = 0;
        java.util.Map<String, Long> refusals = new java.util.TreeMap<>();
        java.util.Set<String> sourcesWithLinks = new java.util.HashSet<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(NameBirthSql.evidenceQuery());
                DuckDBAppender appender =
                        connection.unwrap(DuckDBConnection.class).createAppender("temp", "main", "nb_accepted")) {
            NameBirthSql.EvidenceRow<SQLException> row = new NameBirthSql.EvidenceRow<>() {
                @Override
                public String text(int column) throws SQLException {
                    return rows.getString(column + 1);
                }

                @Override
                public long number(int column) throws SQLException {
                    return rows.getLong(column + 1);
                }
            };
            for (TranspositionSql.Link link : swapLinks) {
                sourcesWithLinks.add(link.source());
                appender.beginRow();
                appender.append(link.source());
                appender.append(link.recordId());
                appender.append(link.personId());
                appender.append(link.tier());
                appender.append(link.note());
                appender.endRow();
            }
            while (rows.next()) {
                candidatesSeen++;
                NameBirthJudge.Verdict verdict = NameBirthSql.judge(row, priors);
                if (verdict == NameBirthJudge.Verdict.LINK) {
                    sourcesWithLinks.add(rows.getString(1));
                    appender.beginRow();
                    appender.append(rows.getString(1));
                    appender.append(rows.getString(2));
                    appender.append(rows.getString(3));
                    appender.append("NAME_BIRTH");
                    appender.appendNull();
                    appender.endRow();
                    accepted++;
                } else {
                    refusals.merge(verdict.counter(), 1L, Long::sum);
                }
            }
        }
        execute("DROP TABLE nb_cand");
        report.phase("name_birth_judge");
        refusals.forEach(report::count);
        report.count("name_birth_candidates", candidatesSeen);
        for (Source source : Source.values()) {
            String code = source.code();
            if (!sourcesWithLinks.contains(code)) {
                continue;
            }
            String cols = linkColumns(source);
            execute("INSERT INTO l_" + code + " (person_id, household_id, household_size, tier, " + cols
                    + ", link_note, name_conflict) SELECT DISTINCT ON (a.person_id, a.record_id) p.person_id,"
                    + " p.household_id, p.household_size, a.tier, " + prefixed("r", cols) + ", a.note, false"
                    + " FROM nb_accepted a JOIN probe p ON p.person_id = a.person_id"
                    + " JOIN (SELECT " + cols + " FROM " + source.residueTable() + " UNION ALL SELECT " + cols
                    + " FROM l_" + code + " WHERE name_conflict) r ON r.record_id = a.record_id"
                    + " WHERE a.source = '" + code + "'");
        }
        report.count("name_birth_links", accepted);
    }

    /** Each source's {@link SourcePrior}, while l_ holds the ID tier's links only. */
    private java.util.Map<String, SourcePrior> priors() throws SQLException {
        Source register = Source.REGISTER;
        long probePersons = scalar("SELECT count(*) FROM probe WHERE id_key IS NOT NULL");
        long registerRecords = scalar("SELECT (SELECT count(*) FROM " + register.table() + ") + (SELECT count(*) FROM "
                + register.residueTable() + ")");
        java.util.Map<String, SourcePrior> priors = new java.util.HashMap<>();
        for (Source source : Source.values()) {
            long probeRecords = scalar("SELECT count(*) FROM l_" + source.code() + " WHERE NOT name_conflict");
            long sourceRecords = scalar("SELECT (SELECT count(*) FROM " + source.table() + ") + (SELECT count(*) FROM "
                    + source.residueTable() + ")");
            priors.put(source.code(), new SourcePrior(probeRecords, probePersons, sourceRecords, registerRecords));
        }
        return priors;
    }

    /** Writes hits.csv: person_id,source,record_id,tier. */
    public long writeHits(Path file) throws SQLException {
        StringJoiner union = new StringJoiner(" UNION ALL ");
        for (Source source : Source.values()) {
            union.add("SELECT person_id, '" + source.code() + "' AS source, record_id, tier FROM l_" + source.code());
        }
        execute("COPY (" + union + ") TO '" + sqlPath(file) + "' (FORMAT CSV, HEADER)");
        long hits = 0;
        for (Source source : Source.values()) {
            hits += scalar("SELECT count(*) FROM l_" + source.code());
        }
        report.count("hits", hits);
        report.count("hits_name_birth", scalarSum("SELECT count(*) FROM l_%s WHERE tier = 'NAME_BIRTH'"));
        return hits;
    }

    /** Evaluates the rule catalogue on the links and writes findings.csv. */
    public long writeFindings(RuleCatalogue catalogue, LocalDate checkDate, Path file) throws SQLException {
        String query = RuleSql.findingsQuery(catalogue, checkDate);
        if (query == null) {
            execute("COPY (SELECT "
                    + String.join(
                            ", ",
                            RuleSql.COLUMNS.stream().map(c -> "NULL AS " + c).toList()) + " WHERE FALSE) TO '"
                    + sqlPath(file) + "' (FORMAT CSV, HEADER)");
            return 0;
        }
        execute("CREATE OR REPLACE TEMP TABLE findings AS " + query);
        execute("COPY findings TO '" + sqlPath(file) + "' (FORMAT CSV, HEADER)");
        long findings = scalar("SELECT count(*) FROM findings");
        report.count("findings", findings);
        try (Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery("SELECT severity, count(*) FROM findings GROUP BY 1 ORDER BY 1")) {
            while (rows.next()) {
                report.count("findings_" + rows.getString(1).toLowerCase(java.util.Locale.ROOT), rows.getLong(2));
            }
        }
        return findings;
    }

    /**
     * The benchmark's yardstick: a plain SQL join of the same probe keys against the same store, materialising
     * (person, record) pairs, with none of the engine's tiers, name checks or rules. With {@code nameKeys} false only
     * the identity-number keys (the yardstick printed since the first benchmark); with true also the name + birth date
     * keys against the records without a number, the second key the engine joins on. Returns seconds.
     */
    public double plainJoinSeconds(boolean nameKeys) throws SQLException {
        StringJoiner union = new StringJoiner(" UNION ALL ");
        for (Source source : Source.values()) {
            union.add("SELECT p.person_id, '" + source.code() + "' AS source, r.record_id FROM probe p JOIN "
                    + source.table() + " r ON r.id_key = p.id_key");
            if (nameKeys) {
                union.add("SELECT p.person_id, '" + source.code() + "' AS source, r.record_id FROM probe p JOIN "
                        + source.residueTable() + " r ON r.name_hash = p.name_hash AND r.birth_date = p.birth_date");
            }
        }
        long started = System.nanoTime();
        execute("CREATE OR REPLACE TEMP TABLE plain_join AS " + union);
        double seconds = (System.nanoTime() - started) / 1e9;
        report.counts()
                .put(
                        nameKeys ? "plain_join_both_keys_rows" : "plain_join_rows",
                        scalar("SELECT count(*) FROM plain_join"));
        execute("DROP TABLE plain_join");
        return seconds;
    }

    private long scalarSum(String template) throws SQLException {
        long sum = 0;
        for (Source source : Source.values()) {
            sum += scalar(String.format(template, source.code()));
        }
        return sum;
    }

    long scalar(String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static String prefixed(String alias, String columnList) {
        StringJoiner out = new StringJoiner(", ");
        for (String column : columnList.split(",\\s*")) {
            out.add(alias + "." + column);
        }
        return out.toString();
    }

    static String sqlPath(Path file) {
        return file.toAbsolutePath().toString().replace("'", "''");
    }
}
