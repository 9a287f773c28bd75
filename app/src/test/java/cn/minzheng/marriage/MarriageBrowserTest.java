package cn.minzheng.marriage;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.test.Browser;
import cn.minzheng.test.TestDistrict;
import cn.minzheng.test.TestPostgresSql;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 17 in a real browser: a couple books on the portal and gets a code; a wrong CAPTCHA keeps what they typed; the
 * registrar opens a popular date with its own places, finds the couple (masked) on the date's list and cancels.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MarriageBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TestDistrict district;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    WebDriver browser;

    @BeforeEach
    void setUp() {
        district.ensure();
        browser = Browser.start();
    }

    @AfterEach
    void tearDown() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private <T> T waitFor(ExpectedCondition<T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(30)).until(condition);
    }

    private String captchaAnswer() {
        String id = browser.findElement(By.name("captchaId")).getAttribute("value");
        return TestPostgresSql.queryForObject(
                jdbc, "select answer from captcha_challenge where id = ?", String.class, id);
    }

    @Test
    void aCoupleBooksOnThePortalAndTheRegistrarFindsAndCancelsIt() {
        LocalDate date = LocalDate.now(clock).plusDays(33);
        String man = Couples.idNumber(LocalDate.of(1993, 7, 8), true, 301);
        String woman = Couples.idNumber(LocalDate.of(1995, 9, 10), false, 302);

        // The registrar opens the date (it may be a weekend) with its own places.
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys("t_officer");
        browser.findElement(By.id("password")).sendKeys(TestDistrict.PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        waitFor(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        browser.get(url("/marriage/appointments"));
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript(
                        "document.querySelector('#capacity-form input[name=date]').value = arguments[0]",
                        date.toString());
        browser.findElement(By.cssSelector("#capacity-form input[name=capacity]"))
                .sendKeys("12");
        browser.findElement(By.cssSelector("#capacity-form input[name=note]")).sendKeys("加开窗口");
        browser.findElement(By.cssSelector("#capacity-form button")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.notice"), "12 个"));
        browser.findElement(By.cssSelector(".topbar form button")).click();
        waitFor(ExpectedConditions.urlContains("/login"));

        // The couple, first with a wrong CAPTCHA: the form comes back with what they typed.
        browser.get(url("/portal/marriage/appointments"));
        new Select(browser.findElement(By.name("date"))).selectByValue(date.toString());
        browser.findElement(By.name("nameA")).sendKeys("周测试");
        browser.findElement(By.name("idA")).sendKeys(man);
        browser.findElement(By.name("nameB")).sendKeys("吴测试");
        browser.findElement(By.name("idB")).sendKeys(woman);
        browser.findElement(By.id("captcha")).sendKeys("00000");
        browser.findElement(By.cssSelector("#booking-form button")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.problem"), "验证码"));
        assertThat(browser.findElement(By.name("idA")).getAttribute("value")).isEqualTo(man);
        assertThat(new Select(browser.findElement(By.name("date")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo(date.toString());
        browser.findElement(By.id("captcha")).sendKeys(captchaAnswer());
        browser.findElement(By.cssSelector("#booking-form button")).click();
        waitFor(ExpectedConditions.titleContains("预约成功"));
        String code = browser.findElement(By.cssSelector("#booked strong")).getText();
        assertThat(code).matches("HY[A-Z2-9]{8}");
        assertThat(browser.findElement(By.id("booked")).getText())
                .contains(date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日");

        // The registrar sees the booking, masked, and cancels it.
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys("t_officer");
        browser.findElement(By.id("password")).sendKeys(TestDistrict.PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        waitFor(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        browser.get(url("/marriage/appointments/" + date));
        String list = browser.findElement(By.id("appointments")).getText();
        assertThat(list).contains(code).contains("周测试").contains("网上预约").doesNotContain(man);
        browser.findElement(By.cssSelector("#appointments button[value=CANCELLED]"))
                .click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.notice"), "已取消"));
        assertThat(browser.findElement(By.id("appointments")).getText()).contains("已取消");
    }
}
