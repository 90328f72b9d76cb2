package newsflow.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import newsflow.ingest.PageFiles;
import newsflow.output.OutputReader.Output;
import newsflow.output.OutputReader;
import newsflow.pipeline.Pipeline;
import newsflow.serving.Serving;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "demo", mixinStandardHelpOptions = true, usageHelpWidth = 100,
    description = {
        "Try newsflow: start a Kafka broker in this process, run the pipeline, feed it a small",
        "sample corpus (or PATH) and print a summary of each result as it arrives.",
        "",
        "The sample holds fictional articles with site chrome, a duplicate in another site's",
        "template, a bad record and named entities. Without --exit the pipeline keeps running",
        "after the sample, so you can produce more pages to the printed bootstrap address.",
        ""})
final class DemoCommand implements Callable<Integer> {

    static final String SAMPLE_INDEX = "/newsflow/sample/INDEX";

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--exit", description = "Stop once every input is accounted for.")
    boolean exit;

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "8080",
        description = "Port of the dashboard, query API and /metrics (default: ${DEFAULT-VALUE}; 0: any free port).")
    int httpPort;

    @Option(names = "--http-bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
        description = "Address the HTTP server listens on (default: ${DEFAULT-VALUE}, this machine only; "
            + "0.0.0.0 for every interface).")
    String httpBind;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Files or directories to feed instead of the sample.")
    List<Path> paths = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        List<Path> files = paths.isEmpty() ? sampleCorpus()
            : PageFiles.list(paths, skipped -> System.err.println("skipping " + skipped + " (unsupported type)"));
        Properties overrides = cluster.streamsOverrides();
        try (Session session = Session.open(cluster.bootstrapServers, cluster.pipelineConfig(), System.err);
             Serving serving = Serving.start(httpBind, httpPort, "localhost", randomSecret())) {
            Pipeline pipeline = session.startPipeline(Components.forConfig(session.config()),
                serving.processingOverrides(overrides), serving.metrics());
            serving.bindMetrics(pipeline.streams());
            session.startServing(serving, overrides, cluster.servingRetention());
            out.println("Dashboard: " + serving.url() + "   API: " + serving.url() + "api/stats   Metrics: "
                + serving.url() + "metrics");
            out.println("Pipeline running. Feeding " + files.size() + " files...");
            Collector.Summary summary = Collector.run(session, files, o -> print(o, out),
                Duration.ofMinutes(10), Duration.ofSeconds(2), System.err);
            out.println();
            out.println(summary.describe());
            if (!exit) {
                out.println("Still running: produce raw pages to '" + session.config().topics().raw() + "' at "
                    + session.bootstrapServers() + " (e.g. newsflow ingest --bootstrap-servers "
                    + session.bootstrapServers() + " PATH). Ctrl-C to stop.");
                try (OutputReader reader = new OutputReader(session.bootstrapServers(), session.config().topics(), true)) {
                    while (!Thread.currentThread().isInterrupted()) {
                        reader.poll(Duration.ofSeconds(1)).forEach(o -> print(o, out));
                    }
                }
            }
        }
        return 0;
    }

    /** A single demo instance has no peers: its internal endpoints answer nobody else. */
    private static String randomSecret() {
        byte[] bytes = new byte[24];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }

    /** One readable line (or a few) per outcome; trend updates are not printed. */
    static void print(Output o, PrintStream out) {
        JsonNode v = o.value();
        if (v == null) {
            if (o.topic().endsWith("articles")) {
                out.printf(Locale.ROOT, "%nRETRACTED %s  (an earlier original arrived: see its duplicate record)%n", o.key());
            }
            return;
        }
        if (o.topic().endsWith("articles")) {
            out.printf(Locale.ROOT, "%n%s %s  %s%n", "revision".equals(o.outcome()) ? "REVISED  " : "ARTICLE  ",
                v.path("id").asText(), text(v, "title", "(untitled)"));
            out.printf(Locale.ROOT, "          %s | %s | %s | %d words%n", text(v, "publishedAt", "no date"),
                text(v, "byline", "no byline"), text(v, "language", "?"), v.path("wordCount").asInt());
            String body = v.path("text").asText();
            out.printf(Locale.ROOT, "          \"%s\"%n", body.length() > 140 ? body.substring(0, 140) + "..." : body);
            List<String> names = new ArrayList<>();
            for (JsonNode e : v.path("entities")) {
                if (names.size() < 8) {
                    names.add(e.path("name").asText() + " (" + e.path("type").asText() + ")");
                }
            }
            out.println("          entities: " + (names.isEmpty() ? "none" : String.join(", ", names)));
            for (JsonNode r : v.path("related")) {
                out.printf(Locale.ROOT, "          %s of %s (score %.2f)%n", r.path("relation").asText(),
                    r.path("id").asText(), r.path("score").asDouble());
            }
        } else if (o.topic().endsWith("duplicates")) {
            out.printf(Locale.ROOT, "%n%s %s  %s duplicate of %s (similarity %.2f)%n",
                "revision".equals(o.outcome()) ? "REVISED: now a" : "DUPLICATE", v.path("id").asText(),
                v.path("kind").asText(), v.path("duplicateOf").asText(), v.path("similarity").asDouble());
        } else if (o.topic().endsWith("deadletter")) {
            out.printf(Locale.ROOT, "%nDEAD LETTER  %s%n", v.path("reason").asText());
        }
    }

    private static String text(JsonNode v, String field, String fallback) {
        JsonNode f = v.get(field);
        return f == null || f.isNull() ? fallback : f.asText();
    }

    /** Copies the bundled sample corpus to a temporary directory. */
    private static List<Path> sampleCorpus() throws IOException {
        Path dir = Files.createTempDirectory("newsflow-sample-");
        dir.toFile().deleteOnExit();
        List<Path> files = new ArrayList<>();
        try (InputStream index = DemoCommand.class.getResourceAsStream(SAMPLE_INDEX)) {
            if (index == null) {
                throw new IllegalStateException("the sample corpus is missing from the jar");
            }
            for (String name : new String(index.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                if (name.isBlank()) {
                    continue;
                }
                try (InputStream in = DemoCommand.class.getResourceAsStream("/newsflow/sample/" + name.strip())) {
                    if (in == null) {
                        throw new UncheckedIOException(new IOException("sample file missing: " + name));
                    }
                    Path f = dir.resolve(name.strip());
                    Files.copy(in, f);
                    f.toFile().deleteOnExit();
                    files.add(f);
                }
            }
        }
        return files;
    }
}
