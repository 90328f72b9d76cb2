package newsflow.cli;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import newsflow.clean.ArticleCleaner;
import newsflow.core.CleanArticle;
import newsflow.core.RecordFailure;
import newsflow.core.Topics;
import newsflow.entities.EntityTagger;
import newsflow.entities.stage.EntityStage;
import newsflow.ingest.PageFiles;
import newsflow.ingest.RawPage;
import newsflow.ingest.RawPageCodec;
import newsflow.ingest.RawProducer;
import newsflow.ingest.SyntheticPages;
import newsflow.ops.PipelineMetrics;
import newsflow.ops.TopicOffsets;
import newsflow.output.OutputReader;
import newsflow.output.OutputReader.Output;
import newsflow.pipeline.NewsflowTopology;
import newsflow.pipeline.PipelineConfig;
import newsflow.pipeline.StreamsSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.StreamsConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true, usageHelpWidth = 100,
    description = {
        "Measure end-to-end pipeline throughput as a backfill sees it.",
        "",
        "Produces every input to the raw topic first, then starts the pipeline and times it until",
        "every input is accounted for (article, duplicate or dead letter), start-up and the first",
        "rebalance included. Prints articles/s and words/s end to end, how long the start took (until",
        "RUNNING, and until the first outcome), the time each stage spent on its records (from the",
        "stage timers), and the clean and entity stages measured alone on the same inputs in the",
        "same run, one record at a time, so that the pipeline's overhead over its slowest stage is",
        "a ratio: (pipeline seconds x stream threads) / (slowest stage alone, in its thread's CPU",
        "seconds) - 1; the same in CPU time, and the measured phase's CPU split by who spent it",
        "(stream threads, producers' network threads, the bench's reader, the broker, and the JVM's",
        "and native threads: JIT compiler, garbage collector, RocksDB).",
        "",
        "Inputs: --corpus PATH... (real raw records: .jsonl, .html/.htm, .txt, optionally .gz,",
        "directories recursively, as `process` takes them; each record sent once, in order), or",
        "else --articles synthetic HTML pages with a share of exact copies (deterministic: --seed).",
        "",
        "--warm-up N first runs the whole pipeline N times over the same inputs, each under topics and",
        "an application id of its own, in this JVM and with the same stages: the measured run then",
        "starts with compiled code and a warm word cache, as minutes into a backfill (on a 2-core",
        "machine the JIT compiler takes a quarter to a third of the CPU for the first 100 s or so,",
        "ten passes over an 800-record corpus); the cache then holds the corpus's own words, so on",
        "a small corpus the warm figure leans high. Bench needs empty topics: it refuses a raw",
        "topic that already holds records.",
        ""})
final class BenchCommand implements Callable<Integer> {

