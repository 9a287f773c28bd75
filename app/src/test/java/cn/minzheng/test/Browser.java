package cn.minzheng.test;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium driven through its ChromeDriver. Without them the browser tests are skipped with a message
 * — unless MINZHENG_BROWSER_REQUIRED=true (CI), where a missing browser is a failure.
 */
public final class Browser {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File DRIVER = new File("/usr/bin/chromedriver");

    private static WebDriver shared;

    private Browser() {}

    /**
     * One browser for all the browser tests of the JVM that ask for it (starting Chromium costs seconds on a busy
     * machine); closed when the JVM ends. Tests sign out (delete cookies) before each journey.
     */
    public static synchronized WebDriver shared() {
        if (shared == null) {
            shared = start();
            WebDriver driver = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(driver::quit));
        }
        return shared;
    }

    public static WebDriver start() {
        boolean present = CHROMIUM.canExecute() && DRIVER.canExecute();
        if (!present) {
            if ("true".equalsIgnoreCase(System.getenv("MINZHENG_BROWSER_REQUIRED"))) {
                throw new IllegalStateException(
                        "浏览器测试需要 /usr/bin/chromium 和 /usr/bin/chromedriver（apt-get install chromium chromium-driver）");
            }
            Assumptions.abort("未安装 Chromium（apt-get install chromium chromium-driver），跳过浏览器测试");
        }
        try {
            Path profile = Files.createTempDirectory("minzheng-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--lang=zh-CN",
                    "--window-size=1280,900",
                    "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(DRIVER)
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
            return driver;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
