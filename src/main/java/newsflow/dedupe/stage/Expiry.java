package newsflow.dedupe.stage;

import java.util.function.ToLongFunction;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** Deletes the entries of a dedupe store that left the horizon (a full scan; run from a punctuator). */
final class Expiry {

    private Expiry() {
    }

    /** Deletes every entry whose time (as {@code timeOf} reads it) is before {@code cutoff}. */
    static <V> void deleteOlder(KeyValueStore<String, V> store, ToLongFunction<V> timeOf, long cutoff) {
        try (KeyValueIterator<String, V> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, V> e = all.next();
                if (timeOf.applyAsLong(e.value) < cutoff) {
                    store.delete(e.key);
                }
            }
        }
    }
}
