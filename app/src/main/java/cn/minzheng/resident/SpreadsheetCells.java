package cn.minzheng.resident;

/**
 * Cells written into files that people open in a spreadsheet (exports, rejection reports): a value starting with
 * = + - @ (or a tab or carriage return) would be read as a formula — CSV injection — so it gets a leading apostrophe;
 * CSV quoting is applied where needed.
 */
final class SpreadsheetCells {

    private SpreadsheetCells() {}

    static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        char first = value.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + value;
        }
        return value;
    }

    static String csv(String value) {
        String safe = neutralise(value);
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    static String csvLine(String... values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(csv(values[i]));
        }
        return line.append("\r\n").toString();
    }
}
