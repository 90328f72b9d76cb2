package newsflow.dedupe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import newsflow.core.DedupeVerdict;
import newsflow.core.DuplicateKind;
import newsflow.core.RelatedArticle;
import org.junit.jupiter.api.Test;

class VerdictPolicyTest {

    private static Relation rel(MatchKind kind, double similarity, String original, String copy, long originalTime) {
        return new Relation(kind, similarity, original, copy, originalTime, 1_000);
    }

    @Test
    void anArticleWithNoRelationsIsKeptAsItsOwnStory() {
        DedupeVerdict v = VerdictPolicy.decide("a", null, List.of());
        assertFalse(v.isDuplicate());
        assertEquals("a", v.storyId());
        assertTrue(v.related().isEmpty());
    }

    @Test
    void relationsWhereTheArticleIsTheOriginalChangeNothingForIt() {
        DedupeVerdict v = VerdictPolicy.decide("a", null, List.of(rel(MatchKind.EXACT, 1.0, "a", "b", 0)));
        assertFalse(v.isDuplicate());
        assertEquals("a", v.storyId());
    }

    @Test
    void anExactCopyBeatsAMoreSimilarNearOne() {
        DedupeVerdict v = VerdictPolicy.decide("c", null, List.of(
            rel(MatchKind.NEAR, 0.99, "near", "c", 0), rel(MatchKind.EXACT, 1.0, "exact", "c", 500)));
        assertEquals("exact", v.duplicateOf());
        assertEquals(DuplicateKind.EXACT, v.kind());
    }

    @Test
    void amongNearCopiesTheMostSimilarOriginalWinsThenTheEarliest() {
        DedupeVerdict bySimilarity = VerdictPolicy.decide("c", null, List.of(
            rel(MatchKind.NEAR, 0.80, "early", "c", 0), rel(MatchKind.NEAR, 0.95, "close", "c", 500)));
        assertEquals("close", bySimilarity.duplicateOf());
        DedupeVerdict byTime = VerdictPolicy.decide("c", null, List.of(
            rel(MatchKind.NEAR, 0.9, "later", "c", 500), rel(MatchKind.NEAR, 0.9, "earlier", "c", 100)));
        assertEquals("earlier", byTime.duplicateOf());
    }

    @Test
    void aRewriteIsKeptRelatedBestFirstInTheStoryOfItsEarliestOriginal() {
        DedupeVerdict v = VerdictPolicy.decide("r", null, List.of(
            rel(MatchKind.REWRITE, 0.6, "first", "r", 100), rel(MatchKind.REWRITE, 0.8, "second", "r", 200)));
        assertFalse(v.isDuplicate());
        assertEquals("first", v.storyId());
        assertEquals(List.of("second", "first"), v.related().stream().map(RelatedArticle::id).toList());
    }

    @Test
    void aDuplicateRelationOutranksRewrites() {
        DedupeVerdict v = VerdictPolicy.decide("c", null, List.of(
            rel(MatchKind.REWRITE, 0.9, "spun", "c", 0), rel(MatchKind.NEAR, 0.7, "orig", "c", 100)));
        assertEquals("orig", v.duplicateOf());
        assertEquals("orig", v.storyId());
    }
}
