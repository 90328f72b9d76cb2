package newsflow.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import newsflow.broker.EmbeddedKafka;
import newsflow.ops.PipelineMetrics;
import newsflow.pipeline.InternalTopics;
import newsflow.pipeline.NewsflowTopology;
import newsflow.pipeline.Pipeline;
import newsflow.pipeline.PipelineConfig;
import newsflow.pipeline.StreamsSettings;
import newsflow.pipeline.TopicSetup;
import newsflow.serving.Serving;
import newsflow.serving.ServingViews;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/**
 * A broker (embedded or given) with newsflow's topics and, once started, a running pipeline
 * ({@link #startPipeline}), the serving views ({@link #startServing}), or both. Closing it stops
 * them, then the embedded broker.
 */
public final class Session implements AutoCloseable {

    private final EmbeddedKafka embedded;
    private final String bootstrapServers;
    private final PipelineConfig config;
    private Pipeline pipeline;
    private Pipeline views;
    private final List<Pipeline> peers = new ArrayList<>();
    private Path stateDir;

    private Session(EmbeddedKafka embedded, String bootstrapServers, PipelineConfig config) {
        this.embedded = embedded;
        this.bootstrapServers = bootstrapServers;
        this.config = config;
    }

    /** Connects to {@code bootstrapServers}, or starts an embedded broker when it is null. */
    public static Session open(String bootstrapServers, PipelineConfig config, PrintStream log) {
        EmbeddedKafka embedded = null;
        String servers = bootstrapServers;
        short replication = 1;
        if (servers == null) {
            log.println("Starting an embedded Kafka broker (single node, KRaft)...");
            embedded = EmbeddedKafka.start();
            servers = embedded.bootstrapServers();
            log.println("Broker ready at " + servers + "; newsflow's topics get " + config.partitions() + " partition"
                + (config.partitions() == 1 ? "" : "s") + " each (topic.partitions in --config)");
        } else {
            replication = (short) -1; // the cluster's default.replication.factor
        }
        TopicSetup.ensureTopics(servers, config, replication);
        return new Session(embedded, servers, config);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public PipelineConfig config() {
        return config;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    /** Starts the pipeline with {@code overrides} on top of newsflow's streams settings. */
    public Pipeline startPipeline(NewsflowTopology.Stages stages, Properties overrides) {
        return startPipeline(stages, overrides, PipelineMetrics.disabled());
    }

    /** [serving] As above, feeding the pipeline's meters to {@code metrics}. */
    public Pipeline startPipeline(NewsflowTopology.Stages stages, Properties overrides, PipelineMetrics metrics) {
        pipeline = start(NewsflowTopology.build(config, stages, metrics), streamsConfig(overrides));
        return pipeline;
    }

    /**
     * Starts {@code instances} pipeline instances of one application in this process, all at
     * once, each with its own state directory: what {@code instances} processes on one machine
     * would run, for measuring scale-out against stream threads (the bench's
     * {@code --instances}). Each instance runs {@code num.stream.threads} threads.
     */
    public void startPipelines(NewsflowTopology.Stages stages, Properties overrides, PipelineMetrics metrics,
            int instances) {
        if (instances < 1) {
            throw new IllegalArgumentException("instances must be at least 1, got " + instances);
        }
        if (instances == 1) {
            startPipeline(stages, overrides, metrics);
            return;
        }
        Properties base = streamsConfig(overrides);
        List<Topology> topologies = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            topologies.add(NewsflowTopology.build(config, stages, metrics));
        }
        InternalTopics.ensure(topologies.get(0).describe(), base, config.partitions());
        ExecutorService starters = Executors.newFixedThreadPool(instances);
        try {
            List<CompletableFuture<Pipeline>> starting = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                Properties own = new Properties();
                own.putAll(base);
                own.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve("instance-" + i).toString());
                Topology topology = topologies.get(i);
                starting.add(CompletableFuture.supplyAsync(() -> Pipeline.start(topology, own, Duration.ofSeconds(60)),
                    starters));
            }
            RuntimeException failure = null;
            for (CompletableFuture<Pipeline> f : starting) {
                try {
                    peers.add(f.join());
                } catch (RuntimeException e) {
                    failure = failure == null ? e : failure;
                }
            }
            if (failure != null) {
                // Close the instances that did start; the caller sees the first failure.
                peers.forEach(Pipeline::close);
                peers.clear();
                throw failure;
            }
            pipeline = peers.remove(0);
        } finally {
            starters.shutdown();
        }
    }

    /**
     * [serving] Starts the serving views ({@link ServingViews#topology}, under their own
     * application id) and connects {@code serving}'s API to them.
     *
     * @param overrides the same overrides the processing client gets (or would get)
     * @param retention how long the views keep an article after it was last seen
     */
    public Pipeline startServing(Serving serving, Properties overrides, Duration retention) {
        Properties processing = streamsConfig(overrides);
        views = start(ServingViews.topology(config.topics(), retention), serving.servingConfig(processing));
        serving.attach(views.streams(), bootstrapServers,
            processing.getProperty(StreamsConfig.APPLICATION_ID_CONFIG), config.topics());
        return views;
    }

    /**
     * Creates the topology's internal topics first ({@link InternalTopics}: one rebalance at
     * start instead of two), then starts it and waits until it is RUNNING.
     */
    private Pipeline start(Topology topology, Properties streamsConfig) {
        InternalTopics.ensure(topology.describe(), streamsConfig, config.partitions());
        return Pipeline.start(topology, streamsConfig, Duration.ofSeconds(60));
    }

    /** newsflow's streams settings for this session, with {@code overrides} on top. */
    private Properties streamsConfig(Properties overrides) {
        if (stateDir == null) {
            try {
                stateDir = Files.createTempDirectory("newsflow-state-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return StreamsSettings.streamsConfig(bootstrapServers, stateDir, config.topics(), overrides);
    }

    /**
     * The sum over this session's pipeline instances of a Kafka Streams metric by name (a
     * newsflow sensor's {@code -total}, say), 0 before a pipeline started.
     */
    public double metricTotal(String name) {
        List<Pipeline> all = new ArrayList<>(peers);
        if (pipeline != null) {
            all.add(pipeline);
        }
        double sum = 0;
        for (Pipeline p : all) {
            for (var m : p.streams().metrics().values()) {
                if (m.metricName().name().equals(name) && m.metricValue() instanceof Number n) {
                    sum += n.doubleValue();
                }
            }
        }
        return sum;
    }

    @Override
    public void close() {
        if (views != null) {
            views.close();
        }
        for (Pipeline peer : peers) {
            peer.close();
        }
        if (pipeline != null) {
            pipeline.close();
        }
        if (embedded != null) {
            embedded.close();
        }
    }
}
