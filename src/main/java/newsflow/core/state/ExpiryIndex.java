package newsflow.core.state;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A time-ordered index beside a state store, so that what has expired is one range read
 * instead of a scan of the store: entries are keyed {@code <time, 19 digits>|<key>} and hold
 * whatever the owner needs to delete the expired entries of its own stores.
 */
public final class ExpiryIndex {

    private static final int TIME_DIGITS = 19;

    private ExpiryIndex() {
    }

    /** The index key of {@code key} at {@code time} (epoch ms; negative counts as 0). */
    public static String key(long time, String key) {
        // By hand: String.format was a twentieth of the stream threads' Java time.
        String digits = Long.toString(Math.max(0, time));
        StringBuilder out = new StringBuilder(TIME_DIGITS + 1 + key.length());
        for (int i = digits.length(); i < TIME_DIGITS; i++) {
            out.append('0');
        }
        return out.append(digits).append('|').append(key).toString();
    }

    /** The key an index key was made from. */
    public static String keyOf(String indexKey) {
        return indexKey.substring(TIME_DIGITS + 1);
    }

    /** The time an index key was made with. */
    public static long timeOf(String indexKey) {
        return Long.parseLong(indexKey.substring(0, TIME_DIGITS));
    }

    /**
     * Deletes from {@code store} the entries its index lists before {@code cutoff} whose own time
     * ({@code timeOf}: when the entry last changed) is before it too: an entry changed since has
     * a later index entry and stays.
     */
    public static <V> void expireStale(KeyValueStore<String, String> index, KeyValueStore<String, V> store,
                                       long cutoff, ToLongFunction<V> timeOf) {
        expire(index, cutoff, e -> {
            V v = store.get(e.value);
            if (v != null && timeOf.applyAsLong(v) < cutoff) {
                store.delete(e.value);
            }
        });
    }

    /**
     * Hands every index entry before {@code cutoff} to {@code onExpired} (index key and value),
     * then deletes it from the index.
     */
    public static void expire(KeyValueStore<String, String> index, long cutoff,
                              Consumer<KeyValue<String, String>> onExpired) {
        List<KeyValue<String, String>> expired = new ArrayList<>();
        try (KeyValueIterator<String, String> it = index.range(key(0, ""), key(cutoff, ""))) {
            it.forEachRemaining(expired::add);
        }
        for (KeyValue<String, String> e : expired) {
            onExpired.accept(e);
            index.delete(e.key);
        }
    }
}
