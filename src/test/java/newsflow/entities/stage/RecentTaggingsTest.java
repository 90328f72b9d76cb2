package newsflow.entities.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;

import newsflow.core.EntityType;
import newsflow.core.Mention;
import newsflow.core.TaggedEntity;

import org.junit.jupiter.api.Test;

class RecentTaggingsTest {

    @Test
    void titleAndTextDoNotRunIntoEachOther() {
        assertNotEquals(RecentTaggings.Digest.of("ab", "c"), RecentTaggings.Digest.of("a", "bc"));
        assertNotEquals(RecentTaggings.Digest.of(null, "text"), RecentTaggings.Digest.of("", "text"));
        assertEquals(RecentTaggings.Digest.of("T", "text"), RecentTaggings.Digest.of("T", "text"));
    }

    @Test
    void aTaggingWithMoreMentionsThanTheBoundIsNotKept() {
        RecentTaggings recent = new RecentTaggings();
        List<Mention> many = new ArrayList<>();
        for (int i = 0; i <= RecentTaggings.MAX_MENTIONS; i++) {
            many.add(new Mention("Marsh", 10 * i, 10 * i + 5));
        }
        RecentTaggings.Digest list = RecentTaggings.Digest.of("T", "a long list of names");
        recent.put(list, List.of(new TaggedEntity("Q1", "Elena Marsh", EntityType.PERSON, 1.0, many)));
        assertNull(recent.get(list));
        RecentTaggings.Digest story = RecentTaggings.Digest.of("T", "a story");
        recent.put(story, List.of(new TaggedEntity("Q1", "Elena Marsh", EntityType.PERSON, 1.0, many.subList(0, 3))));
        assertNotNull(recent.get(story));
    }

    @Test
    void holdsAtMostItsCapacityDroppingTheLeastRecentlyUsed() {
        RecentTaggings recent = new RecentTaggings();
        RecentTaggings.Digest first = RecentTaggings.Digest.of("T", "text 0");
        recent.put(first, List.of());
        for (int i = 1; i <= RecentTaggings.CAPACITY; i++) {
            recent.put(RecentTaggings.Digest.of("T", "text " + i), List.of());
        }
        assertEquals(RecentTaggings.CAPACITY, recent.size());
        assertNull(recent.get(first), "the oldest entry left first");
        assertNotNull(recent.get(RecentTaggings.Digest.of("T", "text " + RecentTaggings.CAPACITY)));
    }
}
