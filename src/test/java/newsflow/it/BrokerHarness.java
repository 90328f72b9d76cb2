package newsflow.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import newsflow.broker.EmbeddedKafka;
import newsflow.clean.ArticleCleaner;
import newsflow.clean.CleaningPolicy;
import newsflow.core.Topics;
import newsflow.entities.CapitalisedPhraseTagger;
import newsflow.ingest.RawProducer;
import newsflow.output.OutputReader.Output;
import newsflow.output.OutputReader;
import newsflow.pipeline.NewsflowTopology;
import newsflow.pipeline.Pipeline;
import newsflow.pipeline.PipelineConfig;
import newsflow.pipeline.StreamsSettings;
import newsflow.pipeline.TopicSetup;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real embedded broker per test class, and per test a pipeline with topics and an
 * application id of its own, so tests never see each other's records. A JUnit extension: a test
 * class declares {@code @RegisterExtension static final BrokerHarness harness = new
 * BrokerHarness();}, and the broker runs from before its first test to after its last.
 */
final class BrokerHarness implements BeforeAllCallback, AfterAllCallback {

    private EmbeddedKafka broker;
    private Path brokerDir;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        brokerDir = Files.createTempDirectory("newsflow-it-kafka-");
        broker = EmbeddedKafka.start(brokerDir);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        broker.close();
        try (Stream<Path> paths = Files.walk(brokerDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Stops the broker, waits {@code down}, and starts it again on its data and address. */
    void restartBroker(Duration down) throws InterruptedException {
        broker.close();
        Thread.sleep(down.toMillis());
        broker = EmbeddedKafka.start(brokerDir);
    }

    /** A fresh set of topics and an application id for one test. */
    final class Run implements AutoCloseable {
        final String appId = "it-" + UUID.randomUUID().toString().substring(0, 8);
        final PipelineConfig config;
        final RawProducer producer;
        final OutputReader reader;
        final List<Pipeline> running = new ArrayList<>();

        Run(PipelineConfig base) {
            config = configFor(appId, base);
            TopicSetup.ensureTopics(broker.bootstrapServers(), config, (short) 1);
            producer = new RawProducer(broker.bootstrapServers(), config.topics().raw(), Topics.MAX_RECORD_BYTES);
            reader = new OutputReader(broker.bootstrapServers(), config.topics(), false);
        }

        /** Starts an instance of the pipeline with a fresh, empty state directory. */
        Pipeline startInstance() {
            return startInstance(new Properties());
        }

        /** As {@link #startInstance()}, with Kafka Streams settings on top. */
        Pipeline startInstance(Properties extra) {
            NewsflowTopology.Stages stages = new NewsflowTopology.Stages(
                new ArticleCleaner(CleaningPolicy.newsDefaults()), new CapitalisedPhraseTagger());
            return startTopology(NewsflowTopology.build(config, stages), extra);
        }

        /** Runs {@code topology} under this run's application id and newsflow's Kafka Streams settings. */
        Pipeline startTopology(org.apache.kafka.streams.Topology topology, Properties extra) {
            Pipeline p = Pipeline.start(topology, streamsConfig(extra), Duration.ofSeconds(60));
            running.add(p);
            return p;
        }

        /** This run's Kafka Streams settings with {@code extra} on top, and a fresh, empty state directory. */
        Properties streamsConfig(Properties extra) {
            Path state;
            try {
                state = Files.createTempDirectory("newsflow-it-state-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Properties overrides = new Properties();
            overrides.put(StreamsConfig.APPLICATION_ID_CONFIG, appId);
            overrides.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
            overrides.putAll(extra);
            return StreamsSettings.streamsConfig(broker.bootstrapServers(), state, config.topics(), overrides);
        }

        void send(byte[] value) {
            producer.send(value);
        }

        /** Reads outputs until {@code expected} outcomes arrived or the timeout passed. */
        List<Output> readOutcomes(List<Output> into, long expected, Duration timeout) {
            return BrokerHarness.readOutcomes(reader, into, expected, timeout);
        }

        /** Reads for a little longer to catch anything emitted twice. */
        List<Output> drain(List<Output> into, Duration quiet) {
            return BrokerHarness.drain(reader, into, quiet);
        }

        @Override
        public void close() {
            running.forEach(Pipeline::close);
            producer.close();
            reader.close();
        }
    }

    /** Reads outputs until {@code expected} outcomes arrived or the timeout passed. */
    static List<Output> readOutcomes(OutputReader reader, List<Output> into, long expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (into.stream().filter(reader::isOutcome).count() < expected && System.nanoTime() < deadline) {
            into.addAll(reader.poll(Duration.ofMillis(200)));
        }
        return into;
    }

    /** Reads for a little longer to catch anything emitted twice. */
    static List<Output> drain(OutputReader reader, List<Output> into, Duration quiet) {
        long deadline = System.nanoTime() + quiet.toNanos();
        while (System.nanoTime() < deadline) {
            into.addAll(reader.poll(Duration.ofMillis(200)));
        }
        return into;
    }

    /** {@code base} with topics of the application's own: {@code <appId>.news.raw}, ... */
    static PipelineConfig configFor(String appId, PipelineConfig base) {
        return base.withTopics(base.topics().prefixed(appId));
    }

    /** The broker's address. */
    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    Run newRun(PipelineConfig base) {
        return new Run(base);
    }
}
