package cn.minzheng.verification.core.cli;

import cn.minzheng.verification.core.score.Scorer;
import java.io.PrintStream;

/**
 * {@code score --hits <hits.csv> --truth <pairs.csv> [--errors <errors.csv>]}: one line, precision, recall, F1 and the
 * counts; with the generator's {@code truth/errors.csv}, then one line per error code (as the benchmark prints them).
 */
public final class ScoreCommand {

    private ScoreCommand() {}

    public static void run(Options options, PrintStream out) throws Exception {
        out.println(Scorer.score(options.existingFile("hits"), options.existingFile("truth"))
                .line());
        if (options.has("errors")) {
            java.util.List<String> columns = java.util.List.of("person_id", "source", "record_id");
            java.util.Set<String> truth = Scorer.pairs(options.existingFile("truth"), columns);
            java.util.Set<String> found = Scorer.pairs(options.existingFile("hits"), columns);
            for (Scorer.ErrorBreakdown e :
                    Scorer.byError(found, truth, options.existingFile("errors")).values()) {
                out.printf(
                        "error %-4s true_pairs=%d found=%d recall=%.6f false_positives=%d%n",
                        e.error(), e.pairs(), e.found(), e.recall(), e.falsePositives());
            }
        }
    }
}
