package newsflow.entities.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

class RecentTaggingsTest {

    @Test
    void titleAndTextDoNotRunIntoEachOther() {
        assertNotEquals(RecentTaggings.Digest.of("ab", "c"), RecentTaggings.Digest.of("a", "bc"));
        assertNotEquals(RecentTaggings.Digest.of(null, "text"), RecentTaggings.Digest.of("", "text"));
        assertEquals(RecentTaggings.Digest.of("T", "text"), RecentTaggings.Digest.of("T", "text"));
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
