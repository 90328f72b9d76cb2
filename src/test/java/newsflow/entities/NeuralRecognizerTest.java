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

/**
 * The recogniser tags sentences in batches as it would one at a time (the int8 sentence model's
 * scores move a little with a batch's other sentences, the tags almost never), gives the scores
 * of the shipped graphs whether a word's features are computed or kept, stays close to the float
 * graph it was made from, and honours its deadline.
 */
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
    void eachSentenceOfABatchIsTaggedAsItWouldBeAlone() throws IOException {
        // The quantised model takes its activations' scale over the whole batch (quantize.py), so
        // scores move a little with the batch; tags must not, beyond a few tokens in a thousand.
        assumeTrue(Files.exists(GOLD), "../shared/bench/extraction is absent");
        int sentences = 0;
        int sentencesAsAlone = 0;
        int tokens = 0;
        int tokensAsAlone = 0;
        for (String body : newsBodies(25)) {
            List<List<WordTokenizer.Token>> split = WordTokenizer.sentences(body);
            float[][][] batched = recognizer.emissions(body, split);
            for (int i = 0; i < split.size(); i++) {
                float[][] alone = recognizer.emissions(body, List.of(split.get(i)))[0];
                assertEquals(alone.length, batched[i].length);
                int[] tagsAlone = recognizer.viterbi(alone);
                int[] tagsBatched = recognizer.viterbi(batched[i]);
                sentences++;
                sentencesAsAlone += java.util.Arrays.equals(tagsAlone, tagsBatched) ? 1 : 0;
                for (int t = 0; t < tagsAlone.length; t++) {
                    tokens++;
                    tokensAsAlone += tagsAlone[t] == tagsBatched[t] ? 1 : 0;
                }
            }
        }
        assertTrue(sentences > 300, "sentences compared: " + sentences);
        assertTrue(tokensAsAlone >= 0.998 * tokens, tokensAsAlone + " of " + tokens + " tokens tagged as alone");
        assertTrue(sentencesAsAlone >= 0.98 * sentences, sentencesAsAlone + " of " + sentences + " sentences tagged as alone");
    }

    @Test
    void theSameTextScoresTheSameInAFreshRecogniserAndOnSeveralThreads() throws Exception {
        // Batches never mix texts, and a word's features do not depend on the words computed with
        // it, so neither a warm cache nor another thread's work changes a text's scores.
        String text = "Angela Merkel met Emmanuel Macron in Paris. Boris Johnson flew to Washington on Monday. "
                + "Talks ended. Shares fell. Siemens hired Joe Kaeser in Munich. The Bank of England held rates.";
        List<List<WordTokenizer.Token>> sentences = WordTokenizer.sentences(text);
        float[][][] fresh = NeuralRecognizer.load().emissions(text, sentences);
        String other = "Apple sued Samsung in California. Rain fell. Bank of England officials met in Munich on Monday.";
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<float[][][]>> runs = new ArrayList<>();
            for (int k = 0; k < 16; k++) {
                String t = k % 2 == 0 ? text : other;
                runs.add(pool.submit(() -> recognizer.emissions(t, WordTokenizer.sentences(t))));
            }
            for (int k = 0; k < runs.size(); k += 2) {
                float[][][] again = runs.get(k).get();
                for (int i = 0; i < fresh.length; i++) {
                    for (int t = 0; t < fresh[i].length; t++) {
                        assertArrayEquals(fresh[i][t], again[i][t], 0f, "run " + k + ", sentence " + i + " token " + t);
                    }
                }
            }
        } finally {
            pool.shutdown();
        }
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
                // Quantisation noise is a few hundredths to a few tenths; another sentence's row differs by units.
                assertArrayEquals(alone[t], batched[i][t], 0.5f, "sentence " + i + " token " + t);
            }
            assertArrayEquals(recognizer.viterbi(alone), recognizer.viterbi(batched[i]), "sentence " + i);
        }
    }

    @Test
    void scoresAreThoseOfTheShippedGraphsInPython() throws IOException {
        // training/ner/golden_emissions.py: the shipped pair's scores with train.py's encoder, for
        // long words, characters outside the BMP, unseen characters, digits and capitals.
        NeuralRecognizer cold = NeuralRecognizer.load();
        for (NeuralRecognizer r : List.of(cold, cold, recognizer)) { // computed, then kept, then in a used cache
            for (JsonNode sentence : golden()) {
                float[][] want = rows(sentence.path("emissions"));
                float[][] got = javaScores(r, sentence);
                for (int t = 0; t < want.length; t++) {
                    // Run-time quantisation magnifies float rounding, which differs between CPUs and
                    // runtime versions (Python's ORT 1.30 wrote these; the JVM runs 1.29): 1e-2, not 1e-5.
                    assertArrayEquals(want[t], got[t], 2e-2f, sentence.path("tokens") + ", token " + t);
                }
                assertArrayEquals(r.viterbi(want), r.viterbi(got), sentence.path("tokens").toString());
            }
        }
    }

    @Test
    void scoresStayCloseToThoseOfTheFloatGraphTheyWereMadeFrom() throws IOException {
        // The graph before split.py and quantize.py: int8 weights move scores by about a tenth.
        for (JsonNode sentence : golden()) {
            float[][] want = rows(sentence.path("float_emissions"));
            float[][] got = javaScores(recognizer, sentence);
            for (int t = 0; t < want.length; t++) {
                assertArrayEquals(want[t], got[t], 0.25f, sentence.path("tokens") + ", token " + t);
            }
            assertArrayEquals(recognizer.viterbi(want), recognizer.viterbi(got), sentence.path("tokens").toString());
        }
    }

    private static List<JsonNode> golden() throws IOException {
        try (var in = NeuralRecognizerTest.class.getResourceAsStream("/newsflow/entities/ner-golden.json")) {
            List<JsonNode> sentences = new ArrayList<>();
            new ObjectMapper().readTree(in).path("sentences").forEach(sentences::add);
            assertEquals(6, sentences.size());
            return sentences;
        }
    }

    private static float[][] rows(JsonNode table) {
        float[][] out = new float[table.size()][];
        for (int t = 0; t < out.length; t++) {
            JsonNode row = table.get(t);
            out[t] = new float[row.size()];
            for (int j = 0; j < out[t].length; j++) {
                out[t][j] = (float) row.get(j).asDouble();
            }
        }
        return out;
    }

    private static float[][] javaScores(NeuralRecognizer r, JsonNode sentence) {
        List<String> tokens = new ArrayList<>();
        sentence.path("tokens").forEach(t -> tokens.add(t.asText()));
        String text = String.join(" ", tokens);
        List<List<WordTokenizer.Token>> sentences = WordTokenizer.sentences(text);
        assertEquals(1, sentences.size(), text);
        assertEquals(tokens, sentences.get(0).stream().map(t -> t.text(text)).toList(), "tokenised as in training");
        float[][] got = r.emissions(text, sentences)[0];
        assertEquals(tokens.size(), got.length, text);
        return got;
    }

    @Test
    void wordsKeptFromOtherTextsScoreAsIfComputedForThisOne() {
        String first = "Zbigniew Brzezinski told Xiomara Castro in Tegucigalpa that Qualcomm would invest.";
        String second = "Qualcomm said on Tuesday that Xiomara Castro and the mayor of Tegucigalpa would visit Brzezinski.";
        NeuralRecognizer warm = NeuralRecognizer.load();
        warm.emissions(first, WordTokenizer.sentences(first));
        float[][][] kept = warm.emissions(second, WordTokenizer.sentences(second));
        float[][][] computed = NeuralRecognizer.load().emissions(second, WordTokenizer.sentences(second));
        for (int i = 0; i < computed.length; i++) {
            for (int t = 0; t < computed[i].length; t++) {
                assertArrayEquals(computed[i][t], kept[i][t], 0f, "sentence " + i + " token " + t);
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
