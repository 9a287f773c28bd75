package cn.minzheng.verification.core.link;

import cn.minzheng.verification.core.rules.HouseholdTotals;
import cn.minzheng.verification.core.rules.RuleCatalogue;
import cn.minzheng.verification.core.rules.RuleSql;
import cn.minzheng.verification.core.rules.Severity;
import cn.minzheng.verification.core.store.Source;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The verification run for a caller inside the same JVM (the platform): the same tiers and catalogue as {@code run},
 * but the probe comes as objects and hits, findings and household totals come back as objects instead of files. The
 * connection's temp tables are used for the run; give each concurrent run its own connection (a DuckDB
 * {@code duplicate()} of a read-only store is enough).
 */
public final class InProcessRun {

    /** One linked record. */
    public record Hit(String personId, String householdId, String source, String recordId, String tier) {}

    /** One finding of the catalogue, as findings.csv has it; person and record are null for household rules. */
    public record Finding(
            String householdId,
            String personId,
            String rule,
            Severity severity,
            String source,
            String recordId,
            String tier,
            String evidence,
            String title,
            String legalBasis) {}

    /** A household total set against the rule's threshold (money in fen when {@code money}). */
    public record Total(
            String householdId,
            String rule,
            String title,
            String source,
            double total,
            double threshold,
            boolean exceeds,
            boolean money,
            String legalBasis) {}

    public record Outcome(List<Hit> hits, List<Finding> findings, List<Total> totals, RunReport report) {}

    private InProcessRun() {}

    public static Outcome run(Connection connection, List<ProbePerson> persons, RuleCatalogue catalogue, LocalDate day)
            throws SQLException {
        RunReport report = new RunReport();
        if (persons.isEmpty()) {
            report.finish();
            return new Outcome(List.of(), List.of(), List.of(), report);
        }
        DuckDbVerifier verifier = new DuckDbVerifier(connection, report, catalogue);
        verifier.loadProbe(persons);
        report.phase("probe_load");
        verifier.link();
        List<Hit> hits = hits(connection);
        report.count("hits", hits.size());
        report.phase("hits");
        List<Finding> findings = findings(connection, catalogue, day);
        report.count("findings", findings.size());
        List<Total> totals = totals(connection, catalogue, day);
        report.phase("rules");
        report.finish();
        return new Outcome(hits, findings, totals, report);
    }

    private static List<Hit> hits(Connection connection) throws SQLException {
        StringJoiner union = new StringJoiner(" UNION ALL ");
        for (Source source : Source.values()) {
            union.add("SELECT person_id, household_id, '" + source.code() + "' AS source, record_id, tier FROM l_"
                    + source.code());
        }
        List<Hit> hits = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(union + " ORDER BY 2, 1, 3, 4")) {
            while (rows.next()) {
                hits.add(new Hit(
                        rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5)));
            }
        }
        return hits;
    }

    private static List<Finding> findings(Connection connection, RuleCatalogue catalogue, LocalDate day)
            throws SQLException {
        String query = RuleSql.findingsQuery(catalogue, day);
        List<Finding> findings = new ArrayList<>();
        if (query == null) {
            return findings;
        }
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                findings.add(new Finding(
                        rows.getString("household_id"),
                        rows.getString("person_id"),
                        rows.getString("rule"),
                        Severity.valueOf(rows.getString("severity")),
                        rows.getString("source"),
                        rows.getString("record_id"),
                        rows.getString("tier"),
                        rows.getString("evidence"),
                        rows.getString("title"),
                        rows.getString("legal_basis")));
            }
        }
        return findings;
    }

    private static List<Total> totals(Connection connection, RuleCatalogue catalogue, LocalDate day)
            throws SQLException {
        String query = HouseholdTotals.query(catalogue, day);
        List<Total> totals = new ArrayList<>();
        if (query == null) {
            return totals;
        }
        Map<String, HouseholdTotals.Measure> measures = HouseholdTotals.measures(catalogue, day).stream()
                .collect(Collectors.toMap(m -> m.rule().code(), Function.identity()));
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query + " ORDER BY 1, 2")) {
            while (rows.next()) {
                HouseholdTotals.Measure m = measures.get(rows.getString(2));
                double total = rows.getDouble(3);
                double threshold = rows.getDouble(4);
                totals.add(new Total(
                        rows.getString(1),
                        m.rule().code(),
                        m.rule().title(),
                        m.rule().source().code(),
                        total,
                        threshold,
                        m.exceeds(total, threshold),
                        m.money(),
                        m.rule().basis()));
            }
        }
        return totals;
    }
}
