package newsflow.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark metric on literal cases. */
class ExtractionMetricTest {

    @Test
    void identicalTextsScoreOne() {
        ExtractionMetric.PageScore s = ExtractionMetric.score("one two three four five", "one two three four five");
        assertEquals(1.0, s.precision());
        assertEquals(1.0, s.recall());
    }

    @Test
    void countsShinglesAsMultisetNormalisedToOne() {
        // gold shingles: "a b c d", "b c d e"; predicted: "a b c d", "b c d x"
        ExtractionMetric.PageScore s = ExtractionMetric.score("a b c d e", "a b c d x");
        assertEquals(1.0 / 3, s.matched(), 1e-12);
        assertEquals(1.0 / 3, s.extra(), 1e-12);
        assertEquals(1.0 / 3, s.missing(), 1e-12);
    }

    @Test
    void splitsWordsLikePythonBackslashW() {
        assertEquals(List.of("naïve", "café", "東京", "x_y", "42"), ExtractionMetric.words("naïve, café! 東京 x_y 42"));
        // combining marks are not word characters in Python's re
        assertEquals(List.of("e", "x"), ExtractionMetric.words("e\u0301x"));
    }

    @Test
    void shortTextIsOneShingle() {
        assertEquals(1, ExtractionMetric.shingles("only three words").size());
    }

    @Test
    void pageWithoutOutputCountsForRecallNotPrecision() {
        ExtractionMetric.PageScore empty = ExtractionMetric.score("a b c d e", null);
        ExtractionMetric.PageScore perfect = ExtractionMetric.score("a b c d e", "a b c d e");
        assertFalse(empty.hasOutput());
        ExtractionMetric.Summary s = ExtractionMetric.summarise(List.of(empty, perfect));
        assertEquals(1.0, s.precision());
        assertEquals(0.5, s.recall());
        assertEquals(2 * 0.5 / 1.5, s.f1(), 1e-12);
    }
}
