package newsflow.dedupe.stage;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

import newsflow.core.state.ExpiryIndex;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Expiry of the dedupe stores by ingestion time. Each processor keeps, beside its stores, an
 * {@link ExpiryIndex} keyed {@code <ingestion time>|<id>}: what left the horizon is one range
 * read of that index, whatever the size of the stores. The full scan here runs once per
 * processor start only, for entries written before the index existed.
 */
final class Expiry {

    private Expiry() {
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
