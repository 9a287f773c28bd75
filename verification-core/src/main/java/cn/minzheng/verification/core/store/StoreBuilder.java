package cn.minzheng.verification.core.store;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a store one delivery at a time, for a caller that receives the 26 sources on their own schedules (the
 * platform): the new store file is the previous one with one source's records replaced by a delivered file. The
 * previous file is never written to; the new one appears under its name only when it is complete, so an interrupted
 * build leaves nothing a reader could open half-done.
 */
public final class StoreBuilder {

    /** What loading the file did, and its rejected rows in line order. */
    public record SourceLoad(LoadResult result, List<Reject> rejects) {}

    private StoreBuilder() {}

    /**
     * Writes {@code target}: a copy of {@code previous} (or, when it is null, an empty store with every source's
     * tables) in which {@code source} holds exactly the records of {@code file}, with the lookup tables rebuilt.
     *
     * @param memoryLimit DuckDB's memory cap for the build (e.g. {@code 1GB}), or null for the engine's default
     */
    public static SourceLoad replaceSource(
            Path previous, Path target, Source source, Path file, Charset charset, int workers, String memoryLimit)
            throws IOException, SQLException {
        Path loading = target.resolveSibling(target.getFileName() + ".loading");
        Path loadingWal = loading.resolveSibling(loading.getFileName() + ".wal");
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.deleteIfExists(loading);
        Files.deleteIfExists(loadingWal);
        boolean done = false;
        if (previous != null && !hasCurrentNameKeys(previous)) {
            // A store whose name keys an earlier version computed cannot be added to: the new source's keys would not
            // compare with the others'. The new store starts empty, with this source; the others must be delivered
            // again (their files are not kept).
            previous = null;
        }
        try {
            if (previous != null) {
                Files.copy(previous, loading);
                Path previousWal = previous.resolveSibling(previous.getFileName() + ".wal");
                if (Files.exists(previousWal)) {
                    Files.copy(previousWal, loadingWal);
                }
            }
            SourceLoad load;
            try (Connection connection = Store.open(loading)) {
                if (memoryLimit != null) {
                    execute(connection, "SET memory_limit='" + memoryLimit.replace("'", "") + "'");
                }
                if (previous == null) {
                    Store.createSchema(connection);
                } else {
                    execute(connection, "DROP TABLE " + source.table());
                    execute(connection, "DROP TABLE " + source.residueTable());
                    execute(connection, "CREATE TABLE " + source.table() + " (" + Store.columnsDdl(source) + ")");
                    execute(
                            connection,
                            "CREATE TABLE " + source.residueTable() + " (" + Store.residueColumnsDdl(source) + ")");
                }
                List<Reject> rejects = new ArrayList<>();
                LoadResult result = new SourceLoader(connection, charset, workers).load(source, file, rejects);
                Store.buildLookupIndex(connection);
                try (PreparedStatement delete =
                                connection.prepareStatement("DELETE FROM load_report WHERE source = ?");
                        PreparedStatement insert = connection.prepareStatement(
                                "INSERT INTO load_report VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    delete.setString(1, source.code());
                    delete.executeUpdate();
                    insert.setString(1, source.code());
                    insert.setString(2, file.getFileName().toString());
                    insert.setLong(3, result.rowsRead());
                    insert.setLong(4, result.accepted());
                    insert.setLong(5, result.rejected());
                    insert.setLong(6, result.withUsableId());
                    insert.setLong(7, result.residue());
                    insert.setDouble(8, result.seconds());
                    insert.executeUpdate();
                }
                execute(connection, "CHECKPOINT");
                load = new SourceLoad(result, List.copyOf(rejects));
            }
            Path targetWal = target.resolveSibling(target.getFileName() + ".wal");
            Files.deleteIfExists(targetWal);
            if (Files.exists(loadingWal)) { // DuckDB checkpoints on close, but a WAL left over belongs to the file
                Files.move(loadingWal, targetWal, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(loading, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            done = true;
            return load;
        } finally {
            if (!done) {
                Files.deleteIfExists(loading);
                Files.deleteIfExists(loadingWal);
            }
        }
    }

    static boolean hasCurrentNameKeys(Path storeFile) throws SQLException {
        try (Connection connection = ReadOnlyStore.open(storeFile, null, 1)) {
            Store.checkNameKeys(connection);
            return true;
        } catch (Store.OlderStoreException e) {
            return false;
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
