package cn.minzheng.verification.core.store;

import cn.minzheng.verification.core.normalize.IdStatus;
import cn.minzheng.verification.core.normalize.NameTables;
import cn.minzheng.verification.core.normalize.Transpositions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The columnar store: one embedded DuckDB file, {@code <dir>/store.duckdb}. Per source it holds {@code src_<code>}
 * (records with a usable identity number, keyed by the BIGINT encoding) and {@code res_<code>} (the residue without
 * one), with identical columns so that either can feed the same rules.
 */
public final class Store {

    public static final String FILE_NAME = "store.duckdb";

    private Store() {}

    public static Path file(Path dir) {
        return dir.resolve(FILE_NAME);
    }

    /** Opens a DuckDB database file with the engine's settings and the default memory cap ({@link #memoryLimit()}). */
    public static Connection open(Path databaseFile) throws SQLException {
        return open(databaseFile, memoryLimit());
    }

    /** Opens a DuckDB database file with the engine's settings and the given memory cap (e.g. {@code 1024MB}). */
    public static Connection open(Path databaseFile, String memoryLimit) throws SQLException {
        try {
            Class.forName("org.duckdb.DuckDBDriver");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("DuckDB JDBC driver missing from the class path", e);
        }
        Properties properties = new Properties();
        Connection connection = DriverManager.getConnection("jdbc:duckdb:" + databaseFile.toAbsolutePath(), properties);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET memory_limit='" + memoryLimit.replace("'", "") + "'");
            statement.execute("SET threads=" + Runtime.getRuntime().availableProcessors());
            statement.execute("SET preserve_insertion_order=false");
            Path temp = databaseFile.toAbsolutePath().getParent().resolve("tmp");
            statement.execute("SET temp_directory='" + temp.toString().replace("'", "''") + "'");
        }
        return connection;
    }

    /**
     * DuckDB memory cap of load, lookup and export ({@code MINZHENG_DUCKDB_MEMORY}, default 8GB); the L size's load
     * must stay within 12 GB RSS on a 24 GB machine.
     */
    public static String memoryLimit() {
        String configured = configuredMemoryLimit();
        return configured == null ? "8GB" : configured;
    }

    /** Working memory a run keeps per probe person: its links in the link tables, with room for the joins. */
    static final long RUN_BYTES_PER_PROBE_PERSON = 4096;

    /** The least memory cap of a run: DuckDB's scans, hash tables of the joins, the rules' aggregates. */
    static final long RUN_MIN_BYTES = 1L << 30;

    /**
     * DuckDB memory cap of a verification run ({@code MINZHENG_DUCKDB_MEMORY} if set). A run reads every block of the
     * store once, so DuckDB's cache of the store's blocks saves nothing within the run; left at the load's 8GB it
     * filled with store blocks (3.5 GB at the M size) and was most of the run's RSS. What a run must hold grows with
     * the probe, not the store: the probe, its link tables (≈ 7 links per person) and the join's hash tables on the
     * probe side. So the cap is {@value #RUN_BYTES_PER_PROBE_PERSON} bytes per probe person, at least 1 GB, at most
     * half the machine's memory; beyond it DuckDB evicts cached blocks first and then spills to the store's tmp/
     * directory rather than fail.
     */
    public static String runMemoryLimit(long probePersons) {
        String configured = configuredMemoryLimit();
        if (configured != null) {
            return configured;
        }
        return (runMemoryLimitBytes(probePersons, physicalMemoryBytes()) >> 20) + "MB";
    }

    static long runMemoryLimitBytes(long probePersons, long physicalMemoryBytes) {
        long wanted = Math.max(RUN_MIN_BYTES, probePersons * RUN_BYTES_PER_PROBE_PERSON);
        long cap = physicalMemoryBytes > 0 ? physicalMemoryBytes / 2 : Long.MAX_VALUE;
        return Math.max(256L << 20, Math.min(wanted, cap));
    }

    private static String configuredMemoryLimit() {
        String configured = System.getenv("MINZHENG_DUCKDB_MEMORY");
        return configured == null || configured.isBlank() ? null : configured.trim();
    }

    /** Physical memory of the machine (or the container's limit, as the JVM sees it), or -1 where unknown. */
    static long physicalMemoryBytes() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return -1;
    }

    /**
     * Columns of a src_ table. The name is kept only as the hash of its pinyin key: equal hashes mean compatible
     * names, and that is all linkage needs from a record that carries a usable number. Leaving the text out keeps
     * the load fast. record_id is stored uncompressed: delivered ids are mostly unique and random-looking, so
     * dictionary/FSST compression saved little space for its cost at load, and the interactive check reads single
     * record_ids by rowid (S: p50 lookup 5–7 ms instead of 7–12 ms; the store about a fifth larger).
     */
    public static String columnsDdl(Source source) {
        StringBuilder ddl = new StringBuilder(
                "record_id VARCHAR USING COMPRESSION uncompressed, id_key BIGINT, id_status TINYINT, name_hash BIGINT, gender TINYINT,"
                        + " birth_date DATE");
        for (Column column : source.ownColumns()) {
            ddl.append(", ")
                    .append(column.name())
                    .append(' ')
                    .append(column.type().sqlType());
        }
        if (source.keepsNameText()) {
            ddl.append(", name VARCHAR");
        }
        // the name as delivered when it is not already its display form (another script, blanks, another dot);
        // null otherwise, which costs next to nothing
        ddl.append(", name_recorded VARCHAR");
        return ddl.toString();
    }

    /** Columns of a res_ table: those of src_ plus the cleaned number and the name, needed to judge the residue. */
    public static String residueColumnsDdl(Source source) {
        return columnsDdl(source) + ", id_text VARCHAR" + (source.keepsNameText() ? "" : ", name VARCHAR");
    }

    /** Column names of a res_ table, in order. */
    public static String residueColumnList(Source source) {
        return columnList(source) + ", id_text" + (source.keepsNameText() ? "" : ", name");
    }

    /** Column names common to src_ and res_, in order (the register's name among them), for INSERT … SELECT. */
    public static String columnList(Source source) {
        StringBuilder list = new StringBuilder("record_id, id_key, id_status, name_hash, gender, birth_date");
        for (Column column : source.ownColumns()) {
            list.append(", ").append(column.name());
        }
        if (source.keepsNameText()) {
            list.append(", name");
        }
        list.append(", name_recorded");
        return list.toString();
    }

    /** Creates empty src_ and res_ tables for every source, so that a run never meets a missing table. */
    public static void createSchema(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (Source source : Source.values()) {
                statement.execute("CREATE TABLE " + source.table() + " (" + columnsDdl(source) + ")");
                statement.execute("CREATE TABLE " + source.residueTable() + " (" + residueColumnsDdl(source) + ")");
            }
            statement.execute("CREATE TABLE store_meta (key VARCHAR, value VARCHAR)");
            statement.execute("INSERT INTO store_meta VALUES ('name_keys', '"
                    + NameTables.get().keyVersion().replace("'", "''") + "')");
            statement.execute("CREATE TABLE load_report (source VARCHAR, file VARCHAR, rows_read BIGINT,"
                    + " accepted BIGINT, rejected BIGINT, with_usable_id BIGINT, residue BIGINT, seconds DOUBLE)");
        }
    }

    /**
     * Builds the lookup tables of the interactive check: every record's key (and every residue record's name and
     * birth date) in one table each, sorted. DuckDB keeps min/max per row group, so an equality lookup on a sorted
     * column reads one row group instead of scanning 26 tables; batch runs do not use these tables.
     *
     * <p>{@code key_lookup} holds only {@code id_key}, the source's number ({@link #sourceNumber}) and the record's
     * {@code rowid} in its src_ table. The check reads the rest of a hit (record_id, name key, birth date, sex) from
     * src_ by rowid (DuckDB prunes a rowid filter to the row groups holding those rows). With record_id and the
     * source's code in it, sorting the table cost about seven times as much, a third of the whole load at the city
     * size; the name key, birth date and sex in it made each row 30 bytes instead of 17. Rowids are stable because src_ tables are only ever
     * appended to and dropped whole, never deleted from; key_lookup is rebuilt with every store.
     */
    public static void buildLookupIndex(Connection connection) throws SQLException {
        java.util.StringJoiner keys = new java.util.StringJoiner(" UNION ALL ");
        java.util.StringJoiner residue = new java.util.StringJoiner(" UNION ALL ");
        for (Source source : Source.values()) {
            keys.add("SELECT id_key, CAST(" + sourceNumber(source)
                    + " AS UTINYINT) AS source_no, rowid AS src_row FROM " + source.table());
            // the name as written too: the interactive check weighs a namesake's spelling as the run does
            residue.add("SELECT name_hash, birth_date, '" + source.code()
                    + "' AS source, record_id, id_status, id_text, gender, name FROM " + source.residueTable());
        }
        try (Statement statement = connection.createStatement()) {
            // One sort of all keys (then with the records' columns) ran out of memory at the city size (150 M rows),
            // so the table is written in key slices, each sorted on its own and appended in ascending order: the
            // result is sorted all the same. A slice of 100 M rows of 17 bytes is 1.7 GB to sort; every slice scans
            // the keys of all sources once more, so fewer, larger slices are cheaper.
            long rows;
            try (java.sql.ResultSet count = statement.executeQuery("SELECT count(*) FROM (" + keys + ")")) {
                count.next();
                rows = count.getLong(1);
            }
            int slices = (int) Math.max(1, Math.min(64, rows / 100_000_000 + 1));
            statement.execute("SET preserve_insertion_order=true");
            statement.execute("CREATE OR REPLACE TABLE key_lookup AS SELECT * FROM (" + keys + ") LIMIT 0");
            long[] bounds = new long[slices + 1];
            bounds[0] = Long.MIN_VALUE;
            bounds[slices] = Long.MAX_VALUE;
            if (slices > 1) {
                StringBuilder quantiles = new StringBuilder();
                for (int i = 1; i < slices; i++) {
                    quantiles.append(i > 1 ? ", " : "").append((double) i / slices);
                }
                try (java.sql.ResultSet q = statement.executeQuery(
                        "SELECT unnest(approx_quantile(id_key, [" + quantiles + "])) FROM (" + keys + ")")) {
                    for (int i = 1; i < slices && q.next(); i++) {
                        bounds[i] = q.getLong(1);
                    }
                }
            }
            for (int i = 0; i < slices; i++) {
                // keys are never negative, so the first slice's lower bound excludes nothing
                statement.execute("INSERT INTO key_lookup SELECT * FROM (" + keys + ") WHERE id_key > " + bounds[i]
                        + " AND id_key <= " + bounds[i + 1] + " ORDER BY id_key");
            }
            statement.execute("CREATE OR REPLACE TABLE residue_lookup AS SELECT * FROM (" + residue
                    + ") ORDER BY name_hash, birth_date");
            // The register's numbered entries by name key, as written: the interactive check asks whether someone
            // else registered writes a record's name so (a lookup, not a scan of the whole register).
            statement.execute("CREATE OR REPLACE TABLE register_lookup AS " + REGISTER_LOOKUP_QUERY);
            buildTranspositions(connection);
            statement.execute("SET preserve_insertion_order=false");
        }
    }

    /**
     * {@code res_swap}: for every residue record whose 18 characters fail the check (or name no real date), the valid
     * numbers one adjacent swap away ({@link Transpositions}), with the record's name key, birth date and sex, sorted
     * by candidate key so that the one-household check looks its members up. A few per mille of the records; the runs
     * of both engines and the interactive check read it ({@code link.TranspositionSql}).
     */
    static void buildTranspositions(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE OR REPLACE TEMP TABLE swap_staging (source VARCHAR, record_id VARCHAR,"
                    + " cand_key BIGINT, name_hash BIGINT, birth_date DATE, gender TINYINT, id_text VARCHAR)");
            try (org.duckdb.DuckDBAppender appender = connection
                    .unwrap(org.duckdb.DuckDBConnection.class)
                    .createAppender("temp", "main", "swap_staging")) {
                for (Source source : Source.values()) {
                    try (java.sql.ResultSet rows = statement.executeQuery("SELECT record_id, id_text, name_hash,"
                            + " birth_date, gender FROM " + source.residueTable() + " WHERE id_status IN ("
                            + IdStatus.BAD_CHECK.ordinal() + ", " + IdStatus.BAD_DATE.ordinal()
                            + ") AND name_hash <> 0")) {
                        while (rows.next()) {
                            for (long key : Transpositions.candidates(rows.getString(2))) {
                                appender.beginRow();
                                appender.append(source.code());
                                appender.append(rows.getString(1));
                                appender.append(key);
                                appender.append(rows.getLong(3));
                                java.time.LocalDate birth = rows.getObject(4, java.time.LocalDate.class);
                                if (birth == null) {
                                    appender.appendNull();
                                } else {
                                    appender.appendEpochDays((int) birth.toEpochDay());
                                }
                                appender.append(rows.getByte(5));
                                appender.append(rows.getString(2));
                                appender.endRow();
                            }
                        }
                    }
                }
            }
            statement.execute("SET preserve_insertion_order=true");
            statement.execute("CREATE OR REPLACE TABLE res_swap AS SELECT * FROM swap_staging ORDER BY cand_key");
            statement.execute("DROP TABLE swap_staging");
        }
    }

    /** The rows of {@code register_lookup}, sorted so that an equality lookup on name key and birth date prunes. */
    public static final String REGISTER_LOOKUP_QUERY = "SELECT name_hash, birth_date, gender, id_key, name FROM "
            + Source.REGISTER.table() + " ORDER BY name_hash, birth_date";

    /** A source's number in {@code key_lookup}: its position in {@link Source}. */
    public static int sourceNumber(Source source) {
        return source.ordinal();
    }

    /** Whether a table of the open store has the column (stores written by earlier versions may lack newer ones). */
    public static boolean hasColumn(Connection connection, String table, String column) throws SQLException {
        try (java.sql.PreparedStatement query = connection.prepareStatement(
                "SELECT count(*) FROM duckdb_columns() WHERE table_name = ? AND column_name = ? AND database_name <> 'temp'")) {
            query.setString(1, table);
            query.setString(2, column);
            try (java.sql.ResultSet rows = query.executeQuery()) {
                return rows.next() && rows.getLong(1) > 0;
            }
        }
    }

    /**
     * Whether the store has the lookup tables the one-household check reads as this version writes them: key_lookup
     * by rowid (since 2026-11-29), names in residue_lookup, register_lookup.
     */
    public static boolean hasCurrentLookupTables(Connection connection) throws SQLException {
        return hasColumn(connection, "key_lookup", "src_row")
                && hasColumn(connection, "residue_lookup", "name")
                && hasColumn(connection, "register_lookup", "name");
    }

    /**
     * Refuses a store whose name keys were computed otherwise than this build computes them (an earlier version's
     * table, or none recorded): a run would compare unlike keys and refuse the right person's records as someone
     * else's. The message says what to do.
     */
    public static void checkNameKeys(Connection connection) throws SQLException {
        String stored = null;
        if (hasColumn(connection, "store_meta", "value")) {
            try (Statement statement = connection.createStatement();
                    java.sql.ResultSet rows =
                            statement.executeQuery("SELECT value FROM store_meta WHERE key = 'name_keys'")) {
                stored = rows.next() ? rows.getString(1) : null;
            }
        }
        if (!NameTables.get().keyVersion().equals(stored)) {
            throw new OlderStoreException("the store was loaded by an earlier version, whose name keys differ from"
                    + " this one's (traditional and variant characters, pinyin); run load again");
        }
    }

    /** A store this build cannot run on; the message is one line for the user. */
    public static final class OlderStoreException extends cn.minzheng.verification.core.cli.UserError {
        public OlderStoreException(String message) {
            super(message);
        }
    }

    public static boolean exists(Path dir) {
        return Files.isRegularFile(file(dir));
    }
}
