package newsflow.dedupe.stage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Expiry of the dedupe stores by ingestion time. Each processor keeps, beside its stores, an
 * expiry index keyed {@code <ingestion time, 19 digits>|<id>}: what left the horizon is one
 * range read of that index, whatever the size of the stores. A full scan runs once per
 * processor start only, for entries written before the index existed.
 */
final class Expiry {

    private Expiry() {
    }

    /** The key of an expiry-index entry: time-ordered, so what expired is one range. */
    static String key(long ingestTime, String id) {
        return String.format(Locale.ROOT, "%019d|", Math.max(0, ingestTime)) + id;
    }

    /**
     * Hands every index entry before {@code cutoff} (its key and value) to {@code onExpired},
     * then deletes it from the index.
     */
    static void expire(KeyValueStore<String, String> index, long cutoff, Consumer<KeyValue<String, String>> onExpired) {
        List<KeyValue<String, String>> expired = new ArrayList<>();
        try (KeyValueIterator<String, String> it = index.range(key(0, ""), key(cutoff, ""))) {
            it.forEachRemaining(expired::add);
        }
        for (KeyValue<String, String> e : expired) {
            onExpired.accept(e);
            index.delete(e.key);
        }
    }

    /** The id of an index entry's key. */
    static String idOf(String indexKey) {
        return indexKey.substring(20);
    }

    /** Deletes every entry whose time (as {@code timeOf} reads it) is before {@code cutoff}: a full scan. */
    static <V> void deleteOlder(KeyValueStore<String, V> store, ToLongFunction<V> timeOf, long cutoff) {
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, V> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, V> e = all.next();
                if (timeOf.applyAsLong(e.value) < cutoff) {
                    old.add(e.key);
                }
            }
        }
        old.forEach(store::delete);
    }
}
