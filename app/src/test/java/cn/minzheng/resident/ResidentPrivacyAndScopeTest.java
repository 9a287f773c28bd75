package cn.minzheng.resident;

import static cn.minzheng.resident.ResidentApi.body;
import static cn.minzheng.resident.ResidentApi.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import cn.minzheng.platform.Csv;
import cn.minzheng.platform.crypto.BlindIndex;
import cn.minzheng.platform.crypto.FieldCipher;
import cn.minzheng.shared.Gender;
import cn.minzheng.test.TestDistrict;
import cn.minzheng.test.TestPostgresSql;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A community worker never sees another community's residents — in lists, counts, exports or by guessing an id;
 * ID numbers are masked everywhere except on an explicit, logged reveal; every opening is logged with its purpose and
 * visible to auditors, who see nothing else; the database holds no ID number, phone or account in clear.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ResidentPrivacyAndScopeTest {

    static final String OWN = TestDistrict.COMMUNITY;
    static final String SIBLING = TestDistrict.SIBLING_COMMUNITY;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestDistrict district;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FieldCipher cipher;

    @Autowired
    BlindIndex blind;

    ResidentApi api;

    @BeforeEach
    void setUp() {
        district.ensure();
        api = new ResidentApi(mvc);
    }

    private record Person(long id, String idNumber) {}

    private Person register(String user, String name, int serial, String community) {
        String number = SyntheticIds.idNumber(LocalDate.of(1970, 1, 1).plusDays(serial * 37L), Gender.FEMALE, serial);
        LocalDate birth = LocalDate.of(1970, 1, 1).plusDays(serial * 37L);
        long id = api.register(user, ResidentApi.person(name, number, "女", birth.toString(), community));
        return new Person(id, number);
    }

    @Test
    void aCommunityWorkerNeverSeesAnotherCommunitysResidents() {
        Person mine = register("t_community", "陈本社", 1, OWN);
        Person theirs = register("t_sibling", "陈邻社", 2, SIBLING);

        String list = api.get("t_community", "/api/v1/residents?q=陈");
        assertThat((List<String>) read(list, "$.items[*].name")).contains("陈本社").doesNotContain("陈邻社");
        assertThat((List<Integer>) read(list, "$.items[*].id")).doesNotContain((int) theirs.id());
        assertThat(api.get("t_community", "/api/v1/residents?q=chen")).doesNotContain("陈邻社");
        assertThat(api.get("t_community", "/api/v1/residents?q=" + theirs.idNumber()))
                .contains("\"total\":0");
        assertThat(api.get("t_community", "/api/v1/residents?community=" + SIBLING))
                .contains("\"total\":0");
        String all = api.get("t_community", "/api/v1/residents");
        long total = ((Number) read(all, "$.total")).longValue();
        assertThat(total)
                .isEqualTo(TestPostgresSql.queryForObject(
                        jdbc,
                        "select count(*) from resident where community_code = ? and merged_into is null",
                        Long.class,
                        OWN));

        assertThat(api.get("t_community", "/api/v1/residents/export.csv"))
                .contains("陈本社")
                .doesNotContain("陈邻社");

        // by guessing an id: not found, exactly as if it did not exist
        assertThat(api.status("t_community", "/api/v1/residents/" + theirs.id() + "?purpose=CASE_HANDLING"))
                .isEqualTo(404);
        assertThat(api.status("t_community", "/api/v1/residents/999999?purpose=CASE_HANDLING"))
                .isEqualTo(404);
        assertThat(api.status("t_community", "/residents/" + theirs.id() + "?purpose=CASE_HANDLING"))
                .isEqualTo(404);
        assertThat(api.status("t_community", "/residents/" + theirs.id())).isEqualTo(404);
        MockHttpServletResponse reveal = api.postJson(
                "t_community",
                "/api/v1/residents/" + theirs.id() + "/reveal",
                "{\"field\":\"ID_NUMBER\",\"purpose\":\"CASE_HANDLING\"}");
        assertThat(reveal.getStatus()).isEqualTo(404);
        assertThat(body(reveal)).doesNotContain(theirs.idNumber());

        // the street sees both of its communities, the other street neither
        assertThat(api.get("t_street", "/api/v1/residents?q=陈")).contains("陈本社", "陈邻社");
        assertThat(api.get("t_street2", "/api/v1/residents?q=陈")).doesNotContain("陈本社", "陈邻社");
        assertThat(api.status("t_street2", "/api/v1/residents/" + mine.id() + "?purpose=CASE_HANDLING"))
                .isEqualTo(404);
    }

    @Test
    void idNumbersAreMaskedInListsAndRecordsAndRevealedOnlyByALoggedAction() {
        Person person = register("t_community", "林遮蔽", 3, OWN);
        String masked = person.idNumber().substring(0, 6) + "********"
                + person.idNumber().substring(14);
        for (String user : List.of("t_community", "t_street", "t_officer", "t_leader", "t_legal")) {
            String list = api.get(user, "/api/v1/residents?q=林遮蔽");
            assertThat(list).contains(masked).doesNotContain(person.idNumber());
            String record = api.get(user, "/api/v1/residents/" + person.id() + "?purpose=CASE_HANDLING");
            assertThat(record).contains(masked).doesNotContain(person.idNumber());
        }
        String page = pageAs("t_community", "/residents/" + person.id() + "?purpose=CASE_HANDLING");
        assertThat(page).contains(masked).doesNotContain(person.idNumber()).contains("显示完整号码");
        assertThat(pageAs("t_leader", "/residents/" + person.id() + "?purpose=SUPERVISION"))
                .doesNotContain("显示完整号码");

        MockHttpServletResponse revealed = api.postJson(
                "t_community",
                "/api/v1/residents/" + person.id() + "/reveal",
                "{\"field\":\"ID_NUMBER\",\"purpose\":\"VERIFICATION\",\"note\":\"核对申请材料\"}");
        assertThat(revealed.getStatus()).isEqualTo(200);
        assertThat((String) read(body(revealed), "$.value")).isEqualTo(person.idNumber());
        assertThat(api.postJson(
                                "t_leader",
                                "/api/v1/residents/" + person.id() + "/reveal",
                                "{\"field\":\"ID_NUMBER\",\"purpose\":\"SUPERVISION\"}")
                        .getStatus())
                .isEqualTo(403);

        String log = api.get("t_auditor", "/api/v1/residents/" + person.id() + "/access-log");
        assertThat((List<String>) read(log, "$[*].action")).contains("REVEAL_ID_NUMBER", "VIEW");
        assertThat((List<String>) read(log, "$[?(@.action=='REVEAL_ID_NUMBER')].purpose"))
                .containsExactly("VERIFICATION");
        assertThat((List<String>) read(log, "$[?(@.action=='REVEAL_ID_NUMBER')].actor"))
                .containsExactly("t_community");
        assertThat(log).doesNotContain(person.idNumber()).doesNotContain("林遮蔽");
        long audited = TestPostgresSql.queryForObject(
                jdbc,
                "select count(*) from audit_entry where action = 'RESIDENT_ID_REVEALED' and target_id = ?",
                Long.class,
                Long.toString(person.id()));
        assertThat(audited).isEqualTo(1);
    }

    @Test
    void everyOpeningIsLoggedWithWhoWhenAndWhyAndAuditorsSeeOnlyTheLog() {
        Person person = register("t_community", "黄查阅", 4, OWN);
        MockHttpServletResponse withoutPurpose =
                api.call("t_community", get("/api/v1/residents/" + person.id()).accept(MediaType.APPLICATION_JSON));
        assertThat(withoutPurpose.getStatus()).isEqualTo(422);
        assertThat(body(withoutPurpose)).contains("查阅事由");
        api.get("t_community", "/api/v1/residents/" + person.id() + "?purpose=HOME_VISIT");
        api.get("t_street", "/api/v1/residents/" + person.id() + "?purpose=OTHER&note=" + "抽查");

        String log = api.get("t_auditor", "/api/v1/residents/access-log?resident=" + person.id());
        List<Map<String, Object>> entries = read(log, "$[?(@.action=='VIEW')]");
        assertThat(entries).extracting(e -> e.get("actor")).contains("t_community", "t_street");
        assertThat(entries).extracting(e -> e.get("purpose")).contains("HOME_VISIT", "OTHER");
        assertThat(entries).extracting(e -> e.get("accessedAt")).allMatch(at -> at != null);
        assertThat(log).contains("抽查");

        for (String admin : List.of("t_auditor", "t_sysadmin", "t_secadmin")) {
            assertThat(api.status(admin, "/api/v1/residents/" + person.id() + "?purpose=SUPERVISION"))
                    .as(admin)
                    .isEqualTo(403);
            assertThat(api.status(admin, "/api/v1/residents?q=黄")).as(admin).isEqualTo(403);
        }
        assertThat(api.status("t_sysadmin", "/api/v1/residents/access-log")).isEqualTo(403);
        assertThat(api.status("t_community", "/api/v1/residents/access-log")).isEqualTo(403);
        // the screen names who looked (the staff member's name, not the login name; issue 12)
        assertThat(pageAs("t_auditor", "/resident-access-log?resident=" + person.id()))
                .contains("测试街道经办")
                .doesNotContain("黄查阅");
    }

    @Test
    void idNumberPhoneAndBankAccountAreEncryptedAtRestWithABlindIndexForLookup() throws Exception {
        Person person = register("t_community", "何加密", 5, OWN);
        MockHttpServletResponse contact = api.call(
                "t_community",
                put("/api/v1/residents/" + person.id() + "/contact")
                        .contentType(MediaType.APPLICATION_JSON)
                        .accept(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"phone\":\"138 0013 8000\",\"bankName\":\"长安银行\",\"bankAccount\":\"6214 8888 0000 1234 567\"}"));
        assertThat(contact.getStatus()).as(body(contact)).isEqualTo(204);

        String row = TestPostgresSql.queryForObject(
                jdbc, "select row_to_json(r)::text from resident r where id = ?", String.class, person.id());
        assertThat(row)
                .doesNotContain(person.idNumber())
                .doesNotContain(person.idNumber().substring(0, 14))
                .doesNotContain("13800138000")
                .doesNotContain("6214888800001234567")
                .contains("138****8000")
                .contains("****4567");
        byte[] sealed = TestPostgresSql.queryForObject(
                jdbc, "select id_cipher from resident where id = ?", byte[].class, person.id());
        assertThat(cipher.decrypt(sealed, "resident.id_number")).isEqualTo(person.idNumber());
        byte[] index = TestPostgresSql.queryForObject(
                jdbc, "select id_blind from resident where id = ?", byte[].class, person.id());
        assertThat(index).isEqualTo(blind.of("resident.id_number", person.idNumber()));

        // the blind indexes find the person by full number and by phone, without decrypting anything
        assertThat(api.get("t_community", "/api/v1/residents?q=" + person.idNumber()))
                .contains("何加密");
        assertThat(api.get("t_community", "/api/v1/residents?q=13800138000")).contains("何加密");
        // a value moved into another column does not decrypt there
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> cipher.decrypt(sealed, "resident.phone"))
                .isInstanceOf(IllegalStateException.class);

        assertThat(api.get("t_community", "/api/v1/residents/" + person.id() + "?purpose=CASE_HANDLING"))
                .contains("13800138000")
                .contains("****4567")
                .doesNotContain("6214888800001234567");
        assertThat(api.get("t_leader", "/api/v1/residents/" + person.id() + "?purpose=SUPERVISION"))
                .contains("138****8000")
                .doesNotContain("13800138000");
        MockHttpServletResponse account = api.postJson(
                "t_community",
                "/api/v1/residents/" + person.id() + "/reveal",
                "{\"field\":\"BANK_ACCOUNT\",\"purpose\":\"CASE_HANDLING\"}");
        assertThat((String) read(body(account), "$.value")).isEqualTo("6214888800001234567");
    }

    @Test
    void searchByPinyinInitialsFullIdAndLastFourWithName() {
        Person zhang = register("t_community", "张三", 6, OWN);
        register("t_community", "张三丰", 7, OWN);
        register("t_community", "周松", 8, OWN);
        register("t_community", "徐霞", 10, OWN);
        assertThat((List<String>) read(api.get("t_community", "/api/v1/residents?q=xx"), "$.items[*].name"))
                .contains("徐霞");
        assertThat((List<String>) read(api.get("t_community", "/api/v1/residents?q=zhangsan"), "$.items[*].name"))
                .contains("张三", "张三丰")
                .doesNotContain("周松");
        List<String> initials = read(api.get("t_community", "/api/v1/residents?q=zs"), "$.items[*].name");
        assertThat(initials).contains("张三", "张三丰", "周松");
        assertThat(initials.indexOf("张三")).isLessThan(initials.indexOf("张三丰"));
        assertThat(read(api.get("t_community", "/api/v1/residents?q=ZS"), "$.kind")
                        .toString())
                .isEqualTo("PINYIN");
        String byId =
                api.get("t_community", "/api/v1/residents?q=" + zhang.idNumber().toLowerCase());
        assertThat((List<String>) read(byId, "$.items[*].name")).containsExactly("张三");
        String lastFour = zhang.idNumber().substring(14);
        assertThat((List<String>) read(api.get("t_community", "/api/v1/residents?q=张三 " + lastFour), "$.items[*].name"))
                .containsExactly("张三");
        assertThat((List<String>)
                        read(api.get("t_community", "/api/v1/residents?q=" + lastFour + "张三"), "$.items[*].name"))
                .containsExactly("张三");
        MockHttpServletResponse bare =
                api.call("t_community", get("/api/v1/residents?q=" + lastFour).accept(MediaType.APPLICATION_JSON));
        assertThat(bare.getStatus()).isEqualTo(422);
        assertThat(body(bare)).contains("同时输入姓名");
        assertThat((List<String>) read(api.get("t_community", "/api/v1/residents?q=张"), "$.items[*].name"))
                .contains("张三", "张三丰")
                .doesNotContain("周松");
    }

    @Test
    void exportsNeutraliseCellsThatASpreadsheetWouldTakeForFormulas() {
        Person person = register("t_community", "公式测试", 9, OWN);
        MockHttpServletResponse formed = api.postJson(
                "t_community",
                "/api/v1/households",
                "{\"headResidentId\":" + person.id() + ",\"householdNo\":\"=1+1\"}");
        assertThat(formed.getStatus()).as(body(formed)).isEqualTo(201);
        String csv = api.get("t_community", "/api/v1/residents/export.csv?q=公式测试");
        assertThat(csv).contains(",'=1+1,").doesNotContain(",=1+1,");
        assertThat(Csv.spreadsheetSafe("+86")).isEqualTo("'+86");
        assertThat(Csv.spreadsheetSafe("-1")).isEqualTo("'-1");
        assertThat(Csv.spreadsheetSafe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.spreadsheetLine("a,\"b\"")).isEqualTo("\"a,\"\"b\"\"\"\r\n");
        long exports = TestPostgresSql.queryForObject(
                jdbc,
                "select count(*) from audit_entry where action = 'EXPORT' and target_type = 'resident'",
                Long.class);
        assertThat(exports).isGreaterThanOrEqualTo(1);
    }

    private String pageAs(String user, String path) {
        MockHttpServletResponse response = api.call(user, get(path).accept(MediaType.TEXT_HTML));
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return body(response);
    }
}
