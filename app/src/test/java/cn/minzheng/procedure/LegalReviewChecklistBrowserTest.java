package cn.minzheng.procedure;

import static cn.minzheng.procedure.Fixtures.act;
import static cn.minzheng.procedure.Fixtures.d;
import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.test.As;
import cn.minzheng.test.Browser;
import cn.minzheng.test.ReadableText;
import cn.minzheng.test.TestDistrict;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 12 §4 in a real browser: on the 法制审核 checklist each answer is a radio inside its own label, grouped under its
 * item — clicking the words 符合 or 不符合 ticks that item's answer and no other; a review returned with its reasons
 * reaches the drafter's worklist with those reasons.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LegalReviewChecklistBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TestDistrict district;

    @Autowired
    Cases cases;

    @Autowired
    Decisions decisions;

    @Autowired
    LegalReviews reviews;

    @Test
    void theChecklistsAnswersBelongToTheirItemsAndAReturnReachesTheDrafterWithItsReasons() {
        district.ensure();
        As officer = As.officer();
        Fixtures.qualify(reviews, As.legal());
        long caseId = Fixtures.informedPenalty(cases, officer, "审核浏览", "PERSON", d(4, 1));
        Decisions.DecisionView draft =
                officer.call(() -> decisions.draft(caseId, Fixtures.penaltyDraft(d(4, 20), "2000000")));
        Fixtures.attach(cases, As.leader(), caseId, "DISCUSSION_MINUTES");
        As.leader().run(() -> cases.perform(caseId, "COLLECTIVE_DISCUSSION", act(d(4, 20))));
        officer.run(() -> decisions.submitForReview(draft.id()));

        WebDriver browser = Browser.shared();
        browser.get(url("/login"));
        browser.manage().deleteAllCookies();
        logIn(browser, "t_legal");
        browser.get(url("/procedure/reviews/" + draft.id()));
        ReadableText.assertReadable("法制审核", ReadableText.visibleText(browser.getPageSource()));

        List<WebElement> items = browser.findElements(By.cssSelector("fieldset.checklist-item"));
        assertThat(items).hasSize(ReviewChecklist.values().length);
        for (WebElement item : items) {
            List<WebElement> answers = item.findElements(By.cssSelector("label.check"));
            assertThat(answers).hasSize(2);
            for (WebElement answer : answers) {
                // the radio is inside the label, on the same line as its words
                WebElement radio = answer.findElement(By.cssSelector("input[type=radio]"));
                WebElement words = answer.findElement(By.tagName("span"));
                assertThat(Math.abs(
                                radio.getLocation().getY() - words.getLocation().getY()))
                        .isLessThan(12);
            }
            // clicking the words ticks this item's answer
            answers.get(0).findElement(By.tagName("span")).click();
            assertThat(answers.get(0).findElement(By.tagName("input")).isSelected())
                    .isTrue();
        }
        // the last item answered 不符合: only that item changes
        WebElement last = items.get(items.size() - 1);
        last.findElements(By.cssSelector("label.check"))
                .get(1)
                .findElement(By.tagName("span"))
                .click();
        assertThat(last.findElements(By.cssSelector("input[type=radio]")).get(1).isSelected())
                .isTrue();
        assertThat(items.get(0)
                        .findElements(By.cssSelector("input[type=radio]"))
                        .get(0)
                        .isSelected())
                .isTrue();

        browser.findElement(By.name("opinion")).sendKeys("罚款数额的裁量理由未写明，请补充后重新起草");
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(By.id("review-return")).click();
        waitFor(browser, ExpectedConditions.stalenessOf(page));
        assertThat(browser.findElement(By.cssSelector(".flash.notice")).getText())
                .contains("已退回");

        browser.manage().deleteAllCookies();
        logIn(browser, "t_officer");
        String work = browser.findElement(By.cssSelector(".worklist")).getText();
        assertThat(work).contains("法制审核退回").contains("罚款数额的裁量理由未写明");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void logIn(WebDriver browser, String username) {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(TestDistrict.PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        waitFor(browser, ExpectedConditions.titleContains("工作台"));
        waitFor(browser, d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    private static <T> T waitFor(WebDriver browser, ExpectedCondition<T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(60)).until(condition);
    }
}
