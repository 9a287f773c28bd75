package cn.minzheng.verification.core.cli;

import java.io.PrintStream;

final class LookupCommand {
    private LookupCommand() {}

    static void run(Options options, PrintStream out) throws Exception {
        throw new UserError("not implemented yet");
    }
}
