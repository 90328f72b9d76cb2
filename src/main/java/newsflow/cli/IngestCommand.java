package newsflow.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import newsflow.core.Topics;
import newsflow.ingest.PageFiles;
import newsflow.ingest.RawProducer;
import newsflow.pipeline.PipelineConfig;
import newsflow.pipeline.TopicSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "ingest", mixinStandardHelpOptions = true, usageHelpWidth = 100,
    description = {
        "Send files to the raw topic, as a scraper would, with a progress bar.",
        "",
        "Inputs: .txt (scraped text, UTF-8), .html/.htm (any encoding, read as a browser does;",
        "optionally .gz), .jsonl (one raw JSON object per line, sent as is); directories",
        "recursively, in name order.",
        ""})
final class IngestCommand implements Callable<Integer> {

    @Mixin
    ClusterOptions cluster;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories to send.")
    List<Path> paths;

    @Override
    public Integer call() {
        if (cluster.bootstrapServers == null) {
            throw new IllegalArgumentException("ingest needs --bootstrap-servers HOST:PORT "
                + "(to try newsflow on files without a cluster, use 'newsflow process --out FILE PATH...')");
        }
        List<Path> files = PageFiles.list(paths, skipped -> System.err.println("skipping " + skipped + " (unsupported type)"));
        PipelineConfig config = cluster.pipelineConfig();
        TopicSetup.ensureTopics(cluster.bootstrapServers, config, (short) -1);
        ProgressBar bar = new ProgressBar(System.err, "files");
        try (RawProducer producer = new RawProducer(cluster.bootstrapServers, config.topics().raw(),
            Topics.MAX_RECORD_BYTES)) {
            long records = producer.sendFiles(files, (done, total, sent) -> bar.update(done, total, sent + " records"));
            bar.done(files.size(), records + " records sent to " + config.topics().raw());
        }
        return 0;
    }
}
