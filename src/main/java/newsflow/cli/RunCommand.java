package newsflow.cli;

import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import newsflow.pipeline.Pipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "run", mixinStandardHelpOptions = true, usageHelpWidth = 100,
    description = {
        "Run the long-running pipeline against a Kafka cluster until stopped (Ctrl-C / SIGTERM).",
        "",
        "Creates missing topics, then consumes the raw topic with exactly-once processing.",
        "Start more instances with the same --config to scale out: they share the work by",
        "partition and carry on from each other's state if one stops.",
        ""})
final class RunCommand implements java.util.concurrent.Callable<Integer> {

    @Mixin
    ClusterOptions cluster;

    @Override
    public Integer call() throws InterruptedException {
        if (cluster.bootstrapServers == null) {
            throw new IllegalArgumentException("run needs --bootstrap-servers HOST:PORT "
                + "(for a self-contained try-out, use 'newsflow demo')");
        }
        Properties overrides = cluster.streamsOverrides();
        CountDownLatch stop = new CountDownLatch(1);
        try (Session session = Session.open(cluster.bootstrapServers, cluster.pipelineConfig(), System.err)) {
            Pipeline pipeline = session.startPipeline(Components.forConfig(session.config()), overrides);
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "newsflow-shutdown"));
            System.err.println("newsflow running: " + session.config().topics().raw() + " -> "
                + session.config().topics().outcomes() + "; state " + pipeline.streams().state());
            stop.await();
        }
        return 0;
    }
}
