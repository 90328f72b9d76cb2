package newsflow.entities;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The scaled forward-backward gives the log-domain probabilities, on the shipped CRF's scores,
 * and falls back to the log domain where scaled rows would vanish.
 */
class LinearChainCrfTest {

    private static LinearChainCrf crf;

    @BeforeAll
    static void shippedCrf() throws IOException {
        try (InputStream in = LinearChainCrfTest.class.getClassLoader()
                .getResourceAsStream(NeuralRecognizer.RESOURCES + "ner-crf.json")) {
            JsonNode json = new ObjectMapper().readTree(in);
            float[][] transitions = new float[json.path("tags").size()][];
            for (int i = 0; i < transitions.length; i++) {
                transitions[i] = floats(json.path("transitions").get(i));
            }
            crf = new LinearChainCrf(floats(json.path("start")), floats(json.path("end")), transitions);
        }
    }

    private static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) array.get(i).asDouble();
        }
        return out;
    }

    /** Tag scores of the spread the sentence model gives (about -15 to 15), seeded. */
    private static float[][] emissions(Random random, int tokens, double scale) {
        float[][] e = new float[tokens][crf.tags()];
        for (float[] row : e) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) (random.nextGaussian() * scale);
            }
        }
        return e;
    }

    private static void assertClose(double[][] want, double[][] got, double tolerance) {
        assertEquals(want.length, got.length);
        for (int t = 0; t < want.length; t++) {
            assertArrayEquals(want[t], got[t], tolerance, "token " + t);
        }
    }

    @Test
    void scaledProbabilitiesEqualTheLogDomainOnes() {
        Random random = new Random(7);
        for (int sentence = 0; sentence < 200; sentence++) {
            float[][] e = emissions(random, 1 + random.nextInt(120), 6);
            assertClose(crf.logMarginals(e), crf.marginals(e), 1e-9);
        }
    }

    @Test
    void eachTokensProbabilitiesSumToOne() {
        double[][] p = crf.marginals(emissions(new Random(11), 40, 6));
        for (double[] row : p) {
            double sum = 0;
            for (double x : row) {
                sum += x;
            }
            assertEquals(1, sum, 1e-12);
        }
    }

    @Test
    void aForbiddenTransitionAndScoresFarApartFallBackToTheLogDomain() {
        // Tags O, B, I; O -> I scores -10,000, whose exp is zero in double precision, as is
        // exp(-2,000). The first token is surely O and the second's only non-zero scaled score is
        // I, so its scaled forward row is all zero; the log domain still has an answer.
        LinearChainCrf bio = new LinearChainCrf(new float[3], new float[3],
            new float[][] {{0, 0, -10_000}, {0, 0, 0}, {0, 0, 0}});
        float[][] e = {{0, -2_000, -2_000}, {-2_000, -2_000, 0}};
        double[][] got = bio.marginals(e);
        for (double[] row : got) {
            for (double x : row) {
                assertFalse(Double.isNaN(x));
            }
        }
        assertClose(bio.logMarginals(e), got, 1e-12);
    }

    @Test
    void scoresFarApartStillGiveTheLogDomainProbabilities() {
        float[][] e = emissions(new Random(3), 30, 2_000);
        assertClose(crf.logMarginals(e), crf.marginals(e), 1e-9);
    }

    @Test
    void aSentenceOfOneTokenHasItsOwnProbabilities() {
        float[][] e = emissions(new Random(5), 1, 6);
        assertClose(crf.logMarginals(e), crf.marginals(e), 1e-12);
    }

    @Test
    void scoresOfTheWrongShapeAreRefused() {
        assertThrows(IllegalArgumentException.class,
            () -> new LinearChainCrf(new float[3], new float[2], new float[3][3]));
        assertThrows(IllegalArgumentException.class,
            () -> new LinearChainCrf(new float[3], new float[3], new float[][] {new float[3], new float[2], new float[3]}));
    }
}
