package cn.minzheng.platform.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A pivot table of facts: the rows by one dimension, the columns by another (both chosen by the person), one measure
 * summed in each cell, with a subtotal for every row and a total for every column. Each figure links to the list of
 * what it sums. Dimensions are named by key; a fact gives each dimension's value as a code, shown through its label.
 */
public final class Pivot {

    /** One thing counted: its value in each dimension (code) and its measures. */
    public record Fact(Map<String, String> dimensions, Map<String, Long> measures) {}

    /** A dimension a person can put on rows or columns. */
    public record Dimension(String key, String label, Function<String, String> show) {}

    /** A measure: how to show a sum (元, 户次 …) and whether it is money in fen. */
    public record Measure(String key, String label, boolean fen) {}

    private Pivot() {}

    /**
     * @param link the list behind a figure: given the row's and the column's code (null for a total), its address
     */
    public static DataTable table(
            String title,
            List<Fact> facts,
            Dimension rows,
            Dimension columns,
            Measure measure,
            BiFunction<String, String, String> link) {
        Map<String, Map<String, Long>> cells = new TreeMap<>();
        Map<String, Long> columnTotals = new TreeMap<>();
        for (Fact fact : facts) {
            String r = fact.dimensions().getOrDefault(rows.key(), "");
            String c = fact.dimensions().getOrDefault(columns.key(), "");
            long value = fact.measures().getOrDefault(measure.key(), 0L);
            cells.computeIfAbsent(r, k -> new TreeMap<>()).merge(c, value, Long::sum);
            columnTotals.merge(c, value, Long::sum);
        }
        List<String> headers = new ArrayList<>();
        headers.add(rows.label() + " \\ " + columns.label());
        columnTotals.keySet().forEach(c -> headers.add(columns.show().apply(c)));
        headers.add("小计");
        List<DataTable.Row> out = new ArrayList<>();
        long grand = 0;
        for (Map.Entry<String, Map<String, Long>> row : cells.entrySet()) {
            List<DataTable.Cell> line = new ArrayList<>();
            line.add(DataTable.Cell.text(rows.show().apply(row.getKey())));
            long subtotal = 0;
            for (String c : columnTotals.keySet()) {
                Long value = row.getValue().get(c);
                line.add(value == null ? DataTable.Cell.text("—") : cell(measure, value, link.apply(row.getKey(), c)));
                subtotal += value == null ? 0 : value;
            }
            line.add(cell(measure, subtotal, link.apply(row.getKey(), null)));
            grand += subtotal;
            out.add(new DataTable.Row(line, false));
        }
        List<DataTable.Cell> totals = new ArrayList<>();
        totals.add(DataTable.Cell.text("合计"));
        for (Map.Entry<String, Long> c : columnTotals.entrySet()) {
            totals.add(cell(measure, c.getValue(), link.apply(null, c.getKey())));
        }
        totals.add(cell(measure, grand, link.apply(null, null)));
        out.add(new DataTable.Row(totals, true));
        return new DataTable(title, headers, out);
    }

    static DataTable.Cell cell(Measure measure, long value, String link) {
        if (measure.fen()) {
            BigDecimal yuan = BigDecimal.valueOf(value).movePointLeft(2);
            return DataTable.Cell.number(cn.minzheng.platform.Display.amount(value), yuan, link);
        }
        return DataTable.Cell.number(String.format("%,d", value), value, link);
    }

    /** Sums facts by one dimension, in the dimension's order (for charts). */
    public static Map<String, Long> sum(List<Fact> facts, String dimension, String measure) {
        Map<String, Long> sums = new TreeMap<>();
        facts.forEach(f -> sums.merge(
                f.dimensions().getOrDefault(dimension, ""), f.measures().getOrDefault(measure, 0L), Long::sum));
        return new LinkedHashMap<>(sums);
    }
}
