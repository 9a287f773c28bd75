package cn.minzheng.assistance;

import static cn.minzheng.assistance.Fixtures.act;
import static cn.minzheng.assistance.Fixtures.d;
import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.assistance.Fixtures.Member;
import cn.minzheng.platform.District;
import cn.minzheng.platform.SystemActor;
import cn.minzheng.procedure.Cases;
import cn.minzheng.resident.BulkRegistration;
import cn.minzheng.resident.Relationship;
import cn.minzheng.shared.Gender;
import cn.minzheng.test.As;
import cn.minzheng.test.Browser;
import cn.minzheng.test.TestDistrict;
import cn.minzheng.test.TestPostgresSql;
import cn.minzheng.verification.Authorisations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
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
 * Issue 5's "done when" in a real browser, as a new user would go through the social-assistance screens: a street
 * worker takes a 低保 application with missing papers and the applicant is told everything missing at once (with the
 * printable notice); the department officer presses "生成" for a month's roll again and again and there is one roll,
 * which they cannot approve themselves and the district leader can; and 提请核对 on the case page names the member
 * whose authorisation letter is missing. One application context and one browser for the whole class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AssistanceJourneysBrowserTest {

    private static final Pattern CASE_PAGE = Pattern.compile(".*/assistance/applications/(\\d+)$");
    private static final List<String> MISSING = List.of("家庭经济状况承诺书", "家庭经济状况核对授权书", "户口簿、居民身份证复印件");

    private static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    TestDistrict district;

    @Autowired
    District platformDistrict;

    @Autowired
    BulkRegistration registration;

    @Autowired
    Applications applications;

    @Autowired
    Investigations investigations;

    @Autowired
    VerificationResults verifications;

    @Autowired
    Assessments assessments;

    @Autowired
    Cases cases;

    @Autowired
    Authorisations authorisations;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    java.time.Clock clock;

    @Autowired
    TransactionTemplate transactions;

    @BeforeEach
    void setUp() {
        district.ensure();
        if (browser == null) {
            browser = Browser.start();
            browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        }
        // every journey starts signed out
        browser.get(url("/login"));
        browser.manage().deleteAllCookies();
    }

    @AfterAll
    static void quit() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    @Test
    void aStreetWorkerTakesAnApplicationWithMissingPapersAndTheApplicantIsToldEverythingMissingAtOnce()
            throws Exception {
        long[] h = Fixtures.household(
                registration,
                jdbc,
                Fixtures.COMMUNITY,
                Member.of("浏览甲", Gender.MALE, "1975-04-01", Relationship.HEAD),
                Member.of("浏览乙", Gender.FEMALE, "1977-06-01", Relationship.SPOUSE));

        logIn("t_street");
        clickAndWait(By.cssSelector("nav.sidebar a[href$='/assistance/applications']"));
        assertThat(browser.getCurrentUrl()).endsWith("/assistance/applications");
        clickAndWait(By.linkText("受理登记新申请"));
        assertThat(browser.getCurrentUrl()).contains("/assistance/applications/new");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("最低生活保障");

        // the applicant is found as the clerk types the name, and chosen by clicking (no number to type)
        pick("浏览甲");
        assertThat(browser.findElement(By.name("householdId")).getAttribute("value"))
                .isEqualTo(Long.toString(h[0]));
        assertThat(browser.findElement(By.cssSelector(".picker-chosen")).getText())
                .contains("浏览甲");

        // the applicant brought only the written application
        setValue(browser.findElement(By.name("receivedOn")), "2026-07-01");
        browser.findElement(By.name("lateReason")).sendKeys("纸质申请补录");
        Path scan = Files.createTempFile("application-", ".pdf");
        Files.write(scan, Fixtures.pdf("书面申请书"));
        browser.findElement(By.name("file_APPLICATION")).sendKeys(scan.toString());
        clickAndWait(By.id("intake-submit"));
        Matcher caseMatch = CASE_PAGE.matcher(browser.getCurrentUrl());
        assertThat(caseMatch.matches()).isTrue();
        long applicationId = Long.parseLong(caseMatch.group(1));

        // told once, everything missing — and nothing that was brought
        String notice = browser.findElement(By.cssSelector(".flash.notice")).getText();
        assertThat(notice).contains("一次性告知").doesNotContain("书面申请书");
        MISSING.forEach(m -> assertThat(notice).contains(m));
        String told = browser.findElement(By.id("correction-notice")).getText();
        MISSING.forEach(m -> assertThat(told).contains(m));
        assertThat(told).doesNotContain("书面申请书");
        assertThat(browser.findElement(By.cssSelector(".case-status")).getText())
                .contains("中止：补正材料");
        // the form to take the missing papers later asks for exactly those
        for (String code : List.of("PROMISE", "AUTHORISATION", "ID_DOCUMENTS")) {
            assertThat(browser.findElements(By.name("file_" + code))).hasSize(1);
        }
        assertThat(browser.findElements(By.name("file_APPLICATION"))).isEmpty();

        // the printable notice answers, as a PDF listing every missing material
        String pdfHref = browser.findElement(By.id("correction-notice-pdf")).getAttribute("href");
        assertThat(pdfHref).endsWith("/assistance/applications/" + applicationId + "/correction-notice.pdf");
        Map<?, ?> response = fetch(pdfHref);
        assertThat(response.get("status")).isEqualTo(200L);
        assertThat((String) response.get("type")).startsWith("application/pdf");
        String pdfText = Fixtures.text(Base64.getDecoder().decode((String) response.get("body")));
        assertThat(pdfText).contains("一次性告知");
        MISSING.forEach(m -> assertThat(pdfText).contains(m));
        assertThat(pdfText).doesNotContain("书面申请书");

        assertThat(TestPostgresSql.queryForObject(
                        jdbc,
                        "select count(*) from assistance_application where id = ? and household_id = ?",
                        Long.class,
                        applicationId,
                        h[0]))
                .isEqualTo(1L);
    }

    @Test
    void generatingARollTwiceMakesOneRollWhichAnotherOfficerApproves() throws Exception {
        beneficiaries();

        logIn("t_officer");
        clickAndWait(By.cssSelector("nav.sidebar a[href$='/assistance/payment-rolls']"));
        assertThat(browser.getCurrentUrl()).endsWith("/assistance/payment-rolls");
        new Select(browser.findElement(By.cssSelector("#roll-generate-form select[name=programme]")))
                .selectByValue("DIBAO");
        String period = browser.findElement(By.name("period")).getAttribute("value");
        YearMonth month = YearMonth.parse(period);
        assertThat(month)
                .as("the month offered is never next month by default")
                .isBeforeOrEqualTo(YearMonth.now(clock));

        // the confirmation names the month and the programme, how many and how much
        clickAndWait(By.id("roll-generate"));
        String monthText = month.getYear() + "年" + month.getMonthValue() + "月";
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .contains(monthText)
                .contains("最低生活保障金");
        assertThat(browser.findElement(By.id("roll-preview")).getText())
                .contains("2 户")
                .contains("1,500.03 元");

        // a double submission of the confirmation (two requests at once), then the button pressed once more
        List<?> landed = (List<?>) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const form = document.getElementById('roll-confirm-form');
                const send = () => fetch(form.action, {method: 'POST', body: new URLSearchParams(new FormData(form))})
                    .then(r => r.status + ' ' + r.url);
                Promise.all([send(), send()]).then(done, e => done(['failed ' + e]));
                """);
        assertThat(landed).hasSize(2);
        Matcher first =
                Pattern.compile("200 .*/assistance/payment-rolls/(\\d+)$").matcher((String) landed.get(0));
        assertThat(first.matches()).as("%s", landed).isTrue();
        long rollId = Long.parseLong(first.group(1));
        assertThat(landed.get(1)).isEqualTo(landed.get(0));

        clickAndWait(By.id("roll-confirm"));
        assertThat(browser.getCurrentUrl()).endsWith("/assistance/payment-rolls/" + rollId);
        assertThat(browser.findElement(By.cssSelector(".flash.notice")).getText())
                .contains("此前已生成");

        // a fresh confirmation for the same programme and month: told the roll exists, nothing to press
        browser.get(url("/assistance/payment-rolls/new?programme=DIBAO&period=" + period));
        assertThat(browser.findElement(By.cssSelector(".flash.problem")).getText())
                .contains("已经生成");
        assertThat(browser.findElements(By.id("roll-confirm"))).isEmpty();

        // one roll, on the page and in the database, paying both beneficiaries once
        browser.get(url("/assistance/payment-rolls"));
        List<WebElement> rows = browser.findElements(
                By.xpath("//table[@id='rolls']//tr[td[@data-test='roll-programme'][normalize-space()='最低生活保障金']"
                        + " and td[@data-test='roll-period'][normalize-space()='" + monthText + "']]"));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getText()).contains("待审核");
        assertThat(TestPostgresSql.queryForObject(
                        jdbc,
                        "select count(*) from payment_roll where programme_code = 'DIBAO' and period = ?",
                        Long.class,
                        month.atDay(1)))
                .isEqualTo(1L);
        assertThat(TestPostgresSql.queryForObject(
                        jdbc,
                        "select item_count || '/' || total_fen from payment_roll where id = ?",
                        String.class,
                        rollId))
                .isEqualTo("2/150003");
        assertThat(TestPostgresSql.queryForObject(
                        jdbc,
                        "select count(*) from payment_item where period = ? and programme_code = 'DIBAO'",
                        Long.class,
                        month.atDay(1)))
                .isEqualTo(2L);

        // the officer who generated it is not offered the approval (PaymentRollsTest: the service refuses it too)
        browser.get(url("/assistance/payment-rolls/" + rollId));
        assertThat(browser.findElement(By.id("roll-generated-by")).getText())
                .as("a name, never a login name")
                .startsWith(directoryName("t_officer"))
                .doesNotStartWith("t_officer");
        assertThat(browser.findElements(By.id("roll-approve"))).isEmpty();
        assertThat(browser.findElement(By.id("roll-approve-own")).getText()).contains("须由另一位工作人员审核");
        assertThat(browser.findElement(By.id("roll-state")).getText()).isEqualTo("待审核");
        assertThat(rollState(rollId)).isEqualTo("GENERATED/-");

        // another officer — the district leader — approves it
        clickAndWait(By.cssSelector(".topbar form button"));
        assertThat(browser.getCurrentUrl()).contains("/login?logout");
        logIn("t_leader");
        browser.get(url("/assistance/payment-rolls/" + rollId));
        clickAndWait(By.id("roll-approve"));
        assertThat(browser.findElement(By.cssSelector(".flash.notice")).getText())
                .contains("名册已审核");
        assertThat(browser.findElement(By.id("roll-state")).getText()).isEqualTo("已审核");
        assertThat(browser.findElement(By.id("roll-approved-by")).getText()).startsWith(directoryName("t_leader"));
        assertThat(browser.findElements(By.id("roll-approve"))).isEmpty();
        assertThat(rollState(rollId)).isEqualTo("APPROVED/t_leader");
    }

    @Test
    void askingForVerificationWithoutEveryLetterNamesTheMemberOnTheCasePage() {
        long[] h = Fixtures.household(
                registration,
                jdbc,
                Fixtures.COMMUNITY,
                Member.of("浏览丙", Gender.MALE, "1960-02-03", Relationship.HEAD),
                Member.of("浏览丁", Gender.FEMALE, "1962-05-06", Relationship.SPOUSE));
        Flow flow = new Flow(applications, investigations, verifications, assessments, cases, authorisations);
        Application a = flow.intake(As.street(), CaseKind.DIBAO, h[0], null, d(7, 1), false);
        As.street().run(() -> cases.perform(a.caseId(), "START_INVESTIGATION", act(d(7, 2))));
        Fixtures.authorise(authorisations, d(7, 1), "DIBAO", h[1]);
        long requests = count("select count(*) from verification_request");

        logIn("t_street");
        browser.get(url("/assistance/applications/" + a.id()));
        assertThat(browser.findElement(By.id("authorisation-missing")).getText())
                .contains("浏览丁")
                .doesNotContain("浏览丙");
        clickAndWait(By.id("verification-request-submit"));
        assertThat(browser.findElement(By.cssSelector(".flash.problem")).getText())
                .contains("浏览丁")
                .contains("授权书")
                .doesNotContain("浏览丙");
        assertThat(browser.getCurrentUrl()).endsWith("/assistance/applications/" + a.id());
        // nothing done: no request, no step, the button still there for when the letter is signed
        assertThat(browser.findElement(By.id("verification-request-submit")).getText())
                .isEqualTo("提请核对");
        assertThat(count("select count(*) from verification_request")).isEqualTo(requests);
        assertThat(TestPostgresSql.queryForObject(
                        jdbc,
                        "select count(*) from assistance_application where id = ? and verification_request_id is null"
                                + " and not ('REQUEST_VERIFICATION' = any(steps_done))",
                        Long.class,
                        a.id()))
                .isEqualTo(1L);
    }

    /** Two 低保 households in force since January, in the test street: the month's roll pays 500.01 + 1,000.02. */
    private void beneficiaries() {
        SystemActor.run(
                platformDistrict.scope(),
                () -> transactions.executeWithoutResult(status -> {
                    for (int i = 1; i <= 2; i++) {
                        jdbc.update(
                                """
                                insert into assistance_status (category_code, programme_code, subject_type, subject_id,
                                                               community_code, members, monthly_amount_fen,
                                                               effective_from, decision_ref)
                                values ('DIBAO', 'DIBAO', 'HOUSEHOLD', ?, ?, 2, ?, ?, ?)
                                """,
                                990_000 + i,
                                TestDistrict.COMMUNITY,
                                i * 50_001L,
                                LocalDate.of(2026, 1, 1),
                                "浏览器测试决定" + i);
                    }
                }),
                "DEPARTMENT_OFFICER");
    }

    /** Types into the picker and clicks the first choice it offers. */
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

    private String rollState(long rollId) {
        return TestPostgresSql.queryForObject(
                jdbc,
                "select state || '/' || coalesce(approved_by, '-') from payment_roll where id = ?",
                String.class,
                rollId);
    }

    private long count(String sql) {
        return TestPostgresSql.queryForObject(jdbc, sql, Long.class);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void logIn(String username) {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(TestDistrict.PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        waitFor(ExpectedConditions.not(ExpectedConditions.urlToBe(url("/login"))));
        waitFor(ExpectedConditions.titleContains("工作台"));
    }

    /** Clicks something that loads a page and waits until the old page is gone (a redirect back to the same address too). */
    private void clickAndWait(By what) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(what).click();
        waitFor(ExpectedConditions.stalenessOf(page));
        waitFor(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /** Date and month inputs take their value in the browser's locale format when typed; set the ISO value. */
    private void setValue(WebElement input, String value) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", input, value);
        assertThat(input.getAttribute("value")).isEqualTo(value);
    }

    /** GETs a link with the signed-in session, as clicking it would; answers status, content type and base64 body. */
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

    /** Navigation after a click is asynchronous: wait for it (generously — CI machines are busy) before looking. */
    private static <T> T waitFor(ExpectedCondition<T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(30)).until(condition);
    }

    /** The name the staff directory gives an account: what every screen shows instead of the login name. */
    private String directoryName(String username) {
        return TestPostgresSql.queryForObject(
                jdbc, "select display_name from staff_account where username = ?", String.class, username);
    }
}
