package cn.minzheng.verification.core.cli;

import cn.minzheng.verification.core.link.DuckDbVerifier;
import cn.minzheng.verification.core.link.ProbePerson;
import cn.minzheng.verification.core.link.ProbeReader;
import cn.minzheng.verification.core.link.RunReport;
import cn.minzheng.verification.core.rules.RuleCatalogue;
import cn.minzheng.verification.core.store.Store;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code run --probe <file> --store <dir> --out <hits.csv> [--findings <file>] [--as-of <date>] [--rules <file>]}:
 * links the probe to the store, writes hits.csv and, beside it, findings.csv; prints phase times and peak memory.
 */
public final class RunCommand {

    private RunCommand() {}

    /** What a run needs, shared with the Spark runner so both read options the same way. */
    public record Request(Path probe, Path store, Path hits, Path findings, LocalDate checkDate, RuleCatalogue rules) {}

    public static Request request(Options options) throws Exception {
        Path probe = options.existingFile("probe");
        Path store = options.existingDirectory("store");
        if (!Store.exists(store)) {
            throw new UserError("run: no store in " + store + " (run load first)");
        }
        Path hits = Path.of(options.required("out"));
        Path findings = options.has("findings")
                ? Path.of(options.required("findings"))
                : hits.toAbsolutePath().resolveSibling("findings.csv");
        LocalDate checkDate;
        try {
            checkDate = options.has("as-of")
                    ? LocalDate.parse(options.required("as-of"))
                    : LocalDate.now(ZoneId.of("Asia/Shanghai"));
        } catch (DateTimeParseException e) {
            throw new UserError("run: --as-of must be YYYY-MM-DD");
        }
        RuleCatalogue rules =
                options.has("rules") ? RuleCatalogue.from(Path.of(options.required("rules"))) : RuleCatalogue.bundled();
        Path parent = hits.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return new Request(probe, store, hits, findings, checkDate, rules);
    }

    static void run(Options options, PrintStream out) throws Exception {
        boolean baseline = Boolean.parseBoolean(options.optional("baseline", "false"));
        String engine = options.optional("engine", "duckdb");
        if (engine.equals("spark")) {
            throw new UserError(
                    "run: --engine spark is executed by the verification-spark jar; use bin/minzheng-verify");
        }
        if (!engine.equals("duckdb")) {
            throw new UserError("run: --engine must be duckdb or spark, not " + engine);
        }
        Request request = request(options);
        RunReport report = execute(request, baseline);
        out.printf(
                "run engine=duckdb as_of=%s hits=%d (name_birth=%d) id_name_conflicts=%d findings=%d → %s, %s%n",
                request.checkDate(),
                report.count("hits"),
                report.count("hits_name_birth"),
                report.count("id_name_conflicts"),
                report.count("findings"),
                request.hits(),
                request.findings());
        out.println(report.phasesLine());
        out.println(report.countsLine());
        out.printf(
                "total=%.3fs link=%.3fs peak_rss=%dMB%n",
                report.engineSeconds(), report.linkSeconds(), RunReport.peakRssBytes() / (1024 * 1024));
        out.println(report.memoryLine());
        if (baseline) {
            out.printf(
                    "plain_join=%.3fs plain_join_both_keys=%.3fs%n",
                    report.phases().get("plain_join"), report.phases().get("plain_join_both_keys"));
        }
    }

    /** Memory DuckDB's buffer manager holds now (cached store blocks, temp tables, …), or -1 where unknown. */
    static long duckDbMemoryBytes(Connection connection) {
        try (java.sql.Statement statement = connection.createStatement();
                java.sql.ResultSet rows =
                        statement.executeQuery("SELECT sum(memory_usage_bytes)::BIGINT FROM duckdb_memory()")) {
            return rows.next() ? rows.getLong(1) : -1;
        } catch (java.sql.SQLException e) {
            return -1;
        }
    }

    private static Connection opened(CompletableFuture<Connection> opening) throws Exception {
        try {
            return opening.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static void closeWhenOpen(CompletableFuture<Connection> opening) {
        opening.thenAccept(connection -> {
            try {
                connection.close();
            } catch (java.sql.SQLException ignored) {
                // the run failed already; its reason is what the user sees
            }
        });
    }

    /** The whole run on DuckDB, phase by phase. */
    public static RunReport execute(Request request, boolean baseline) throws Exception {
        RunReport report = new RunReport();
        // Opening the store loads DuckDB's native library (≈ 0.5 s in a fresh JVM): do it while the probe is read.
        // The cap depends on the probe's size, so the store opens with the least one and gets its own below.
        CompletableFuture<Connection> opening = CompletableFuture.supplyAsync(() -> {
            try {
                return DuckDbVerifier.open(request.store(), Store.runMemoryLimit(0));
            } catch (java.sql.SQLException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        List<ProbePerson> persons;
        try {
            persons = ProbeReader.read(request.probe(), StandardCharsets.UTF_8);
        } catch (Exception e) {
            closeWhenOpen(opening);
            throw e;
        }
        report.phase("probe_read");
        String memoryLimit = Store.runMemoryLimit(persons.size());
        try (Connection connection = opened(opening)) {
            try (java.sql.Statement statement = connection.createStatement()) {
                statement.execute("SET memory_limit='" + memoryLimit.replace("'", "") + "'");
            }
            DuckDbVerifier verifier = new DuckDbVerifier(connection, report, request.rules());
            verifier.loadProbe(persons);
            report.phase("probe_load");
            verifier.link();
            verifier.writeHits(request.hits());
            report.phase("write_hits");
            verifier.writeFindings(request.rules(), request.checkDate(), request.findings());
            report.phase("rules");
            report.finish();
            report.memory(memoryLimit, duckDbMemoryBytes(connection));
            if (baseline) {
                // best of three, measured after the engine so both find the store in the page cache
                double best = Double.MAX_VALUE;
                double bestBoth = Double.MAX_VALUE;
                for (int i = 0; i < 3; i++) {
                    best = Math.min(best, verifier.plainJoinSeconds(false));
                    bestBoth = Math.min(bestBoth, verifier.plainJoinSeconds(true));
                }
                report.phases().put("plain_join", best);
                report.phases().put("plain_join_both_keys", bestBoth);
            }
        }
        return report;
    }
}
