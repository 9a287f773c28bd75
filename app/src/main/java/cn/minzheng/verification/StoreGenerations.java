package cn.minzheng.verification;

import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.verification.core.store.ReadOnlyStore;
import cn.minzheng.verification.core.store.Source;
import cn.minzheng.verification.core.store.StoreBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The columnar store as a sequence of generations: each delivery builds a new DuckDB file from the newest ready one
 * (the engine's {@link StoreBuilder}: copy, replace one source, rebuild the lookup tables, rename when complete), and
 * the database records it READY only then. Readers lease the newest ready generation: one read-only DuckDB instance
 * per generation, a duplicated connection per run (its own temp tables). An interrupted build leaves a folder no one
 * reads and the previous generation in service; it is removed by the next build.
 *
 * <p>The files live on this instance's disk: a deployment with several instances gives the module a shared data
 * folder or lets one instance do the verification (docs/verification.md, "platform module").
 */
@Component
public class StoreGenerations {

    private static final Logger log = LoggerFactory.getLogger(StoreGenerations.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final VerificationSettings settings;
    /** Open instances by folder: a generation number alone is not unique (a test database starts again at 1). */
    private final Map<String, Instance> open = new HashMap<>();

    StoreGenerations(JdbcClient jdbc, VerificationSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** A READY generation as the database records it. */
    public record Generation(long number, String directory) {}

    /** One run's use of a generation; closing it returns the connection. */
    final class Lease implements AutoCloseable {

        private final Instance instance;
        private final Connection connection;

        private Lease(Instance instance, Connection connection) {
            this.instance = instance;
            this.connection = connection;
        }

        long generation() {
            return instance.generation;
        }

        Connection connection() {
            return connection;
        }

        @Override
        public void close() {
            try {
                connection.close();
            } catch (SQLException e) {
                log.warn("closing a store connection failed", e);
            }
            release(instance);
        }
    }

    private static final class Instance {
        final long generation;
        final Path directory;
        final Connection root;
        int leases;
        boolean retired;

        Instance(long generation, Path directory, Connection root) {
            this.generation = generation;
            this.directory = directory;
            this.root = root;
        }
    }

    public Optional<Generation> current() {
        return jdbc.sql("""
                        select generation, directory from verification_store_generation
                        where status = 'READY' order by generation desc limit 1
                        """)
                .query((rs, n) -> new Generation(rs.getLong(1), rs.getString(2)))
                .optional();
    }

    /** The newest ready generation, for one run; refused when nothing has been delivered yet. */
    Lease lease() {
        Generation generation =
                current().orElseThrow(() -> new BusinessRuleViolation("核对数据库中还没有任何部门数据：请先由核对中心导入各部门交付的数据"));
        synchronized (this) {
            Instance instance = open.get(generation.directory());
            if (instance == null) {
                Path file = storeFile(generation.directory());
                if (!Files.isRegularFile(file)) {
                    throw new BusinessRuleViolation(
                            "本实例上没有第 " + generation.number() + " 版核对数据库文件（数据目录不在共享存储上？）；请由核对中心重新导入数据或检查部署");
                }
                try {
                    instance = new Instance(
                            generation.number(),
                            file.getParent(),
                            ReadOnlyStore.open(file, settings.duckdbMemory(), settings.duckdbThreads()));
                } catch (SQLException e) {
                    throw new IllegalStateException("核对数据库第 " + generation.number() + " 版无法打开", e);
                }
                for (Instance older : List.copyOf(open.values())) {
                    older.retired = true;
                    closeIfIdle(older);
                }
                open.put(generation.directory(), instance);
            }
            try {
                Connection connection =
                        instance.root.unwrap(DuckDBConnection.class).duplicate();
                instance.leases++;
                return new Lease(instance, connection);
            } catch (SQLException e) {
                throw new IllegalStateException("核对数据库连接失败", e);
            }
        }
    }

    private synchronized void release(Instance instance) {
        instance.leases--;
        closeIfIdle(instance);
    }

    private void closeIfIdle(Instance instance) {
        if (instance.retired && instance.leases == 0) {
            try {
                instance.root.close();
            } catch (SQLException e) {
                log.warn("closing store generation {} failed", instance.generation, e);
            }
            open.values().remove(instance);
        }
    }

    /** What a build produced: the new generation and the engine's account of the file. */
    record Built(long generation, StoreBuilder.SourceLoad load, long totalRows) {}

    /**
     * Builds the next generation with the source's records replaced by the file. The caller holds the store lock, so
     * builds never overlap; the new generation is READY only when the file is complete.
     */
    Built build(Source source, Path csv, Charset charset, long deliveryId) {
        Optional<Generation> previous = current();
        long number = jdbc.sql("select coalesce(max(generation), 0) + 1 from verification_store_generation")
                .query(Long.class)
                .single();
        // a random part: a test database starts again at 1, and a folder name must never be reused while open
        String directory = "g" + number + "-" + HexFormat.of().formatHex(randomBytes());
        jdbc.sql("insert into verification_store_generation (generation, directory, status, built_from_delivery)"
                        + " values (?, ?, 'BUILDING', ?)")
                .params(number, directory, deliveryId)
                .update();
        Path target = storeFile(directory);
        try {
            Path from = previous.map(g -> storeFile(g.directory()))
                    .filter(Files::isRegularFile)
                    .orElse(null);
            StoreBuilder.SourceLoad load = StoreBuilder.replaceSource(
                    from, target, source, csv, charset, settings.loadWorkers(), settings.duckdbMemory());
            long total = countRows(target);
            jdbc.sql("""
                            insert into verification_generation_source (generation, source_code, delivery_id)
                            select ?, source_code, delivery_id from verification_generation_source
                            where generation = ? and source_code <> ?
                            """)
                    // a previous generation whose file this instance lacks was not copied: its sources are not here
                    .params(number, from == null ? -1L : previous.get().number(), source.code())
                    .update();
            jdbc.sql(
                            "insert into verification_generation_source (generation, source_code, delivery_id) values (?, ?, ?)")
                    .params(number, source.code(), deliveryId)
                    .update();
            jdbc.sql("update verification_store_generation set status = 'READY', ready_at = now(), total_rows = ?"
                            + " where generation = ?")
                    .params(total, number)
                    .update();
            removeOldFolders(number, previous.map(Generation::number).orElse(-1L));
            return new Built(number, load, total);
        } catch (IOException | SQLException | RuntimeException e) {
            jdbc.sql("update verification_store_generation set status = 'FAILED' where generation = ?")
                    .param(number)
                    .update();
            deleteQuietly(target.getParent());
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("核对数据库第 " + number + " 版生成失败", e);
        }
    }

    private long countRows(Path file) throws SQLException {
        try (Connection connection = ReadOnlyStore.open(file, settings.duckdbMemory(), 1);
                var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT sum(accepted) FROM load_report")) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    /** Keeps the new generation and the one before it (runs may still read it); everything else goes. */
    private synchronized void removeOldFolders(long keep, long previous) {
        Path root = settings.storeRoot();
        try (Stream<Path> folders = Files.list(root)) {
            for (Path folder : folders.toList()) {
                String name = folder.getFileName().toString();
                if (name.startsWith("g" + keep + "-") || name.startsWith("g" + previous + "-")) {
                    continue;
                }
                boolean inUse = open.values().stream().anyMatch(i -> i.directory.equals(folder) && i.leases > 0);
                if (inUse) {
                    continue;
                }
                open.values().stream()
                        .filter(i -> i.directory.equals(folder))
                        .toList()
                        .forEach(i -> {
                            i.retired = true;
                            closeIfIdle(i);
                        });
                deleteQuietly(folder);
            }
        } catch (IOException e) {
            log.warn("old store generations could not be listed", e);
        }
    }

    private Path storeFile(String directory) {
        return settings.storeRoot().resolve(directory).resolve("store.duckdb");
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    static void deleteQuietly(Path path) {
        if (path == null || !Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
