package cn.minzheng.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.test.Browser;
import cn.minzheng.test.TestDistrict;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 2 §12 in a real browser: log in, home page, region tree, log out; a wrong password gets the Chinese message. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoginJourneyBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TestDistrict district;

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

    private void logIn(String username, String password) {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
        waitFor(ExpectedConditions.not(ExpectedConditions.urlToBe(url("/login"))));
    }

    /** Navigation after a click is asynchronous: wait for it (generously — CI machines are busy) before looking. */
    private <T> T waitFor(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(30)).until(condition);
    }

    @Test
    void aStreetOfficerLogsInSeesTheHomePageOpensTheRegionTreeAndLogsOut() {
        logIn("t_street", TestDistrict.PASSWORD);

        waitFor(ExpectedConditions.titleContains("工作台"));
        assertThat(browser.findElement(By.cssSelector(".topbar .scope")).getText())
                .contains("小寨路街道");
        assertThat(browser.findElement(By.cssSelector(".topbar .who")).getText())
                .contains("街道经办");
        assertThat(browser.findElements(By.cssSelector(".figure"))).isNotEmpty();

        browser.findElement(By.linkText("区划树")).click();
        waitFor(ExpectedConditions.titleContains("区划树"));
        assertThat(browser.findElement(By.id("tree-summary")).getText()).contains("10 个街道");
        browser.findElement(By.xpath("//summary[contains(., '小寨路街道')]")).click();
        assertThat(browser.findElement(By.linkText("测试一社区")).isDisplayed()).isTrue();

        browser.findElement(By.cssSelector(".topbar form button")).click();
        waitFor(ExpectedConditions.urlContains("/login?logout"));
        assertThat(browser.getPageSource()).contains("您已安全退出");
        browser.get(url("/"));
        waitFor(ExpectedConditions.urlMatches(".*/login$"));
    }

    @Test
    void aWrongPasswordShowsTheChineseMessage() {
        logIn("t_street", "Not-The-Password-1");
        waitFor(ExpectedConditions.urlContains("/login?error"));
        assertThat(browser.findElement(By.id("login-problem")).getText())
                .contains("用户名或密码错误")
                .contains("锁定");
    }
}
