package newsflow.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ParagraphModelTest {

    @Test
    void theShippedModelReadsTheFeaturesThisCodeComputes() {
        ParagraphModel model = ParagraphModel.shipped();
        float[] features = new float[ParagraphFeatures.NAMES.size()];
        double p = model.probability(features);
        assertTrue(p >= 0 && p <= 1, "probability " + p);
    }

    @Test
    void aModelTrainedOnOtherFeaturesIsRefusedWithAClearError() {
        String json = "{\"features\":[\"log_chars\"],\"init\":0,\"learning_rate\":0.1,\"threshold\":0.5,\"trees\":[]}";
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ParagraphModel.read(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "old-model.json"));
        assertTrue(e.getMessage().contains("old-model.json") && e.getMessage().contains("trained on features"),
                e.getMessage());
    }

    private static ParagraphModel read(String json) {
        return ParagraphModel.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test-model.json");
    }

    private static String features() {
        return new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(ParagraphFeatures.NAMES).toString();
    }

    @Test
    void aModelWithoutAThresholdIsRefused() {
        String json = "{\"type\":\"gradient-boosted-trees\",\"features\":" + features()
                + ",\"init\":0,\"learning_rate\":0.1,\"trees\":[{\"feature\":[-2],\"threshold\":[-2],"
                + "\"left\":[-1],\"right\":[-1],\"value\":[0.5]}]}";
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> read(json));
        assertTrue(e.getMessage().contains("threshold"), e.getMessage());
    }

    @Test
    void aTreeThatPointsOutsideItselfIsRefused() {
        String json = "{\"type\":\"gradient-boosted-trees\",\"features\":" + features()
                + ",\"init\":0,\"learning_rate\":0.1,\"threshold\":0.5,\"trees\":[{\"feature\":[99,-2,-2],"
                + "\"threshold\":[1,-2,-2],\"left\":[1,-1,-1],\"right\":[2,-1,-1],\"value\":[0,1,-1]}]}";
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> read(json));
        assertTrue(e.getMessage().contains("malformed tree"), e.getMessage());
    }

    @Test
    void aTreeDeeperThanTheLayoutHoldsIsRefusedWithAClearError() {
        int depth = ParagraphModel.MAX_DEPTH + 1; // a chain: node i splits, its left child is a leaf, its right goes on
        StringBuilder feature = new StringBuilder();
        StringBuilder threshold = new StringBuilder();
        StringBuilder left = new StringBuilder();
        StringBuilder right = new StringBuilder();
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < 2 * depth + 1; i++) {
            boolean split = i % 2 == 0 && i < 2 * depth;
            String sep = i == 0 ? "" : ",";
            feature.append(sep).append(split ? 0 : -2);
            threshold.append(sep).append(split ? 1 : -2);
            left.append(sep).append(split ? i + 1 : -1);
            right.append(sep).append(split ? i + 2 : -1);
            value.append(sep).append(i);
        }
        String json = "{\"type\":\"gradient-boosted-trees\",\"features\":" + features()
                + ",\"init\":0,\"learning_rate\":0.1,\"threshold\":0.5,\"trees\":[{\"feature\":[" + feature
                + "],\"threshold\":[" + threshold + "],\"left\":[" + left + "],\"right\":[" + right
                + "],\"value\":[" + value + "]}]}";
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> read(json));
        assertTrue(e.getMessage().contains("deeper than " + ParagraphModel.MAX_DEPTH), e.getMessage());
    }

    @Test
    void aTreeSplitsOnItsFeatureAndTheSumGoesThroughTheLogisticFunction() {
        String json = "{\"type\":\"gradient-boosted-trees\",\"features\":" + features()
                + ",\"init\":0.5,\"learning_rate\":0.1,\"threshold\":0.6,\"trees\":[{\"feature\":[0,-2,-2],"
                + "\"threshold\":[3.0,-2,-2],\"left\":[1,-1,-1],\"right\":[2,-1,-1],\"value\":[0,-4,4]}]}";
        ParagraphModel model = read(json);
        float[] shortText = new float[ParagraphFeatures.NAMES.size()];
        float[] longText = new float[ParagraphFeatures.NAMES.size()];
        shortText[0] = 3.0f;
        longText[0] = 3.5f;
        assertEquals(1 / (1 + Math.exp(-(0.5 - 0.4))), model.probability(shortText), 1e-12);
        assertEquals(1 / (1 + Math.exp(-(0.5 + 0.4))), model.probability(longText), 1e-12);
        assertFalse(model.keep(shortText));
        assertTrue(model.keep(longText));
    }

    @Test
    void aLeafAboveTheDeepestLevelGivesItsValueWhicheverWayTheValuesFall() {
        // Tree 1: feature 0 <= 1 goes to a leaf at once (-1); else feature 1 <= 2 picks 2 or 3.
        // Tree 2: a single leaf (0.5).
        String json = "{\"type\":\"gradient-boosted-trees\",\"features\":" + features()
                + ",\"init\":0,\"learning_rate\":1,\"threshold\":0.5,\"trees\":["
                + "{\"feature\":[0,-2,1,-2,-2],\"threshold\":[1,-2,2,-2,-2],\"left\":[1,-1,3,-1,-1],"
                + "\"right\":[2,-1,4,-1,-1],\"value\":[0,-1,0,2,3]},"
                + "{\"feature\":[-2],\"threshold\":[-2],\"left\":[-1],\"right\":[-1],\"value\":[0.5]}]}";
        ParagraphModel model = read(json);
        float[] f = new float[ParagraphFeatures.NAMES.size()];

        f[0] = 1;
        f[1] = 100;
        assertEquals(logistic(-1 + 0.5), model.probability(f), 1e-12);
        f[1] = Float.NaN;
        assertEquals(logistic(-1 + 0.5), model.probability(f), 1e-12);
        f[0] = 2;
        f[1] = 2;
        assertEquals(logistic(2 + 0.5), model.probability(f), 1e-12);
        f[1] = Float.NaN; // as scikit-learn: a NaN is not at most the threshold, so it goes right
        assertEquals(logistic(3 + 0.5), model.probability(f), 1e-12);
    }

    private static double logistic(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    @Test
    void theShippedModelGivesScikitLearnsProbabilitiesOnItsGoldenRows() throws java.io.IOException {
        com.fasterxml.jackson.databind.JsonNode golden;
        try (java.io.InputStream in = getClass().getResourceAsStream("/newsflow/clean/paragraph-model-golden.json")) {
            golden = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
        }
        ParagraphModel model = ParagraphModel.shipped();
        int rows = 0;
        for (com.fasterxml.jackson.databind.JsonNode row : golden.path("rows")) {
            float[] f = new float[ParagraphFeatures.NAMES.size()];
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) row.path("features").get(i).asDouble();
            }
            assertEquals(row.path("probability").asDouble(), model.probability(f), 1e-9, "row " + rows);
            rows++;
        }
        assertEquals(50, rows);
    }

    @Test
    void paragraphSamplesRefuseAPlainTextPageWithAClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ArticleCleaner(
                CleaningPolicy.newsDefaults()).paragraphSamples(newsflow.ingest.RawPage.ofText("https://x.example/a", "Some text.")));
        assertTrue(e.getMessage().contains("HTML page"), e.getMessage());
    }
}
