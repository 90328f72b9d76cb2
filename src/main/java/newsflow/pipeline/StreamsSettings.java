package newsflow.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import newsflow.core.Topics;
import newsflow.dedupe.stage.DedupeRocksDb;
import newsflow.ops.DeadLetterHandler;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

/**
 * The Kafka Streams configuration newsflow runs with. Separate from the topology, so tests
 * can run the same topology with other settings.
 */
public final class StreamsSettings {

    /** Default application id: also the prefix of internal topics and the consumer group. */
    public static final String DEFAULT_APPLICATION_ID = "newsflow";

    /** The settings by which an operator sets the restore consumer's fetch.max.wait.ms. */
    private static final List<String> RESTORE_FETCH_WAIT_KEYS = List.of(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
            StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG),
            StreamsConfig.restoreConsumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG));

    private StreamsSettings() {
    }

    /** Stream threads of one instance unless {@code num.stream.threads} says otherwise: one per core. */
    public static int defaultStreamThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * The stream threads an instance runs with {@code overrides}: their {@code num.stream.threads},
     * else {@link #defaultStreamThreads()}.
     *
     * @throws IllegalArgumentException when {@code num.stream.threads} is not a positive number
     */
    public static int streamThreads(Properties overrides) {
        Object value = overrides.get(StreamsConfig.NUM_STREAM_THREADS_CONFIG);
        if (value == null) {
            return defaultStreamThreads();
        }
        try {
            int threads = Integer.parseInt(String.valueOf(value).strip());
            if (threads >= 1) {
                return threads;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(StreamsConfig.NUM_STREAM_THREADS_CONFIG + " must be a positive number, got '"
            + value + "'");
    }

    /**
     * @param bootstrapServers the cluster
     * @param stateDir         where local state stores live
     * @param topics           for the dead-letter topic name
     * @param overrides        any Kafka Streams, consumer or producer setting; wins over defaults
     */
    public static Properties streamsConfig(String bootstrapServers, Path stateDir, Topics topics,
                                           Properties overrides) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, DEFAULT_APPLICATION_ID);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        // One stream thread per core: cleaning and entity tagging are CPU-bound.
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, defaultStreamThreads());
        // Each raw record ends in exactly one output, even across crashes and restarts.
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // A transaction spans every record processed between two commits, and Kafka Streams
        // gives it 10 s: a record that outlasts it is aborted, its task fenced and the record
        // processed again, and again (a 30,000-name text once took 20 s to tag). The stages bound
        // their work per record instead (cleaning 2 s, tagging 5 s, linking linear in the
        // names), and the timeout stays short: after a crash or a broker restart,
        // read_committed consumers wait until the open transactions time out. 30 s and 60 s were
        // tried: the hostile records ran without fencing at 10 s too, and recovery from a broker
        // restart slowed past the fault test's three minutes.
        // A commit ends a transaction: markers, offsets, store flushes. Under exactly-once Kafka
        // Streams commits every 100 ms; every 500 ms was 10 to 18 % faster end to end in three
        // paired runs of `bench --corpus` on real text (BENCHMARKS.md), for 0.4 s more latency.
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 500);
        // At start-up each stream thread hands its tasks to the state updater, whose restore
        // consumer reads their changelogs to the end. A fetch that finds nothing new waits
        // fetch.max.wait.ms (500 ms by default) at the broker, and changelogs added meanwhile
        // wait behind it: with empty or caught-up changelogs, start-up paid that wait in rounds.
        // 100 ms (poll.ms, what the state updater polls with) brought RUNNING from 1.7-1.9 s to
        // 0.9 s on the embedded broker (bench --warm-up 10, BENCHMARKS.md); the first outcome,
        // paced by the commits of three repartition hops, stays near 3 s. A fetch that finds
        // data returns at once, so a long changelog restores as fast as before. The cost: a
        // restore consumer with standby or warm-up tasks caught up (several instances) sends
        // about ten empty fetches a second to each broker instead of two. An operator's own
        // fetch.max.wait.ms, for all consumers or for this one, wins.
        if (RESTORE_FETCH_WAIT_KEYS.stream().noneMatch(overrides::containsKey)) {
            p.put(StreamsConfig.restoreConsumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), 100);
        }
        // Bad input is data: dead-letter it with its original bytes and reason, keep going.
        p.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, topics.deadLetters());
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
            DeadLetterHandler.class.getName());
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
            LogAndContinueExceptionHandler.class.getName());
        // The dedupe band table is read mostly for keys it does not hold: Bloom filters on
        // every level of that store (newsflow.dedupe.stage.DedupeRocksDb; other stores as Kafka
        // Streams sets them).
        p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, DedupeRocksDb.class.getName());
        // Internal topics and stores keep their names across releases.
        p.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), Topics.MAX_RECORD_BYTES);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG), Topics.MAX_RECORD_BYTES);
        p.put(StreamsConfig.topicPrefix("max.message.bytes"), Topics.MAX_RECORD_BYTES);
        p.putAll(overrides);
        return p;
    }
}