    /** Above this share of the measured phase's CPU spent compiling (the JIT compiler's own counter), the bench says the JVM was still warming. */
    static final double JIT_WARNING_SHARE = 0.10;

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--corpus", arity = "1..*", paramLabel = "PATH",
        description = "Real raw records to measure on, instead of synthetic pages.")
    List<Path> corpus;

    @Option(names = "--articles", defaultValue = "20000", description = "How many synthetic pages (default: ${DEFAULT-VALUE}).")
    int articles;

    @Option(names = "--copies", defaultValue = "0.2", description = "Share of synthetic pages that copy an earlier one (default: ${DEFAULT-VALUE}).")
    double copies;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed of the generated corpus.")
    long seed;

    @Option(names = "--without-entities",
        description = "Tag nothing: measures ingest, clean, dedupe and outputs without entity recognition.")
    boolean withoutEntities;

    @Option(names = "--instances", paramLabel = "N", defaultValue = "1",
        description = "Pipeline instances of one application, started together in this process, each with "
            + "num.stream.threads threads and its own state: compare two instances of one thread with one of two "
            + "(default: ${DEFAULT-VALUE}).")
    int instances;

    @Option(names = "--warm-up", paramLabel = "N", defaultValue = "0",
        description = "Whole-pipeline runs over the same inputs before the measured one, each on topics of its own "
            + "(default: ${DEFAULT-VALUE}: the measured run starts cold).")
    int warmUps;

    @Option(names = "--timeout", paramLabel = "MINUTES", defaultValue = "30",
        description = "Give up when inputs are still unaccounted for after this long (default: ${DEFAULT-VALUE}).")
    long timeoutMinutes;

    /** What a warm-up run's application id adds to the measured run's: {@code <id>-warm-up-<n>}. */
    static final String WARM_UP = "warm-up-";

    @Override
    public Integer call() {
        PrintStream log = System.err;
        List<byte[]> inputs = corpus == null ? synthetic() : read(corpus, log);
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no input records under " + corpus);
        }
        Properties overrides = cluster.streamsOverrides();
        overrides.putIfAbsent(StreamsConfig.APPLICATION_ID_CONFIG, "newsflow-bench-" + System.nanoTime());
        if (instances < 1) {
            throw new IllegalArgumentException("--instances must be at least 1, got " + instances);
        }
        int threadsPerInstance = StreamsSettings.streamThreads(overrides);
        int threads = instances * threadsPerInstance;
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        if (warmUps < 0) {
            throw new IllegalArgumentException("--warm-up must be 0 or more, got " + warmUps);
        }
        try (Session session = Session.open(cluster.bootstrapServers, cluster.pipelineConfig(instances), log)) {
            NewsflowTopology.Stages stages = withoutEntities ? Components.withoutEntities(session.config())
                : Components.forConfig(session.config());
            for (int w = 1; w <= warmUps; w++) {
                // Topics and an application id of its own: the measured run starts with empty state.
                Properties own = new Properties();
                own.putAll(overrides);
                String id = overrides.get(StreamsConfig.APPLICATION_ID_CONFIG) + "-" + WARM_UP + w;
                own.put(StreamsConfig.APPLICATION_ID_CONFIG, id);
                PipelineConfig config = session.config().withTopics(session.config().topics().prefixed(id));
                try (Session warm = Session.open(session.bootstrapServers(), config, log)) {
                    Run run = run(warm, inputs, stages, own, new PipelineMetrics(new SimpleMeterRegistry()), log);
                    System.out.printf(Locale.ROOT, "warm-up %d of %d: %.1f s = %.1f records/s end to end, %.1f records/s "
                        + "from the first outcome (not measured)%n", w, warmUps, run.seconds, inputs.size() / run.seconds,
                        (inputs.size() - 1) / run.steady);
                }
            }
            Run run = run(session, inputs, stages, overrides, new PipelineMetrics(registry), log);
            double seconds = run.seconds;
            double steady = run.steady;
            long bytes = run.bytes;
            long kept = run.kept;
            long words = run.words;
            System.out.printf(Locale.ROOT, "pipeline: %d records (%.1f MB) in %.1f s = %.1f records/s end to end "
                    + "(start-up and the first rebalance included), %d stream threads (%d instance%s x %d), %d partitions%n",
                inputs.size(), bytes / 1e6, seconds, inputs.size() / seconds, threads, instances,
                instances == 1 ? "" : "s", threadsPerInstance, session.config().partitions());
            System.out.printf(Locale.ROOT, "  from the first outcome to the last: %.1f s = %.1f records/s%n",
                steady, (inputs.size() - 1) / steady);
            int cores = Runtime.getRuntime().availableProcessors();
            CpuClock.Phase cpu = run.steadyCpu;
            if (!CpuClock.threadCpuTimeAvailable()) {
                System.out.println("  (this JVM does not measure threads' CPU time: no split of the CPU by spender, and the "
                    + "stages alone are timed in the process's CPU time)");
            } else if (steady > 0) {
                StringBuilder spent = new StringBuilder();
                for (CpuClock.Spender s : CpuClock.Spender.values()) {
                    spent.append(spent.length() == 0 ? "" : ", ").append(s.label)
                        .append(String.format(Locale.ROOT, " %.1f s", Math.max(0, cpu.of(s))));
                }
                System.out.printf(Locale.ROOT, "  CPU in that phase: the process %.1f s of %.1f s on %d cores (%.0f %% busy): %s%s%n",
                    cpu.processSeconds(), steady * cores, cores, 100 * cpu.processSeconds() / (steady * cores), spent,
                    cpu.threadsEnded() == 0 ? "" : String.format(Locale.ROOT, " (%d Java threads ended in it: their time "
                        + "counts with the JVM's)", cpu.threadsEnded()));
                double jitShare = cpu.processSeconds() <= 0 || cpu.jitSeconds() < 0 ? 0 : cpu.jitSeconds() / cpu.processSeconds();
                if (cpu.processSeconds() >= 1 && jitShare > JIT_WARNING_SHARE) {
                    System.out.printf(Locale.ROOT, "  note: the JIT compiler's compilations took %.1f s in that phase (elapsed, over its threads; "
                        + "the process used %.1f s of CPU): these are the figures of a JVM still compiling (on 2 cores, about the first 100 s of work); "
                        + "a larger corpus or --warm-up N shows the settled pipeline%n", cpu.jitSeconds(), cpu.processSeconds());
                }
            }
            System.out.printf(Locale.ROOT, "  start-up: RUNNING after %.1f s (internal topics, group join, stores), "
                + "first outcome after %.1f s%n", run.toRunning, seconds - steady);
            System.out.printf(Locale.ROOT, "  %d articles kept (at the end: copies published before their original and then retracted are not counted), "
                + "%d words: %.0f words/s end to end%n", kept, words, words / seconds);
            if (!withoutEntities) {
                System.out.printf(Locale.ROOT, "  %d articles took the entities of an exact copy tagged moments before, "
                    + "instead of being tagged again (a copy that arrived before its original, which came after)%n", run.reusedTaggings);
            }
            try {
                System.out.println("  " + BrokerWrites.of(session.bootstrapServers(),
                    String.valueOf(overrides.get(StreamsConfig.APPLICATION_ID_CONFIG)), session.config().topics())
                    .describe(inputs.size()));
            } catch (IllegalStateException e) {
                // A figure of the report, not of the run: the run's results stand without it.
                System.out.println("  written to the broker: not known (" + e.getMessage() + ")");
            }
            System.out.println("  stage timers (time from a stage's entry to its exit; the dedupe stage's includes the");
            System.out.println("  repartition round trips to its shards, so it is a latency, not work):");
            for (String stage : List.of("clean", "dedupe", "entities")) {
                Timer t = registry.find("newsflow.stage.latency").tag("stage", stage).timer();
                double total = t == null ? 0 : t.totalTime(TimeUnit.SECONDS);
                long n = t == null ? 0 : t.count();
                System.out.printf(Locale.ROOT, "    %-9s %6d records, mean %8.1f ms%s%n", stage, n, n == 0 ? 0 : 1000 * total / n,
                    stage.equals("dedupe") ? "" : String.format(Locale.ROOT, ", %.1f s = %.1f %% of the stream threads' time",
                        total, 100 * total / (seconds * threads)));
            }

            Alone alone = alone(inputs, stages, session.config().maxPageBytes(), log);
            double slowest = Math.max(alone.cleanSeconds, alone.tagSeconds);
            String which = alone.tagSeconds >= alone.cleanSeconds ? "entities" : "clean";
            System.out.printf(Locale.ROOT, "alone, one record at a time (%s CPU time): clean %.1f s for %d records, entities %.1f s for %d articles "
                    + "(the whole process meanwhile: %.1f s, the JIT compiler and the idle pipeline and broker included)%n",
                CpuClock.threadCpuTimeAvailable() ? "this thread's" : "the process's",
                alone.cleanSeconds, inputs.size(), alone.tagSeconds, alone.tagged, alone.processSeconds);
            if (slowest < 0.05) {
                System.out.println("overhead: the stages alone took under 0.05 s of CPU: too small a corpus to measure it");
            } else {
                System.out.printf(Locale.ROOT, "overhead over the slowest stage (%s): %.1f s x %d threads / %.1f s - 1 = %.0f %% "
                        + "(from the first outcome: %.0f %%)%n",
                    which, seconds, threads, slowest, 100 * (seconds * threads / slowest - 1), 100 * (steady * threads / slowest - 1));
                System.out.printf(Locale.ROOT, "  the same in CPU time: from the first outcome, the process's %.1f s / %.1f s - 1 = %.0f %% "
                        + "(the stream threads' CPU only: %.0f %%); from the start call, %.1f s / %.1f s - 1 = %.0f %%; "
                        + "idle cores and other load on the machine do not count here, the in-process broker does%n",
                    run.steadyCpu.processSeconds(), slowest, 100 * (run.steadyCpu.processSeconds() / slowest - 1),
                    100 * (run.steadyCpu.of(CpuClock.Spender.STREAM_THREADS) / slowest - 1),
                    run.wholeCpu.processSeconds(), slowest, 100 * (run.wholeCpu.processSeconds() / slowest - 1));
                double both = alone.cleanSeconds + alone.tagSeconds;
                System.out.printf(Locale.ROOT, "overhead over clean and entities together: %.1f s x %d threads / %.1f s - 1 = %.0f %% "
                        + "(from the first outcome: %.0f %%)%n",
                    seconds, threads, both, 100 * (seconds * threads / both - 1), 100 * (steady * threads / both - 1));
            }
            System.out.println("  (alone: warm JIT, model loaded, near copies tagged though dedupe drops them: "
                + "the alone figures lean high, the overheads low)");
        }
        return 0;
    }

    /**
     * One measured pass: seconds end to end (from the start call to the last outcome), from the
     * first outcome to the last, and from the start call until every instance was RUNNING.
     */
    private record Run(double seconds, double steady, double toRunning, long bytes, long kept, long words,
            long reusedTaggings, CpuClock.Phase steadyCpu, CpuClock.Phase wholeCpu) {
    }

    /** Produces {@code inputs} to the session's raw topic, starts its pipeline and waits until every input is accounted for. */
    private Run run(Session session, List<byte[]> inputs, NewsflowTopology.Stages stages, Properties overrides,
            PipelineMetrics metrics, PrintStream log) {
        String raw = session.config().topics().raw();
        long before = recordsIn(session.bootstrapServers(), raw);
        if (before > 0) {
            throw new IllegalStateException("the raw topic " + raw + " already holds " + before + " records, which the "
                + "pipeline would count with the inputs: bench needs topics of its own (on a shared cluster, give topic "
                + "names in --config: topic.raw, topic.articles, ...)");
        }
        try (OutputReader reader = new OutputReader(session.bootstrapServers(), session.config().topics(), true)) {
            reader.poll(Duration.ZERO);
            ProgressBar producing = new ProgressBar(log, "records produced");
            long bytes = 0;
            try (RawProducer producer = new RawProducer(session.bootstrapServers(), session.config().topics().raw(),
                Topics.MAX_RECORD_BYTES)) {
                for (int i = 0; i < inputs.size(); i++) {
                    bytes += inputs.get(i).length;
                    producer.send(inputs.get(i));
                    producing.update(i + 1, inputs.size(), "");
                }
            }
            producing.done(inputs.size(), String.format(Locale.ROOT, "%.1f MB", bytes / 1e6));

            long benchThread = Thread.currentThread().getId();
            CpuClock.Reading cpuAtStart = CpuClock.read(benchThread);
            long start = System.nanoTime();
            session.startPipelines(stages, overrides, metrics, instances);
            long running = System.nanoTime();
            long accounted = 0;
            // Articles by id, with their words: a copy that reached the pipeline before its original is first
            // published as an article and then retracted (a tombstone) once the original arrives.
            Map<String, Long> articles = new HashMap<>();
            long firstOutcome = 0;
            CpuClock.Reading cpuAtFirst = null;
            ProgressBar processing = new ProgressBar(log, "records processed");
            while (accounted < inputs.size()) {
                for (Output o : reader.poll(Duration.ofMillis(200))) {
                    keep(articles, o, session.config().topics().articles());
                    if (!reader.isOutcome(o)) {
                        continue;
                    }
                    accounted++;
                    if (firstOutcome == 0) {
                        firstOutcome = System.nanoTime();
                        cpuAtFirst = CpuClock.read(benchThread);
                    }
                }
                processing.update(accounted, inputs.size(), "");
                if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(timeoutMinutes)) {
                    throw new IllegalStateException("gave up after " + timeoutMinutes + " minutes at " + accounted + "/" + inputs.size());
                }
            }
            long end = System.nanoTime();
            CpuClock.Reading cpuAtEnd = CpuClock.read(benchThread);
            processing.done(accounted, "");
            // Retractions written in the last transactions become visible at their commit: read until two quiet
            // polls, for at most ten seconds.
            long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            for (int quiet = 0; quiet < 2 && System.nanoTime() < drainUntil; ) {
                List<Output> more = reader.poll(Duration.ofMillis(400));
                quiet = more.isEmpty() ? quiet + 1 : 0;
                more.forEach(o -> keep(articles, o, session.config().topics().articles()));
            }
            long kept = articles.size();
            long words = articles.values().stream().mapToLong(Long::longValue).sum();
            if (accounted > inputs.size()) {
                throw new IllegalStateException(accounted + " outcomes for " + inputs.size() + " inputs: the output topics "
                    + "received the outcomes of another run");
            }
            long reused = (long) session.metricTotal(EntityStage.REUSED_TAGGING_METRIC + "-total");
            return new Run((end - start) / 1e9, (end - firstOutcome) / 1e9, (running - start) / 1e9, bytes, kept, words,
                reused, cpuAtEnd.since(cpuAtFirst), cpuAtEnd.since(cpuAtStart));
        }
    }

    /** Follows the articles topic: an article's words by its id, and a tombstone removes it. */
    private static void keep(Map<String, Long> articles, Output o, String articlesTopic) {
        if (!o.topic().equals(articlesTopic) || o.key() == null) {
            return;
        }
        if (o.value() == null) {
            articles.remove(o.key());
        } else {
            articles.put(o.key(), o.value().path("wordCount").asLong());
        }
    }

    /** Records in {@code topic} now, summed over its partitions. */
    private static long recordsIn(String bootstrapServers, String topic) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(p)) {
            // The admin client's own default API timeout (60 s) bounds each request as before.
            return TopicOffsets.of(admin, topic, Duration.ofSeconds(60)).values().stream()
                .mapToLong(TopicOffsets.Range::records).sum();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the offsets of " + topic, e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            Throwable cause = e instanceof java.util.concurrent.ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("cannot read the offsets of " + topic + ": " + cause.getMessage(), cause);
        }
    }

    private List<byte[]> synthetic() {
        Random random = new Random(seed);
        List<byte[]> out = new ArrayList<>(articles);
        for (int i = 0; i < articles; i++) {
            int story = random.nextDouble() < copies && i > 0 ? random.nextInt(i) : i;
            out.add(RawPageCodec.encode(RawPage.ofHtml("https://bench.example/" + i, SyntheticPages.html(story))));
        }
        return out;
    }

    private static List<byte[]> read(List<Path> paths, PrintStream log) {
        List<Path> files = PageFiles.list(paths, skipped -> log.println("skipping " + skipped + " (unsupported type)"));
        List<byte[]> out = new ArrayList<>();
        for (Path f : files) {
            PageFiles.records(f, out::add);
        }
        return out;
    }

    /** The stages alone: this thread's CPU seconds for each, and the whole process's over both (the JIT compiler's included). */
    private record Alone(double cleanSeconds, double tagSeconds, int tagged, double processSeconds) {
    }

    /**
     * The clean and entity stages alone over the same inputs, one record at a time, in this
     * thread's CPU time (both stages run wholly in the calling thread, ONNX Runtime included;
     * the process's CPU time would also count the JIT compiler, which on a 2-core machine is
     * still compiling a minute into a run, and the idle pipeline and broker): every record
     * cleaned (failures count as the work they took), then every English or undetermined
     * article tagged as the stage does (capped, within its budget), exact copies of an earlier
     * text skipped as dedupe drops them.
     */
    private static Alone alone(List<byte[]> inputs, NewsflowTopology.Stages stages, int maxPageBytes, PrintStream log) {
        java.util.function.LongSupplier cpuNanos = CpuClock.threadCpuTimeAvailable()
            ? ManagementFactory.getThreadMXBean()::getCurrentThreadCpuTime : CpuClock::processCpuNanos;
        RawPageCodec codec = new RawPageCodec(maxPageBytes);
        ArticleCleaner cleaner = stages.cleaner();
        List<CleanArticle> clean = new ArrayList<>();
        ProgressBar bar = new ProgressBar(log, "stages alone");
        long processBefore = CpuClock.processCpuNanos();
        long t0 = cpuNanos.getAsLong();
        for (int i = 0; i < inputs.size(); i++) {
            byte[] input = inputs.get(i);
            try {
                clean.add(RecordFailure.guard("cleaning", () -> cleaner.clean(codec.decode(input))));
            } catch (RuntimeException e) {
                // dead-lettered in the pipeline: its work counts all the same
            }
            bar.update(i + 1, inputs.size() * 2L, "");
        }
        double cleanSeconds = (cpuNanos.getAsLong() - t0) / 1e9;
        EntityTagger tagger = stages.tagger();
        int tagged = 0;
        java.util.Set<String> texts = new java.util.HashSet<>();
        long t1 = cpuNanos.getAsLong();
        for (int i = 0; i < clean.size(); i++) {
            CleanArticle a = clean.get(i);
            if (tagger.supportsLanguage(a.language()) && texts.add(a.text())) {
                String text = a.text().length() <= EntityStage.MAX_TAGGED_CHARS ? a.text()
                    : a.text().substring(0, EntityStage.MAX_TAGGED_CHARS);
                try {
                    RecordFailure.guard("entity tagging", () -> tagger.tag(a.title(), text, EntityStage.TIME_BUDGET));
                } catch (RuntimeException e) {
                    // the stage keeps such an article without entities: its work counts all the same
                }
                tagged++;
            }
            bar.update(inputs.size() + i + 1, inputs.size() * 2L, "");
        }
        double tagSeconds = (cpuNanos.getAsLong() - t1) / 1e9;
        double processSeconds = (CpuClock.processCpuNanos() - processBefore) / 1e9;
        bar.done(inputs.size(), "");
        return new Alone(cleanSeconds, tagSeconds, tagged, processSeconds);
    }
}
