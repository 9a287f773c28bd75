package cn.minzheng.verification.core.cli;

import cn.minzheng.verification.core.link.DuckDbVerifier;
import cn.minzheng.verification.core.link.HouseholdCheck;
import cn.minzheng.verification.core.link.ProbePerson;
import cn.minzheng.verification.core.link.ProbeReader;
import cn.minzheng.verification.core.store.Store;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code lookup --probe <file> --store <dir> --household <id>}: the interactive check of one household (a request
 * from an assistance case). With {@code --sample <n>} it checks n households in turn and prints latency percentiles.
 */
final class LookupCommand {

    private LookupCommand() {}

    static void run(Options options, PrintStream out) throws Exception {
        Path store = options.existingDirectory("store");
        if (!Store.exists(store)) {
            throw new UserError("lookup: no store in " + store + " (run load first)");
        }
        Map<String, List<ProbePerson>> households = new LinkedHashMap<>();
        for (ProbePerson p : ProbeReader.read(options.existingFile("probe"), StandardCharsets.UTF_8)) {
            households.computeIfAbsent(p.householdId(), h -> new ArrayList<>()).add(p);
        }
        try (Connection connection = DuckDbVerifier.open(store)) {
            Store.checkNameKeys(connection);
            if (!Store.hasCurrentLookupTables(connection)) {
                throw new UserError("lookup: the store in " + store
                        + " was loaded by an earlier version without the current lookup tables (run load again)");
            }
            HouseholdCheck check = new HouseholdCheck(connection);
            if (options.has("household")) {
                String id = options.required("household");
                List<ProbePerson> members = households.get(id);
                if (members == null) {
                    throw new UserError("lookup: household " + id + " is not in the probe file");
                }
                long started = System.nanoTime();
                List<HouseholdCheck.Hit> hits = check.check(members);
                double ms = (System.nanoTime() - started) / 1e6;
                out.println("person_id,source,record_id,tier");
                hits.forEach(h ->
                        out.println(h.personId() + "," + h.source() + "," + Csv.quote(h.recordId()) + "," + h.tier()));
                out.printf("# household %s: %d members, %d hits in %.1f ms%n", id, members.size(), hits.size(), ms);
                return;
            }
            int sample = (int) options.number("sample", 1000);
            // larger households first: the contract's case is about five people
            List<List<ProbePerson>> chosen = households.values().stream()
                    .sorted((a, b) -> Integer.compare(b.size(), a.size()))
                    .limit(sample + 50L)
                    .toList();
            double[] latencies = new double[Math.max(0, chosen.size() - 50)];
            long persons = 0;
            long hits = 0;
            for (int i = 0; i < chosen.size(); i++) {
                long started = System.nanoTime();
                List<HouseholdCheck.Hit> found = check.check(chosen.get(i));
                double ms = (System.nanoTime() - started) / 1e6;
                if (i >= 50) { // the first 50 warm the JIT and DuckDB's caches
                    latencies[i - 50] = ms;
                    persons += chosen.get(i).size();
                    hits += found.size();
                }
            }
            Arrays.sort(latencies);
            out.printf(
                    "interactive households=%d persons_per_household=%.1f hits=%d p50=%.1fms p99=%.1fms max=%.1fms%n",
                    latencies.length,
                    latencies.length == 0 ? 0.0 : (double) persons / latencies.length,
                    hits,
                    percentile(latencies, 0.50),
                    percentile(latencies, 0.99),
                    latencies.length == 0 ? 0.0 : latencies[latencies.length - 1]);
        }
    }

    static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
