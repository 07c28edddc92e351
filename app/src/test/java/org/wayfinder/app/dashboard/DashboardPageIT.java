package org.wayfinder.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wayfinder.app.security.DevelopmentTokens;
import org.wayfinder.app.support.ApiClient;
import org.wayfinder.kernel.access.Role;

/**
 * The dashboard page in a real browser: headless Chromium (Debian's chromium and chromium-driver) loads the page
 * on the known scenario, applies a borough filter, and every figure the page shows equals the API's.
 * Without the browser the test is skipped locally and fails under CI=true.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@SuppressWarnings({"rawtypes", "unchecked"})
class DashboardPageIT {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    DevelopmentTokens tokens;
    @Autowired
    JdbcTemplate jdbc;

    private WebDriver browser;
    private Path profile;
    private ApiClient commissioner;

    @BeforeEach
    void browser() throws Exception {
        boolean present = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI needs " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (apt-get install chromium chromium-driver); .ci/run installs them.");
        }
        Assumptions.assumeTrue(present, "Chromium and chromedriver are not installed");
        commissioner = ApiClient.as(http, tokens, "commissioner-page", Role.COMMISSIONER, "QMJ");
        DashboardScenario.recordOnce(jdbc, ApiClient.as(http, tokens, "admin-1", Role.ADMIN, "ADMIN"),
                ApiClient.as(http, tokens, "lw-scenario", Role.LINK_WORKER, "F83004"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(((Map) ((List) api("/api/dashboards/volumes?from=2010-06&to=2010-06").get("freshness"))
                        .get(0)).get("eventsBehind")).isEqualTo(0));
        profile = Files.createTempDirectory("wayfinder-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,2000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void close() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void the_page_shows_the_apis_figures_before_and_after_a_filter() throws Exception {
        browser.get("http://localhost:" + port + "/dashboard/index.html?view=volumes&from=2010-06&to=2010-06");
        waitForLoad("/api/dashboards/volumes?");
        assertPageEquals("/api/dashboards/volumes?period=month&from=2010-06&to=2010-06&geography=at-the-time"
                + "&suppression=nhs-england");
        assertThat(cell("total", "received")).isEqualTo("25");

        new Select(browser.findElement(By.id("borough"))).selectByValue(DashboardScenario.CAMDEN);
        browser.findElement(By.id("apply")).click();
        waitForLoad("borough=" + DashboardScenario.CAMDEN);
        assertPageEquals("/api/dashboards/volumes?period=month&from=2010-06&to=2010-06&borough="
                + DashboardScenario.CAMDEN + "&geography=at-the-time&suppression=nhs-england");
        assertThat(cell("total", "declined")).isEqualTo("*");
        assertThat(browser.findElement(By.id("suppression-note")).getAttribute("data-policy")).isEqualTo("nhs-england");

        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "dashboard-page.png");
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(target)).isPositive();
    }

    private void waitForLoad(String pathPart) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> {
            String loaded = driver.findElement(By.tagName("body")).getAttribute("data-loaded");
            return loaded != null && loaded.contains(pathPart);
        });
    }

    private void assertPageEquals(String path) {
        Map body = api(path);
        List<String> differences = new ArrayList<>();
        List<Map> rows = new ArrayList<>((List<Map>) body.get("rows"));
        rows.add((Map) body.get("total"));
        for (Map row : rows) {
            Map<String, Object> values = (Map<String, Object>) row.get("values");
            values.forEach((measure, value) -> {
                String shown = cell((String) row.get("key"), measure);
                if (!same(value, shown)) {
                    differences.add(row.get("key") + "/" + measure + ": API " + value + ", page " + shown);
                }
            });
        }
        assertThat(differences).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#figures-body tr"))).hasSize(rows.size());
    }

    private String cell(String row, String measure) {
        WebElement cell = browser.findElement(By.cssSelector("tr[data-row='" + row + "'] td[data-measure='" + measure + "']"));
        return cell.getAttribute("data-value");
    }

    private static boolean same(Object api, String shown) {
        if (api == null) {
            return shown == null || shown.isEmpty();
        }
        if (api instanceof Number number) {
            try {
                return Double.parseDouble(shown) == number.doubleValue();
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return api.toString().equals(shown);
    }

    private Map api(String path) {
        ResponseEntity<Map> response = commissioner.get(path);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }
}
