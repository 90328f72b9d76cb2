package newsflow.dedupe.stage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.stream.Stream;

import newsflow.core.CleanArticle;
import newsflow.core.serde.JsonSerde;
import newsflow.dedupe.DedupeTuning;
import newsflow.dedupe.Relation;
import newsflow.dedupe.stage.DedupeMessages.Event;
import newsflow.dedupe.stage.DedupeMessages.Probe;
import newsflow.dedupe.stage.DedupeMessages.ShardEntry;
import newsflow.dedupe.stage.ProbeProcessor.Routed;
import newsflow.eval.SyndicationCorpus;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The dedupe stage's index at scale: streams N generated articles through the stage's own
 * processors ({@link ProbeProcessor}, then {@link BandIndexProcessor} with its RocksDB stores,
 * as Kafka Streams creates them, changelogging off) on one band shard, so that one shard holds
 * the whole index: the worst case for a shard's size and cost. Reports, at checkpoints: the
 * cost per article (median of 1,000-article blocks over the last tenth of the run so far), the
 * false links among articles built to be distinct, the recall of planted copies, the index on
 * disk (RocksDB files of the shard's stores) and the process's resident memory; also the same
 * median in CPU time of the thread (insensitive to other load on the machine) and the 99th
 * percentile of single articles over the last 10,000.
 *
 * <p><b>Generator.</b> Text comes from a word-trigram Markov model of real news: the bodies of
 * {@link SyndicationCorpus#realBodies} (the extraction benchmark's 91 bodies, the seeds and the
 * CoNLL-2003 prose stories, about 194,000 words in Latin script, read from {@code ../shared} at run time). Each
 * next word follows the two before it with probability 0.75, else only the one before it (so
 * that articles do not replay the source verbatim); sentences end where the source's do;
 * paragraphs hold one to three sentences; articles have 250 to 600 words. Articles so share the
 * real corpus's names, phrases and word frequencies, as millions of stories about the same news
 * do. One in five ends with one of 40 boilerplate lines (newsletter, copyright, agency
 * notes). One in a hundred is a planted copy of a recent article (one of the last 5,000): a
 * truncation (the first 40-80% of its paragraphs), a partial syndication (the first third to
 * half, plus a generated paragraph and a "Read more" line), a heavy spin
 * ({@link SyndicationCorpus#spinShuffle}: synonyms, a fifth of the sentences dropped, a third
 * moved) or the same text under a chrome line. A link between two articles that do not
 * descend from one original (copies of copies included) is a false link (two generated articles
 * can in principle share a sentence by chance; such links are counted as false). Recall counts
 * a planted copy found when it is linked to the article it was made from.
 *
 * <p>Articles arrive 86.4 ms apart in stream time (one million a day); with the default 7-day
 * horizon nothing expires during a run of up to six million, so the index holds every article.
 *
 * <p>Run (after {@code mvn -q test-compile} and
 * {@code mvn -q dependency:build-classpath -Dmdep.outputFile=cp.txt}):
 * {@code java -Xmx2g -cp target/test-classes:target/eval-classes:target/classes:$(cat cp.txt)
 * newsflow.dedupe.stage.DedupeScaleBench 1000000 [stateDir [horizon, e.g. PT12H]]}. With a horizon
 * shorter than the run, the shard's expiry punctuator is called every eighth of a horizon, so
 * expiry (member lists, hot keys, fingerprints) is exercised and timed; the default 7 days
 * keeps every article of a run up to six million. The band table is opened as the pipeline
 * opens it ({@link DedupeRocksDb}); {@code -Dnewsflow.bench.streamsRocksDbDefaults=true} opens it
 * with Kafka Streams' own RocksDB settings instead, for comparison.
 */
public final class DedupeScaleBench {

    private static final long ARRIVAL_MILLIS = 86_400_000L / 1_000_000;
    private static final long START = Instant.parse("2026-01-05T00:00:00Z").toEpochMilli();
    private static final int BLOCK = 1_000;

    private DedupeScaleBench() {
    }

    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 100_000;
        Path stateDir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("newsflow-scale-bench");
        java.time.Duration horizon = args.length > 2 ? java.time.Duration.parse(args[2]) : DedupeTuning.defaults().horizon();
        MarkovText text = MarkovText.train(SyndicationCorpus.realBodies(Path.of("../shared")).values());
        System.out.printf(Locale.ROOT, "generator: %,d words of real text, %,d distinct trigram contexts%n",
            text.trainingWords, text.contexts());
        new DedupeScaleBench().run(n, text, stateDir, horizon);
    }

    private record Planted(String original, String kind) {
    }

    private static double medianOfLastTenth(List<Long> blocks) {
        List<Long> last = new ArrayList<>(blocks.subList(blocks.size() * 9 / 10, blocks.size()));
        last.sort(null);
        return last.get(last.size() / 2);
    }

    private void run(int n, MarkovText text, Path stateDir, java.time.Duration horizon) {
        DedupeConfig config = new DedupeConfig(DedupeTuning.defaults().withHorizon(horizon), 1);
        // Expiry runs by the shard's punctuator (every 5 minutes of wall-clock time in the stream),
        // called here every horizon's worth of articles / 8 when the horizon is shorter than the run.
        long perHorizon = horizon.toMillis() / ARRIVAL_MILLIS;
        int expireEvery = perHorizon < n ? (int) Math.max(1_000, perHorizon / 8) : 0;
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "scale-bench");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        if (!Boolean.getBoolean("newsflow.bench.streamsRocksDbDefaults")) {
            props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, DedupeRocksDb.class);
        }
        MockProcessorContext<String, Routed> probeContext = new MockProcessorContext<>(props);
        ProbeProcessor probe = new ProbeProcessor(config);
        probe.init(probeContext);
        MockProcessorContext<String, Event> shardContext = new MockProcessorContext<>(props,
            new org.apache.kafka.streams.processor.TaskId(0, 0), stateDir.toFile());
        addStore(shardContext, Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DedupeStage.BANDS_STORE),
            Serdes.Long(), BandMembers.serde()).withLoggingDisabled().build());
        addStore(shardContext, Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DedupeStage.SHARD_FINGERPRINTS_STORE),
            Serdes.String(), JsonSerde.of(ShardEntry.class)).withLoggingDisabled().build());
        addStore(shardContext, Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DedupeStage.SHARD_EXPIRY_STORE),
            Serdes.String(), Serdes.String()).withLoggingDisabled().build());
        BandIndexProcessor shard = new BandIndexProcessor(config, DedupeStage.BANDS_STORE,
            DedupeStage.SHARD_FINGERPRINTS_STORE, DedupeStage.SHARD_EXPIRY_STORE);
        shard.init(shardContext);

        Random random = new Random(20261205L);
        List<String> recent = new ArrayList<>();
        Map<String, String> bodies = new HashMap<>();
        Map<String, Planted> planted = new HashMap<>();
        Map<String, Integer> plantedByKind = new java.util.TreeMap<>();
        Map<String, Integer> foundByKind = new java.util.TreeMap<>();
        long falseLinks = 0;
        long plantedFound = 0;
        long plantedTotal = 0;
        long relations = 0;
        List<Long> blockNanos = new ArrayList<>();
        List<Long> blockCpu = new ArrayList<>();
        long blockStart = 0;
        long blockCpuStart = 0;
        long busy = 0;
        long cpu = 0;
        long expiryNanos = 0;
        long[] recentNanos = new long[10_000];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long probeNanos = 0;
        System.out.println("articles  us/article wall (median of 1k blocks, last tenth)  us CPU (same)  p99 us (last 10k)  "
            + "false links  planted found/total  index on disk  RSS  heap used  expiry time so far");
        for (int i = 1; i <= n; i++) {
            String id = String.format(Locale.ROOT, "a%08d", i);
            String body;
            if (i > 100 && random.nextInt(100) == 0) {
                String original = recent.get(random.nextInt(recent.size()));
                String kind = switch (random.nextInt(4)) {
                    case 0 -> "truncate";
                    case 1 -> "partial";
                    case 2 -> "spin";
                    default -> "chrome";
                };
                body = copy(bodies.get(original), kind, text, random);
                if (body == null) { // the synonym table changed too little of this text
                    kind = "chrome";
                    body = copy(bodies.get(original), kind, text, random);
                }
                plantedByKind.merge(kind, 1, Integer::sum);
                planted.put(id, new Planted(original, kind));
                plantedTotal++;
            } else {
                body = text.article(random);
            }
            recent.add(id);
            bodies.put(id, body);
            if (recent.size() > 5_000) {
                bodies.remove(recent.remove(0));
            }
            long ts = START + i * ARRIVAL_MILLIS;
            CleanArticle article = new CleanArticle("https://bench.example/" + id, null, null,
                Instant.ofEpochMilli(ts).toString(), null, "en", body);

            long t0 = System.nanoTime();
            long cpu0 = threads.getCurrentThreadCpuTime();
            probe.process(new Record<>(id, article, ts));
            long t1 = System.nanoTime();
            probeNanos += t1 - t0;
            for (MockProcessorContext.CapturedForward<? extends String, ? extends Routed> f : probeContext.forwarded()) {
                Probe p = f.record().value().probe();
                if (p != null) {
                    shard.process(new Record<>(f.record().key(), p, ts));
                }
            }
            long took = System.nanoTime() - t0;
            busy += took;
            cpu += threads.getCurrentThreadCpuTime() - cpu0;
            recentNanos[(i - 1) % recentNanos.length] = took;
            probeContext.resetForwards();

            for (MockProcessorContext.CapturedForward<? extends String, ? extends Event> f : shardContext.forwarded()) {
                Event e = f.record().value();
                if (e.kind() != DedupeMessages.EventKind.REPLY) {
                    continue;
                }
                for (Relation r : e.relations()) {
                    relations++;
                    Planted p = planted.get(id);
                    if (p != null && p.original().equals(r.other(id))) {
                        plantedFound++;
                        foundByKind.merge(p.kind(), 1, Integer::sum);
                    } else if (!root(planted, id).equals(root(planted, r.other(id)))) {
                        falseLinks++;
                        if (falseLinks <= 5) {
                            System.out.println("  false link: " + r);
                        }
                    }
                }
            }
            shardContext.resetForwards();
            if (i % BLOCK == 0) {
                blockNanos.add(busy - blockStart);
                blockCpu.add(cpu - blockCpuStart);
                blockStart = busy;
                blockCpuStart = cpu;
            }
            if (expireEvery > 0 && i % expireEvery == 0) {
                for (MockProcessorContext.CapturedPunctuator p : shardContext.scheduledPunctuators()) {
                    long e0 = System.nanoTime();
                    p.getPunctuator().punctuate(ts);
                    expiryNanos += System.nanoTime() - e0;
                }
            }
            if (i == 10_000 || i == 100_000 || i == n || i % 250_000 == 0) {
                double medianMicros = medianOfLastTenth(blockNanos) / 1000.0 / BLOCK;
                double medianCpuMicros = medianOfLastTenth(blockCpu) / 1000.0 / BLOCK;
                long[] lastTimes = java.util.Arrays.copyOf(recentNanos, Math.min(i, recentNanos.length));
                java.util.Arrays.sort(lastTimes);
                double p99Micros = lastTimes[(int) (lastTimes.length * 0.99)] / 1000.0;
                Runtime rt = Runtime.getRuntime();
                System.out.printf(Locale.ROOT, "%,9d  %8.0f  %8.0f  %8.0f  %11d  %8d/%d  %,10d MB  %,6d MB  %,6d MB  %,8.1f s%n",
                    i, medianMicros, medianCpuMicros, p99Micros, falseLinks, plantedFound, plantedTotal,
                    directoryBytes(stateDir) >> 20, rssKb() >> 10, (rt.totalMemory() - rt.freeMemory()) >> 20,
                    expiryNanos / 1e9);
            }
        }
        System.out.println("planted copies by kind: " + plantedByKind + "; found: " + foundByKind);
        System.out.printf(Locale.ROOT, "%d relations, %d false links among %,d articles (%.2e per article); "
            + "total busy time %.0f s, of which fingerprinting and probes %.0f s%n", relations, falseLinks, n,
            (double) falseLinks / n, busy / 1e9, probeNanos / 1e9);
    }

    /** The article a planted copy was made from, following copies of copies; the article itself otherwise. */
    private static String root(Map<String, Planted> planted, String id) {
        String at = id;
        while (planted.containsKey(at)) {
            at = planted.get(at).original();
        }
        return at;
    }

    private static void addStore(MockProcessorContext<String, Event> context, KeyValueStore<?, ?> store) {
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
    }

    private static String copy(String body, String kind, MarkovText text, Random random) {
        String[] paragraphs = body.split("\n\n");
        return switch (kind) {
            case "truncate" -> String.join("\n\n", java.util.Arrays.copyOf(paragraphs,
                Math.max(1, (int) (paragraphs.length * (0.4 + 0.4 * random.nextDouble())))));
            case "spin" -> SyndicationCorpus.spinShuffle(body, random);
            case "partial" -> String.join("\n\n", java.util.Arrays.copyOf(paragraphs,
                Math.max(1, (int) Math.ceil(paragraphs.length * (1 / 3.0 + random.nextDouble() / 6)))))
                + "\n\n" + text.paragraph(random) + "\n\nRead more: " + text.sentence(random);
            default -> "Share this article on Facebook, Twitter or by email\n\n" + body;
        };
    }

    private static long directoryBytes(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    /** A word-trigram Markov model of real text, with back-off to bigrams. */
    static final class MarkovText {
        private static final String END = "\u0000";
        private static final String[] BOILERPLATE = boilerplate();
        private final Map<String, List<String>> trigrams = new HashMap<>();
        private final Map<String, List<String>> bigrams = new HashMap<>();
        private final List<String> starts = new ArrayList<>();
        long trainingWords;

        static MarkovText train(Iterable<String> bodies) {
            MarkovText m = new MarkovText();
            for (String body : bodies) {
                if (!SyndicationCorpus.latin(body)) {
                    continue;
                }
                for (String paragraph : body.split("\n\n")) {
                    for (String sentence : paragraph.split("(?<=[.!?][\"”’)]?)\\s+(?=[\"“‘(]?\\p{Lu})")) {
                        m.add(sentence.strip().split("\\s+"));
                    }
                }
            }
            return m;
        }

        private void add(String[] words) {
            if (words.length < 4) {
                return;
            }
            trainingWords += words.length;
            starts.add(words[0] + " " + words[1]);
            for (int i = 0; i < words.length; i++) {
                String next = i + 2 < words.length ? words[i + 2] : END;
                if (i + 1 < words.length) {
                    trigrams.computeIfAbsent(words[i] + " " + words[i + 1], k -> new ArrayList<>(2)).add(next);
                }
                bigrams.computeIfAbsent(words[i], k -> new ArrayList<>(2)).add(i + 1 < words.length ? words[i + 1] : END);
            }
        }

        int contexts() {
            return trigrams.size();
        }

        String sentence(Random r) {
            String[] start = starts.get(r.nextInt(starts.size())).split(" ");
            List<String> out = new ArrayList<>(List.of(start));
            while (out.size() < 60) {
                String a = out.get(out.size() - 2);
                String b = out.get(out.size() - 1);
                List<String> options = r.nextDouble() < 0.75 ? trigrams.get(a + " " + b) : null;
                if (options == null) {
                    options = bigrams.get(b);
                }
                if (options == null) {
                    break;
                }
                String next = options.get(r.nextInt(options.size()));
                if (next.equals(END)) {
                    break;
                }
                out.add(next);
            }
            String s = String.join(" ", out);
            return s.matches(".*[.!?\"]$") ? s : s + ".";
        }

        String paragraph(Random r) {
            int sentences = 1 + r.nextInt(3);
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < sentences; i++) {
                b.append(i == 0 ? "" : " ").append(sentence(r));
            }
            return b.toString();
        }

        String article(Random r) {
            int target = 250 + r.nextInt(351);
            StringBuilder b = new StringBuilder();
            int words = 0;
            while (words < target) {
                String p = paragraph(r);
                b.append(b.length() == 0 ? "" : "\n\n").append(p);
                words += p.split(" ").length;
            }
            if (r.nextInt(5) == 0) {
                b.append("\n\n").append(BOILERPLATE[r.nextInt(BOILERPLATE.length)]);
            }
            return b.toString();
        }

        private static String[] boilerplate() {
            String[] subjects = {"our morning newsletter", "breaking news alerts", "the weekly digest", "our podcast",
                "the business briefing", "the evening edition", "local news updates", "the sports roundup"};
            String[] forms = {"Sign up for %s to get the top stories in your inbox every day.",
                "Subscribe to %s for the latest news and analysis from our reporters.",
                "Do not miss %s: register now and read it free for a month.",
                "Copyright 2026, all rights reserved. Get %s delivered to your inbox.",
                "This story was supplied by a news agency. Find more like it in %s."};
            List<String> out = new ArrayList<>();
            for (String f : forms) {
                for (String s : subjects) {
                    out.add(String.format(Locale.ROOT, f, s));
                }
            }
            return out.toArray(new String[0]);
        }
    }
}
