package cn.minzheng.resident;

/** One data row of an uploaded file: its number as the user sees it (line or sheet row) and its cells by column. */
record SourceRow(int number, String[] cells) {

    String get(ImportColumn column) {
        String value = cells[column.ordinal()];
        return value == null ? "" : value;
    }

    boolean blank() {
        for (String cell : cells) {
            if (cell != null && !cell.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
