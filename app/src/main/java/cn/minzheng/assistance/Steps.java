package cn.minzheng.assistance;

import cn.minzheng.procedure.Computation;
import cn.minzheng.procedure.Computation.Op;
import java.util.ArrayList;
import java.util.List;

/** Small helpers for writing the module's computations as kernel traces (ADD, MAX need two or more arguments). */
final class Steps {

    private Steps() {}

    /** {@code out = a + b + …}, zero when there is nothing to add. */
    static void sum(Computation c, String out, String label, List<String> names) {
        List<String> args = new ArrayList<>(names);
        while (args.size() < 2) {
            args.add("0");
        }
        c.apply(out, label, Op.ADD, null, args);
    }

    static void apply(Computation c, String out, String label, Op op, String... args) {
        c.apply(out, label, op, null, List.of(args));
    }

    static void divide(Computation c, String out, String label, int scale, String a, String b) {
        c.apply(out, label, Op.DIV, scale, List.of(a, b));
    }

    static String fen(long fen) {
        return Long.toString(fen);
    }

    static String bool(boolean value) {
        return Boolean.toString(value);
    }
}
