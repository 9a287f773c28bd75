package cn.minzheng.resident;

import cn.minzheng.shared.Gender;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The benchmark's import file: households of one to five people in the first five communities of eight streets
 * (never split in the demo history), ID numbers with address codes the demo district does not use (610115, 610114),
 * so that every row is new.
 */
final class BenchmarkFiles {

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明"};

    private BenchmarkFiles() {}

    /** The same households as CSV and as a workbook, with different ID numbers and household numbers in each. */
    static void write(int rows, Path csv, Path xlsx) throws IOException {
        String[][] forCsv = rows(rows, "610115", "B");
        String[][] forXlsx = rows(rows, "610114", "X");
        writeCsv(forCsv, csv);
        writeXlsx(forXlsx, xlsx);
    }

    private static String[][] rows(int rows, String addressCode, String prefix) {
        Random random = new Random(42);
        String[][] data = new String[rows][];
        int household = 0;
        int serial = 0;
        for (int r = 0; r < rows; ) {
            household++;
            int size = Math.min(rows - r, 1 + random.nextInt(5));
            String community = "61011300" + (1 + household % 8) + String.format("%03d", 1 + household % 5);
            String surname = SURNAMES[random.nextInt(SURNAMES.length)];
            for (int m = 0; m < size; m++, r++) {
                // serial → (birth day, sequence) is one to one, so no two rows share an ID number
                serial++;
                LocalDate birth = LocalDate.of(m == 0 ? 1950 : 1980, 1, 1).plusDays(serial % 9000);
                Gender gender = random.nextBoolean() ? Gender.MALE : Gender.FEMALE;
                String number = SyntheticIds.idNumber(
                        addressCode, birth, (serial / 9000 + (m == 0 ? 0 : 100)) * 2 + (gender == Gender.MALE ? 1 : 0));
                data[r] = new String[] {
                    prefix + household,
                    surname + GIVEN[random.nextInt(GIVEN.length)] + GIVEN[random.nextInt(GIVEN.length)],
                    "居民身份证",
                    number,
                    gender == Gender.MALE ? "男" : "女",
                    birth.toString(),
                    m == 0 ? "户主" : m == 1 ? "配偶" : "子女",
                    community,
                    "610113",
                    random.nextInt(3) == 0 ? "" : "139" + String.format("%08d", random.nextInt(100_000_000))
                };
            }
        }
        return data;
    }

    private static void writeCsv(String[][] data, Path csv) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write(ImportFiles.HEADER);
            out.write("\r\n");
            for (String[] row : data) {
                out.write(String.join(",", row));
                out.write("\r\n");
            }
        }
    }

    private static void writeXlsx(String[][] data, Path xlsx) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200);
                OutputStream out = Files.newOutputStream(xlsx)) {
            Sheet sheet = workbook.createSheet("居民");
            String[] header = ImportFiles.HEADER.split(",");
            Row first = sheet.createRow(0);
            for (int c = 0; c < header.length; c++) {
                first.createCell(c).setCellValue(header[c]);
            }
            for (int r = 0; r < data.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < data[r].length; c++) {
                    row.createCell(c).setCellValue(data[r][c]);
                }
            }
            workbook.write(out);
            workbook.dispose();
        }
    }
}
