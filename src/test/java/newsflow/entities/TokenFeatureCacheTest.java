package newsflow.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The recogniser's cache of token features: bounded, and a word in use stays. */
class TokenFeatureCacheTest {

    @Test
    void aKeptWordIsFound() {
        TokenFeatureCache cache = new TokenFeatureCache(4, 40);
        float[] f = {1, 2};
        cache.put("Reuters", f);
        assertSame(f, cache.get("Reuters"));
        assertNull(cache.get("reuters"), "keys are exact: casing and characters are features");
    }

    @Test
    void neverHoldsMoreThanTwoGenerations() {
        TokenFeatureCache cache = new TokenFeatureCache(100, 40);
        for (int i = 0; i < 10_000; i++) {
            cache.put("word" + i, new float[] {i});
            assertTrue(cache.size() <= 200, "size " + cache.size() + " after " + (i + 1) + " words");
        }
    }

    @Test
    void aWordStillInUseSurvivesRotations() {
        TokenFeatureCache cache = new TokenFeatureCache(10, 40);
        float[] the = {42};
        cache.put("the", the);
        for (int i = 0; i < 1_000; i++) {
            cache.put("rare" + i, new float[] {i});
            if (i % 5 == 0) {
                assertSame(the, cache.get("the"), "after " + i + " rare words");
            }
        }
    }

    @Test
    void aWordNotUsedForTwoGenerationsIsDropped() {
        TokenFeatureCache cache = new TokenFeatureCache(10, 40);
        cache.put("once", new float[] {1});
        for (int i = 0; i < 25; i++) {
            cache.put("other" + i, new float[] {i});
        }
        assertNull(cache.get("once"));
    }

    @Test
    void refusesAnEmptyGeneration() {
        assertThrows(IllegalArgumentException.class, () -> new TokenFeatureCache(0, 40));
    }

    @Test
    void aWordLongerThanTheLimitIsNeitherKeptNorLookedUp() {
        TokenFeatureCache cache = new TokenFeatureCache(4, 10);
        cache.put("0123456789", new float[] {1});
        cache.put("0123456789a", new float[] {2});
        assertNotNull(cache.get("0123456789"));
        assertNull(cache.get("0123456789a"));
        assertEquals(1, cache.size());
    }
}
