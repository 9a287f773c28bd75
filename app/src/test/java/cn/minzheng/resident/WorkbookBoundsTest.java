package cn.minzheng.resident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 A5: a small .xlsx whose shared-strings table holds millions of tiny strings exhausted the heap (POI keeps the
 * table as objects). The table is now on disk and may hold no more strings than the rows allowed can use; a workbook
 * that needs more is refused with a clear message, and one within the bounds still reads. Queued uploads wait on
 * disk.
 */
class WorkbookBoundsTest {

    @TempDir
    Path folder;

    /** A minimal workbook: one sheet whose cells all point into a shared-strings table of {@code strings} entries. */
    static byte[] workbook(int strings, int rows) throws IOException {
        Random random = new Random(13);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            entry(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                    <Default Extension="xml" ContentType="application/xml"/>
                    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
                    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                    <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
                    </Types>""");
            entry(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
                    </Relationships>""");
            entry(zip, "xl/workbook.xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                    <sheets><sheet name="居民" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            entry(zip, "xl/_rels/workbook.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
                    <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
                    </Relationships>""");
            StringBuilder sheet = new StringBuilder(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            for (int r = 1; r <= rows; r++) {
                sheet.append("<row r=\"")
                        .append(r)
                        .append("\"><c r=\"A")
                        .append(r)
                        .append("\" t=\"s\"><v>")
                        .append((r - 1) % Math.max(1, strings))
                        .append("</v></c></row>");
            }
            entry(
                    zip,
                    "xl/worksheets/sheet1.xml",
                    sheet.append("</sheetData></worksheet>").toString());
            StringBuilder table = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"" + strings
                    + "\" uniqueCount=\"" + strings + "\">");
            for (int i = 0; i < strings; i++) {
                table.append("<si><t>");
                for (int c = 0; c < 3; c++) {
                    table.append((char) ('a' + random.nextInt(26)));
                }
                table.append("</t></si>");
            }
            entry(zip, "xl/sharedStrings.xml", table.append("</sst>").toString());
        }
        return out.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    @Test
    void aTableOfMoreStringsThanTheRowsCanUseIsRefused() throws IOException {
        // 1 000 rows of at most 32 columns use at most 32 000 strings; this table has 400 000 (about 2 MB zipped)
        byte[] bomb = workbook(400_000, 10);
        List<Integer> seen = new ArrayList<>();
        assertThatThrownBy(() -> XlsxSource.read(bomb, 1_000, 500, (n, cells) -> seen.add(n)))
                .isInstanceOf(ImportRefused.class)
                .hasMessageContaining("共享字符串");
        assertThat(seen).isEmpty();
    }

    @Test
    void aWorkbookWithinTheBoundsReadsItsSharedStrings() throws IOException {
        List<String> first = new ArrayList<>();
        XlsxSource.read(workbook(500, 500), 1_000, 500, (n, cells) -> first.add(cells.get(0)));
        assertThat(first).hasSize(500).allMatch(text -> text.matches("[a-z]{3}"));
    }

    @Test
    void aQueuedUploadWaitsInAPrivateFileAndIsGoneAfterwards() throws IOException {
        UploadedFile upload = UploadedFile.inspect("居民.csv", "姓名,身份证号\n".getBytes(StandardCharsets.UTF_8), 1 << 20);
        ResidentImports.Queued queued = ResidentImports.Queued.spool(upload, folder.resolve("imports"), 7);
        assertThat(queued.file()).startsWith(folder.resolve("imports")).exists();
        assertThat(Files.readAllBytes(queued.file())).isEqualTo(upload.content());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(queued.file())))
                .isEqualTo("rw-------");
        queued.delete();
        assertThat(queued.file()).doesNotExist();
    }
}
