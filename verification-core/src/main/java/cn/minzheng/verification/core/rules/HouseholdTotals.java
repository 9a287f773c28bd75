package cn.minzheng.verification.core.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The household totals a report sets against the catalogue's thresholds — deposits against {@code DEPOSIT_MONTHS ×
 * DIBAO_STANDARD × household size}, homes against the number allowed — for every household of the probe, also those
 * below the line (a finding exists only above it). Read from the household rules whose {@code having} has the form
 * {@code <aggregate> > <threshold>} or {@code >=}; other household rules have no total to show.
 */
public final class HouseholdTotals {

    /** A household rule split into what is summed and the line it is compared with. */
    public record Measure(Rule rule, String aggregate, String comparison, String threshold) {

        /** Whether a total crosses the line the way the rule's {@code having} says. */
        public boolean exceeds(double total, double line) {
            return comparison.equals(">=") ? total >= line : total > line;
        }

        /** The aggregate reads a money column (fen), so the report shows it in yuan. */
        public boolean money() {
            return aggregate.contains("_fen");
        }
    }

    private HouseholdTotals() {}

    /** The measurable household rules in force on the day. */
    public static List<Measure> measures(RuleCatalogue catalogue, LocalDate day) {
        List<Measure> measures = new ArrayList<>();
        for (Rule rule : catalogue.rulesInForce(day)) {
            if (!rule.perHousehold() || rule.having() == null) {
                continue;
            }
            String having = catalogue.resolve(rule.having(), day);
            int at = topLevelComparison(having);
            if (at < 0) {
                continue;
            }
            boolean orEqual = at + 1 < having.length() && having.charAt(at + 1) == '=';
            measures.add(new Measure(
                    rule,
                    having.substring(0, at).strip(),
                    orEqual ? ">=" : ">",
                    having.substring(at + (orEqual ? 2 : 1)).strip()));
        }
        return measures;
    }

    /**
     * One query over the link tables and the probe: {@code household_id, rule, total, threshold} for every household
     * of the probe and every measure, or null when no measure is in force. The threshold may depend on {@code
     * household_size}, which is the probe's.
     */
    public static String query(RuleCatalogue catalogue, LocalDate day) {
        StringJoiner union = new StringJoiner("\nUNION ALL\n");
        for (Measure m : measures(catalogue, day)) {
            String filter = RuleSql.filter(catalogue, m.rule(), day);
            union.add("SELECT h.household_id, " + RuleSql.literal(m.rule().code())
                    + " AS rule, CAST(coalesce(a.total, 0) AS DOUBLE) AS total, CAST(" + m.threshold()
                    + " AS DOUBLE) AS threshold FROM (SELECT household_id, max(household_size) AS household_size"
                    + " FROM probe GROUP BY household_id) h LEFT JOIN (SELECT household_id, " + m.aggregate()
                    + " AS total FROM l_" + m.rule().source().code() + " AS l WHERE " + filter
                    + " GROUP BY household_id) a ON a.household_id = h.household_id");
        }
        return union.length() == 0 ? null : union.toString();
    }

    /** Index of the first {@code >} outside parentheses and quotes, or -1. */
    static int topLevelComparison(String expression) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == '>') {
                return i;
            }
        }
        return -1;
    }
}
