package newsflow.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import newsflow.clean.ArticleCleaner;
import newsflow.clean.CleaningPolicy;
import newsflow.entities.CapitalisedPhraseTagger;
import newsflow.pipeline.InternalTopics;
import newsflow.pipeline.NewsflowTopology;
import newsflow.pipeline.Pipeline;
import newsflow.pipeline.PipelineConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link InternalTopics} creates what Kafka Streams would: the same internal topics, with the
 * same partitions and settings, on a real broker.
 */
class InternalTopicsIntegrationTest {

    @RegisterExtension
    static final BrokerHarness harness = new BrokerHarness();

    private static Topology topology(PipelineConfig config) {
        return NewsflowTopology.build(config, new NewsflowTopology.Stages(
            new ArticleCleaner(CleaningPolicy.newsDefaults()), new CapitalisedPhraseTagger()));
    }

    @Test
    void createsTheInternalTopicsKafkaStreamsWouldCreateWithTheSamePartitionsAndSettings() throws Exception {
        PipelineConfig base = PipelineConfig.defaults();
        try (BrokerHarness.Run byStreams = harness.newRun(base); BrokerHarness.Run byNewsflow = harness.newRun(base)) {
            // Kafka Streams creates its own during the first assignment; RUNNING means they exist.
            byStreams.startInstance();

            Topology topology = topology(byNewsflow.config);
            Properties props = byNewsflow.streamsConfig(new Properties());
            int created = InternalTopics.ensure(topology.describe(), props, byNewsflow.config.partitions());
            // Kafka Streams accepts them (a wrong partition count fails its start) and creates none.
            byNewsflow.running.add(Pipeline.start(topology, props, Duration.ofSeconds(60)));

            Map<String, String> streams = internalTopics(byStreams.appId);
            Map<String, String> newsflow = internalTopics(byNewsflow.appId);
            assertTrue(streams.size() >= 10, "Kafka Streams created " + streams.keySet());
            assertEquals(streams, newsflow, "internal topics by name suffix: partitions and settings");
            assertEquals(streams.size(), created, "every internal topic was created before the start");
        }
    }

    @Test
    void leavesTheTopicsToKafkaStreamsWhenASourceTopicHasAnotherPartitionCount() {
        PipelineConfig config = PipelineConfig.defaults();
        try (BrokerHarness.Run run = harness.newRun(config)) {
            Properties props = run.streamsConfig(new Properties());
            int created = InternalTopics.ensure(topology(run.config).describe(), props, config.partitions() + 1);
            assertEquals(0, created);
        }
    }

    /**
     * The application's internal topics, keyed by name without the application id: partition
     * count and the settings given to the topic itself (not inherited from the broker).
     */
    private static Map<String, String> internalTopics(String appId) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, harness.bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                .filter(n -> n.startsWith(appId + "-") && (n.endsWith("-repartition") || n.endsWith("-changelog")))
                .collect(Collectors.toSet());
            Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);
            Map<ConfigResource, Config> configs = admin.describeConfigs(names.stream()
                .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList()).all().get(30, TimeUnit.SECONDS);
            Map<String, String> out = new TreeMap<>();
            for (String name : names) {
                String settings = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, name)).entries().stream()
                    .filter(e -> e.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG)
                    .map(e -> e.name() + "=" + e.value()).sorted().collect(Collectors.joining(","));
                out.put(name.substring(appId.length() + 1),
                    described.get(name).partitions().size() + " partitions; " + settings);
            }
            return out;
        }
    }
}
