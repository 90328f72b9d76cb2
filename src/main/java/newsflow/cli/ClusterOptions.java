package newsflow.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import newsflow.pipeline.PipelineConfig;
import newsflow.pipeline.StreamsSettings;
import newsflow.serving.ServingViews;
import picocli.CommandLine.Option;

/** Options shared by the commands that talk to Kafka. */
public final class ClusterOptions {

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
        description = "Kafka cluster to use. Without it, a single-node broker starts in this process.")
    public String bootstrapServers;

    @Option(names = "--config", paramLabel = "FILE",
        description = "Properties file: newsflow settings (max.page.bytes, dedupe.horizon, trends.retention, "
            + "topic.partitions (default: one per stream thread on the embedded broker, at most 8; 3 on a cluster), "
            + "topic.raw, topic.articles, ..., serving.retention such as P30D, "
            + "api.internal.secret) and any "
            + "Kafka Streams setting (num.stream.threads, ...).")
    Path configFile;

    @Option(names = "--state-dir", paramLabel = "DIR",
        description = "Where Kafka Streams keeps local state (a cache of the changelog topics; "
            + "default: a temporary directory, or state.dir from --config).")
    Path stateDir;

    @Option(names = "--max-page-bytes", paramLabel = "N",
        description = "Raw records larger than this are dead-lettered (default: 5 MiB).")
    Integer maxPageBytes;

    /** The --config property setting how long the serving views keep an article (ISO-8601, e.g. P30D). */
    public static final String SERVING_RETENTION = "serving.retention";

    /** {@value #SERVING_RETENTION} from --config, else the views' default (30 days). */
    public Duration servingRetention() {
        String value = properties().getProperty(SERVING_RETENTION);
        if (value == null || value.isBlank()) {
            return ServingViews.DEFAULT_RETENTION;
        }
        try {
            Duration d = Duration.parse(value.strip());
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("must be positive");
            }
            return d;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(SERVING_RETENTION + " must be a positive ISO-8601 duration such as P30D, got '"
                + value + "'");
        }
    }

    /** The --config property naming the shared secret of the instances' internal API. */
    public static final String API_SECRET = "api.internal.secret";

    /**
     * The shared secret instances present to each other's internal API: {@value #API_SECRET}
     * from --config, else $NEWSFLOW_API_SECRET, else null (internal endpoints open).
     */
    public String apiSecret() {
        String fromConfig = properties().getProperty(API_SECRET);
        if (fromConfig != null && !fromConfig.isBlank()) {
            return fromConfig.strip();
        }
        String fromEnv = System.getenv("NEWSFLOW_API_SECRET");
        return fromEnv == null || fromEnv.isBlank() ? null : fromEnv.strip();
    }

    /** The properties of --config, empty without it. */
    public Properties properties() {
        Properties p = new Properties();
        if (configFile != null) {
            if (!Files.isRegularFile(configFile)) {
                throw new IllegalArgumentException("--config: no such file: " + configFile);
            }
            try (InputStream in = Files.newInputStream(configFile)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + configFile, e);
            }
        }
        if (stateDir != null) {
            p.setProperty("state.dir", stateDir.toString());
        }
        if (maxPageBytes != null) {
            p.setProperty("max.page.bytes", String.valueOf(maxPageBytes));
        }
        return p;
    }

    /**
     * Most partitions the embedded broker's default gives a topic: the default was measured on
     * two threads only, and each partition is also a dedupe shard (a probe per shard, each
     * verifying at most its own candidates), so more would change dedupe's cost and, past the
     * candidate cap, its verdicts. {@value PipelineConfig#PARTITIONS} in --config goes beyond.
     */
    public static final int MAX_DEFAULT_PARTITIONS = 8;

    /** The pipeline's settings from --config, for one instance: {@link #pipelineConfig(int)}. */
    public PipelineConfig pipelineConfig() {
        return pipelineConfig(1);
    }

    /**
     * The pipeline's settings from --config. Unless --config sets {@value PipelineConfig#PARTITIONS},
     * the topics created on the embedded broker get one partition per processing thread that
     * will share them, {@code instances} x {@code num.stream.threads} (one per core by default),
     * at most {@value #MAX_DEFAULT_PARTITIONS}. The assignor then usually deals each thread one
     * task of every sub-topology, so the tagging splits evenly, and no thread carries tasks it
     * cannot run in parallel: each task adds its own offset commits, transaction markers and
     * stores. With three partitions on two threads one thread held two of the three entity tasks
     * (bench on real text, two cores, alternating runs: a median of 158 records/s end to end
     * with two partitions, 120 with three; BENCHMARKS.md). On a cluster (--bootstrap-servers)
     * the default stays {@value PipelineConfig#DEFAULT_PARTITIONS}, room for instances started
     * later (partitions cannot be taken back); a topic that exists keeps its partitions either way.
     *
     * @param instances pipeline instances of one application this process runs (bench's --instances), at least 1
     */
    public PipelineConfig pipelineConfig(int instances) {
        if (instances < 1) {
            throw new IllegalArgumentException("instances must be at least 1, got " + instances);
        }
        Properties p = properties();
        if (bootstrapServers == null && p.getProperty(PipelineConfig.PARTITIONS) == null) {
            int threads = StreamsSettings.streamThreads(p); // reads num.stream.threads only
            p.setProperty(PipelineConfig.PARTITIONS, String.valueOf(Math.min(MAX_DEFAULT_PARTITIONS, (long) instances * threads)));
        }
        return PipelineConfig.fromProperties(p);
    }

    /**
     * The pipeline's settings from --config with {@value PipelineConfig#DEFAULT_PARTITIONS}
     * partitions wherever --config does not set them, on the embedded broker too: for
     * evaluations, whose tables must not depend on the machine's cores (the partitions are the
     * dedupe shards).
     */
    public PipelineConfig pipelineConfigForEvaluation() {
        return PipelineConfig.fromProperties(properties());
    }

    /** Properties of --config that are not newsflow's own: passed to Kafka Streams. */
    public Properties streamsOverrides() {
        Properties all = properties();
        Properties out = new Properties();
        for (String name : all.stringPropertyNames()) {
            if (!name.startsWith("topic.") && !name.equals("max.page.bytes") && !name.equals("dedupe.horizon")
                    && !name.equals("trends.retention") && !name.equals(API_SECRET) && !name.equals(SERVING_RETENTION)) {
                out.setProperty(name, all.getProperty(name));
            }
        }
        return out;
    }
}
