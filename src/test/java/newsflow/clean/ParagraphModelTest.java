package newsflow.clean;

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
}
