package cn.minzheng.resident;

import cn.minzheng.platform.files.BoundedInput;
import cn.minzheng.platform.files.DiskSharedStrings;
import cn.minzheng.platform.files.PrivateFiles;
import cn.minzheng.platform.files.WorkbookLimits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads the first sheet of an .xlsx workbook as a stream of rows (POI's SAX event API: the sheet is never held as a
 * tree, so 100 000 rows fit in little memory). POI's zip-bomb guard stays on — a workbook whose parts inflate
 * suspiciously is refused, as is one with an oversized part.
 *
 * <p>Cells are read as the user sees them, except: dates become YYYY-MM-DD whatever their display format, and whole
 * numbers are written out in full (a community code typed as a number is not shown as 6.10113E+11). Numbers too long
 * for a spreadsheet's 15 significant digits — an ID number typed as a number — stay in scientific notation, so that
 * validation can tell the user their last digits were lost.
 */
final class XlsxSource {

    private XlsxSource() {}

    /** At most this many columns are read: the template has a dozen. */
    static final int MAX_COLUMNS = 32;

    /** Calls {@code row} for every row that has a cell, with the sheet row number (1-based) and the cells by column. */
    static void read(byte[] content, int maxRows, int maxCellLength, BiConsumer<Integer, List<String>> row) {
        Path file = null;
        try {
            // POI reads a package from a file with random access; from a stream it would inflate every part in memory.
            file = PrivateFiles.create(null, "minzheng-import-", ".xlsx");
            Files.write(file, content);
            read(file, maxRows, maxCellLength, row);
        } catch (IOException e) {
            throw refusal(e);
        } finally {
            deleteQuietly(file);
        }
    }

    /**
     * The same from a workbook on disk. The shared strings stay on disk beside it and may be no more than the rows
     * allowed can use; the sheet and the strings may inflate no further than such rows need (issue 13 A5: a 1.46 MB
     * workbook of tiny shared strings grew the heap by ~240 MB).
     */
    static void read(Path file, int maxRows, int maxCellLength, BiConsumer<Integer, List<String>> row) {
        WorkbookLimits limits = new WorkbookLimits(maxRows, MAX_COLUMNS, maxCellLength);
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
                DiskSharedStrings strings = DiskSharedStrings.read(pkg, file.getParent(), limits)) {
            XSSFReader reader = new XSSFReader(pkg);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new ImportRefused("工作簿中没有工作表");
            }
            try (InputStream sheet = new BoundedInput(sheets.next(), limits.maxPartBytes())) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(
                        styles, strings, new Rows(maxRows, maxCellLength, row), new IsoDates(), false));
                parser.parse(new InputSource(sheet));
            }
        } catch (ImportRefused e) {
            throw e;
        } catch (Exception e) {
            throw refusal(e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temporary file holds no more than the upload did; the OS cleans its temp folder
            }
        }
    }

    /** Turns POI's exceptions into a message for the user; the zip-bomb guard's above all. */
    static ImportRefused refusal(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ImportRefused refused) {
                return refused;
            }
            if (t instanceof DiskSharedStrings.TooMany || t instanceof BoundedInput.TooLarge) {
                return new ImportRefused("工作簿解压后的内容远多于允许导入的行数所需（共享字符串或工作表异常庞大），为保护系统已拒绝导入；请检查文件，或拆分后分批导入");
            }
            String message = String.valueOf(t.getMessage());
            if (message.contains("Zip bomb") || message.contains("compression ratio")) {
                return new ImportRefused("文件疑似“压缩炸弹”（解压后的体积与压缩体积之比异常），为保护系统已拒绝导入");
            }
            if (message.contains("max entry size")
                    || message.contains("exceeds the max")
                    || message.contains("max file count")) {
                return new ImportRefused("工作簿解压后过大，已拒绝导入；请拆分成几个文件分批导入");
            }
        }
        return new ImportRefused("无法读取该 Excel 工作簿（文件可能已损坏，或不是 Excel 2007 及以上版本保存的 .xlsx）");
    }

    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final int maxRows;
        private final int maxCellLength;
        private final BiConsumer<Integer, List<String>> consumer;
        private final List<String> cells = new ArrayList<>();
        private int rows;

        Rows(int maxRows, int maxCellLength, BiConsumer<Integer, List<String>> consumer) {
            this.maxRows = maxRows;
            this.maxCellLength = maxCellLength;
            this.consumer = consumer;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                return;
            }
            if (++rows > maxRows) {
                throw new ImportRefused("工作表超过 " + (maxRows - 1) + " 行，请拆分成几个文件分批导入");
            }
            consumer.accept(rowNum + 1, new ArrayList<>(cells));
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            if (column > 200) {
                return;
            }
            while (cells.size() <= column) {
                cells.add("");
            }
            String text = value == null ? "" : value;
            cells.set(column, text.length() > maxCellLength ? text.substring(0, maxCellLength) : text);
        }
    }

    /** Dates as ISO dates, whole numbers in full; the rest as Excel would show them. */
    private static final class IsoDates extends DataFormatter {

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return formatRawCellContents(value, formatIndex, formatString, false);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value, use1904).toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE);
            }
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                return Long.toString((long) value);
            }
            if (value == Math.rint(value)) {
                return Double.toString(value); // 6.1011319900101E17: digits were lost, and validation says so
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904);
        }
    }
}
