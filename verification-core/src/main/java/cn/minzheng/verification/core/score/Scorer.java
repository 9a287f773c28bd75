package cn.minzheng.verification.core.score;

import cn.minzheng.verification.core.cli.CsvTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compares hits with the true links as sets of (person, source, record): the tier does not matter for correctness,
 * duplicates count once. With the generator's {@code truth/errors.csv} it also breaks recall down by error type.
 */
public final class Scorer {

    private Scorer() {}

    public record Score(long tp, long fp, long fn) {
        public double precision() {
            return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
        }

        public double recall() {
            return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        /** The one line the contract prescribes. */
        public String line() {
            return String.format(
                    java.util.Locale.ROOT,
                    "precision=%.6f recall=%.6f f1=%.6f tp=%d fp=%d fn=%d",
                    precision(),
                    recall(),
                    f1(),
                    tp,
                    fp,
                    fn);
        }
    }

    /** Recall (and the false positives the error caused) per error code. */
    public record ErrorBreakdown(String error, long pairs, long found, long falsePositives) {
        public double recall() {
            return pairs == 0 ? 1.0 : (double) found / pairs;
        }
    }

    public static Set<String> pairs(Path file, List<String> columns) throws IOException {
        Set<String> pairs = new HashSet<>();
        CsvTable.read(file, StandardCharsets.UTF_8, columns, row -> pairs.add(key(row.get(0), row.get(1), row.get(2))));
        return pairs;
    }

    static String key(String person, String source, String record) {
        return person + '\u0001' + source + '\u0001' + record;
    }

    public static Score score(Set<String> hits, Set<String> truth) {
        long tp = 0;
        for (String hit : hits) {
            if (truth.contains(hit)) {
                tp++;
            }
        }
        return new Score(tp, hits.size() - tp, truth.size() - tp);
    }

    public static Score score(Path hits, Path truth) throws IOException {
        List<String> columns = List.of("person_id", "source", "record_id");
        Set<String> truthPairs = pairs(truth, columns);
        Set<String> hitPairs = pairs(hits, columns);
        return score(hitPairs, truthPairs);
    }

    /**
     * Per error code of truth/errors.csv: how many true pairs carry it, how many were found, and how many false
     * positives were made from records carrying it (a family member's number links the record to the wrong person).
     */
    public static Map<String, ErrorBreakdown> byError(Set<String> hits, Set<String> truth, Path errorsFile)
            throws IOException {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, String> errorsOfRecord = new HashMap<>();
        if (Files.isRegularFile(errorsFile)) {
            CsvTable.read(
                    errorsFile, StandardCharsets.UTF_8, List.of("person_id", "source", "record_id", "errors"), row -> {
                        String pair = key(row.get(0), row.get(1), row.get(2));
                        errorsOfRecord.put(row.get(1) + '\u0001' + row.get(2), row.get(3));
                        for (String error : row.get(3).split(";")) {
                            long[] c = counts.computeIfAbsent(error, e -> new long[3]);
                            c[0]++;
                            if (hits.contains(pair)) {
                                c[1]++;
                            }
                        }
                    });
        }
        for (String hit : hits) {
            if (!truth.contains(hit)) {
                int first = hit.indexOf('\u0001');
                String errors = errorsOfRecord.get(hit.substring(first + 1));
                String[] codes = errors == null ? new String[] {"none"} : errors.split(";");
                for (String code : codes) {
                    counts.computeIfAbsent(code, e -> new long[3])[2]++;
                }
            }
        }
        Map<String, ErrorBreakdown> out = new TreeMap<>();
        counts.forEach((code, c) -> out.put(code, new ErrorBreakdown(code, c[0], c[1], c[2])));
        return out;
    }
}
