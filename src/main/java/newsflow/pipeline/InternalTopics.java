package newsflow.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates a topology's internal topics (repartition and changelog) before Kafka Streams first
 * joins its group, with the settings Kafka Streams would give them.
 *
 * <p><b>Why.</b> Left to Kafka Streams, the group leader creates them during the first
 * assignment (about 1.4 s on the embedded broker for the processing topology's 14 internal
 * topics), and the consumers then see new topics in their metadata and rebalance a second time
 * ("cached metadata has changed"). Kafka Streams 4.3.1 has no call to create them up front (KIP-698's
 * {@code KafkaStreams#init()} is not released), so newsflow does what it would do:
 * <ul>
 *   <li>names: {@code <application.id>-<name>} for every source topic of the description that
 *       ends in {@code -repartition}, and {@code <application.id>-<store>-changelog} for every
 *       store of a processor (newsflow's stores are all logged key-value stores);</li>
 *   <li>settings: {@code message.timestamp.type=CreateTime}; repartition topics
 *       {@code cleanup.policy=delete}, {@code segment.bytes=52428800}, {@code retention.ms=-1};
 *       changelogs {@code cleanup.policy=compact}; then every {@code topic.*} setting of the
 *       streams configuration; replication {@code replication.factor} (-1: the broker's
 *       default). {@code InternalTopicsIntegrationTest} checks names, partitions and settings
 *       against the topics Kafka Streams creates itself on a real broker, for the processing
 *       and the serving topology: a topology change that breaks these assumptions (another
 *       store kind, a repartition with its own count) fails there;</li>
 *   <li>partitions: newsflow's topologies give each repartition topic either
 *       {@code partitions} partitions or as many as its upstream sources have, so when every
 *       external source topic has {@code partitions} partitions, every internal topic has them
 *       too. When a source topic has another count (topics created by someone else), nothing is
 *       created here and Kafka Streams works the counts out itself, as before.</li>
 * </ul>
 *
 * <p>Topics that already exist are left alone (another instance created them, or this
 * application ran before); any failure to create (no permission, an unreachable broker) is
 * logged and Kafka Streams creates the topics itself, as it always did.
 */
public final class InternalTopics {

    private static final Logger LOG = LoggerFactory.getLogger(InternalTopics.class);

    /** What Kafka Streams appends to a repartition topic's name: {@code <application.id>-<name>-repartition}. */
    public static final String REPARTITION_SUFFIX = "-repartition";
    /** What Kafka Streams appends to a store's changelog topic: {@code <application.id>-<store>-changelog}. */
    public static final String CHANGELOG_SUFFIX = "-changelog";

    private InternalTopics() {
    }

    /**
     * The internal topics of {@code topology} under {@code streamsConfig}, each with
     * {@code partitions} partitions, in the order they appear in the description.
     */
    public static List<NewTopic> of(TopologyDescription topology, Properties streamsConfig, int partitions) {
        return of(topology, new StreamsConfig(streamsConfig), partitions);
    }

    private static List<NewTopic> of(TopologyDescription topology, StreamsConfig config, int partitions) {
        String applicationId = config.getString(StreamsConfig.APPLICATION_ID_CONFIG);
        int replicationFactor = config.getInt(StreamsConfig.REPLICATION_FACTOR_CONFIG);
        Optional<Short> replication = replicationFactor < 0 ? Optional.empty() : Optional.of((short) replicationFactor);
        Map<String, String> overrides = new HashMap<>();
        config.originalsWithPrefix(StreamsConfig.TOPIC_PREFIX).forEach((k, v) -> {
            if (v != null) {
                overrides.put(k, v.toString());
            }
        });
        Map<String, String> repartition = Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
            TopicConfig.SEGMENT_BYTES_CONFIG, "52428800",
            TopicConfig.RETENTION_MS_CONFIG, "-1");
        Map<String, String> changelog = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);

        List<NewTopic> topics = new ArrayList<>();
        for (String name : sourceTopics(topology, true)) {
            topics.add(topic(applicationId + "-" + name, partitions, replication, repartition, overrides));
        }
        for (String store : stores(topology)) {
            topics.add(topic(applicationId + "-" + store + CHANGELOG_SUFFIX, partitions, replication, changelog, overrides));
        }
        return topics;
    }

    /** Kafka Streams' settings for every internal topic, then those of its kind, then the {@code topic.*} overrides. */
    private static NewTopic topic(String name, int partitions, Optional<Short> replication, Map<String, String> kind,
            Map<String, String> overrides) {
        Map<String, String> settings = new HashMap<>();
        settings.put(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "CreateTime");
        settings.putAll(kind);
        settings.putAll(overrides);
        return new NewTopic(name, Optional.of(partitions), replication).configs(settings);
    }

    /** What {@link #ensure} did. */
    public enum Outcome {
        /** Every internal topic now exists; {@code created} of them were made here. */
        READY,
        /** A source topic has another partition count: left to Kafka Streams. */
        LEFT_TO_STREAMS,
        /** Creation failed (logged): Kafka Streams creates what is missing. */
        FAILED
    }

    /** {@link #ensure}'s outcome and how many topics it created. */
    public record Result(Outcome outcome, int created) {
    }

    /**
     * Creates the internal topics of {@code topology} that do not exist yet, when every external
     * source topic has {@code partitions} partitions; otherwise, or on any failure, leaves them to
     * Kafka Streams. The admin client gets the streams configuration's client settings
     * (security included), as Kafka Streams' own does.
     */
    public static Result ensure(TopologyDescription topology, Properties streamsConfig, int partitions) {
        StreamsConfig config = new StreamsConfig(streamsConfig);
        Admin admin = Admin.create(config.getAdminConfigs(config.getString(StreamsConfig.APPLICATION_ID_CONFIG) + "-internal-topics"));
        try {
            Set<String> external = sourceTopics(topology, false);
            Map<String, TopicDescription> sources = admin.describeTopics(external).allTopicNames().get(30, TimeUnit.SECONDS);
            for (TopicDescription d : sources.values()) {
                if (d.partitions().size() != partitions) {
                    LOG.info("Source topic {} has {} partitions, not {}: Kafka Streams creates the internal topics itself",
                        d.name(), d.partitions().size(), partitions);
                    return new Result(Outcome.LEFT_TO_STREAMS, 0);
                }
            }
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> wanted = new ArrayList<>(of(topology, config, partitions));
            wanted.removeIf(t -> existing.contains(t.name()));
            if (wanted.isEmpty()) {
                return new Result(Outcome.READY, 0);
            }
            CreateTopicsResult result = admin.createTopics(wanted);
            int created = 0;
            for (NewTopic t : wanted) {
                try {
                    result.values().get(t.name()).get(30, TimeUnit.SECONDS);
                    created++;
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            // Kafka Streams' first metadata fetch should see every new topic with its leader.
            TopicSetup.awaitLeaders(admin, wanted.stream().map(NewTopic::name).toList());
            return new Result(Outcome.READY, created);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            LOG.warn("Could not create the internal topics ({}): Kafka Streams creates the missing ones itself", cause.toString());
            return new Result(Outcome.FAILED, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating internal topics", e);
        } finally {
            admin.close(Duration.ofSeconds(10));
        }
    }

    /**
     * The source topics of the description: its repartition topics, as the description names
     * them (without the application id), or else the topics the application does not own.
     */
    static Set<String> sourceTopics(TopologyDescription topology, boolean repartition) {
        Set<String> names = new LinkedHashSet<>();
        for (TopologyDescription.Subtopology s : topology.subtopologies()) {
            for (TopologyDescription.Node n : s.nodes()) {
                if (n instanceof TopologyDescription.Source source && source.topicSet() != null) {
                    source.topicSet().stream().filter(t -> isRepartition(t) == repartition).forEach(names::add);
                }
            }
        }
        return names;
    }

    /** Stores of the topology's processors, each with a changelog. */
    static Set<String> stores(TopologyDescription topology) {
        Set<String> names = new LinkedHashSet<>();
        for (TopologyDescription.Subtopology s : topology.subtopologies()) {
            for (TopologyDescription.Node n : s.nodes()) {
                if (n instanceof TopologyDescription.Processor processor) {
                    names.addAll(processor.stores());
                }
            }
        }
        return names;
    }

    private static boolean isRepartition(String topic) {
        return topic.endsWith(REPARTITION_SUFFIX);
    }
}
