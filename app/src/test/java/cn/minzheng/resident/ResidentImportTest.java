package cn.minzheng.resident;

import static cn.minzheng.resident.ResidentApi.body;
import static cn.minzheng.resident.ResidentApi.read;
import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.shared.Gender;
import cn.minzheng.test.TestDistrict;
import cn.minzheng.test.TestPostgresSql;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Importing as a new user would: a spreadsheet with good and bad rows, every bad row named with its field and reason;
 * the same file again changes nothing; all-or-nothing stores nothing when a row is bad; CSV in UTF-8 and GB18030 and
 * real .xlsx workbooks; files that are too large, not what they claim, or zip bombs are refused.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ResidentImportTest {

    static final String C1 = TestDistrict.COMMUNITY;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestDistrict district;

    @Autowired
    JdbcTemplate jdbc;

    ResidentApi api;

    @BeforeEach
    void setUp() {
        district.ensure();
        api = new ResidentApi(mvc);
    }

    static String id(int year, int month, int day, Gender gender, int serial) {
        return SyntheticIds.idNumber(LocalDate.of(year, month, day), gender, serial);
    }

    /** Twelve rows: three good, nine bad for as many reasons. Row numbers are the lines a spreadsheet shows. */
    static List<String> mixedRows() {
        return mixedRows(0);
    }

    /** The same rows for other people (other ID numbers, other household numbers), so that tests do not meet. */
    static List<String> mixedRows(int salt) {
        List<String> rows = new ArrayList<>();
        for (String row : rows(salt * 10)) {
            rows.add(salt == 0 ? row : "S" + salt + row);
        }
        return rows;
    }

    private static List<String> rows(int salt) {
        String zhangSan = id(1980, 5, 17, Gender.MALE, 101 + salt);
        String liSi = id(1982, 3, 2, Gender.FEMALE, 102 + salt);
        String badCheck = id(1975, 1, 1, Gender.MALE, 103 + salt);
        badCheck = badCheck.substring(0, 17) + (badCheck.charAt(17) == '1' ? '2' : '1');
        return List.of(
                "H1,张三,居民身份证," + zhangSan + ",男,1980-05-17,户主," + C1 + ",610113,13800000001", // 2 good
                "H1,李四,居民身份证," + liSi + ",女,1982-03-02,配偶," + C1 + ",,", // 3 good
                "H2,王五,居民身份证," + badCheck + ",男,1975-01-01,户主," + C1 + ",,", // 4 check character
                "H3,赵六,居民身份证," + id(1960, 7, 7, Gender.MALE, 104 + salt) + ",男,1961-07-07,户主," + C1
                        + ",,", // 5 birth date
                "H4,钱七,居民身份证," + id(1970, 8, 8, Gender.MALE, 105 + salt) + ",女,1970-08-08,户主," + C1 + ",,", // 6 gender
                "H5,孙八,无,,男,1990-02-30,户主," + C1 + ",,", // 7 impossible date
                "H6,,居民身份证," + id(1991, 1, 1, Gender.MALE, 106 + salt) + ",男,1991-01-01,户主," + C1
                        + ",,", // 8 missing name
                "H7,周9,居民身份证," + id(1992, 2, 2, Gender.FEMALE, 107 + salt) + ",女,1992-02-02,户主," + C1
                        + ",,", // 9 name character
                "H8,张三,居民身份证," + zhangSan + ",男,1980-05-17,户主," + C1 + ",,", // 10 same person as row 2
                "H9,吴十,居民身份证," + id(1993, 3, 3, Gender.MALE, 108 + salt)
                        + ",男,1993-03-03,户主,610113001199,,", // 11 community
                "H10,郑𠮷,无,,女,2001-09-09,户主," + C1 + ",,", // 12 good, no document
                "H2,王小五,居民身份证," + id(2005, 5, 5, Gender.MALE, 109 + salt) + ",男,2005-05-05,子," + C1
                        + ",,"); // 13 head bad
    }

    @Test
    void everyBadRowIsNamedWithItsFieldAndReasonAndTheGoodOnesAreImported() {
        String status = api.importFile("t_community", "居民.csv", ImportFiles.csv(mixedRows()), "ACCEPT_VALID");
        assertThat((String) read(status, "$.status")).isEqualTo("COMPLETED");
        assertThat((Integer) read(status, "$.total")).isEqualTo(12);
        assertThat((Integer) read(status, "$.accepted")).isEqualTo(3);
        assertThat((Integer) read(status, "$.rejected")).isEqualTo(9);
        assertThat((Integer) read(status, "$.created")).isEqualTo(3);
        long id = ((Number) read(status, "$.id")).longValue();

        String csv = api.get("t_community", "/api/v1/residents/imports/" + id + "/rejections.csv");
        assertThat(csv).startsWith("\uFEFFrow,field,reason");
        assertThat(csv)
                .contains("4,证件号码,校验码不正确")
                .contains("5,出生日期,出生日期与证件号码中的出生日期码不一致")
                .contains("6,性别,性别与证件号码不一致")
                .contains("7,出生日期,出生日期 1990-02-30 不是真实存在的日期")
                .contains("8,姓名,缺少姓名")
                .contains("9,姓名,姓名中含有不能用于姓名的字符“9”")
                .contains("10,证件号码,与第 2 行是同一人")
                .contains("11,居住社区代码,居住社区代码 610113001199 不是现有的社区")
                .contains("13,户编号,本户户主（第 4 行）未通过校验");
        List<String> rows = csv.lines()
                .skip(1)
                .map(line -> line.substring(0, line.indexOf(',')))
                .distinct()
                .toList();
        assertThat(rows).containsExactly("4", "5", "6", "7", "8", "9", "10", "11", "13");
        assertThat(csv).doesNotContain(id(1975, 1, 1, Gender.MALE, 103).substring(0, 17));

        // a household of two (head and spouse) and one of one, found by pinyin initials
        String found = api.get("t_community", "/api/v1/residents?q=zs");
        assertThat((List<String>) read(found, "$.items[*].name")).contains("张三");
        assertThat((List<String>) read(found, "$.items[?(@.name=='张三')].relationship"))
                .containsExactly("HEAD");
        assertThat(api.get("t_community", "/api/v1/residents?q=lisi")).contains("李四");
    }

    @Test
    void importingTheSameFileAgainChangesNothing() {
        byte[] file = ImportFiles.csv(mixedRows(1));
        api.importFile("t_community", "居民.csv", file, "ACCEPT_VALID");
        long residents = count("resident");
        long households = count("household");
        long members = count("household_member");
        String again = api.importFile("t_community", "居民.csv", file, "ACCEPT_VALID");
        assertThat((Integer) read(again, "$.total")).isEqualTo(12);
        assertThat((Integer) read(again, "$.accepted")).isEqualTo(3);
        assertThat((Integer) read(again, "$.rejected")).isEqualTo(9);
        assertThat((Integer) read(again, "$.created")).isZero();
        assertThat((Integer) read(again, "$.updated")).isZero();
        assertThat((Integer) read(again, "$.unchanged")).isEqualTo(3);
        assertThat((Object) read(again, "$.sameFileAs")).isNotNull();
        assertThat(count("resident")).isEqualTo(residents);
        assertThat(count("household")).isEqualTo(households);
        assertThat(count("household_member")).isEqualTo(members);
    }

    @Test
    void allOrNothingCommitsNothingWhenAnyRowIsBad() {
        long before = count("resident");
        String status = api.importFile("t_community", "居民.csv", ImportFiles.csv(mixedRows(2)), "ALL_OR_NOTHING");
        assertThat((String) read(status, "$.status")).isEqualTo("REJECTED");
        assertThat((Integer) read(status, "$.accepted") + (Integer) read(status, "$.rejected"))
                .isEqualTo((Integer) read(status, "$.total"));
        assertThat((Integer) read(status, "$.imported")).isZero();
        assertThat((String) read(status, "$.message")).contains("没有导入任何数据");
        assertThat(count("resident")).isEqualTo(before);
        long id = ((Number) read(status, "$.id")).longValue();
        assertThat(api.get("t_community", "/api/v1/residents/imports/" + id + "/rejections.csv"))
                .contains("4,证件号码,校验码不正确");

        List<String> good = mixedRows(2).subList(0, 2);
        String clean = api.importFile("t_community", "好.csv", ImportFiles.csv(good), "ALL_OR_NOTHING");
        assertThat((String) read(clean, "$.status")).isEqualTo("COMPLETED");
        assertThat(count("resident")).isEqualTo(before + 2);
    }

    @Test
    void readsGb18030CsvAndExcelWorkbooks() {
        List<String> rows =
                List.of("G1,欧阳娜娜,居民身份证," + id(1988, 8, 8, Gender.FEMALE, 201) + ",女,1988/8/8,户主," + C1 + ",,");
        String gb = api.importFile("t_community", "gb.csv", ImportFiles.csv(rows, CsvSource.GB18030), "ACCEPT_VALID");
        assertThat((String) read(gb, "$.encoding")).isEqualTo("GB18030");
        assertThat((Integer) read(gb, "$.accepted")).isEqualTo(1);
        assertThat(api.get("t_community", "/api/v1/residents?q=oynn")).contains("欧阳娜娜");

        String idNumber = id(1979, 9, 9, Gender.MALE, 202);
        List<Object[]> sheet = new ArrayList<>();
        sheet.add(new Object[] {
            "X1", "曾小明", "居民身份证", idNumber, "男", LocalDate.of(1979, 9, 9), "户主", C1, 610113.0, 13900000002.0
        });
        sheet.add(new Object[] {
            "X1",
            "曾小红",
            "居民身份证",
            Double.parseDouble(id(2008, 1, 1, Gender.FEMALE, 203)),
            "女",
            "2008-01-01",
            "女",
            Double.parseDouble(C1),
            null,
            null
        });
        String xlsx = api.importFile("t_community", "居民.xlsx", ImportFiles.xlsx(sheet), "ACCEPT_VALID");
        assertThat((Integer) read(xlsx, "$.total")).isEqualTo(2);
        assertThat((Integer) read(xlsx, "$.accepted")).isEqualTo(1);
        long id = ((Number) read(xlsx, "$.id")).longValue();
        assertThat(api.get("t_community", "/api/v1/residents/imports/" + id + "/rejections.csv"))
                .contains("3,证件号码,证件号码被表格软件存成了数字");
        assertThat(api.get("t_community", "/api/v1/residents?q=zengxiaoming")).contains("曾小明");
    }

    @Test
    void refusesFilesThatAreTooLargeOrNotWhatTheySayOrZipBombs() {
        assertRefused(
                api.upload("t_community", "a.xlsx", ImportFiles.csv(mixedRows()), "ACCEPT_VALID"), "不是 Excel 工作簿");
        assertRefused(
                api.upload("t_community", "a.csv", ImportFiles.xlsx(List.<Object[]>of()), "ACCEPT_VALID"),
                "内容是 Excel 工作簿或压缩包");
        assertRefused(
                api.upload(
                        "t_community",
                        "a.xls",
                        new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0},
                        "ACCEPT_VALID"),
                ".xls");
        assertRefused(
                api.upload("t_community", "a.txt", "x".getBytes(StandardCharsets.UTF_8), "ACCEPT_VALID"),
                "只能导入 .xlsx 或 .csv");
        assertRefused(
                api.upload("t_community", "a.csv", new byte[] {0x25, 0x50, 0x44, 0x46, 0x2D}, "ACCEPT_VALID"),
                "内容不是文本");
        assertRefused(api.upload("t_community", "bomb.xlsx", ImportFiles.zipBomb(), "ACCEPT_VALID"), "压缩炸弹");
        byte[] large = new byte[21 * 1024 * 1024];
        java.util.Arrays.fill(large, (byte) 'a');
        assertRefused(api.upload("t_community", "large.csv", large, "ACCEPT_VALID"), "文件过大");
        assertRefused(api.upload("t_community", "a.csv", ImportFiles.csv(List.of()), "SOMETIMES"), "ALL_OR_NOTHING");
    }

    @Test
    void aFileWithoutTheTemplatesHeaderFailsWithAClearMessage() {
        String status = api.importFile(
                "t_community", "a.csv", "姓名,身份证\r\n张三,1\r\n".getBytes(StandardCharsets.UTF_8), "ACCEPT_VALID");
        assertThat((String) read(status, "$.status")).isEqualTo("FAILED");
        assertThat((String) read(status, "$.message")).contains("表头缺少列").contains("户编号");
    }

    @Test
    void theTemplateHasTheChineseHeadersAndImportsAsAnEmptyFile() {
        String csv = api.get("t_community", "/api/v1/residents/imports/template.csv");
        assertThat(csv).isEqualTo("\uFEFF" + ImportFiles.HEADER + "\r\n");
        MockHttpServletResponse xlsx = api.call(
                "t_community",
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                        "/api/v1/residents/imports/template.xlsx"));
        assertThat(xlsx.getStatus()).isEqualTo(200);
        String status = api.importFile("t_community", "模板.xlsx", xlsx.getContentAsByteArray(), "ALL_OR_NOTHING");
        assertThat((Integer) read(status, "$.total")).isZero();
        assertThat((String) read(status, "$.message")).isEqualTo("文件中没有数据行");
    }

    @Test
    void aCommunityWorkerCannotImportIntoAnotherCommunity() {
        String other = "S1,冯一,无,,男,1960-01-01,户主," + TestDistrict.SIBLING_COMMUNITY + ",,";
        String status = api.importFile("t_community", "a.csv", ImportFiles.csv(List.of(other)), "ACCEPT_VALID");
        assertThat((Integer) read(status, "$.rejected")).isEqualTo(1);
        long id = ((Number) read(status, "$.id")).longValue();
        assertThat(api.get("t_community", "/api/v1/residents/imports/" + id + "/rejections.csv"))
                .contains("不在您的数据范围内");
        assertThat(api.status("t_sibling", "/api/v1/residents/imports/" + id)).isEqualTo(404);
        assertThat(api.status("t_street", "/api/v1/residents/imports/" + id)).isEqualTo(200);
    }

    private void assertRefused(MockHttpServletResponse response, String message) {
        assertThat(response.getStatus()).as(body(response)).isEqualTo(422);
        assertThat(body(response)).contains(message);
    }

    private long count(String table) {
        return TestPostgresSql.queryForObject(jdbc, "select count(*) from " + table, Long.class);
    }
}
