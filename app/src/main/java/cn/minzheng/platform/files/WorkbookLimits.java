package cn.minzheng.platform.files;

/**
 * What reading one workbook may cost, derived from what its importer accepts: at most {@code maxRows} rows of at most
 * {@code maxColumns} cells of at most {@code maxCellLength} characters. A workbook whose shared-strings table or sheet
 * inflates beyond what such rows need is refused while it is read — the declared sizes in its ZIP directory may lie.
 */
public record WorkbookLimits(long maxRows, int maxColumns, int maxCellLength) {

    /**
     * Inflated bytes per cell on average: its XML ({@code <c r="AB200001" s="12" t="s"><v>1234567</v></c>}) and some
     * 60 characters of text. Single cells may be longer; the whole may not.
     */
    private static final long CELL_BYTES = 128;

    /** At most one shared string per cell. */
    public long maxSharedStrings() {
        return maxRows * maxColumns;
    }

    /** The inflated bytes a sheet or a shared-strings table of such rows can need. */
    public long maxPartBytes() {
        return maxRows * maxColumns * CELL_BYTES;
    }

    /** The whole workbook as its ZIP directory declares it: two such parts and room for styles and the rest. */
    public long maxDeclaredBytes() {
        return 2 * maxPartBytes() + 16L * 1024 * 1024;
    }
}
