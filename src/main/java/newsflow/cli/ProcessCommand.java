package newsflow.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;

import newsflow.core.Topics;
import newsflow.ingest.PageFiles;
import newsflow.pipeline.PipelineConfig;
import newsflow.pipeline.StreamsSettings;
import org.apache.kafka.streams.StreamsConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "process", mixinStandardHelpOptions = true, usageHelpWidth = 100,
    description = {
        "Run files through the whole pipeline and write every output record to a file.",
        "",
        "Starts an embedded broker (or uses --bootstrap-servers, with topics of its own so it",
        "never mixes with a running pipeline), sends PATH in order to the raw topic, runs the",
        "pipeline until every input is accounted for (article, duplicate or dead letter), writes",
        "each output record as a JSON line {\"topic\", \"key\", \"value\"} to --out, and exits 0.",
        "",
        "Inputs: .txt (scraped text, UTF-8), .html/.htm (any encoding, read as a browser does;",
        "optionally .gz), .jsonl (one raw JSON object per line); directories recursively, in",
        "name order.",
        ""})
final class ProcessCommand implements Callable<Integer> {

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the output records (JSON lines).")
    Path out;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
        description = "Give up when inputs are still unaccounted for after this long (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories to process.")
    List<Path> paths;

    @Override
    public Integer call() {
        var log = System.err;
        List<Path> files = PageFiles.list(paths, skipped -> log.println("skipping " + skipped + " (unsupported type)"));
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no input files under " + paths);
        }
        PipelineConfig config = cluster.pipelineConfig();
        Properties overrides = cluster.streamsOverrides();
        if (cluster.bootstrapServers != null) {
            // A run of its own on a shared cluster: private topics and application id.
            String prefix = "newsflow-process-" + UUID.randomUUID().toString().substring(0, 8);
            config = config.withTopics(config.topics().prefixed(prefix));
            overrides.putIfAbsent(StreamsConfig.APPLICATION_ID_CONFIG, prefix);
        }
        overrides.putIfAbsent(StreamsConfig.APPLICATION_ID_CONFIG, StreamsSettings.DEFAULT_APPLICATION_ID);
        try (Session session = Session.open(cluster.bootstrapServers, config, log);
             BufferedWriter writer = Files.newBufferedWriter(out)) {
            session.startPipeline(Components.forConfig(session.config()), overrides);
            Collector.Summary summary = Collector.run(session, files, o -> {
                try {
                    writer.write(o.toJsonLine());
                    writer.newLine();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + out, e);
                }
            }, Duration.ofSeconds(timeoutSeconds), Duration.ofSeconds(3), log);
            log.println(summary.describe() + " -> " + out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        }
        return 0;
    }
}
