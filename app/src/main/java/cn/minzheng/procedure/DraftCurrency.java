package cn.minzheng.procedure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a draft still holds on the day the decision is made: a decision is computed with the parameters in force
 * on the day it is made. Every parameter the draft's computation used is compared with the value the registry holds
 * for that day and the case's street; a value that changed since the draft (a new 低保标准 from the 1st of the month)
 * makes the draft stale, and the decider is shown what changed, in words.
 */
final class DraftCurrency {

    private DraftCurrency() {}

    /** A parameter whose value on the decision day differs from the draft's. */
    record Change(String parameter, String label, String unit, String drafted, String now, LocalDate nowFrom) {

        String inWords() {
            return label + "：起草时 " + show(drafted) + "，" + Formats.date(nowFrom) + "起为 " + show(now);
        }

        private String show(String value) {
            return "FEN".equals(unit)
                    ? Formats.yuan(new BigDecimal(value).longValue())
                    : Parameters.plain(new BigDecimal(value)).toPlainString();
        }
    }

    static List<Change> changes(Computation.Trace trace, String unitCode, LocalDate on, Parameters parameters) {
        List<Change> changes = new ArrayList<>();
        if (trace == null) {
            return changes;
        }
        for (Computation.Input in : trace.inputs()) {
            if (!"PARAMETER".equals(in.kind())) {
                continue;
            }
            ParameterValue now = parameters.find(in.parameter(), unitCode, on).orElse(null);
            if (now == null) {
                changes.add(new Change(in.parameter(), in.label(), in.type(), in.value(), "0", on));
            } else if (now.value().compareTo(new BigDecimal(in.value())) != 0) {
                changes.add(new Change(
                        in.parameter(),
                        in.label(),
                        in.type(),
                        in.value(),
                        Computation.format(now.value()),
                        now.effectiveFrom()));
            }
        }
        return changes;
    }
}
