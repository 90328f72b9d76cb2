package newsflow.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import newsflow.clean.ArticleCleaner;
import newsflow.clean.CleaningPolicy;
import newsflow.dedupe.stage.DedupeStage;
import newsflow.entities.CapitalisedPhraseTagger;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

/**
 * How {@link InternalTopics} names and configures a topology's internal topics, without a
 * broker ({@code InternalTopicsIntegrationTest} holds them to what Kafka Streams creates).
 */
class InternalTopicsTest {

    private static final PipelineConfig CONFIG = PipelineConfig.defaults();

    private static TopologyDescription processing() {
        return NewsflowTopology.build(CONFIG, new NewsflowTopology.Stages(
            new ArticleCleaner(CleaningPolicy.newsDefaults()), new CapitalisedPhraseTagger())).describe();
    }

    private static Properties settings(Properties extra) {
        Properties overrides = new Properties();
        overrides.put(StreamsConfig.APPLICATION_ID_CONFIG, "app");
        overrides.putAll(extra);
        return StreamsSettings.streamsConfig("localhost:9092", Path.of("state"), CONFIG.topics(), overrides);
    }

    private static Map<String, NewTopic> byName(List<NewTopic> topics) {
        return topics.stream().collect(Collectors.toMap(NewTopic::name, t -> t));
    }

    @Test
    void namesEachRepartitionTopicAndEachStoresChangelogUnderTheApplicationId() {
        Map<String, NewTopic> topics = byName(InternalTopics.of(processing(), settings(new Properties()), 3));
        assertTrue(topics.containsKey("app-dedupe-probes-by-shard-repartition"), topics.keySet().toString());
        assertTrue(topics.containsKey("app-" + DedupeStage.BANDS_STORE + "-changelog"), topics.keySet().toString());
        assertTrue(topics.keySet().stream().allMatch(n -> n.startsWith("app-")
            && (n.endsWith("-repartition") || n.endsWith("-changelog"))), topics.keySet().toString());
        assertTrue(topics.values().stream().allMatch(t -> t.numPartitions() == 3));
    }

    @Test
    void givesRepartitionTopicsDeleteAndChangelogsCompactionWithTheStreamsTopicSettingsOnTop() {
        Properties extra = new Properties();
        extra.put(StreamsConfig.topicPrefix("min.insync.replicas"), "2");
        Map<String, NewTopic> topics = byName(InternalTopics.of(processing(), settings(extra), 3));
        Map<String, String> repartition = topics.get("app-dedupe-probes-by-shard-repartition").configs();
        Map<String, String> changelog = topics.get("app-" + DedupeStage.BANDS_STORE + "-changelog").configs();
        assertEquals("delete", repartition.get("cleanup.policy"));
        assertEquals("-1", repartition.get("retention.ms"));
        assertEquals("compact", changelog.get("cleanup.policy"));
        assertEquals("2", repartition.get("min.insync.replicas"));
        assertEquals("2", changelog.get("min.insync.replicas"));
    }

    @Test
    void usesTheStreamsReplicationFactorOrTheBrokersDefault() {
        Properties three = new Properties();
        three.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 3);
        assertTrue(InternalTopics.of(processing(), settings(three), 3).stream()
            .allMatch(t -> t.replicationFactor() == 3));
        assertTrue(InternalTopics.of(processing(), settings(new Properties()), 3).stream()
            .allMatch(t -> t.replicationFactor() == -1), "-1: the broker's default.replication.factor");
    }
}
