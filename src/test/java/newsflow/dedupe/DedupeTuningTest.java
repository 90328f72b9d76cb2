package newsflow.dedupe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DedupeTuningTest {

    @Test
    void defaultsGiveAFullSignatureOf128Values() {
        assertEquals(128, DedupeTuning.defaults().signatureSize());
        assertEquals(Duration.ofDays(7), DedupeTuning.defaults().horizon());
    }

    @Test
    void badValueIsRejectedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DedupeTuning.defaults().withHorizon(Duration.ZERO));
        assertTrue(e.getMessage().contains("horizon"), e.getMessage());
    }

    @Test
    void thresholdAboveOneIsRejected() {
        DedupeTuning d = DedupeTuning.defaults();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DedupeTuning(d.shingleSize(), d.bands(), d.rows(), d.wordBands(), d.wordRows(),
                        d.sentenceKeys(), d.anchorKeys(), d.minSentenceTokens(), d.minTokens(), d.maxTokens(),
                        1.5, d.nearContainment(), d.partialContainment(), d.partialCoverage(), d.rewriteScore(),
                        d.minAlignedSentences(), d.sentenceDice(),
                        d.horizon(), d.bucketCap()));
        assertTrue(e.getMessage().startsWith("nearJaccard") && e.getMessage().endsWith(": 1.5"), e.getMessage());
    }
}
