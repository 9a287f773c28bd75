package cn.minzheng.verification.spark;

import cn.minzheng.verification.core.cli.Options;
import cn.minzheng.verification.core.cli.UserError;
import cn.minzheng.verification.core.link.ProbePerson;
import cn.minzheng.verification.core.link.ProbeReader;
import cn.minzheng.verification.core.link.RunReport;
import cn.minzheng.verification.core.rules.RuleCatalogue;
import cn.minzheng.verification.core.store.ParquetExport;
import cn.minzheng.verification.core.store.Store;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Entry point of the Spark engine, for {@code bin/minzheng-verify run --engine spark} (local[*], reading a Parquet
 * export of the DuckDB store that it makes once) and for {@code spark-submit} on a cluster (with {@code --parquet
 * <uri>} naming an export made by {@code minzheng-verify export}; the master comes from spark-submit).
 */
public final class SparkVerificationJob {

    private SparkVerificationJob() {}

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        System.exit(status);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length == 0 || !args[0].equals("run")) {
                throw new UserError("the Spark engine only runs: run --probe <file> (--store <dir> | --parquet <uri>)"
                        + " --out <hits.csv> --engine spark");
            }
            execute(
                    new Options(
                            "run",
                            args,
                            1,
                            Set.of(
                                    "probe",
                                    "store",
                                    "parquet",
                                    "out",
                                    "engine",
                                    "findings",
                                    "as-of",
                                    "rules",
                                    "master")),
                    out);
            return 0;
        } catch (UserError e) {
            err.println("minzheng-verify: " + e.getMessage().replaceAll("\\s*\\R\\s*", " "));
            return 2;
        } catch (Exception e) {
            err.println("minzheng-verify: spark run failed: "
                    + String.valueOf(e.getMessage()).replaceAll("\\s*\\R\\s*", " ") + " ("
                    + e.getClass().getSimpleName() + ")");
            if (System.getenv("MINZHENG_VERIFY_DEBUG") != null) {
                e.printStackTrace(err);
            }
            return 1;
        }
    }

    static void execute(Options options, PrintStream out) throws Exception {
        RunReport report = new RunReport();
        Path probeFile = options.existingFile("probe");
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
        String parquet;
        if (options.has("parquet")) {
            parquet = options.required("parquet");
        } else {
            Path store = options.existingDirectory("store");
            if (!Store.exists(store)) {
                throw new UserError("run: no store in " + store + " (run load first)");
            }
            long started = System.nanoTime();
            parquet = ParquetExport.ensureLocal(store).toUri().toString();
            out.printf(
                    "parquet export ready in %.1f s (made once per load) → %s%n",
                    (System.nanoTime() - started) / 1e9, parquet);
            report = new RunReport(); // the export is not part of the run
        }
        Path parent = hits.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        List<ProbePerson> persons = ProbeReader.read(probeFile, StandardCharsets.UTF_8);
        report.phase("probe_read");
        SparkSession.Builder builder = SparkSession.builder()
                .appName("minzheng-verify 家庭经济状况核对")
                .config("spark.ui.enabled", "false")
                .config(
                        "spark.sql.shuffle.partitions",
                        String.valueOf(2 * Runtime.getRuntime().availableProcessors()))
                .config("spark.sql.files.maxPartitionBytes", String.valueOf(256L << 20))
                .config("spark.sql.files.openCostInBytes", String.valueOf(16L << 20))
                .config("spark.sql.adaptive.enabled", "true");
        if (options.has("master")) {
            builder.master(options.required("master"));
        } else if (System.getProperty("spark.master") == null) {
            builder.master("local[*]");
        }
        SparkSession spark = builder.getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        report.phase("spark_start");
        try {
            SparkVerifier verifier = new SparkVerifier(spark, parquet, report);
            Dataset<Row> probe = verifier.probe(persons);
            report.phase("probe_load");
            verifier.link(probe);
            verifier.writeHits(hits);
            report.phase("write_hits");
            verifier.writeFindings(rules, checkDate, findings);
            report.phase("rules");
            report.finish();
        } finally {
            spark.stop();
        }
        out.printf(
                "run engine=spark as_of=%s hits=%d (name_birth=%d) id_name_conflicts=%d findings=%d → %s, %s%n",
                checkDate,
                report.count("hits"),
                report.count("hits_name_birth"),
                report.count("id_name_conflicts"),
                report.count("findings"),
                hits,
                findings);
        out.println(report.phasesLine());
        out.println(report.countsLine());
        out.printf(
                "total=%.3fs link=%.3fs peak_rss=%dMB%n",
                report.engineSeconds(), report.linkSeconds(), RunReport.peakRssBytes() / (1024 * 1024));
    }
}
