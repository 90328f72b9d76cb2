package newsflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.function.BiConsumer;

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
 * horizon, a 1-day trend retention and a 2-day serving retention; prints the entries of every store every N/10
 * articles. Bounded stores level off after the horizon; the others keep growing.
 *
 * <p>Run: {@code CLASSPATH=target/test-classes:target/classes:$(cat cp.txt) java -Xmx1g newsflow.bench.StoreGrowthBench 200000}
 * (cp.txt from {@code mvn dependency:build-classpath -Dmdep.outputFile=cp.txt}). The topology
 * test drivers keep every record they produce (changelogs and repartition topics included)
 * until it is read, so the run reads every topic every 100 articles: its heap holds the stores,
 * not the history.
 */
public final class StoreGrowthBench {

    /** 2,000 made-up words of two or three syllables: stories share words, rarely sentences. */
    private static final String[] WORDS = words(2000);
    private static final String[] NAMES = {"Port Aurel", "Vell Islands", "Marta Keller", "Ivan Petrov", "Nova City",
        "Selvan Agency", "Harbour Board", "Kestrel Group", "Ana Liu", "Omar Haddad"};

    private StoreGrowthBench() {
    }

    private static String[] words(int n) {
        String[] syllables = "ba ko ri mu te sa lo ne vi da pe ru fo gi ha ju ka lu me no".split(" ");
        Random r = new Random(11);
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            StringBuilder w = new StringBuilder();
            for (int k = 2 + r.nextInt(2); k > 0; k--) {
                w.append(syllables[r.nextInt(syllables.length)]);
            }
            out[i] = w.toString();
        }
        return out;
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

    /** The stores whose entries a run counts: processing's, then the serving views'. */
    public static final List<String> PROCESSING_STORES = List.of(DedupeStage.BANDS_STORE, DedupeStage.SHARD_FINGERPRINTS_STORE,
        DedupeStage.SHARD_EXPIRY_STORE, DedupeStage.ARTICLE_STATES_STORE, DedupeStage.ARTICLE_STATES_EXPIRY_STORE,
        DedupeStage.PENDING_STORE, EntityTrends.ARTICLES_STORE, EntityTrends.ARTICLES_EXPIRY_STORE, EntityTrends.COUNTS_STORE,
        EntityTrends.COUNTS_EXPIRY_STORE);
    public static final List<String> VIEW_STORES = List.of(ServingViews.ARTICLES_STORE, ServingViews.ENTITY_INDEX_STORE,
        ServingViews.ARTICLES_EXPIRY_STORE, ServingViews.ENTITY_INDEX_EXPIRY_STORE, ServingViews.ENTITY_HOURS_STORE,
        ServingViews.RECENT_ARTICLES_STORE);

    /**
     * What one run keeps: the dedupe horizon (the trend retention is the same), the serving
     * retention, and every how many articles (minutes of ingestion time) the wall-clock expiry
     * runs.
     */
    public record Settings(Duration horizon, Duration servingRetention, int expiryEvery) {
    }

    /**
     * Runs {@code n} articles and hands the entries of every store (by name) to
     * {@code checkpoint} after every {@code every} articles.
     */
    public static void run(int n, int every, Settings settings, BiConsumer<Integer, Map<String, Long>> checkpoint)
            throws IOException {
        Path state = Files.createTempDirectory("newsflow-growth-");
        PipelineConfig config = new PipelineConfig(Topics.DEFAULT, PipelineConfig.DEFAULT_MAX_PAGE_BYTES, settings.horizon(), 3,
            settings.horizon());
        Topics t = config.topics();
        Properties props = StreamsSettings.streamsConfig("dummy:9092", state.resolve("p"), t, new Properties());
        NewsflowTopology.Stages stages = new NewsflowTopology.Stages(
            new ArticleCleaner(CleaningPolicy.newsDefaults()), new CapitalisedPhraseTagger());
        Instant start = Instant.now();
        try (TopologyTestDriver processing = new TopologyTestDriver(NewsflowTopology.build(config, stages), props, start);
             TopologyTestDriver views = new TopologyTestDriver(ServingViews.topology(t, settings.servingRetention()),
                 ServingSettings.fromProcessing(StreamsSettings.streamsConfig("dummy:9092", state.resolve("v"), t, new Properties())), start)) {
            TestInputTopic<byte[], byte[]> raw = processing.createInputTopic(t.raw(), Serdes.ByteArray().serializer(),
                Serdes.ByteArray().serializer(), start, Duration.ofMinutes(1));
            List<TestOutputTopic<byte[], byte[]>> outs = new ArrayList<>();
            List<TestInputTopic<byte[], byte[]>> ins = new ArrayList<>();
            for (String topic : List.of(t.articles(), t.duplicates(), t.entityTrends(), t.deadLetters())) {
                outs.add(processing.createOutputTopic(topic, Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer()));
                ins.add(views.createInputTopic(topic, Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer()));
            }
            for (int i = 1; i <= n; i++) {
                int story = i % 5 == 0 ? i - 3 : i; // a fifth are copies of a story three minutes older
                raw.pipeInput(RawPageCodec.encode(RawPage.ofText("https://growth.example/" + i, story(story))));
                for (int k = 0; k < outs.size(); k++) {
                    for (TestRecord<byte[], byte[]> r : outs.get(k).readRecordsToList()) {
                        ins.get(k).pipeInput(new TestRecord<>(r.key(), r.value(), r.headers(), r.timestamp()));
                    }
                }
                if (i % 100 == 0) {
                    drain(processing);
                    drain(views);
                }
                if (i % settings.expiryEvery() == 0) { // wall-clock punctuators follow ingestion time
                    processing.advanceWallClockTime(Duration.ofMinutes(settings.expiryEvery()));
                    views.advanceWallClockTime(Duration.ofMinutes(settings.expiryEvery()));
                }
                if (i % every == 0) {
                    Map<String, Long> sizes = new LinkedHashMap<>();
                    PROCESSING_STORES.forEach(s -> sizes.put(s, count(processing.getKeyValueStore(s))));
                    VIEW_STORES.forEach(s -> sizes.put(s, count(views.getKeyValueStore(s))));
                    checkpoint.accept(i, sizes);
                }
            }
        }
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        System.out.println("articles  " + String.join("  ", PROCESSING_STORES) + "  " + String.join("  ", VIEW_STORES) + "  articles/s");
        long t0 = System.nanoTime();
        run(n, Math.max(1, n / 10), new Settings(Duration.ofDays(1), Duration.ofDays(2), 1000), (i, sizes) -> {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%8d", i));
            sizes.values().forEach(v -> line.append(String.format(Locale.ROOT, "  %d", v)));
            line.append(String.format(Locale.ROOT, "  %.0f", i / ((System.nanoTime() - t0) / 1e9)));
            System.out.println(line);
        });
    }

    /**
     * Reads away what the drivers keep of every topic they produced to (changelogs and
     * repartition topics included), so that a long run holds only the stores in memory.
     */
    private static void drain(TopologyTestDriver driver) {
        for (String topic : driver.producedTopicNames()) {
            driver.createOutputTopic(topic, Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer())
                .readRecordsToList();
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
