package cn.minzheng.assistance;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.assistance.Fixtures.Member;
import cn.minzheng.platform.District;
import cn.minzheng.platform.SystemActor;
import cn.minzheng.resident.BulkRegistration;
import cn.minzheng.resident.Relationship;
import cn.minzheng.shared.Gender;
import cn.minzheng.test.As;
import cn.minzheng.test.Browser;
import cn.minzheng.test.ReadableText;
import cn.minzheng.test.TestDistrict;
import cn.minzheng.test.TestPostgresSql;
import cn.minzheng.verification.Authorisations;
import cn.minzheng.verification.VerificationCentre;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 12 in a real browser: the whole 低保 journey on the application's one page — register with a missing paper,
 * the one-time notice, acceptance when the papers come, the investigation (investigators entered once), 提请核对,
 * 公示, submission — by the street clerk, then the district clerk's confirmation and the decision PDF; and a payment
 * roll reviewed against last month and returned with an opinion. Every page on the way reads as Chinese prose.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OnePageJourneyBrowserTest {

    private static final Pattern CASE_PAGE = Pattern.compile(".*/assistance/applications/(\\d+)(#.*)?$");

    @LocalServerPort
    int port;

    @Autowired
    TestDistrict district;

    @Autowired
    District platformDistrict;

    @Autowired
    BulkRegistration registration;

    @Autowired
    Authorisations authorisations;

    @Autowired
    VerificationCentre centre;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Clock clock;

    WebDriver browser;

    @BeforeEach
    void setUp() {
        district.ensure();
        browser = Browser.shared();
        browser.get(url("/login"));
        browser.manage().deleteAllCookies();
    }

    @Test
    void aDibaoApplicationGoesFromRegistrationToTheDecisionOnOnePage() throws Exception {
        LocalDate today = LocalDate.now(clock);
        long[] h = Fixtures.household(
                registration,
                jdbc,
                Fixtures.COMMUNITY,
                Member.of("旅程甲", Gender.MALE, "1978-04-01", Relationship.HEAD),
                Member.of("旅程乙", Gender.FEMALE, "1979-06-01", Relationship.SPOUSE));
        Fixtures.authorise(authorisations, today, "DIBAO", h[1], h[2]);
        // the departments have delivered some data: the verification system can check
        As.officer()
                .call(() -> centre.deliver(
                        "vehicle",
                        "vehicle.csv",
                        ("record_id,id_number,name,gender,birth_date,plate,vehicle_type,registered_on,deregistered_on\n"
                                        + "jr-1,610113198001010015,赵大明,M,1980-01-01,陕A80001,小型汽车,2015-01-01,\n")
                                .getBytes(StandardCharsets.UTF_8)));

        // the street clerk registers the application with the written application only
        logIn("t_street");
        clickAndWait(By.cssSelector("nav.sidebar a[href$='/assistance/applications']"));
        clickAndWait(By.linkText("受理登记新申请"));
        pick("旅程甲");
        browser.findElement(By.name("file_APPLICATION")).sendKeys(scan("书面申请书"));
        clickAndWait(By.id("intake-submit"));
        Matcher page = CASE_PAGE.matcher(browser.getCurrentUrl());
        assertThat(page.matches()).as(browser.getCurrentUrl()).isTrue();
        long applicationId = Long.parseLong(page.group(1));
        String applicationPage = "/assistance/applications/" + applicationId;
        assertThat(text(By.id("correction-notice"))).contains("家庭经济状况承诺书");
        assertReadable();

        // the missing papers come: collected on the same page, the application is accepted
        browser.findElement(By.name("file_PROMISE")).sendKeys(scan("承诺书"));
        browser.findElement(By.name("file_AUTHORISATION")).sendKeys(scan("授权书"));
        browser.findElement(By.name("file_ID_DOCUMENTS")).sendKeys(scan("户口簿"));
        clickAndWait(By.id("materials-submit"));
        assertThat(text(By.cssSelector(".flash.notice"))).contains("予以受理");
        assertThat(text(By.cssSelector(".case-status"))).contains("已受理");

        // only the act allowed now is offered: start the investigation
        assertThat(browser.findElements(By.id("form-homeVisit"))).isEmpty();
        clickAndWait(By.cssSelector("#form-step-START_INVESTIGATION button[type=submit]"));
        assertThat(browser.getCurrentUrl()).contains(applicationPage);

        // the investigation: the clerk is already the first investigator; one more, an income, the signed form
        WebElement second = browser.findElement(By.name("investigators[1]"));
        assertThat(browser.findElement(By.name("investigators[0]")).getAttribute("value"))
                .isEqualTo(directoryName("t_street"));
        second.sendKeys("社区网格员李华");
        new Select(browser.findElement(By.name("incomes[0].member"))).selectByVisibleText("旅程甲");
        new Select(browser.findElement(By.name("incomes[0].kind"))).selectByValue("WAGE");
        browser.findElement(By.name("incomes[0].yuan")).sendKeys("600");
        browser.findElement(By.name("scan")).sendKeys(scan("入户调查表"));
        clickAndWait(By.id("home-visit-submit"));
        assertThat(text(By.cssSelector(".flash.notice"))).contains("社区网格员李华");
        assertThat(text(By.id("timeline-title")).isEmpty()).isFalse();
        assertThat(text(By.cssSelector("table.timeline"))).contains("入户调查");

        // 提请核对: the verification system checks the household and its result comes back to the case
        clickAndWait(By.id("verification-request-submit"));
        assertThat(text(By.cssSelector(".flash.notice"))).contains("提请核对");
        waitFor(d -> {
            d.navigate().refresh();
            return d.findElement(By.id("verification-title"))
                    .findElement(By.xpath(".."))
                    .getText()
                    .contains("核对系统");
        });

        // the draft is computed by the rules; then the 初审意见 is published
        clickAndWait(By.id("draft-submit"));
        assertThat(text(By.cssSelector(".flash.notice"))).contains("起草第 1 稿");
        clickAndWait(By.cssSelector("#form-step-PUBLISH button[type=submit]"));
        assertThat(text(By.id("notices-title")).isEmpty()).isFalse();
        assertReadable();

        // seven days pass without objection
        long caseId = TestPostgresSql.queryForObject(
                jdbc, "select case_id from assistance_application where id = ?", Long.class, applicationId);
        TestPostgresSql.execute(
                jdbc,
                "update public_notice set period_start = period_start - 10, period_end = period_end - 10"
                        + " where case_id = " + caseId);
        browser.navigate().refresh();
        clickAndWait(By.cssSelector("#form-step-SUBMIT button[type=submit]"));
        assertThat(text(By.cssSelector(".case-status"))).contains("区民政局审核确认中");

        // the district clerk finds it in the worklist and confirms it on the same page
        browser.manage().deleteAllCookies();
        logIn("t_officer");
        assertThat(text(By.cssSelector(".worklist"))).contains("旅程甲");
        browser.get(url(applicationPage));
        assertReadable();
        clickAndWait(By.cssSelector("#form-step-CONFIRM button[type=submit]"));
        assertThat(text(By.cssSelector(".case-status"))).contains("已作出决定");
        WebElement pdfLink = browser.findElement(By.partialLinkText("决定书（PDF）"));
        Map<?, ?> pdf = fetch(pdfLink.getAttribute("href"));
        assertThat(pdf.get("status")).isEqualTo(200L);
        assertThat((String) pdf.get("type")).startsWith("application/pdf");
        String pdfText = Fixtures.text(Base64.getDecoder().decode((String) pdf.get("body")));
        assertThat(pdfText).contains("旅程甲");
    }

    @Test
    void aRollIsReviewedAgainstLastMonthAndReturnedWithAnOpinion() {
        YearMonth previous = YearMonth.of(2026, 4);
        YearMonth month = YearMonth.of(2026, 5);
        SystemActor.run(
                platformDistrict.scope(),
                () -> transactions.executeWithoutResult(status -> {
                    status(880_001, 50_000, previous.atDay(1), null);
                    status(880_002, 60_000, previous.atDay(1), month.atDay(1));
                    status(880_003, 70_000, month.atDay(1), null);
                }),
                "DEPARTMENT_OFFICER");
        long april = As.officer().call(() -> rollsGenerate(previous, "br-apr"));
        new As("t_leader", "610113", "DISTRICT_LEADER").run(() -> rolls.approve(april));
        long may = As.officer().call(() -> rollsGenerate(month, "br-may"));

        logIn("t_leader");
        browser.get(url("/assistance/payment-rolls/" + may));
        assertThat(text(By.tagName("h1"))).contains("2026年5月").contains("最低生活保障金");
        assertThat(text(By.id("roll-compare"))).contains("新增 1").contains("停发 1");
        String changes = text(By.id("roll-changes"));
        assertThat(changes).contains("新增").contains("停发");
        assertReadable();
        browser.findElement(By.name("opinion")).sendKeys("停发对象的停保决定尚未送达，请核实后重新生成");
        clickAndWait(By.id("roll-return"));
        assertThat(text(By.id("roll-state"))).isEqualTo("已退回");
        assertThat(text(By.id("roll-cancelled")))
                .contains("停保决定尚未送达")
                .as("the reviewer by name from the staff directory")
                .contains("测试区局领导")
                .doesNotContain("t_leader");
        assertThat(browser.findElements(By.id("roll-approve"))).isEmpty();
    }

    @Autowired
    PaymentRolls rolls;

    private long rollsGenerate(YearMonth month, String key) {
        return rolls.generate("DIBAO", month, key).roll().id();
    }

    private void status(long household, long fen, LocalDate from, LocalDate to) {
        jdbc.update("""
                insert into assistance_status (category_code, programme_code, subject_type, subject_id, community_code,
                                               members, monthly_amount_fen, effective_from, effective_to, decision_ref)
                values ('DIBAO', 'DIBAO', 'HOUSEHOLD', ?, ?, 2, ?, ?, ?, ?)
                """, household, TestDistrict.COMMUNITY, fen, from, to, "浏览器名册" + household);
    }

    /** The page as a person reads it has no internal code, login name, fen or ISO timestamp. */
    private void assertReadable() {
        ReadableText.assertReadable(browser.getCurrentUrl(), ReadableText.visibleText(browser.getPageSource()));
    }

    private String scan(String name) throws Exception {
        // named as a clerk names a scan: the file name is shown on the page
        Path file = Files.createTempDirectory("scan").resolve(name + ".pdf");
        Files.write(file, Fixtures.pdf(name));
        return file.toString();
    }

    private void pick(String text) {
        WebElement search = browser.findElement(By.cssSelector("[data-picker] input[type=search]"));
        search.sendKeys(text);
        waitFor(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-picker] .picker-results button")));
        browser.findElement(By.cssSelector("[data-picker] .picker-results button"))
                .click();
        waitFor(d -> !d.findElement(By.cssSelector("[data-picker] input[type=hidden]"))
                .getAttribute("value")
                .isEmpty());
    }

    private String text(By what) {
        return browser.findElement(what).getText();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void logIn(String username) {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(TestDistrict.PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        waitFor(ExpectedConditions.titleContains("工作台"));
    }

    private void clickAndWait(By what) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(what).click();
        waitFor(ExpectedConditions.stalenessOf(page));
        waitFor(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    private Map<?, ?> fetch(String href) {
        return (Map<?, ?>) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.arrayBuffer().then(b => {
                    const bytes = new Uint8Array(b);
                    let binary = '';
                    for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
                    done({status: r.status, type: r.headers.get('content-type'), body: btoa(binary)});
                })).catch(e => done({status: -1, type: String(e), body: ''}));
                """, href);
    }

    private <T> T waitFor(ExpectedCondition<T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(60)).until(condition);
    }

    /** The name the staff directory gives an account: what every screen shows instead of the login name. */
    private String directoryName(String username) {
        return TestPostgresSql.queryForObject(
                jdbc, "select display_name from staff_account where username = ?", String.class, username);
    }
}
