package newsflow.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import newsflow.clean.ArticleCleaner;
import newsflow.clean.CleaningPolicy;
import newsflow.entities.CapitalisedPhraseTagger;
import newsflow.pipeline.InternalTopics;
import newsflow.pipeline.NewsflowTopology;
import newsflow.pipeline.Pipeline;
import newsflow.pipeline.PipelineConfig;
import newsflow.serving.ServingSettings;
import newsflow.serving.ServingViews;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.streams.StreamsConfig;
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

    private static Topology processing(BrokerHarness.Run run) {
        return NewsflowTopology.build(run.config, new NewsflowTopology.Stages(
            new ArticleCleaner(CleaningPolicy.newsDefaults()), new CapitalisedPhraseTagger()));
    }

    private static Topology serving(BrokerHarness.Run run) {
        return ServingViews.topology(run.config.topics());
    }

    @Test
    void createsTheProcessingTopologysInternalTopicsAsKafkaStreamsWould() throws Exception {
        assertCreatesWhatKafkaStreamsWould(InternalTopicsIntegrationTest::processing, props -> props);
    }

    @Test
    void createsTheServingTopologysInternalTopicsAsKafkaStreamsWould() throws Exception {
        assertCreatesWhatKafkaStreamsWould(InternalTopicsIntegrationTest::serving, ServingSettings::fromProcessing);
    }

    /**
     * Runs the topology once with Kafka Streams creating its internal topics, and once (another
     * application id) with {@link InternalTopics} creating them first: the same names, partitions
     * and settings, and Kafka Streams, started on them, creates none.
     */
    private static void assertCreatesWhatKafkaStreamsWould(Function<BrokerHarness.Run, Topology> topology,
            UnaryOperator<Properties> settings) throws Exception {
        PipelineConfig base = PipelineConfig.defaults();
        try (BrokerHarness.Run byStreams = harness.newRun(base); BrokerHarness.Run byNewsflow = harness.newRun(base)) {
            Properties streamsProps = settings.apply(byStreams.streamsConfig(new Properties()));
            // Kafka Streams creates its own during the first assignment; RUNNING means they exist.
            byStreams.running.add(Pipeline.start(topology.apply(byStreams), streamsProps, Duration.ofSeconds(60)));
            String streamsApp = streamsProps.getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
            Map<String, String> streams = internalTopics(streamsApp);

            Topology ours = topology.apply(byNewsflow);
            Properties props = settings.apply(byNewsflow.streamsConfig(new Properties()));
            String app = props.getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
            Set<String> predicted = InternalTopics.of(ours.describe(), props, base.partitions()).stream()
                .map(t -> t.name().substring(app.length() + 1)).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(streams.keySet(), predicted, "the names Kafka Streams gives its internal topics");

            InternalTopics.Result result = InternalTopics.ensure(ours.describe(), props, base.partitions());
            assertEquals(new InternalTopics.Result(InternalTopics.Outcome.READY, streams.size()), result);
            Map<String, String> before = internalTopics(app);
            // Kafka Streams accepts them (a wrong partition count fails its start) and creates none.
            byNewsflow.running.add(Pipeline.start(ours, props, Duration.ofSeconds(60)));
            assertEquals(before, internalTopics(app), "Kafka Streams created or changed no internal topic");
            assertEquals(streams, before, "internal topics by name without the application id: partitions and settings");
        }
    }

    @Test
    void leavesTheTopicsToKafkaStreamsWhenASourceTopicHasAnotherPartitionCount() throws Exception {
        PipelineConfig config = PipelineConfig.defaults();
        try (BrokerHarness.Run run = harness.newRun(config)) {
            Properties props = run.streamsConfig(new Properties());
            InternalTopics.Result result = InternalTopics.ensure(processing(run).describe(), props, config.partitions() + 1);
            assertEquals(new InternalTopics.Result(InternalTopics.Outcome.LEFT_TO_STREAMS, 0), result);
            assertTrue(internalTopics(run.appId).isEmpty());
        }
    }

    @Test
    void reportsAFailureAndCreatesNothingWhenTheBrokerIsUnreachable() {
        PipelineConfig config = PipelineConfig.defaults();
        try (BrokerHarness.Run run = harness.newRun(config)) {
            Properties props = run.streamsConfig(new Properties());
            props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
            props.put(StreamsConfig.adminClientPrefix("default.api.timeout.ms"), 2000);
            props.put(StreamsConfig.adminClientPrefix("request.timeout.ms"), 1000);
            InternalTopics.Result result = InternalTopics.ensure(processing(run).describe(), props, config.partitions());
            assertEquals(InternalTopics.Outcome.FAILED, result.outcome());
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
