package newsflow.entities;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How often the int8 sentence model tags a sentence otherwise in its batch than alone, over the
 * bodies of the news extraction benchmark (the figure in BENCHMARKS.md, evening of 2026-12-06).
 * Not a test: {@code java newsflow.entities.BatchedAgainstAlone} from the repository root, with
 * the class path in the CLASSPATH variable (see {@link NeuralRecognizer}'s command-line limit).
 */
public final class BatchedAgainstAlone {

    private BatchedAgainstAlone() {
    }

    public static void main(String[] args) throws IOException {
        NeuralRecognizer recognizer = NeuralRecognizer.load();
        JsonNode gold = new ObjectMapper().readTree(Path.of("../shared/bench/extraction/ground-truth.json").toFile());
        int sentences = 0;
        int sentencesDiffering = 0;
        int tokens = 0;
        int tokensDiffering = 0;
        double largest = 0;
        for (Iterator<JsonNode> it = gold.elements(); it.hasNext(); ) {
            String body = it.next().path("articleBody").asText("");
            if (body.isBlank()) {
                continue;
            }
            List<List<WordTokenizer.Token>> split = WordTokenizer.sentences(body);
            float[][][] batched = recognizer.emissions(body, split);
            for (int i = 0; i < split.size(); i++) {
                float[][] alone = recognizer.emissions(body, List.of(split.get(i)))[0];
                for (int t = 0; t < alone.length; t++) {
                    for (int j = 0; j < alone[t].length; j++) {
                        largest = Math.max(largest, Math.abs(alone[t][j] - batched[i][t][j]));
                    }
                }
                int[] tagsAlone = recognizer.viterbi(alone);
                int[] tagsBatched = recognizer.viterbi(batched[i]);
                sentences++;
                sentencesDiffering += Arrays.equals(tagsAlone, tagsBatched) ? 0 : 1;
                for (int t = 0; t < tagsAlone.length; t++) {
                    tokens++;
                    tokensDiffering += tagsAlone[t] == tagsBatched[t] ? 0 : 1;
                }
            }
        }
        System.out.printf("sentences %d, tagged otherwise in their batch %d; tokens %d, tagged otherwise %d; "
                + "largest score difference %.4f%n", sentences, sentencesDiffering, tokens, tokensDiffering, largest);
    }
}
