package newsflow.entities;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The recogniser scores sentences in batches exactly as it would one at a time, and honours its deadline. */
class NeuralRecognizerTest {

    private static final Path GOLD = Path.of("../shared/bench/extraction/ground-truth.json");
    private static NeuralRecognizer recognizer;

    @BeforeAll
    static void load() {
        recognizer = NeuralRecognizer.load();
    }

    private static List<String> newsBodies(int limit) throws IOException {
        List<String> bodies = new ArrayList<>();
        JsonNode gold = new ObjectMapper().readTree(GOLD.toFile());
        for (Iterator<JsonNode> it = gold.elements(); it.hasNext() && bodies.size() < limit; ) {
            String body = it.next().path("articleBody").asText("");
            if (!body.isBlank()) {
                bodies.add(body);
            }
        }
        return bodies;
    }

    @Test
    void eachSentenceOfABatchScoresAsItWouldAlone() throws IOException {
        assumeTrue(Files.exists(GOLD), "../shared/bench/extraction is absent");
        int sentencesSeen = 0;
        for (String body : newsBodies(25)) {
            List<List<WordTokenizer.Token>> sentences = WordTokenizer.sentences(body);
            float[][][] batched = recognizer.emissions(body, sentences);
            for (int i = 0; i < sentences.size(); i++) {
                float[][] alone = recognizer.emissions(body, List.of(sentences.get(i)))[0];
                assertEquals(alone.length, batched[i].length);
                for (int t = 0; t < alone.length; t++) {
                    for (int j = 0; j < alone[t].length; j++) {
                        assertEquals(alone[t][j], batched[i][t][j], 1e-4f, "sentence " + i + " token " + t);
                    }
                }
                assertArrayEquals(recognizer.viterbi(alone), recognizer.viterbi(batched[i]));
                sentencesSeen++;
            }
        }
        assertTrue(sentencesSeen > 300, "sentences compared: " + sentencesSeen);
    }

    @Test
    void sentencesOfEveryLengthComeBackInTextOrder() {
        String text = "Angela Merkel met Emmanuel Macron in Paris. Talks ended. "
                + "The European Commission in Brussels said on Thursday that it would fine Google again. Yes.";
        List<List<WordTokenizer.Token>> sentences = WordTokenizer.sentences(text);
        float[][][] scores = recognizer.emissions(text, sentences);
        for (int i = 0; i < sentences.size(); i++) {
            assertEquals(sentences.get(i).size(), scores[i].length, "sentence " + i);
        }
        List<String> names = new ArrayList<>();
        for (Span s : recognizer.recognise(text)) {
            names.add(text.substring(s.start(), s.end()));
        }
        assertTrue(names.containsAll(List.of("Angela Merkel", "Emmanuel Macron", "Paris", "Brussels", "Google")), names.toString());
    }

    @Test
    void sentencesOfEqualLengthInOneBatchKeepTheirOwnScores() {
        // Nine sentences, several of the same length, more than one batch: each scores as alone.
        String text = "Angela Merkel met Emmanuel Macron in Paris. Boris Johnson flew to Washington on Monday. "
                + "Talks ended. Shares fell. Siemens hired Joe Kaeser in Munich. The Bank of England held rates. "
                + "Apple sued Samsung in California. Rain fell. Nestle bought a stake in L'Oreal last year.";
        List<List<WordTokenizer.Token>> sentences = WordTokenizer.sentences(text);
        assertTrue(sentences.size() > NeuralRecognizer.BATCH_SENTENCES, "sentences: " + sentences.size());
        float[][][] batched = recognizer.emissions(text, sentences);
        for (int i = 0; i < sentences.size(); i++) {
            float[][] alone = recognizer.emissions(text, List.of(sentences.get(i)))[0];
            assertEquals(alone.length, batched[i].length, "sentence " + i);
            for (int t = 0; t < alone.length; t++) {
                assertArrayEquals(alone[t], batched[i][t], 1e-4f, "sentence " + i + " token " + t);
            }
        }
    }

    @Test
    void aDeadlineAlreadyPassedStopsBeforeTheFirstSentence() {
        String text = "Angela Merkel met Emmanuel Macron in Paris.";
        Recognizer.Recognition r = recognizer.recogniseUntil(text, System.nanoTime() - 1);
        assertTrue(r.spans().isEmpty());
        assertEquals(0, r.endChar());
    }

    @Test
    void aDeadlinePassingMidTextKeepsTheNamesOfAPrefixEndingAtASentence() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            b.append("Angela Merkel met Emmanuel Macron in Paris on day ").append(i).append(". ");
        }
        String text = b.toString();
        List<Span> all = recognizer.recognise(text);
        long[] ticks = {0};
        // The clock reads 0, 1, 2, ...: past the deadline (3) at its fifth reading, so four batches are scored.
        Recognizer.Recognition r = recognizer.recogniseUntil(text, 3, () -> ticks[0]++);
        assertTrue(r.endChar() > 0 && r.endChar() < text.length(), "endChar " + r.endChar());
        List<Integer> starts = new ArrayList<>();
        for (List<WordTokenizer.Token> sentence : WordTokenizer.sentences(text)) {
            starts.add(sentence.get(0).start());
        }
        assertTrue(starts.contains(r.endChar()), "endChar " + r.endChar() + " is no sentence start");
        List<Span> prefix = new ArrayList<>();
        for (Span s : all) {
            if (s.end() <= r.endChar()) {
                prefix.add(s);
            }
        }
        assertFalse(prefix.isEmpty());
        assertEquals(prefix, r.spans());
    }
}
