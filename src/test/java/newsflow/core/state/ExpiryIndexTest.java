package newsflow.core.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class ExpiryIndexTest {

    @Test
    void anIndexKeyIsTheTimeInNineteenDigitsABarAndTheKey() {
        for (long t : new long[] {0, 7, 1_733_000_000_000L, Long.MAX_VALUE}) {
            String k = ExpiryIndex.key(t, "article-1");
            assertEquals(String.format(Locale.ROOT, "%019d|", t) + "article-1", k);
            assertEquals(t, ExpiryIndex.timeOf(k));
            assertEquals("article-1", ExpiryIndex.keyOf(k));
        }
        assertEquals(ExpiryIndex.key(0, "x"), ExpiryIndex.key(-5, "x"), "times before the epoch read as 0");
    }

    @Test
    void indexKeysSortByTime() {
        assertTrue(ExpiryIndex.key(99, "z").compareTo(ExpiryIndex.key(100, "a")) < 0);
        assertTrue(ExpiryIndex.key(100, "a").compareTo(ExpiryIndex.key(100, "b")) < 0);
    }
}
