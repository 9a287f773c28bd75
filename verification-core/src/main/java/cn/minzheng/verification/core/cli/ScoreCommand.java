package cn.minzheng.verification.core.cli;

import cn.minzheng.verification.core.score.Scorer;
import java.io.PrintStream;

/** {@code score --hits <hits.csv> --truth <pairs.csv>}: one line, precision, recall, F1 and the counts. */
public final class ScoreCommand {

    private ScoreCommand() {}

    public static void run(Options options, PrintStream out) throws Exception {
        out.println(Scorer.score(options.existingFile("hits"), options.existingFile("truth"))
                .line());
    }
}
