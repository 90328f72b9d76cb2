package newsflow.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import newsflow.pipeline.Pipeline;
import newsflow.serving.Serving;
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

    @Option(names = "--http-bind", paramLabel = "ADDRESS", defaultValue = "${env:NEWSFLOW_HTTP_BIND:-0.0.0.0}",
        description = "Address the HTTP server listens on (default: $NEWSFLOW_HTTP_BIND or 0.0.0.0, every "
            + "interface, so other instances can reach it). The internal endpoints answer only callers with the "
            + "shared secret: set " + ClusterOptions.API_SECRET + " in --config or $NEWSFLOW_API_SECRET, the same "
            + "on every instance.")
    String httpBind;

    @Option(names = "--advertised-host", paramLabel = "HOST", defaultValue = "${env:NEWSFLOW_ADVERTISED_HOST:-}",
        description = "Host name other instances use to reach this one; becomes application.server HOST:PORT "
            + "unless --config sets application.server (default: $NEWSFLOW_ADVERTISED_HOST or this machine's name).")
    String advertisedHost;

    /** What an instance does: process raw pages, serve the query API from the views, or both. */
    enum Role { PROCESS, SERVE, BOTH }

    @Option(names = "--role", paramLabel = "ROLE", defaultValue = "${env:NEWSFLOW_ROLE:-both}",
        converter = RoleConverter.class,
        description = "process (clean, dedupe, tag), serve (query API and dashboard from the output topics) "
            + "or both (default: $NEWSFLOW_ROLE or both). Processing and serving are separate Kafka Streams "
            + "applications (<application.id> and <application.id>-serving), so each scales and fails apart.")
    Role role;

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
        String secret = cluster.apiSecret();
        try (Session session = Session.open(cluster.bootstrapServers, cluster.pipelineConfig(), System.err);
             Serving serving = Serving.start(httpBind, httpPort, host, secret)) {
            if (secret == null) {
                System.err.println("newsflow: warning: no " + ClusterOptions.API_SECRET + " (or $NEWSFLOW_API_SECRET): "
                    + "the internal endpoints /api/internal/... answer anyone who reaches port " + serving.port());
            }
            if (role != Role.SERVE) {
                Pipeline pipeline = session.startPipeline(Components.forConfig(session.config()),
                    serving.processingOverrides(overrides), serving.metrics());
                serving.bindMetrics(pipeline.streams());
                System.err.println("newsflow processing: " + session.config().topics().raw() + " -> "
                    + session.config().topics().outcomes() + "; state " + pipeline.streams().state());
            }
            if (role != Role.PROCESS) {
                Pipeline views = session.startServing(serving, overrides, cluster.servingRetention());
                System.err.println("newsflow serving: API and dashboard at " + serving.url()
                    + " (views from the output topics; state " + views.streams().state() + ")");
            }
            System.err.println("/metrics on port " + serving.port() + (role == Role.PROCESS
                ? " (role process: the query API answers 503; run an instance with --role serve or both)" : ""));
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "newsflow-shutdown"));
            stop.await();
        }
        return 0;
    }

    /** Accepts process, serve and both, in any case. */
    static final class RoleConverter implements picocli.CommandLine.ITypeConverter<Role> {

        @Override
        public Role convert(String value) {
            try {
                return Role.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(
                    "role must be process, serve or both, got '" + value + "'");
            }
        }
    }
}
