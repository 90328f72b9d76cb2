package newsflow.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.Callable;

import newsflow.core.Topics;
import newsflow.ingest.RawPage;
import newsflow.ingest.RawPageCodec;
import newsflow.ingest.RawProducer;
import newsflow.ingest.SyntheticPages;
import newsflow.output.OutputReader;
import org.apache.kafka.streams.StreamsConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true, usageHelpWidth = 100,
    description = {
        "Measure end-to-end pipeline throughput as a backfill sees it.",
        "",
        "Generates synthetic HTML articles (deterministic: --seed), a share of them exact copies",
        "of earlier ones under other URLs, produces them all to the raw topic, then starts the",
        "pipeline and times it until every input is accounted for. Prints articles/s.",
        ""})
final class BenchCommand implements Callable<Integer> {

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--articles", defaultValue = "20000", description = "How many raw pages (default: ${DEFAULT-VALUE}).")
    int articles;

    @Option(names = "--copies", defaultValue = "0.2", description = "Share of pages that copy an earlier one (default: ${DEFAULT-VALUE}).")
    double copies;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed of the generated corpus.")
    long seed;

    @Option(names = "--without-entities",
        description = "Tag nothing: measures ingest, clean, dedupe and outputs without entity recognition.")
    boolean withoutEntities;

    @Override
    public Integer call() {
        PrintStream log = System.err;
        Properties overrides = cluster.streamsOverrides();
        overrides.putIfAbsent(StreamsConfig.APPLICATION_ID_CONFIG, "newsflow-bench-" + System.nanoTime());
        try (Session session = Session.open(cluster.bootstrapServers, cluster.pipelineConfig(), log);
             OutputReader reader = new OutputReader(session.bootstrapServers(), session.config().topics(), true)) {
            reader.poll(Duration.ZERO);
            Random random = new Random(seed);
            ProgressBar producing = new ProgressBar(log, "pages produced");
            long bytes = 0;
            try (RawProducer producer = new RawProducer(session.bootstrapServers(), session.config().topics().raw(),
                Topics.MAX_RECORD_BYTES)) {
                for (int i = 0; i < articles; i++) {
                    int story = random.nextDouble() < copies && i > 0 ? random.nextInt(i) : i;
                    byte[] value = RawPageCodec.encode(RawPage.ofHtml("https://bench.example/" + i, SyntheticPages.html(story)));
                    bytes += value.length;
                    producer.send(value);
                    producing.update(i + 1, articles, "");
                }
            }
            producing.done(articles, String.format(Locale.ROOT, "%.1f MB", bytes / 1e6));

            long start = System.nanoTime();
            session.startPipeline(withoutEntities ? Components.withoutEntities(session.config())
                : Components.forConfig(session.config()), overrides);
            long accounted = 0;
            ProgressBar processing = new ProgressBar(log, "pages processed");
            while (accounted < articles) {
                accounted += reader.poll(Duration.ofMillis(200)).stream().filter(reader::isOutcome).count();
                processing.update(accounted, articles, "");
                if (System.nanoTime() - start > Duration.ofMinutes(30).toNanos()) {
                    throw new IllegalStateException("gave up after 30 minutes at " + accounted + "/" + articles);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            processing.done(accounted, "");
            System.out.printf(Locale.ROOT, "pipeline: %d pages (%.1f MB) in %.1f s = %.0f pages/s end to end "
                    + "(including start-up and the first rebalance)%n", articles, bytes / 1e6, seconds, articles / seconds);
        }
        return 0;
    }
}
