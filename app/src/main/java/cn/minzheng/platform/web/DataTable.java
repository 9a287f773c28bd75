package cn.minzheng.platform.web;

import java.util.List;

/**
 * A table as a person reads it — Chinese headers, cells already in words and 元 — that a page shows
 * ({@code fragments/table :: table}) and that exports to Excel as it is ({@link XlsxTables}). A cell may lead to the
 * list behind its figure.
 */
public record DataTable(String title, List<String> headers, List<Row> rows) {

    /** One row; a subtotal or total row is shown in bold. */
    public record Row(List<Cell> cells, boolean total) {

        public static Row of(Cell... cells) {
            return new Row(List.of(cells), false);
        }
    }

    /**
     * A cell: the text shown, the number behind it (exported as a number; amounts in yuan) or null, and the page that
     * lists what the figure counts, or null.
     */
    public record Cell(String text, Number number, String link) {

        public static Cell text(String text) {
            return new Cell(text, null, null);
        }

        public static Cell number(String text, Number number, String link) {
            return new Cell(text, number, link);
        }

        public boolean numeric() {
            return number != null;
        }
    }
}
