package cn.minzheng.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.test.Api;
import cn.minzheng.test.TestDistrict;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Deliveries: what is refused at once and why (in Chinese), what is loaded with a reject report, and that a load that
 * does not finish leaves the previous store in service.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DeliveryChecksTest {

    private static final Charset GB18030 = Charset.forName("GB18030");

    @Autowired
    VerificationFixture fixture;

    @Autowired
    Deliveries deliveries;

    @Autowired
    StoreGenerations generations;

    @Autowired
    VerificationRequests requests;

    @Autowired
    MockMvc mvc;

    @TempDir
    Path temp;

    private BusinessRuleViolation refusal(String source, String name, byte[] content, String encoding) {
        try {
            fixture.deliver(source, name, content, encoding);
        } catch (BusinessRuleViolation e) {
            return e;
        }
        throw new AssertionError("not refused: " + name);
    }

    @Test
    void badDeliveriesAreRefusedWithAClearReason() {
        fixture.threePeople(TestDistrict.COMMUNITY);
        assertThat(refusal(
                                "vehicle",
                                "vehicle.csv",
                                "record_id,name,gender,birth_date,plate\nv1,王建国,M,1970-01-01,陕A1\n"
                                        .getBytes(StandardCharsets.UTF_8),
                                null)
                        .getMessage())
                .contains("缺少必需的列：id_number");
        assertThat(refusal(null, "yachts.csv", "record_id\n".getBytes(StandardCharsets.UTF_8), null)
                        .getMessage())
                .contains("未知的数据来源代码“yachts”");
        assertThat(refusal("yachts", "x.csv", "record_id\n".getBytes(StandardCharsets.UTF_8), null)
                        .getMessage())
                .contains("未知的数据来源代码");
        byte[] gb =
                (VerificationFixture.VEHICLE_HEADER + "v1,,王建国,M,1970-03-01,陕A1,小型汽车,2015-01-01,\n").getBytes(GB18030);
        assertThat(refusal("vehicle", "vehicle.csv", gb, "UTF-8").getMessage())
                .contains("第 2 行不是有效的 UTF-8 编码")
                .contains("GB18030");
        assertThat(refusal("vehicle", "vehicle.csv", new byte[] {0x50, 0x4B, 0x03, 0x04, 1, 2}, null)
                        .getMessage())
                .contains("内容是 Excel 工作簿或压缩包");
        assertThat(refusal("vehicle", "vehicle.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8), null)
                        .getMessage())
                .contains("不是 Excel 工作簿");
        assertThat(refusal("vehicle", "vehicle.xls", new byte[] {1}, null).getMessage())
                .contains(".xls");
        assertThat(refusal("vehicle", "vehicle.csv", new byte[0], null).getMessage())
                .contains("空");
        assertThat(refusal("vehicle", "vehicle.csv", "r\0e\0c\0".getBytes(StandardCharsets.ISO_8859_1), null)
                        .getMessage())
                .contains("不是文本");
    }

    @Test
    void sizeLimitAndZipBombsAreRefusedBeforeReading() throws Exception {
        assertThatThrownBy(() -> DeliveryFile.prepare(
                        "vehicle",
                        "vehicle.csv",
                        new ByteArrayInputStream(new byte[100]),
                        DeliveryFile.EncodingChoice.AUTO,
                        10,
                        temp))
                .hasMessageContaining("文件过大");
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 40; i++) {
                out.write(zeros);
            }
            out.closeEntry();
        }
        assertThatThrownBy(() -> DeliveryFile.prepare(
                        "vehicle",
                        "vehicle.xlsx",
                        new ByteArrayInputStream(zip.toByteArray()),
                        DeliveryFile.EncodingChoice.AUTO,
                        50 << 20,
                        temp))
                .hasMessageContaining("压缩炸弹");
        try (var files = Files.list(temp)) {
            assertThat(files).as("nothing left behind").isEmpty();
        }
    }

    @Test
    void gb18030AndWorkbooksLoadAndRejectedRowsAreReported() throws Exception {
        VerificationFixture.Family family = fixture.threePeople(TestDistrict.COMMUNITY);
        fixture.authoriseAll(family);
        String rows = VerificationFixture.VEHICLE_HEADER
                + "v-gb,," + family.member(1).name() + ",F," + family.member(1).birth() + ",陕A30001,小型汽车,2019-01-01,\n"
                + "v-bad-date," + family.head().csv() + ",陕A30002,小型汽车,2019-13-45,\n"
                + ",," + family.head().name() + ",M,1970-03-01,陕A30003,小型汽车,2019-01-01,\n"
                + "v-short,1\n";
        long gb = fixture.deliver("vehicle", rows, GB18030, null);
        Deliveries.Delivery loaded = fixture.asDistrict(() -> deliveries.find(gb), "DEPARTMENT_OFFICER");
        assertThat(loaded.status()).isEqualTo(Deliveries.Status.LOADED);
        assertThat(loaded.encoding()).isEqualTo("GB18030");
        assertThat(loaded.rowsRead()).isEqualTo(4);
        assertThat(loaded.accepted()).isEqualTo(1);
        assertThat(loaded.rejected()).isEqualTo(3);
        assertThat(fixture.asDistrict(() -> deliveries.rejects(gb, 10), "DEPARTMENT_OFFICER"))
                .extracting(r -> r.line() + " " + r.reason())
                .containsExactly("3 registered_on 列日期无效", "4 record_id 为空", "5 字段数不对：应为 9 个，实为 2 个");

        String csv = mvc.perform(get("/api/v1/verification/deliveries/" + gb + "/rejects.csv")
                        .header("Authorization", new Api(mvc).bearer("t_officer")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF行号,record_id,原因\n").contains("3,v-bad-date,registered_on 列日期无效");

        long workbook = fixture.deliver("bank_deposit", "存款.xlsx", workbook(family), null);
        Deliveries.Delivery fromExcel = fixture.asDistrict(() -> deliveries.find(workbook), "DEPARTMENT_OFFICER");
        assertThat(fromExcel.status()).as(String.valueOf(fromExcel.message())).isEqualTo(Deliveries.Status.LOADED);
        assertThat(fromExcel.fileKind()).isEqualTo("XLSX");
        assertThat(fromExcel.accepted())
                .as(fixture.asDistrict(() -> deliveries.rejects(workbook, 10), "DEPARTMENT_OFFICER")
                        .toString())
                .isEqualTo(2);
        assertThat(fromExcel.warnings()).anyMatch(w -> w.contains("未识别的列 备注"));

        RequestSummary summary = fixture.asStreet(() ->
                requests.request(new VerificationRequests.HouseholdRequest(family.householdId(), "DIBAO", "case:gb")));
        // the GB18030 record by name and birth date, and both deposits from the workbook (one typed as a number)
        assertThat(summary.recordsCompared()).isEqualTo(3);
        assertThat(summary.disqualifying()).as("deposits above the line").isEqualTo(1);
    }

    @Test
    void compressedDeliveriesLoadAsTheirCsvAndBadArchivesAreRefused() throws Exception {
        VerificationFixture.Family family = fixture.threePeople(TestDistrict.COMMUNITY);
        String rows = VerificationFixture.VEHICLE_HEADER
                + "v-gz," + family.head().csv() + ",陕A40001,小型汽车,2019-01-01,\n"
                + "v-gz-bad," + family.head().csv() + ",陕A40002,小型汽车,2019-13-45,\n";
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (var out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write(rows.getBytes(StandardCharsets.UTF_8));
        }
        long fromGzip = fixture.deliver("vehicle", "vehicle.csv.gz", gz.toByteArray(), null);
        Deliveries.Delivery gzipped = fixture.asDistrict(() -> deliveries.find(fromGzip), "DEPARTMENT_OFFICER");
        assertThat(gzipped.status()).as(String.valueOf(gzipped.message())).isEqualTo(Deliveries.Status.LOADED);
        assertThat(gzipped.rowsRead()).isEqualTo(2);
        assertThat(gzipped.accepted()).isEqualTo(1);
        assertThat(fixture.asDistrict(() -> deliveries.rejects(fromGzip, 10), "DEPARTMENT_OFFICER"))
                .extracting(r -> r.line() + " " + r.reason())
                .containsExactly("3 registered_on 列日期无效");

        long fromZip = fixture.deliver("vehicle", "车辆.zip", zip(java.util.Map.of("vehicle.csv", rows)), null);
        Deliveries.Delivery zipped = fixture.asDistrict(() -> deliveries.find(fromZip), "DEPARTMENT_OFFICER");
        assertThat(zipped.status()).as(String.valueOf(zipped.message())).isEqualTo(Deliveries.Status.LOADED);
        assertThat(zipped.accepted()).isEqualTo(1);

        assertThat(refusal("vehicle", "vehicle.zip", zip(java.util.Map.of("a.csv", rows, "b.csv", rows)), null)
                        .getMessage())
                .contains("压缩包内应只有一个 CSV 文件，实有 2 个文件");
        assertThat(refusal("vehicle", "vehicle.csv.gz", rows.getBytes(StandardCharsets.UTF_8), null)
                        .getMessage())
                .contains("不是 gzip 压缩文件");
        assertThat(refusal("vehicle", "vehicle.zip", rows.getBytes(StandardCharsets.UTF_8), null)
                        .getMessage())
                .contains("不是有效的压缩包");
    }

    private static byte[] zip(java.util.Map<String, String> files) throws java.io.IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (var out = new java.util.zip.ZipOutputStream(bytes)) {
            for (var file : new java.util.TreeMap<>(files).entrySet()) {
                out.putNextEntry(new java.util.zip.ZipEntry(file.getKey()));
                out.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void aLoadThatDoesNotFinishLeavesThePreviousStoreInService() {
        VerificationFixture.Family family = fixture.threePeople(TestDistrict.COMMUNITY);
        fixture.authoriseAll(family);
        fixture.deliver("vehicle", VerificationFixture.vehicles(family));
        long before = generations.current().orElseThrow().number();

        long id = fixture.asDistrict(
                () -> deliveries.receive(
                        "vehicle",
                        "vehicle.csv",
                        new ByteArrayInputStream(VerificationFixture.VEHICLE_HEADER.getBytes(StandardCharsets.UTF_8)),
                        null),
                "DEPARTMENT_OFFICER");
        // the platform stopped between the check and the load: the incoming file is gone
        fixture.asDistrict(() -> fixture.clearIncoming(), "DEPARTMENT_OFFICER");
        fixture.asDistrict(
                () -> {
                    deliveries.load(id);
                    return null;
                },
                "DEPARTMENT_OFFICER");
        Deliveries.Delivery failed = fixture.asDistrict(() -> deliveries.find(id), "DEPARTMENT_OFFICER");
        assertThat(failed.status()).isEqualTo(Deliveries.Status.FAILED);
        assertThat(failed.message()).contains("重新上传");
        assertThat(generations.current().orElseThrow().number()).isEqualTo(before);

        RequestSummary summary = fixture.asStreet(() -> requests.request(
                new VerificationRequests.HouseholdRequest(family.householdId(), "DIBAO", "case:after")));
        assertThat(summary.recordsCompared())
                .as("the previous vehicles are still compared")
                .isEqualTo(3);
        assertThat(summary.generation()).isEqualTo(before);
    }

    /** Deposits as a workbook: the head's number as text, the spouse's typed as a 15-digit old number. */
    private static byte[] workbook(VerificationFixture.Family family) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("存款");
            CellStyle dates = book.createCellStyle();
            dates.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy/m/d"));
            String[] header = {
                "record_id", "id_number", "name", "gender", "birth_date", "bank", "balance_fen", "as_of", "备注"
            };
            Row head = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                head.createCell(i).setCellValue(header[i]);
            }
            String spouse15 = family.member(1).idNumber().substring(0, 6)
                    + family.member(1).idNumber().substring(8, 17);
            Object[][] rows = {
                {
                    "x-head",
                    family.head().idNumber(),
                    family.head().name(),
                    "M",
                    family.head().birth(),
                    "某银行",
                    5000000.0
                },
                {
                    "x-spouse",
                    Double.parseDouble(spouse15),
                    family.member(1).name(),
                    "F",
                    family.member(1).birth(),
                    "某银行",
                    2000000.0
                }
            };
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    Object value = rows[r][c];
                    var cell = row.createCell(c);
                    if (value instanceof Double d) {
                        cell.setCellValue(d);
                    } else if (value instanceof java.time.LocalDate date) {
                        cell.setCellValue(date);
                        cell.setCellStyle(dates);
                    } else {
                        cell.setCellValue(value.toString());
                    }
                }
                var asOf = row.createCell(7);
                asOf.setCellValue(java.time.LocalDate.of(2025, 6, 1));
                asOf.setCellStyle(dates);
            }
            book.write(out);
            return out.toByteArray();
        }
    }
}
