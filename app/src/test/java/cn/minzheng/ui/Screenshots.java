package cn.minzheng.ui;

import cn.minzheng.test.Browser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The main screens at 1440×900 in the demo district, saved under docs/screens/ so that reviewers see what a change
 * does to them. Not part of {@code ./mvnw verify}: run {@code bin/screenshots} (it sets {@code -Dminzheng.screenshots}).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"minzheng.demo.size=small", "minzheng.demo-password=Yanta-Pass-2023x"})
@EnabledIfSystemProperty(named = "minzheng.screenshots", matches = "true")
class Screenshots {

    private static final Path OUT = Path.of(System.getProperty("minzheng.screenshots.dir", "../docs/screens"));

    @LocalServerPort
    int port;

    private WebDriver browser;

    @Test
    void mainScreens() throws Exception {
        browser = Browser.start();
        browser.manage().window().setSize(new Dimension(1440, 900));
        try {
            Files.createDirectories(OUT);
            shoot("/portal", "01-门户首页");
            shoot("/login", "02-登录");
            logIn("jiedao_610113001");
            shoot("/", "03-街道经办-工作台与待办");
            shoot("/assistance/applications", "04-救助申请列表");
            shoot("/assistance/applications/new?kind=DIBAO", "05-受理登记");
            String investigating = firstLink("/assistance/applications", "调查核实中");
            if (investigating != null) {
                shoot(investigating, "06-一案一页-调查核实中");
            }
            shoot("/residents", "07-居民与家庭");
            shoot("/procedure/supervision", "08-督办看板");
            logOut();
            logIn("qu_jingban");
            shoot("/", "09-业务科室-工作台");
            shoot("/assistance/payment-rolls", "10-发放名册");
            String roll = firstLink("/assistance/payment-rolls", null);
            if (roll != null) {
                shoot(roll, "11-名册审核-与上月对比");
            }
            shoot("/assistance/statistics", "12-救助统计");
            shoot("/verification/requests", "13-核对请求");
            logOut();
            logIn("fazhi");
            shoot("/procedure/reviews", "14-法制审核");
        } finally {
            browser.quit();
        }
    }

    private void shoot(String path, String name) throws Exception {
        browser.get("http://localhost:" + port + path);
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> "complete"
                        .equals(((org.openqa.selenium.JavascriptExecutor) d)
                                .executeScript("return document.readyState")));
        Thread.sleep(600); // charts draw after the page has loaded
        Path file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(file, OUT.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private String firstLink(String list, String rowText) {
        browser.get("http://localhost:" + port + list);
        for (var row : browser.findElements(By.cssSelector("main table.data tbody tr"))) {
            if (rowText == null || row.getText().contains(rowText)) {
                var links = row.findElements(By.cssSelector("a[href]"));
                if (!links.isEmpty()) {
                    return links.get(0).getAttribute("href").replaceFirst("^https?://[^/]+", "");
                }
            }
        }
        return null;
    }

    private void logIn(String username) {
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(ReadableScreensTest.DEMO_PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.titleContains("工作台"));
    }

    private void logOut() {
        browser.manage().deleteAllCookies();
    }
}
