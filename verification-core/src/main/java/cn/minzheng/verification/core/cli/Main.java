package cn.minzheng.verification.core.cli;

import cn.minzheng.verification.core.generate.DatasetGenerator;
import cn.minzheng.verification.core.generate.Profile;
import cn.minzheng.verification.core.generate.Size;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;

/**
 * Command line of the verification engine, as bin/minzheng-verify calls it: {@code generate}, {@code load}, {@code
 * run}, {@code score}, and {@code bench}. Every command returns an exit status instead of calling System.exit, so
 * tests can run it in process.
 */
public final class Main {

    static final String USAGE = String.join(
            "\n",
            "usage: minzheng-verify generate --size S|M|L|<persons> --seed <n> [--profile clean|standard|dirty] --out <dir>"
                    + " [--gzip true]",
            "       minzheng-verify load  --sources <dir> --store <dir> [--encoding UTF-8|GB18030]",
            "       minzheng-verify run   --probe <file> --store <dir> --out <hits.csv> [--engine duckdb|spark]"
                    + " [--findings <file>] [--as-of YYYY-MM-DD] [--rules <file>]",
            "       minzheng-verify score --hits <hits.csv> --truth <pairs.csv>",
            "       minzheng-verify bench --size S|M|L|<persons> --seed <n> [--work <dir>] [--keep true] [--spark true]",
            "       minzheng-verify lookup --probe <file> --store <dir> --household <id> | --sample <n>",
            "       minzheng-verify export --store <dir> --out <dir>   (Parquet for spark-submit on a cluster)");

    private Main() {}

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        System.exit(status);
    }

    /** Runs one command; 0 on success, 2 on bad input, 1 on an internal failure. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println(USAGE);
            return 2;
        }
        try {
            switch (args[0]) {
                case "generate" ->
                    generate(new Options("generate", args, 1, Set.of("size", "seed", "profile", "out", "gzip")), out);
                case "load" ->
                    LoadCommand.run(new Options("load", args, 1, Set.of("sources", "store", "encoding")), out);
                case "run" ->
                    RunCommand.run(
                            new Options(
                                    "run",
                                    args,
                                    1,
                                    Set.of(
                                            "probe",
                                            "store",
                                            "out",
                                            "engine",
                                            "findings",
                                            "as-of",
                                            "rules",
                                            "baseline")),
                            out);
                case "score" -> ScoreCommand.run(new Options("score", args, 1, Set.of("hits", "truth", "errors")), out);
                case "bench" ->
                    BenchCommand.run(
                            new Options(
                                    "bench",
                                    args,
                                    1,
                                    Set.of(
                                            "size",
                                            "seed",
                                            "work",
                                            "keep",
                                            "profile",
                                            "households",
                                            "spark",
                                            "runs",
                                            "reuse")),
                            out);
                case "lookup" ->
                    LookupCommand.run(
                            new Options("lookup", args, 1, Set.of("probe", "store", "household", "sample")), out);
                case "export" -> {
                    Options options = new Options("export", args, 1, Set.of("store", "out"));
                    java.nio.file.Path store = options.existingDirectory("store");
                    double seconds = cn.minzheng.verification.core.store.ParquetExport.export(
                            store, java.nio.file.Path.of(options.required("out")));
                    out.printf("exported %s as Parquet in %.1f s → %s%n", store, seconds, options.required("out"));
                }
                case "-h", "--help", "help" -> out.println(USAGE);
                default -> throw new UserError("unknown command " + args[0] + " (generate, load, run, score, bench)");
            }
            return 0;
        } catch (UserError e) {
            err.println("minzheng-verify: " + oneLine(e.getMessage()));
            return 2;
        } catch (Exception | OutOfMemoryError e) {
            err.println("minzheng-verify: failed: " + oneLine(String.valueOf(e.getMessage())) + " ("
                    + e.getClass().getSimpleName() + ")");
            if (System.getenv("MINZHENG_VERIFY_DEBUG") != null) {
                e.printStackTrace(err);
            }
            return 1;
        }
    }

    static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    private static void generate(Options options, PrintStream out) throws Exception {
        Size size;
        Profile profile;
        try {
            size = Size.parse(options.required("size"));
            profile = Profile.parse(options.optional("profile", "standard"));
        } catch (IllegalArgumentException e) {
            throw new UserError("generate: " + e.getMessage());
        }
        long seed = options.number("seed", 1);
        Path dir = Path.of(options.required("out"));
        long started = System.nanoTime();
        boolean gzip = Boolean.parseBoolean(options.optional("gzip", "false"));
        DatasetGenerator.Summary summary = new DatasetGenerator(size, seed, profile, gzip).writeTo(dir);
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf(
                "generated size=%s seed=%d profile=%s persons=%d households=%d probe=%d source_records=%d true_pairs=%d"
                        + " in %.1f s (%.2f M rows/s) → %s%n",
                size.label(),
                seed,
                profile.name().toLowerCase(java.util.Locale.ROOT),
                summary.persons(),
                summary.households(),
                summary.probePersons(),
                summary.sourceRecords(),
                summary.truePairs(),
                seconds,
                summary.sourceRecords() / seconds / 1e6,
                dir);
    }
}
