package newsflow.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

import newsflow.core.Topics;
import newsflow.ingest.RawProducer;
import newsflow.output.OutputReader.Output;
import newsflow.output.OutputReader;

/**
 * Sends files to the raw topic and reads the pipeline's output until every input is accounted
 * for: one article, duplicate or dead letter per raw record.
 */
public final class Collector {

    /** What came out: first outcomes per kind (revisions are written but not counted). */
    public record Summary(long inputs, long articles, long duplicates, long deadLetters, long trends, long revisions) {

        public String describe() {
            return String.format(Locale.ROOT, "%d inputs: %d articles, %d duplicates, %d dead letters (%d trend updates%s)",
                inputs, articles, duplicates, deadLetters, trends,
                revisions == 0 ? "" : ", " + revisions + " verdicts revised when an earlier original or relation arrived");
        }
    }

    private Collector() {
    }

    /**
     * @param quiet how long to keep reading after the last outcome, for trailing trend updates
     */
    public static Summary run(Session session, List<Path> files, Consumer<Output> sink, Duration timeout,
                       Duration quiet, PrintStream log) {
        return run(session, producer -> {
            ProgressBar sending = new ProgressBar(log, "files");
            long inputs = producer.sendFiles(files, (done, total, records) ->
                sending.update(done, total, records + " records"));
            sending.done(files.size(), inputs + " records sent to " + session.config().topics().raw());
            return inputs;
        }, sink, timeout, quiet, log);
    }

    /**
     * Sends what {@code send} produces (it returns how many raw records it sent), then reads
     * until each is accounted for.
     */
    public static Summary run(Session session, ToLongFunction<RawProducer> send, Consumer<Output> sink,
                       Duration timeout, Duration quiet, PrintStream log) {
        var topics = session.config().topics();
        try (OutputReader reader = new OutputReader(session.bootstrapServers(), topics, true)) {
            reader.poll(Duration.ZERO); // position the reader before anything is sent
            long inputs;
            try (RawProducer producer = new RawProducer(session.bootstrapServers(), topics.raw(),
                Topics.MAX_RECORD_BYTES)) {
                inputs = send.applyAsLong(producer);
            }

            long articles = 0, duplicates = 0, deadLetters = 0, trends = 0, revisions = 0;
            long deadline = System.nanoTime() + timeout.toNanos();
            long quietUntil = Long.MAX_VALUE;
            ProgressBar processing = new ProgressBar(log, "records processed");
            while (System.nanoTime() < Math.min(deadline, quietUntil)) {
                for (Output out : reader.poll(Duration.ofMillis(200))) {
                    sink.accept(out);
                    if (!reader.isOutcome(out)) {
                        trends += out.topic().equals(topics.entityTrends()) ? 1 : 0;
                        revisions += "revision".equals(out.outcome()) && out.value() != null ? 1 : 0;
                    } else if (out.topic().equals(topics.articles())) {
                        articles++;
                    } else if (out.topic().equals(topics.duplicates())) {
                        duplicates++;
                    } else {
                        deadLetters++;
                    }
                }
                long accounted = articles + duplicates + deadLetters;
                processing.update(accounted, inputs, "");
                if (accounted >= inputs && quietUntil == Long.MAX_VALUE) {
                    quietUntil = System.nanoTime() + quiet.toNanos();
                }
            }
            Summary summary = new Summary(inputs, articles, duplicates, deadLetters, trends, revisions);
            if (articles + duplicates + deadLetters < inputs) {
                throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s with "
                    + (inputs - articles - duplicates - deadLetters) + " inputs not yet accounted for; "
                    + summary.describe());
            }
            processing.done(articles + duplicates + deadLetters, "");
            return summary;
        }
    }
}
