package newsflow.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;

import newsflow.clean.ArticleCleaner;
import newsflow.clean.CleaningPolicy;
import newsflow.core.Topics;
import newsflow.dedupe.stage.DedupeStage;
import newsflow.entities.CapitalisedPhraseTagger;
import newsflow.ingest.RawPage;
import newsflow.ingest.RawPageCodec;
import newsflow.output.EntityTrends;
import newsflow.pipeline.NewsflowTopology;
import newsflow.pipeline.PipelineConfig;
import newsflow.pipeline.StreamsSettings;
import newsflow.serving.ServingSettings;
import newsflow.serving.ServingViews;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;

/**
 * Store sizes over a long run: N synthetic articles (one a minute of ingestion time, a fifth
 * of them copies) through the processing topology and the serving views, with a 1-day dedupe
 * horizon and a 2-day serving retention; prints the entries of every store every N/10
 * articles. Bounded stores level off after the horizon; the others keep growing.
 *
 * <p>Run: {@code java -Xmx4g -cp target/test-classes:target/classes:$(cat cp.txt) newsflow.bench.StoreGrowthBench 6000}
 * (cp.txt from {@code mvn dependency:build-classpath -Dmdep.outputFile=cp.txt}). The topology
 * test driver keeps every record it produced, changelogs included, in memory, so a run is
 * limited to a few thousand articles (6,000 = 4 days of ingestion time, four dedupe horizons
 * and two serving retentions); a run of 200,000 needs the real broker.
 */
public final class StoreGrowthBench {

    private static final String[] WORDS = ("council harbour ferry budget school road river bridge market station "
        + "mayor minister police hospital weather storm festival museum library stadium team season court "
        + "election vote plan report figures officials residents workers farmers teachers drivers").split(" ");
    private static final String[] NAMES = {"Port Aurel", "Vell Islands", "Marta Keller", "Ivan Petrov", "Nova City",
        "Selvan Agency", "Harbour Board", "Kestrel Group", "Ana Liu", "Omar Haddad"};

    private StoreGrowthBench() {
    }

    private static String story(int n) {
        Random r = new Random(n * 7919L);
        StringBuilder b = new StringBuilder();
        for (int s = 0; s < 8; s++) {
            b.append(NAMES[r.nextInt(NAMES.length)]).append(' ');
            for (int w = 0; w < 14; w++) {
                b.append(WORDS[r.nextInt(WORDS.length)]).append(w == 13 ? "" : " ");
            }
            b.append(" number ").append(n).append('-').append(s).append(". ");
            if (s % 3 == 2) {
                b.append("\n\n");
            }
        }
        return b.toString().strip();
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        Path state = Files.createTempDirectory("newsflow-growth-");
        PipelineConfig config = new PipelineConfig(Topics.DEFAULT, PipelineConfig.DEFAULT_MAX_PAGE_BYTES, Duration.ofDays(1), 3);
        Topics t = config.topics();
        Properties props = StreamsSettings.streamsConfig("dummy:9092", state.resolve("p"), t, new Properties());
        NewsflowTopology.Stages stages = new NewsflowTopology.Stages(
            new ArticleCleaner(CleaningPolicy.newsDefaults()), new CapitalisedPhraseTagger());
        Instant start = Instant.now();
        try (TopologyTestDriver processing = new TopologyTestDriver(NewsflowTopology.build(config, stages), props, start);
             TopologyTestDriver views = new TopologyTestDriver(ServingViews.topology(t, Duration.ofDays(2)),
                 ServingSettings.fromProcessing(StreamsSettings.streamsConfig("dummy:9092", state.resolve("v"), t, new Properties())), start)) {
            TestInputTopic<byte[], byte[]> raw = processing.createInputTopic(t.raw(), Serdes.ByteArray().serializer(),
                Serdes.ByteArray().serializer(), start, Duration.ofMinutes(1));
            List<TestOutputTopic<byte[], byte[]>> outs = new ArrayList<>();
            List<TestInputTopic<byte[], byte[]>> ins = new ArrayList<>();
            for (String topic : List.of(t.articles(), t.duplicates(), t.entityTrends(), t.deadLetters())) {
                outs.add(processing.createOutputTopic(topic, Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer()));
                ins.add(views.createInputTopic(topic, Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer()));
            }
            List<String> processingStores = List.of(DedupeStage.BANDS_STORE, DedupeStage.SHARD_FINGERPRINTS_STORE,
                DedupeStage.SHARD_EXPIRY_STORE, DedupeStage.ARTICLE_STATES_STORE, DedupeStage.ARTICLE_STATES_EXPIRY_STORE,
                DedupeStage.PENDING_STORE, EntityTrends.ARTICLES_STORE, EntityTrends.COUNTS_STORE);
            List<String> viewStores = List.of(ServingViews.ARTICLES_STORE, ServingViews.ENTITY_INDEX_STORE,
                ServingViews.ARTICLES_EXPIRY_STORE, ServingViews.ENTITY_INDEX_EXPIRY_STORE, ServingViews.ENTITY_HOURS_STORE,
                ServingViews.RECENT_ARTICLES_STORE);
            System.out.println("articles  " + String.join("  ", processingStores) + "  " + String.join("  ", viewStores) + "  articles/s");
            long t0 = System.nanoTime();
            int every = Math.max(1, n / 10);
            for (int i = 1; i <= n; i++) {
                int story = i % 5 == 0 ? i - 3 : i; // a fifth are copies of a story three minutes older
                raw.pipeInput(RawPageCodec.encode(RawPage.ofText("https://growth.example/" + i, story(story))));
                for (int k = 0; k < outs.size(); k++) {
                    for (TestRecord<byte[], byte[]> r : outs.get(k).readRecordsToList()) {
                        ins.get(k).pipeInput(new TestRecord<>(r.key(), r.value(), r.headers(), r.timestamp()));
                    }
                }
                if (i % 1000 == 0) { // wall-clock punctuators follow ingestion time
                    processing.advanceWallClockTime(Duration.ofMinutes(1000));
                    views.advanceWallClockTime(Duration.ofMinutes(1000));
                }
                if (i % every == 0) {
                    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%8d", i));
                    for (String s : processingStores) {
                        line.append(String.format(Locale.ROOT, "  %d", count(processing.getKeyValueStore(s))));
                    }
                    for (String s : viewStores) {
                        line.append(String.format(Locale.ROOT, "  %d", count(views.getKeyValueStore(s))));
                    }
                    line.append(String.format(Locale.ROOT, "  %.0f", i / ((System.nanoTime() - t0) / 1e9)));
                    System.out.println(line);
                }
            }
        }
    }

    private static long count(KeyValueStore<Object, Object> store) {
        long c = 0;
        try (KeyValueIterator<Object, Object> it = store.all()) {
            while (it.hasNext()) {
                it.next();
                c++;
            }
        }
        return c;
    }
}
