package cn.minzheng.verification.core.cli;

import cn.minzheng.verification.core.score.Scorer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bench --size S --seed 1 [--work <dir>] [--runs 3] [--households 1000] [--spark true] [--keep true]}: the
 * benchmark of docs/verification.md. Each step runs in its own JVM (as bin/minzheng-verify would), so that its peak
 * RSS is its own: generate, load, run ×N with the plain-join yardstick in the same process, the interactive check,
 * the score overall and per error type, and optionally the Spark engine on the same store.
 */
final class BenchCommand {

    private static final Pattern LOAD =
            Pattern.compile("load total rows_read=(\\d+).* in ([0-9.]+) s \\(([0-9.]+) M rows/s\\) peak_rss=(\\d+)MB");
    private static final Pattern RUN = Pattern.compile("total=([0-9.]+)s link=([0-9.]+)s peak_rss=(\\d+)MB");
    private static final Pattern PLAIN = Pattern.compile("plain_join=([0-9.]+)s");

    private BenchCommand() {}

    static void run(Options options, PrintStream out) throws Exception {
        String size = options.required("size");
        long seed = options.number("seed", 1);
        String profile = options.optional("profile", "standard");
        int runs = (int) options.number("runs", 3);
        Path work = Path.of(options.optional("work", "target/bench-" + size + "-" + seed));
        Path data = work.resolve("data");
        Path store = work.resolve("store");
        Path hits = work.resolve("hits.csv");
        boolean keep = Boolean.parseBoolean(options.optional("keep", "false"));
        out.printf(
                "bench size=%s seed=%d profile=%s cores=%d work=%s%n",
                size, seed, profile, Runtime.getRuntime().availableProcessors(), work);

        boolean reuse = Boolean.parseBoolean(options.optional("reuse", "false"))
                && Files.isRegularFile(data.resolve("probe.csv"))
                && cn.minzheng.verification.core.store.Store.exists(store);
        if (reuse) {
            out.println("  reusing the generated data and the loaded store in " + work);
        } else {
            String generated = child(
                    out,
                    "generate",
                    "--size",
                    size,
                    "--seed",
                    String.valueOf(seed),
                    "--profile",
                    profile,
                    "--out",
                    data.toString());
            out.println("  " + generated.lines().reduce((a, b) -> b).orElse(""));
            String loaded =
                    child(out, "load", "--sources", data.resolve("sources").toString(), "--store", store.toString());
            Matcher load = find(LOAD, loaded, "load");
            out.printf(
                    "load        rows=%s time=%ss rows_per_s=%.2fM peak_rss=%sMB%n",
                    load.group(1), load.group(2), Double.parseDouble(load.group(3)), load.group(4));
            loaded.lines().filter(l -> l.startsWith("load phases")).forEach(l -> out.println("            " + l));
        }

        double[] totals = new double[runs];
        double[] links = new double[runs];
        double plain = Double.MAX_VALUE;
        long rss = 0;
        String phases = "";
        for (int i = 0; i < runs; i++) {
            String ran = child(
                    out,
                    "run",
                    "--probe",
                    data.resolve("probe.csv").toString(),
                    "--store",
                    store.toString(),
                    "--out",
                    hits.toString(),
                    "--as-of",
                    "2025-06-30",
                    "--baseline",
                    "true");
            Matcher run = find(RUN, ran, "run");
            totals[i] = Double.parseDouble(run.group(1));
            links[i] = Double.parseDouble(run.group(2));
            rss = Math.max(rss, Long.parseLong(run.group(3)));
            plain = Math.min(plain, Double.parseDouble(find(PLAIN, ran, "run").group(1)));
            phases = ran.lines().filter(l -> l.startsWith("phases")).findFirst().orElse("");
        }
        double total = median(totals);
        double link = median(links);
        out.printf(
                "run         full_run=%.3fs (median of %d: %s) link=%.3fs peak_rss=%dMB%n",
                total, runs, Arrays.toString(totals), link, rss);
        out.println("            " + phases);
        out.printf(
                "plain_join  %.3fs  ratio full_run/plain=%.2fx link/plain=%.2fx%n", plain, total / plain, link / plain);

        String looked = child(
                out,
                "lookup",
                "--probe",
                data.resolve("probe.csv").toString(),
                "--store",
                store.toString(),
                "--sample",
                String.valueOf(options.number("households", 1000)));
        out.println(looked.lines()
                .filter(l -> l.startsWith("interactive"))
                .findFirst()
                .orElse(looked.strip()));

        List<String> columns = List.of("person_id", "source", "record_id");
        Set<String> truth = Scorer.pairs(data.resolve("truth/pairs.csv"), columns);
        Set<String> found = Scorer.pairs(hits, columns);
        out.println("accuracy    " + Scorer.score(found, truth).line());
        Map<String, Scorer.ErrorBreakdown> byError = Scorer.byError(found, truth, data.resolve("truth/errors.csv"));
        for (Scorer.ErrorBreakdown e : byError.values()) {
            long predicted = e.found() + e.falsePositives();
            out.printf(
                    "  error %-4s true_pairs=%d found=%d recall=%.6f false_positives=%d precision=%.6f%n",
                    e.error(),
                    e.pairs(),
                    e.found(),
                    e.recall(),
                    e.falsePositives(),
                    predicted == 0 ? 1.0 : (double) e.found() / predicted);
        }
        out.println("  (false positives count under the error codes of their record when it is a probe person's;"
                + " 'none' = a record with no recorded error, e.g. a namesake's)");

        if (Boolean.parseBoolean(options.optional("spark", "false"))) {
            spark(out, data, store, hits, work);
        }
        if (!keep && !reuse) {
            LoadCommand.deleteRecursively(data);
            LoadCommand.deleteRecursively(store);
        }
    }

