package newsflow.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import newsflow.pipeline.Pipeline;
import newsflow.pipeline.StreamsSettings;
import newsflow.serving.Serving;
import org.apache.kafka.streams.StreamsConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "${env:NEWSFLOW_HTTP_PORT:-8080}",
        description = "Port of the query API, dashboard and /metrics (default: $NEWSFLOW_HTTP_PORT or 8080).")
    int httpPort;

    @Option(names = "--advertised-host", paramLabel = "HOST", defaultValue = "${env:NEWSFLOW_ADVERTISED_HOST:-}",
        description = "Host name other instances use to reach this one; becomes application.server HOST:PORT "
            + "unless --config sets application.server (default: $NEWSFLOW_ADVERTISED_HOST or this machine's name).")
    String advertisedHost;

    @Override
    public Integer call() throws InterruptedException, UnknownHostException {
        if (cluster.bootstrapServers == null) {
            throw new IllegalArgumentException("run needs --bootstrap-servers HOST:PORT "
                + "(for a self-contained try-out, use 'newsflow demo')");
        }
        Properties overrides = cluster.streamsOverrides();
        CountDownLatch stop = new CountDownLatch(1);
        String host = advertisedHost == null || advertisedHost.isBlank()
            ? InetAddress.getLocalHost().getHostName() : advertisedHost.strip();
        try (Session session = Session.open(cluster.bootstrapServers, cluster.pipelineConfig(), System.err);
             Serving serving = Serving.start(httpPort, host)) {
            Properties props = serving.configure(overrides);
            Pipeline pipeline = session.startPipeline(Components.forConfig(session.config()), props, serving.metrics());
            serving.attach(pipeline.streams(), session.bootstrapServers(),
                props.getProperty(StreamsConfig.APPLICATION_ID_CONFIG, StreamsSettings.DEFAULT_APPLICATION_ID),
                session.config().topics());
            System.err.println("newsflow API, dashboard and /metrics on port " + serving.port()
                + " (application.server " + props.getProperty(StreamsConfig.APPLICATION_SERVER_CONFIG) + ")");
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "newsflow-shutdown"));
            System.err.println("newsflow running: " + session.config().topics().raw() + " -> "
                + session.config().topics().outcomes() + "; state " + pipeline.streams().state());
            stop.await();
        }
        return 0;
    }
}
