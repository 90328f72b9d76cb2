package newsflow.serving;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import newsflow.core.Topics;
import newsflow.ops.PipelineMetrics;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The serving side of one instance: a Prometheus meter registry with the pipeline's meters,
 * the JVM's and (once attached) Kafka Streams' own, and the HTTP server with the query API,
 * the dashboard and {@code /metrics}.
 *
 * <p>Lifecycle: {@link #start} binds the HTTP port. An instance that processes passes its
 * settings through {@link #processingOverrides} (the pipeline meters) and binds the running
 * client's metrics with {@link #bindMetrics}. An instance that serves runs
 * {@link ServingViews#topology} under {@link #servingConfig} (its own application id, with
 * {@code application.server}) and connects the API to it with {@link #attach}; until then the
 * API answers 503. {@link #close} stops the server and unbinds.
 */
public final class Serving implements AutoCloseable {

    private final PrometheusMeterRegistry registry;
    private final PipelineMetrics metrics;
    private final ApiServer server;
    private final String advertisedHost;
    private JvmGcMetrics gc;
    private final List<KafkaStreamsMetrics> streamsMetrics = new ArrayList<>();
    private LagProbe lag;
    private HostInfo self;

    private final String internalSecret;

    private Serving(PrometheusMeterRegistry registry, ApiServer server, String advertisedHost, String internalSecret) {
        this.registry = registry;
        this.metrics = new PipelineMetrics(registry);
        this.server = server;
        this.advertisedHost = advertisedHost;
        this.internalSecret = internalSecret;
    }

    /** Every interface, internal endpoints open: {@link #start(String, int, String, String)}. */
    public static Serving start(int httpPort, String advertisedHost) {
        return start("0.0.0.0", httpPort, advertisedHost, null);
    }

    /**
     * @param bind           the address the HTTP server listens on ({@code 0.0.0.0}: every
     *                       interface; {@code 127.0.0.1}: this machine only)
     * @param httpPort       port of the HTTP server (0: any free port)
     * @param advertisedHost how other instances reach this one; goes into {@code application.server}
     * @param internalSecret the application's shared secret: instances present it to each
     *                       other's internal endpoints, which refuse callers without it; null
     *                       leaves them open to anyone who reaches the port
     */
    public static Serving start(String bind, int httpPort, String advertisedHost, String internalSecret) {
        Objects.requireNonNull(advertisedHost, "advertisedHost");
        if (advertisedHost.isBlank() || advertisedHost.contains(":")) {
            throw new IllegalArgumentException("advertised host must be a host name without port, got '"
                + advertisedHost + "'");
        }
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("application", "newsflow");
        ApiServer server = ApiServer.start(bind, httpPort, registry::scrape, internalSecret);
        Serving s = new Serving(registry, server, advertisedHost, internalSecret);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        s.gc = new JvmGcMetrics();
        s.gc.bindTo(registry);
        return s;
    }

    public PipelineMetrics metrics() {
        return metrics;
    }

    public int port() {
        return server.port();
    }

    /** The address the HTTP server listens on. */
    public InetSocketAddress address() {
        return server.address();
    }

    /** The dashboard's address as this instance advertises it. */
    public String url() {
        return "http://" + advertisedHost + ":" + port() + "/";
    }

    /** The processing client's settings: {@code overrides} plus the pipeline meters for the dead-letter handler. */
    public Properties processingOverrides(Properties overrides) {
        Properties p = new Properties();
        p.putAll(overrides);
        p.put(PipelineMetrics.CONFIG_KEY, metrics);
        return p;
    }

    /**
     * The serving client's settings, derived from the processing client's full settings
     * ({@link ServingSettings}) with {@code application.server} naming this instance's HTTP port
     * (unless the settings name one already).
     */
    public Properties servingConfig(Properties processingConfig) {
        Properties p = ServingSettings.fromProcessing(processingConfig);
        p.putIfAbsent(StreamsConfig.APPLICATION_SERVER_CONFIG, advertisedHost + ":" + port());
        String endpoint = p.getProperty(StreamsConfig.APPLICATION_SERVER_CONFIG);
        HostInfo host;
        try {
            host = HostInfo.buildFromEndpoint(endpoint);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("application.server must be HOST:PORT, got '" + endpoint + "'", e);
        }
        if (host == null || host.port() != port()) {
            throw new IllegalArgumentException("application.server '" + endpoint + "' must name this instance's "
                + "HTTP port " + port() + ", or other instances cannot reach its API");
        }
        self = host;
        return p;
    }

    /**
     * Binds a running Kafka Streams client's own metrics ({@code kafka_stream_*}) to
     * {@code /metrics}: the processing client, the serving client, or both.
     */
    public void bindMetrics(KafkaStreams streams) {
        KafkaStreamsMetrics m = new KafkaStreamsMetrics(streams);
        m.bindTo(registry);
        streamsMetrics.add(m);
    }

    /**
     * Connects the API to the running serving client (views) and binds its metrics.
     *
     * @param views                   the client running {@link ServingViews#topology}
     * @param bootstrapServers        the cluster, for the lag figure
     * @param processingApplicationId the processing consumer group, whose lag on the raw topic
     *                                {@code /api/stats} reports
     */
    public void attach(KafkaStreams views, String bootstrapServers, String processingApplicationId, Topics topics) {
        if (self == null) {
            throw new IllegalStateException("build the servingConfig() before attach()");
        }
        bindMetrics(views);
        lag = new LagProbe(bootstrapServers, processingApplicationId, topics.raw());
        QueryService service = new QueryService(new InstanceDirectory(views, self),
            new LocalStores(views, self), new RemoteInstances(Json.mapper(), internalSecret), lag);
        server.attach(service, self.host() + ":" + self.port());
    }

    @Override
    public void close() {
        server.close();
        streamsMetrics.forEach(KafkaStreamsMetrics::close);
        if (lag != null) {
            lag.close();
        }
        if (gc != null) {
            gc.close();
        }
        registry.close();
    }
}
