package cn.minzheng.verification;

import cn.minzheng.platform.Csv;
import cn.minzheng.platform.files.BoundedInput;
import cn.minzheng.platform.files.DiskSharedStrings;
import cn.minzheng.platform.files.WorkbookLimits;
import cn.minzheng.platform.files.ZipDirectory;
import cn.minzheng.shared.BusinessRuleViolation;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * A delivery in .xlsx form: the first sheet streamed (POI's SAX reader, never a tree) into a UTF-8 CSV, so that the
 * engine reads every delivery the same way. POI's zip-bomb guard ({@link ZipSecureFile}) is left as it is and measures
 * the real sizes while reading; before that, the ZIP directory's declared sizes are looked at so that an obvious bomb
 * gets a clear refusal. Dates become YYYY-MM-DD; an identity number typed as a number keeps the spreadsheet's
 * scientific notation, which the engine recognises as damage instead of guessing the lost digits.
 */
final class DeliveryWorkbook {

    private static final long MAX_INFLATED_BYTES = 2L * 1024 * 1024 * 1024;
    private static final int MAX_ENTRIES = 1000;

    private DeliveryWorkbook() {}

    static void refuseBombs(Path file) {
        ZipDirectory directory;
        try {
            directory = ZipDirectory.read(file);
        } catch (IOException e) {
            throw new BusinessRuleViolation("无法读取该 Excel 工作簿（文件可能已损坏，或不是 Excel 2007 及以上版本保存的 .xlsx）");
        }
        if (directory.hasSuspectPart()) {
            throw new BusinessRuleViolation("工作簿疑似“压缩炸弹”（某部分解压后是压缩体积的 " + directory.suspectRatio() + " 倍），为保护系统已拒绝");
        }
        if (directory.entries() > MAX_ENTRIES || directory.declaredBytes() > MAX_INFLATED_BYTES) {
            throw new BusinessRuleViolation("工作簿解压后过大或部件过多，已拒绝；请另存为 CSV 后交付");
        }
    }

    /**
     * A sheet can hold no more rows than Excel's 1 048 576; the shared strings stay on disk and may be no more than such
     * rows can use (issue 13 A5: POI's in-heap table let a small workbook exhaust the memory).
     */
    private static final WorkbookLimits LIMITS = new WorkbookLimits(1_048_576, 32, 4_000);

    /** Writes the first sheet as CSV; rows without any cell are skipped, missing cells are empty fields. */
    static void toCsv(Path workbook, Path csv) {
        try (OPCPackage pkg = OPCPackage.open(workbook.toFile(), PackageAccess.READ);
                DiskSharedStrings strings = DiskSharedStrings.read(pkg, csv.getParent(), LIMITS);
                BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            XSSFReader reader = new XSSFReader(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new BusinessRuleViolation("工作簿中没有工作表");
            }
            try (InputStream sheet = new BoundedInput(sheets.next(), LIMITS.maxPartBytes())) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(
                        new XSSFSheetXMLHandler(reader.getStylesTable(), strings, new Rows(out), new Cells(), false));
                parser.parse(new InputSource(sheet));
            }
        } catch (BusinessRuleViolation e) {
            throw e;
        } catch (Exception e) {
            // POI's guard refuses parts that inflate suspiciously or are too large, among other damage
            throw new BusinessRuleViolation("无法读取该 Excel 工作簿（文件可能已损坏、加了密码，或解压后异常庞大）；请另存为 CSV 后交付");
        }
    }

    /** Collects one row's cells by column and writes it as a CSV line. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final BufferedWriter out;
        private final List<String> cells = new ArrayList<>();
        /** The header's width: a spreadsheet stores no cell for an empty trailing column, CSV needs the field. */
        private int width = -1;

        Rows(BufferedWriter out) {
            this.out = out;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            if (cells.stream().allMatch(c -> c == null || c.isEmpty())) {
                return;
            }
            if (width < 0) {
                width = cells.size();
            }
            while (cells.size() < width) {
                cells.add("");
            }
            try {
                out.write(Csv.line(cells, "\n"));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(value == null ? "" : value.strip());
        }
    }

    /** Dates as YYYY-MM-DD whatever their display format; whole numbers in full when a spreadsheet can hold them. */
    private static final class Cells extends DataFormatter {

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value).toLocalDate().toString();
            }
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                return Long.toString((long) value);
            }
            return super.formatRawCellContents(value, formatIndex, formatString);
        }
    }
}
