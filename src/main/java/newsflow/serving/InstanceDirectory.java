package newsflow.serving;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Maps Kafka Streams metadata to instances: which instance owns a key of a store, and which
 * instances exist. Instances are named by their {@code application.server} (host:port of
 * their HTTP server). Thread-safe (reads the client's current metadata).
 */
public final class InstanceDirectory {

    private final KafkaStreams streams;
    private final HostInfo self;

    public InstanceDirectory(KafkaStreams streams, HostInfo self) {
        this.streams = Objects.requireNonNull(streams, "streams");
        this.self = Objects.requireNonNull(self, "self");
    }

    public boolean isSelf(HostInfo host) {
        return self.equals(host);
    }

    /** Fails with 503 unless the instance is RUNNING (not rebalancing, starting or stopping). */
    public void requireRunning() {
        KafkaStreams.State state = streams.state();
        if (state != KafkaStreams.State.RUNNING) {
            throw ApiException.unavailable("newsflow is " + state.name().toLowerCase(java.util.Locale.ROOT)
                + "; state stores are not queryable now, retry shortly");
        }
    }

    /** The instance holding the active copy of {@code key} in {@code store}. */
    public HostInfo ownerOf(String store, String key) {
        requireRunning();
        KeyQueryMetadata m = streams.queryMetadataForKey(store, key, Serdes.String().serializer());
        if (m == null || KeyQueryMetadata.NOT_AVAILABLE.equals(m) || m.activeHost() == null
            || m.activeHost().port() < 0) {
            throw ApiException.unavailable("no instance holds store " + store + " for this key yet; retry shortly");
        }
        return m.activeHost();
    }

    /** Every instance of the application, in a fixed order. */
    public List<HostInfo> all() {
        requireRunning();
        List<HostInfo> hosts = streams.metadataForAllStreamsClients().stream().map(StreamsMetadata::hostInfo)
            .filter(h -> h.port() >= 0).distinct()
            .sorted(Comparator.comparing(HostInfo::host).thenComparingInt(HostInfo::port)).toList();
        return hosts.isEmpty() ? List.of(self) : hosts;
    }
}
