package newsflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code newsflow process} on the five seeds, fed in publication order (004, 002, 001, 000,
 * 003): one outcome per seed, no dead letters, none of the site chrome listed in
 * {@code seeds/expected.json} left in any article, and exactly the dedupe relations it lists:
 * 003 a duplicate of 000, 002 a rewrite of 004, nothing else.
 */
class ProcessCommandSeedsTest {

    static final Path SEEDS = Path.of("../shared/seeds");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static String idOf(String seedFile) {
        return newsflow.ingest.ArticleIds.idOf("file:" + seedFile);
    }

    @Test
    void processingTheSeedsGivesOneOutcomePerSeedWithTheChromeGone() throws IOException {
        assumeTrue(Files.isDirectory(SEEDS), "../shared/seeds is absent: skipping the seed test");
        Path out = tmp.resolve("r.jsonl");
        String[] order = {"004_2c1d851575371835.txt", "002_cf84c1753290a236.txt", "001_e52cb8b342138836.txt",
            "000_7fb5e6b23d265242.txt", "003_4f549e9bf7ce5619.txt"};
        List<String> args = new ArrayList<>(List.of("process", "--out", out.toString()));
        for (String f : order) {
            args.add(SEEDS.resolve(f).toString());
        }
        assertEquals(0, Main.run(args.toArray(String[]::new)));

        // The final state: the last record per key (a revision supersedes a first verdict).
        Map<String, JsonNode> liveArticles = new LinkedHashMap<>();
        Map<String, JsonNode> duplicateByKey = new LinkedHashMap<>();
        int firstOutcomes = 0;
        int deadLetters = 0;
        for (String line : Files.readAllLines(out)) {
            JsonNode record = JSON.readTree(line);
            firstOutcomes += "new".equals(record.path("outcome").asText()) ? 1 : 0;
            String key = record.get("key").asText();
            JsonNode value = record.get("value");
            switch (record.get("topic").asText()) {
                case "news.articles" -> {
                    if (value.isNull()) {
                        liveArticles.remove(key);
                    } else {
                        liveArticles.put(key, value);
                    }
                }
                case "news.duplicates" -> duplicateByKey.put(key, value);
                case "news.deadletter" -> deadLetters++;
                default -> { }
            }
        }
        List<JsonNode> articles = new ArrayList<>(liveArticles.values());
        duplicateByKey.keySet().removeAll(liveArticles.keySet());
        List<JsonNode> duplicateRecords = new ArrayList<>(duplicateByKey.values());
        int duplicates = duplicateRecords.size();
        assertEquals(5, firstOutcomes, "one first outcome per seed");
        assertEquals(0, deadLetters);
        assertEquals(5, articles.size() + duplicates, "every seed is an article or a duplicate");
        assertEquals(4, articles.size());

        assertEquals(1, duplicateRecords.size());
        assertEquals(idOf("003_4f549e9bf7ce5619.txt"), duplicateRecords.get(0).get("id").asText());
        assertEquals(idOf("000_7fb5e6b23d265242.txt"), duplicateRecords.get(0).get("duplicateOf").asText());
        for (JsonNode article : articles) {
            String id = article.get("id").asText();
            JsonNode related = article.get("related");
            if (id.equals(idOf("002_cf84c1753290a236.txt"))) {
                assertEquals(1, related.size(), "002 is related to 004 only");
                assertEquals(idOf("004_2c1d851575371835.txt"), related.get(0).get("id").asText());
                assertEquals("REWRITE", related.get(0).get("relation").asText());
                assertEquals(idOf("004_2c1d851575371835.txt"), article.get("storyId").asText());
            } else {
                assertEquals(0, related.size(), id + " has no relations");
                assertEquals(id, article.get("storyId").asText());
            }
        }

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
