package newsflow.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import newsflow.core.CleanArticle;
import newsflow.ingest.RawPage;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every seed page in ../shared/seeds meets what seeds/expected.json says a careful reader expects. */
class ArticleCleanerSeedsTest {

    private static final Path SEEDS = Path.of("..", "shared", "seeds");
    private final ArticleCleaner cleaner = new ArticleCleaner(CleaningPolicy.newsDefaults());

    @TestFactory
    Stream<DynamicTest> seedsMeetExpectations() throws IOException {
        assumeTrue(Files.isRegularFile(SEEDS.resolve("expected.json")),
                "../shared/seeds/expected.json absent: seed expectations skipped");
        JsonNode articles = new ObjectMapper().readTree(SEEDS.resolve("expected.json").toFile()).get("articles");
        List<DynamicTest> tests = new ArrayList<>();
        articles.fields().forEachRemaining(e -> tests.add(
                DynamicTest.dynamicTest(e.getKey(), () -> check(e.getKey(), e.getValue()))));
        return tests.stream();
    }

    private void check(String file, JsonNode expected) throws IOException {
        String text = Files.readString(SEEDS.resolve(file));
        CleanArticle article = cleaner.clean(RawPage.ofText("https://seed.example/" + file, text));

        if (expected.get("title").isNull()) {
            assertNull(article.title(), "no title stated, none invented");
        } else {
            assertEquals(expected.get("title").asText(), article.title());
        }
        if (expected.hasNonNull("byline")) {
            assertEquals(expected.get("byline").asText(), article.byline());
        }
        if (expected.get("publishedAt").isNull()) {
            assertNull(article.publishedAt());
        } else {
            assertTrue(article.publishedAt() != null
                    && article.publishedAt().startsWith(expected.get("publishedAt").asText()),
                    "publishedAt " + article.publishedAt());
        }
        assertTrue(article.text().startsWith(expected.get("bodyStartsWith").asText()),
                "body starts: " + head(article.text()));
        if (expected.hasNonNull("bodyEndsWith")) {
            assertTrue(article.text().endsWith(expected.get("bodyEndsWith").asText()),
                    "body ends: " + tail(article.text()));
        }
        for (JsonNode junk : expected.path("boilerplate")) {
            assertFalse(article.text().contains(junk.asText()), "boilerplate survived: " + junk.asText());
        }
        if (article.title() != null) {
            assertFalse(article.text().contains(article.title()), "title repeated in body");
        }
        assertEquals("en", article.language());
    }

    private static String head(String s) {
        return s.substring(0, Math.min(120, s.length()));
    }

    private static String tail(String s) {
        return s.substring(Math.max(0, s.length() - 120));
    }
}
