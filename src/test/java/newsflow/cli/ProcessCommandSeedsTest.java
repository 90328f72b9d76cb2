package newsflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code newsflow process --out r.jsonl ../shared/seeds}: one outcome per seed, no dead letters,
 * and none of the site chrome listed in {@code seeds/expected.json} left in any article.
 */
class ProcessCommandSeedsTest {

    static final Path SEEDS = Path.of("../shared/seeds");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void processingTheSeedsGivesOneOutcomePerSeedWithTheChromeGone() throws IOException {
        assumeTrue(Files.isDirectory(SEEDS), "../shared/seeds is absent: skipping the seed test");
        Path out = tmp.resolve("r.jsonl");
        assertEquals(0, Main.run("process", "--out", out.toString(), SEEDS.toString()));

        List<JsonNode> articles = new ArrayList<>();
        int duplicates = 0;
        int deadLetters = 0;
        for (String line : Files.readAllLines(out)) {
            JsonNode record = JSON.readTree(line);
            switch (record.get("topic").asText()) {
                case "news.articles" -> articles.add(record.get("value"));
                case "news.duplicates" -> duplicates++;
                case "news.deadletter" -> deadLetters++;
                default -> { }
            }
        }
        assertEquals(0, deadLetters);
        assertEquals(5, articles.size() + duplicates, "every seed is an article or a duplicate");
        assertTrue(articles.size() >= 4, "at most one seed (003) is a duplicate");

        JsonNode expected = JSON.readTree(SEEDS.resolve("expected.json").toFile()).get("articles");
        for (JsonNode article : articles) {
            String file = article.get("url").asText().substring("file:".length());
            String text = article.get("text").asText();
            for (JsonNode chrome : expected.path(file).path("boilerplate")) {
                assertFalse(text.contains(chrome.asText()), file + " still contains '" + chrome.asText() + "'");
            }
        }
    }
}
