package cn.minzheng.resident;

import static cn.minzheng.resident.ResidentApi.read;
import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.shared.Gender;
import cn.minzheng.shared.IdDocumentType;
import cn.minzheng.shared.IdNumber;
import cn.minzheng.test.TestDistrict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * No ID number in any log: this test does what tempts code to log one (imports with good and bad numbers, a failing
 * import, searches by number, reveals), then reads the application's and PostgreSQL's log files of the whole test run
 * so far ({@code target/test-logs}), Surefire's captured output if kept, and what this test printed, looking for any
 * character sequence that is a valid ID number.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class NoIdNumbersInLogsTest {

    /** Eighteen characters not inside a longer run of letters or digits. */
    private static final Pattern CANDIDATE = Pattern.compile("(?<![0-9A-Za-z])[0-9]{17}[0-9Xx](?![0-9A-Za-z])");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestDistrict district;

    @BeforeEach
    void setUp() {
        district.ensure();
    }

    @Test
    void theLogsOfTheWholeTestRunContainNoIdNumber(CapturedOutput output) throws IOException {
        ResidentApi api = new ResidentApi(mvc);
        List<String> rows = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String number = SyntheticIds.idNumber(LocalDate.of(1977, 7, 7).plusDays(i), Gender.MALE, 700 + i);
            numbers.add(number);
            String typed = i % 4 == 0 ? number.substring(0, 17) + (number.charAt(17) == '1' ? '2' : '1') : number;
            rows.add("L" + i + ",日志测试,居民身份证," + typed + ",男,"
                    + LocalDate.of(1977, 7, 7).plusDays(i) + ",户主," + TestDistrict.COMMUNITY + ",,");
        }
        api.importFile("t_community", "日志.csv", ImportFiles.csv(rows), "ACCEPT_VALID");
        api.importFile("t_community", "日志.csv", ImportFiles.csv(rows), "ALL_OR_NOTHING");
        api.upload("t_community", "日志.xlsx", ImportFiles.csv(rows), "ACCEPT_VALID");
        for (String number : numbers) {
            api.get("t_community", "/api/v1/residents?q=" + number);
        }
        long id = ((Number) read(api.get("t_community", "/api/v1/residents?q=" + numbers.get(1)), "$.items[0].id"))
                .longValue();
        api.postJson(
                "t_community",
                "/api/v1/residents/" + id + "/reveal",
                "{\"field\":\"ID_NUMBER\",\"purpose\":\"CASE_HANDLING\"}");
        api.postJson(
                "t_community",
                "/api/v1/residents",
                ResidentApi.person("日志测试", numbers.get(1), "男", "1977-07-08", TestDistrict.COMMUNITY));

        List<String> found = new ArrayList<>();
        scan("captured output of this test", output.getAll(), found);
        for (Path folder : List.of(Path.of("target/test-logs"), Path.of("target/surefire-reports"))) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.filter(Files::isRegularFile)
                        .filter(f ->
                                f.toString().endsWith(".log") || f.toString().endsWith("-output.txt"))
                        .toList()) {
                    scan(file.toString(), Files.readString(file, StandardCharsets.ISO_8859_1), found);
                }
            }
        }
        assertThat(Path.of("target/test-logs/minzheng-test.log")).exists();
        assertThat(found).as("ID numbers in logs (shown masked)").isEmpty();
    }

    private static void scan(String source, String text, List<String> found) {
        Matcher matcher = CANDIDATE.matcher(text);
        while (matcher.find()) {
            IdNumber.Check check = IdNumber.check(IdDocumentType.RESIDENT_ID_CARD, matcher.group());
            if (check.valid()) {
                found.add(source + ": " + check.number().masked());
            }
        }
    }
}
