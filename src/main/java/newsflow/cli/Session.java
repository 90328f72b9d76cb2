package newsflow.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import newsflow.broker.EmbeddedKafka;
import newsflow.ops.PipelineMetrics;
import newsflow.pipeline.NewsflowTopology;
import newsflow.pipeline.Pipeline;
import newsflow.pipeline.PipelineConfig;
import newsflow.pipeline.StreamsSettings;
import newsflow.pipeline.TopicSetup;

/**
 * A broker (embedded or given) with newsflow's topics and, once {@link #startPipeline} is
 * called, a running pipeline. Closing it stops the pipeline, then the embedded broker.
 */
final class Session implements AutoCloseable {

    private final EmbeddedKafka embedded;
    private final String bootstrapServers;
    private final PipelineConfig config;
    private Pipeline pipeline;
    private Path stateDir;

    private Session(EmbeddedKafka embedded, String bootstrapServers, PipelineConfig config) {
        this.embedded = embedded;
        this.bootstrapServers = bootstrapServers;
        this.config = config;
    }

    /** Connects to {@code bootstrapServers}, or starts an embedded broker when it is null. */
    static Session open(String bootstrapServers, PipelineConfig config, PrintStream log) {
        EmbeddedKafka embedded = null;
        String servers = bootstrapServers;
        short replication = 1;
        if (servers == null) {
            log.println("Starting an embedded Kafka broker (single node, KRaft)...");
            embedded = EmbeddedKafka.start();
            servers = embedded.bootstrapServers();
            log.println("Broker ready at " + servers);
        } else {
            replication = (short) -1; // the cluster's default.replication.factor
        }
        TopicSetup.ensureTopics(servers, config, replication);
        return new Session(embedded, servers, config);
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    PipelineConfig config() {
        return config;
    }

    boolean isEmbedded() {
        return embedded != null;
    }

    /** Starts the pipeline with {@code overrides} on top of newsflow's streams settings. */
    Pipeline startPipeline(NewsflowTopology.Stages stages, Properties overrides) {
        return startPipeline(stages, overrides, PipelineMetrics.disabled());
    }

    /** [serving] As above, feeding the pipeline's meters to {@code metrics}. */
    Pipeline startPipeline(NewsflowTopology.Stages stages, Properties overrides, PipelineMetrics metrics) {
        try {
            stateDir = Files.createTempDirectory("newsflow-state-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Properties props = StreamsSettings.streamsConfig(bootstrapServers, stateDir, config.topics(), overrides);
        pipeline = Pipeline.start(NewsflowTopology.build(config, stages, metrics), props, Duration.ofSeconds(60));
        return pipeline;
    }

    @Override
    public void close() {
        if (pipeline != null) {
            pipeline.close();
        }
        if (embedded != null) {
            embedded.close();
        }
    }
}
