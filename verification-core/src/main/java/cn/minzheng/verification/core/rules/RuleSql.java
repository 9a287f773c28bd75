package cn.minzheng.verification.core.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.StringJoiner;

/**
 * Turns the catalogue into one SQL query over the link tables {@code l_<source>} (a source's columns plus person_id,
 * household_id, household_size and tier). The text is plain enough for DuckDB and Spark SQL alike, which is how both
 * engines run the same catalogue.
 */
public final class RuleSql {

    /** Header of findings.csv, in the order the query produces. */
    public static final List<String> COLUMNS = List.of(
            "household_id",
            "person_id",
            "rule",
            "severity",
            "source",
            "record_id",
            "tier",
            "evidence",
            "title",
            "legal_basis");

    private RuleSql() {}

    /** Findings of every rule in force on the day, or null when none is. */
    public static String findingsQuery(RuleCatalogue catalogue, LocalDate day) {
        StringJoiner union = new StringJoiner("\nUNION ALL\n");
        for (Rule rule : catalogue.rulesInForce(day)) {
            union.add(ruleQuery(catalogue, rule, day));
        }
        if (union.length() == 0) {
            return null;
        }
        return "SELECT * FROM (\n" + union + "\n) f ORDER BY household_id, rule, person_id, record_id";
    }

    public static String ruleQuery(RuleCatalogue catalogue, Rule rule, LocalDate day) {
        // The alias matters to Spark: without it, "l_x WHERE (TRUE)" parses as table alias WHERE with column aliases.
        String table = "l_" + rule.source().code() + " AS l";
        String filter = filter(catalogue, rule, day);
        String severity = rule.severity() == Severity.DISQUALIFYING
                // a link by name and birth date is for review, never an automatic disqualification
                ? "CASE WHEN tier = 'ID' THEN 'DISQUALIFYING' ELSE 'NEEDS_EXPLANATION' END"
                : literal(rule.severity().name());
        String evidence = catalogue.resolve(rule.evidence(), day);
        String constants = literal(rule.code()) + " AS rule, " + "%s AS severity, "
                + literal(rule.source().code()) + " AS source, ";
        String tail = "CAST(" + evidence + " AS STRING) AS evidence, " + literal(rule.title()) + " AS title, "
                + literal(rule.basis()) + " AS legal_basis";
        if (!rule.perHousehold()) {
            // what the reviewer should know about the link itself: the name as the department wrote it, when it
            // differs from its plain form, and how a mistyped number was read (link_note)
            String personTail = "concat_ws('；', CAST(" + evidence + " AS STRING), CASE WHEN name_recorded IS NOT NULL"
                    + " THEN concat('记录姓名：', name_recorded) END, link_note) AS evidence, " + literal(rule.title())
                    + " AS title, " + literal(rule.basis()) + " AS legal_basis";
            return "SELECT household_id, person_id, " + String.format(constants, severity) + "record_id, tier, "
                    + personTail + " FROM " + table + " WHERE " + filter;
        }
        String having = catalogue.resolve(rule.having() == null ? "count(*) > 0" : rule.having(), day);
        String householdSeverity = rule.severity() == Severity.DISQUALIFYING
                ? "CASE WHEN max(tier) = 'ID' AND min(tier) = 'ID' THEN 'DISQUALIFYING' ELSE 'NEEDS_EXPLANATION' END"
                : literal(rule.severity().name());
        return "SELECT household_id, CAST(NULL AS STRING) AS person_id, " + String.format(constants, householdSeverity)
                + "CAST(NULL AS STRING) AS record_id, max(tier) AS tier, " + tail + " FROM " + table + " WHERE "
                + filter + " GROUP BY household_id, household_size HAVING " + having;
    }

    /**
     * The rule's record filter: its condition with the parameters in force, and the validity columns, so that records
     * that ended before the check date do not count. Shared by the findings and by {@link HouseholdTotals}.
     */
    static String filter(RuleCatalogue catalogue, Rule rule, LocalDate day) {
        String when = catalogue.resolve(rule.when(), day);
        StringBuilder filter = new StringBuilder("(").append(when).append(')');
        if (rule.validFrom() != null) {
            filter.append(" AND (")
                    .append(rule.validFrom())
                    .append(" IS NULL OR ")
                    .append(rule.validFrom())
                    .append(" <= DATE '")
                    .append(day)
                    .append("')");
        }
        if (rule.validTo() != null) {
            filter.append(" AND (")
                    .append(rule.validTo())
                    .append(" IS NULL OR ")
                    .append(rule.validTo())
                    .append(" >= DATE '")
                    .append(day)
                    .append("')");
        }
        return filter.toString();
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
