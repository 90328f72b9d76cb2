package newsflow.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import newsflow.serving.ServingHarness.Instance;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}), during a demo-like run: embedded broker, pipeline, a headline
 * that is an XSS attempt. Saves a screenshot to {@code target/dashboard.png}.
 */
class DashboardBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)> Harbour reopens";

    @Test
    void dashboardShowsLiveFiguresAndRendersHostileHeadlinesAsText() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
            "skipped: needs Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (ServingHarness harness = new ServingHarness(2)) {
            Instance instance = harness.startInstance();
            harness.send(Stories.raw(0, "https://courier.example/hostile", HOSTILE, now.minus(1, ChronoUnit.HOURS), now));
            for (int i = 1; i < 4; i++) {
                harness.send(Stories.raw(i, "https://courier.example/news/" + i, "Story number " + i,
                    now.minus(i + 1, ChronoUnit.HOURS), now));
            }
            harness.send("{\"url\": \"https://courier.example/broken\", \"html\": \"<p>".getBytes(StandardCharsets.UTF_8));
            harness.flush();
            harness.await(instance, "/api/stats", r -> r.status() == 200 && r.body().path("in").asInt() == 5
                && r.body().path("pending").asInt() == 0, Duration.ofSeconds(60));

            WebDriver driver = chromium();
            try {
                driver.get(instance.url("/"));
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
                wait.until(d -> "4".equals(d.findElement(By.id("stat-articles")).getText()));
                assertEquals("5", driver.findElement(By.id("stat-in")).getText());
                assertEquals("1", driver.findElement(By.id("stat-deadletters")).getText());
                assertTrue(driver.findElement(By.id("status")).getText().startsWith("live"));

                // The hostile headline is shown as text, and nothing of it became markup.
                wait.until(d -> d.findElements(By.cssSelector("#latest .title")).stream()
                    .anyMatch(e -> e.getText().contains("<script>alert(1)</script>")));
                WebElement hostile = driver.findElements(By.cssSelector("#latest .title")).stream()
                    .filter(e -> e.getText().contains("<script>")).findFirst().orElseThrow();
                assertEquals(HOSTILE, hostile.getText());
                assertEquals(List.of(), driver.findElements(By.cssSelector("#latest script, #latest img, main img")));
                assertThrows(NoAlertPresentException.class, () -> driver.switchTo().alert());

                wait.until(d -> !d.findElements(By.cssSelector("#trending li .name")).isEmpty());
                assertTrue(driver.findElements(By.cssSelector("#latest li.article .chip")).size() > 0, "entity chips");

                // Live: pages sent now appear without reloading, a copy of story 1 as a duplicate.
                harness.send(Stories.raw(4, "https://courier.example/news/4", "Story number 4", now, now));
                // The copy was published an hour after the original (the earlier one is the original).
                harness.send(Stories.raw(1, "https://mirror.example/copy-of-1", "Story number 1",
                    now.minus(1, ChronoUnit.HOURS), now));
                harness.flush();
                wait.until(d -> "5".equals(d.findElement(By.id("stat-articles")).getText()));
                wait.until(d -> "1".equals(d.findElement(By.id("stat-duplicates")).getText()));
                wait.until(d -> d.findElements(By.cssSelector("#latest .title")).stream()
                    .anyMatch(e -> e.getText().equals("Story number 4")));
                wait.until(d -> d.findElements(By.cssSelector("#duplicates li.duplicate .title")).stream()
                    .anyMatch(e -> e.getText().equals("Story number 1")));
                wait.until(d -> d.findElements(By.cssSelector("#latest .dupbadge")).stream()
                    .anyMatch(e -> e.getText().equals("1 duplicate")));

                // The throughput chart has drawn a few intervals.
                wait.until(d -> Integer.parseInt(d.findElement(By.id("throughput")).getDomAttribute("data-points")) >= 3);

                Path shot = Path.of("target", "dashboard.png");
                Files.createDirectories(shot.getParent());
                File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
                Files.copy(png.toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
                assertTrue(Files.size(shot) > 10_000, "screenshot saved to " + shot.toAbsolutePath());
            } finally {
                driver.quit();
            }
        }
    }

    private static WebDriver chromium() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run", "--disable-sync", "--window-size=1280,1500",
            "--user-data-dir=" + Files.createTempDirectory("newsflow-chromium-"));
        ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
