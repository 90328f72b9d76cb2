package newsflow.entities;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Both forward-backward computations give the probabilities of every path summed; the scaled one
 * gives the log-domain probabilities on the shipped CRF's scores, and gives way to the log domain
 * where a scaled row's sum underflows.
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

    /** Every path's score, exponentiated and summed per token and tag: the marginals by definition (short sentences). */
    private static double[][] bruteForce(float[] start, float[] end, float[][] transitions, float[][] e) {
        int n = e.length;
        int k = start.length;
        int paths = (int) Math.pow(k, n);
        double[] score = new double[paths];
        double max = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < paths; p++) {
            score[p] = pathScore(start, end, transitions, path(p, n, k), e);
            max = Math.max(max, score[p]);
        }
        double[][] marginals = new double[n][k];
        double z = 0;
        for (int p = 0; p < paths; p++) {
            double w = Math.exp(score[p] - max);
            z += w;
            int[] y = path(p, n, k);
            for (int t = 0; t < n; t++) {
                marginals[t][y[t]] += w;
            }
        }
        for (double[] row : marginals) {
            for (int j = 0; j < k; j++) {
                row[j] /= z;
            }
        }
        return marginals;
    }

    private static double pathScore(float[] start, float[] end, float[][] transitions, int[] y, float[][] e) {
        int n = y.length;
        double s = (double) start[y[0]] + e[0][y[0]] + end[y[n - 1]];
        for (int t = 1; t < n; t++) {
            s += (double) transitions[y[t - 1]][y[t]] + e[t][y[t]];
        }
        return s;
    }

    /** Start scores, end scores, then nine rows of transition scores, for nine tags, seeded: no symmetry to hide an index swapped. */
    private static float[][] randomScores(Random random) {
        float[][] scores = new float[11][9];
        for (int r = 0; r < scores.length; r++) {
            for (int j = 0; j < 9; j++) {
                scores[r][j] = (float) ((r < 2 ? 1 : 2) * random.nextGaussian());
            }
        }
        return scores;
    }

    private static float[][] transitionsOf(float[][] scores) {
        return Arrays.copyOfRange(scores, 2, 11);
    }

    /** The path numbered {@code p}: its tags are p's digits in base k. */
    private static int[] path(int p, int n, int k) {
        int[] y = new int[n];
        for (int t = n - 1; t >= 0; t--) {
            y[t] = p % k;
            p /= k;
        }
        return y;
    }

    @Test
    void bothWaysGiveTheProbabilitiesOfEveryPathSummed() {
        Random random = new Random(13);
        float[][] scores = randomScores(random);
        float[] start = scores[0];
        float[] end = scores[1];
        float[][] transitions = transitionsOf(scores);
        LinearChainCrf asymmetric = new LinearChainCrf(start, end, transitions);
        for (int tokens = 1; tokens <= 4; tokens++) {
            float[][] e = emissions(random, tokens, 4);
            double[][] want = bruteForce(start, end, transitions, e);
            double[][] scaled = asymmetric.scaledMarginals(e);
            assertNotNull(scaled, tokens + " tokens");
            assertClose(want, scaled, 1e-9);
            assertClose(want, asymmetric.logMarginals(e), 1e-9);
        }
    }

    @Test
    void viterbiFindsTheBestScoringPath() {
        Random random = new Random(17);
        float[][] scores = randomScores(random);
        float[][] transitions = transitionsOf(scores);
        LinearChainCrf asymmetric = new LinearChainCrf(scores[0], scores[1], transitions);
        for (int tokens = 1; tokens <= 4; tokens++) {
            float[][] e = emissions(random, tokens, 4);
            int best = 0;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int p = 0; p < (int) Math.pow(9, tokens); p++) {
                double s = pathScore(scores[0], scores[1], transitions, path(p, tokens, 9), e);
                if (s > bestScore) {
                    bestScore = s;
                    best = p;
                }
            }
            assertArrayEquals(path(best, tokens, 9), asymmetric.viterbi(e), tokens + " tokens");
        }
    }

    @Test
    void scaledProbabilitiesEqualTheLogDomainOnes() {
        Random random = new Random(7);
        for (int sentence = 0; sentence < 200; sentence++) {
            float[][] e = emissions(random, 1 + random.nextInt(120), 6);
            double[][] scaled = crf.scaledMarginals(e);
            assertNotNull(scaled, "sentence " + sentence);
            assertClose(crf.logMarginals(e), scaled, 1e-9);
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

    /** Tags O, B, I; O -> I scores -10,000, whose exp is zero in double precision. */
    private static final LinearChainCrf BIO = new LinearChainCrf(new float[3], new float[3],
        new float[][] {{0, 0, -10_000}, {0, 0, 0}, {0, 0, 0}});

    @Test
    void aScaledRowThatVanishesFallsBackToTheLogDomain() {
        // exp(-2,000) is zero too: the first token is surely O and the second's only non-zero
        // scaled score is I, so its scaled forward row is all zero.
        float[][] e = {{0, -2_000, -2_000}, {-2_000, -2_000, 0}};
        assertNull(BIO.scaledMarginals(e));
        double[][] got = BIO.marginals(e);
        for (double[] row : got) {
            for (double x : row) {
                assertFalse(Double.isNaN(x));
            }
        }
        assertClose(BIO.logMarginals(e), got, 1e-12);
    }

    @Test
    void aScaledRowWhoseSumLostItsDigitsFallsBackToTheLogDomain() {
        // exp(-744) is a subnormal double: the second token's forward row sums to a few of them,
        // which would normalise to [0.6, 0.2, 0.2] on the first token instead of the true values.
        float[][] e = {{0, -744, -744}, {-744, -744, 0}};
        assertNull(BIO.scaledMarginals(e));
        assertArrayEquals(new double[] {0.5, 0.25, 0.25}, BIO.marginals(e)[0], 1e-9);
    }

    @Test
    void scoresFarApartStillGiveTheLogDomainProbabilities() {
        float[][] e = emissions(new Random(3), 30, 2_000);
        assertClose(crf.logMarginals(e), crf.marginals(e), 1e-9);
    }

    @Test
    void aSentenceOfOneTokenHasItsOwnProbabilities() {
        float[][] e = emissions(new Random(5), 1, 6);
        assertClose(crf.logMarginals(e), crf.scaledMarginals(e), 1e-12);
    }

    @Test
    void scoresOfTheWrongShapeAreRefused() {
        assertThrows(IllegalArgumentException.class,
            () -> new LinearChainCrf(new float[3], new float[2], new float[3][3]));
        assertThrows(IllegalArgumentException.class,
            () -> new LinearChainCrf(new float[3], new float[3], new float[][] {new float[3], new float[2], new float[3]}));
    }
}
