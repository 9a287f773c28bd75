package cn.minzheng.verification.core.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Exports the normalised store as Parquet, one file per src_/res_ table: the form in which a Spark cluster reads it.
 * The DuckDB file stays the system of record; the export is a cache that load deletes.
 */
public final class ParquetExport {

    private ParquetExport() {}

    /** Writes {@code <out>/<table>.parquet} for every table; returns seconds taken. */
    public static double export(Path storeDir, Path out) throws SQLException, java.io.IOException {
        long started = System.nanoTime();
        Files.createDirectories(out);
        try (Connection connection = Store.open(Store.file(storeDir));
                Statement statement = connection.createStatement()) {
            // a store whose name keys this build does not compute alike is no use to Spark either
            Store.checkNameKeys(connection);
            java.util.List<String> tables = new java.util.ArrayList<>();
            for (Source source : Source.values()) {
                tables.add(source.table());
                tables.add(source.residueTable());
            }
            tables.add("res_swap");
            for (String table : tables) {
                Path file = out.resolve(table + ".parquet");
                statement.execute("COPY " + table + " TO '"
                        + file.toAbsolutePath().toString().replace("'", "''") + "' (FORMAT PARQUET, COMPRESSION ZSTD)");
            }
        }
        Files.writeString(out.resolve("_COMPLETE"), "exported from " + Store.file(storeDir) + "\n");
        return (System.nanoTime() - started) / 1e9;
    }

    /** The export inside the store directory, made once after each load. */
    public static Path ensureLocal(Path storeDir) throws SQLException, java.io.IOException {
        Path out = storeDir.resolve("parquet");
        if (!Files.isRegularFile(out.resolve("_COMPLETE"))) {
            export(storeDir, out);
        }
        return out;
    }
}