    private static void spark(PrintStream out, Path data, Path store, Path duckHits, Path work) throws Exception {
        Path launcher = repositoryRoot().resolve("bin/minzheng-verify");
        Path sparkHits = work.resolve("hits-spark.csv");
        List<String> command = List.of(
                launcher.toString(),
                "run",
                "--engine",
                "spark",
                "--probe",
                data.resolve("probe.csv").toString(),
                "--store",
                store.toString(),
                "--out",
                sparkHits.toString(),
                "--as-of",
                "2025-06-30");
        String ran = exec(command, out);
        Matcher run = find(RUN, ran, "spark run");
        List<String> columns = List.of("person_id", "source", "record_id");
        Set<String> spark = new java.util.HashSet<>(Files.readAllLines(sparkHits)
                .subList(1, Files.readAllLines(sparkHits).size()));
        Set<String> duck = new java.util.HashSet<>(Files.readAllLines(duckHits)
                .subList(1, Files.readAllLines(duckHits).size()));
        out.printf(
                "spark       full_run=%ss peak_rss=%sMB hits=%d identical_to_duckdb=%s%n",
                run.group(1), run.group(3), spark.size(), spark.equals(duck));
        for (String l : ran.lines().filter(l -> l.startsWith("phases")).toList()) {
            out.println("            " + l);
        }
        if (columns.isEmpty()) {
            throw new IllegalStateException();
        }
    }

    static Path repositoryRoot() throws Exception {
        Path jar = Path.of(BenchCommand.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        return jar.toAbsolutePath().getParent().getParent().getParent();
    }

    private static String child(PrintStream out, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(Arrays.asList(args));
        return exec(command, out);
    }

    private static String exec(List<String> command, PrintStream out) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder text = new StringBuilder();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                text.append(line).append('\n');
            }
        }
        if (process.waitFor() != 0) {
            out.print(text);
            throw new UserError("bench: step failed: "
                    + String.join(" ", command.subList(Math.max(0, command.size() - 12), command.size())));
        }
        return text.toString();
    }

    private static Matcher find(Pattern pattern, String text, String step) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new UserError("bench: unexpected output from " + step + ": " + text.strip());
        }
        return matcher;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
