package newsflow.serving;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import newsflow.broker.EmbeddedKafka;
import newsflow.clean.ArticleCleaner;
import newsflow.clean.CleaningPolicy;
import newsflow.core.Topics;
import newsflow.entities.CapitalisedPhraseTagger;
import newsflow.pipeline.NewsflowTopology;
import newsflow.pipeline.Pipeline;
import newsflow.pipeline.PipelineConfig;
import newsflow.pipeline.StreamsSettings;
import newsflow.pipeline.TopicSetup;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;

/**
 * A real embedded broker, topics and an application id of their own, and newsflow instances
 * each processing and serving ({@code --role both}) with its {@link Serving} (HTTP on a free
 * port), as {@code newsflow run} starts them.
 */
final class ServingHarness implements AutoCloseable {

    /** One running instance: the pipeline, the serving views and the HTTP side. */
    record Instance(Pipeline pipeline, Pipeline views, Serving serving) {

        String url(String path) {
            return "http://localhost:" + serving.port() + path;
        }
    }

    /** A status code and parsed JSON body (null when the body is not JSON). */
    record Reply(int status, JsonNode body, String instance) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The instances' shared secret: their calls to each other's internal endpoints carry it. */
    static final String SECRET = "harness-secret-" + UUID.randomUUID();

    final EmbeddedKafka broker = EmbeddedKafka.start();
    final String appId = "serving-" + UUID.randomUUID().toString().substring(0, 8);
    final PipelineConfig config;
    final List<Instance> instances = new ArrayList<>();
    private final KafkaProducer<byte[], byte[]> producer;
    private final HttpClient http = HttpClient.newHttpClient();

    ServingHarness(int partitions) {
        config = new PipelineConfig(Topics.DEFAULT.prefixed(appId), PipelineConfig.DEFAULT_MAX_PAGE_BYTES,
            Duration.ofDays(7), partitions);
        TopicSetup.ensureTopics(broker.bootstrapServers(), config, (short) 1);
        Properties p = new Properties();
        p.put("bootstrap.servers", broker.bootstrapServers());
        p.put("max.request.size", Topics.MAX_RECORD_BYTES);
        producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Starts an instance with an empty state directory and an HTTP server on a free port. */
    Instance startInstance() {
        Path state;
        try {
            state = Files.createTempDirectory("newsflow-serving-state-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Serving serving = Serving.start("127.0.0.1", 0, "localhost", SECRET);
        Properties overrides = new Properties();
        overrides.put(StreamsConfig.APPLICATION_ID_CONFIG, appId);
        overrides.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        Properties props = StreamsSettings.streamsConfig(broker.bootstrapServers(), state, config.topics(),
            serving.processingOverrides(overrides));
        NewsflowTopology.Stages stages = new NewsflowTopology.Stages(
            new ArticleCleaner(CleaningPolicy.newsDefaults()), new CapitalisedPhraseTagger());
        Pipeline pipeline = Pipeline.start(NewsflowTopology.build(config, stages, serving.metrics()), props,
            Duration.ofSeconds(60));
        serving.bindMetrics(pipeline.streams());
        Pipeline views = Pipeline.start(ServingViews.topology(config.topics()), serving.servingConfig(props),
            Duration.ofSeconds(60));
        serving.attach(views.streams(), broker.bootstrapServers(), appId, config.topics());
        Instance i = new Instance(pipeline, views, serving);
        instances.add(i);
        return i;
    }

    void send(byte[] value) {
        producer.send(new ProducerRecord<>(config.topics().raw(), null, value));
    }

    void flush() {
        producer.flush();
    }

    Reply get(Instance instance, String path) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(instance.url(path)))
                .timeout(Duration.ofSeconds(20)).GET();
            if (path.startsWith("/api/internal/")) {
                request.header(ApiServer.SECRET_HEADER, SECRET); // as a peer instance asks
            }
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body;
            try {
                body = JSON.readTree(r.body());
            } catch (IOException e) {
                body = null;
            }
            return new Reply(r.statusCode(), body, r.headers().firstValue("X-Newsflow-Instance").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls {@code path} until the reply satisfies {@code done}; returns the last reply. */
    Reply await(Instance instance, String path, Predicate<Reply> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Reply r = get(instance, path);
        while (!done.test(r) && System.nanoTime() < deadline) {
            sleep(200);
            r = get(instance, path);
        }
        return r;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        for (Instance i : instances) {
            i.serving().close();
            i.views().close();
            i.pipeline().close();
        }
        producer.close();
        broker.close();
    }
}
