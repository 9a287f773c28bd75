package cn.minzheng.platform.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Tables to an Excel workbook, one sheet per table, with the Chinese headers the page shows; numbers stay numbers
 * (amounts in 元 with two decimals), so the figures can be summed in Excel. Text cells that look like formulas are
 * written as text (a cell is never evaluated).
 */
public final class XlsxTables {

    public static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private XlsxTables() {}

    public static byte[] write(List<DataTable> tables) {
        try (SXSSFWorkbook book = new SXSSFWorkbook(200);
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Font bold = book.createFont();
            bold.setBold(true);
            CellStyle header = book.createCellStyle();
            header.setFont(bold);
            CellStyle boldNumber = book.createCellStyle();
            boldNumber.setFont(bold);
            CellStyle decimal = book.createCellStyle();
            decimal.setDataFormat(book.createDataFormat().getFormat("#,##0.00"));
            CellStyle boldDecimal = book.createCellStyle();
            boldDecimal.setDataFormat(decimal.getDataFormat());
            boldDecimal.setFont(bold);
            int n = 0;
            for (DataTable table : tables) {
                Sheet sheet = book.createSheet(sheetName(table.title(), ++n));
                var head = sheet.createRow(0);
                for (int c = 0; c < table.headers().size(); c++) {
                    var cell = head.createCell(c);
                    cell.setCellValue(table.headers().get(c));
                    cell.setCellStyle(header);
                }
                int r = 1;
                for (DataTable.Row row : table.rows()) {
                    var line = sheet.createRow(r++);
                    for (int c = 0; c < row.cells().size(); c++) {
                        DataTable.Cell value = row.cells().get(c);
                        var cell = line.createCell(c);
                        if (value.numeric()) {
                            boolean fraction = value.number() instanceof BigDecimal d && d.scale() > 0;
                            cell.setCellValue(value.number().doubleValue());
                            cell.setCellStyle(
                                    fraction
                                            ? (row.total() ? boldDecimal : decimal)
                                            : (row.total() ? boldNumber : null));
                        } else {
                            cell.setCellValue(value.text() == null ? "" : value.text());
                            if (row.total()) {
                                cell.setCellStyle(header);
                            }
                        }
                    }
                }
                for (int c = 0; c < table.headers().size(); c++) {
                    sheet.setColumnWidth(c, 16 * 256);
                }
            }
            book.write(out);
            book.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The workbook as a download named in Chinese. */
    public static ResponseEntity<byte[]> download(String fileName, List<DataTable> tables) {
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName + ".xlsx", StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(write(tables));
    }

    private static String sheetName(String title, int n) {
        String name = title == null || title.isBlank() ? "表" + n : title.replaceAll("[\\\\/?*\\[\\]:]", " ");
        return name.length() > 31 ? name.substring(0, 31) : name;
    }
}
