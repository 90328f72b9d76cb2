package newsflow.serving;

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
import newsflow.ops.PipelineMetrics;
import newsflow.pipeline.Topics;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The serving side of one instance: a Prometheus meter registry with the pipeline's meters,
 * the JVM's and (once attached) Kafka Streams' own, and the HTTP server with the query API,
 * the dashboard and {@code /metrics}.
 *
 * <p>Lifecycle: {@link #start} binds the HTTP port; {@link #configure} adds
 * {@code application.server} and the metrics to the Kafka Streams settings; once the pipeline
 * runs, {@link #attach} connects the API to it. {@link #close} stops the server and unbinds.
 */
public final class Serving implements AutoCloseable {

    private final PrometheusMeterRegistry registry;
    private final PipelineMetrics metrics;
    private final ApiServer server;
    private final String advertisedHost;
    private JvmGcMetrics gc;
    private KafkaStreamsMetrics streamsMetrics;
    private LagProbe lag;
    private HostInfo self;

    private Serving(PrometheusMeterRegistry registry, ApiServer server, String advertisedHost) {
        this.registry = registry;
        this.metrics = new PipelineMetrics(registry);
        this.server = server;
        this.advertisedHost = advertisedHost;
    }

    /**
     * @param httpPort       port of the HTTP server (0: any free port)
     * @param advertisedHost how other instances reach this one (e.g. its host name in the
     *                       cluster network); goes into {@code application.server}
     */
    public static Serving start(int httpPort, String advertisedHost) {
        Objects.requireNonNull(advertisedHost, "advertisedHost");
        if (advertisedHost.isBlank() || advertisedHost.contains(":")) {
            throw new IllegalArgumentException("advertised host must be a host name without port, got '"
                + advertisedHost + "'");
        }
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("application", "newsflow");
        ApiServer server = ApiServer.start(httpPort, registry::scrape);
        Serving s = new Serving(registry, server, advertisedHost);
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

    /** The dashboard's address as this instance advertises it. */
    public String url() {
        return "http://" + advertisedHost + ":" + port() + "/";
    }

    /**
     * Adds to Kafka Streams settings what serving needs: {@code application.server} (unless
     * already set) and the pipeline metrics for the dead-letter handler.
     */
    public Properties configure(Properties streamsOverrides) {
        Properties p = new Properties();
        p.putAll(streamsOverrides);
        p.putIfAbsent(StreamsConfig.APPLICATION_SERVER_CONFIG, advertisedHost + ":" + port());
        p.put(PipelineMetrics.CONFIG_KEY, metrics);
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
     * Connects the API to a running pipeline and binds Kafka Streams' metrics.
     *
     * @param applicationId the consumer group, for the lag figure
     */
    public void attach(KafkaStreams streams, String bootstrapServers, String applicationId, Topics topics) {
        if (self == null) {
            throw new IllegalStateException("configure() the streams settings before attach()");
        }
        streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(registry);
        lag = new LagProbe(bootstrapServers, applicationId, topics.raw());
        QueryService service = new QueryService(new InstanceDirectory(streams, self),
            new LocalStores(streams, self), new RemoteInstances(Json.mapper()), lag);
        server.attach(service, self.host() + ":" + self.port());
    }

    @Override
    public void close() {
        server.close();
        if (streamsMetrics != null) {
            streamsMetrics.close();
        }
        if (lag != null) {
            lag.close();
        }
        if (gc != null) {
            gc.close();
        }
        registry.close();
    }
}
