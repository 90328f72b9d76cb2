package newsflow.serving;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import newsflow.clean.ArticleCleaner;
import newsflow.clean.CleaningPolicy;
import newsflow.core.Topics;
import newsflow.entities.CapitalisedPhraseTagger;
import newsflow.ingest.RawPage;
import newsflow.ingest.RawPageCodec;
import newsflow.pipeline.NewsflowTopology;
import newsflow.pipeline.PipelineConfig;
import newsflow.pipeline.StreamsSettings;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The processing topology and the serving topology under two {@link TopologyTestDriver}s, as
 * two applications on one cluster: every raw page goes to both (serving counts inputs), and
 * every record processing writes to an output topic (key, value, headers, timestamp) is
 * handed on to serving, which reads only those topics.
 */
final class ServingFixture implements AutoCloseable {

    final TopologyTestDriver processing;
    final TopologyTestDriver views;
    /** The latest value per key written to the articles topic (a tombstone removes the key). */
    final Map<String, byte[]> articles = new HashMap<>();

    private final TestInputTopic<byte[], byte[]> raw;
    private final TestInputTopic<byte[], byte[]> rawSeenByViews;
    private final List<Link> links;

    private record Link(TestOutputTopic<byte[], byte[]> from, TestInputTopic<byte[], byte[]> to) {
    }

    ServingFixture(PipelineConfig config) throws Exception {
        Path state = Files.createTempDirectory("newsflow-serving-fixture-");
        NewsflowTopology.Stages stages = new NewsflowTopology.Stages(
            new ArticleCleaner(CleaningPolicy.newsDefaults()), new CapitalisedPhraseTagger());
        Properties props = StreamsSettings.streamsConfig("dummy:9092", state.resolve("processing"),
            config.topics(), new Properties());
        processing = new TopologyTestDriver(NewsflowTopology.build(config, stages), props);
        Properties viewProps = ServingSettings.fromProcessing(
            StreamsSettings.streamsConfig("dummy:9092", state.resolve("views"), config.topics(), new Properties()));
        Topics t = config.topics();
        views = new TopologyTestDriver(ServingViews.topology(t), viewProps);
        raw = processing.createInputTopic(t.raw(), Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer());
        rawSeenByViews = views.createInputTopic(t.raw(), Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer());
        links = List.of(link(t.articles()), link(t.duplicates()), link(t.entityTrends()), link(t.deadLetters()));
    }

    private Link link(String topic) {
        return new Link(
            processing.createOutputTopic(topic, Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer()),
            views.createInputTopic(topic, Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer()));
    }

    /** Pipes one page as a scraper would send it, then hands every output on to serving. */
    void send(RawPage page) {
        send(page, null);
    }

    /** As {@link #send(RawPage)}, ingested at {@code time} (null: the topics' current time). */
    void send(RawPage page, java.time.Instant time) {
        byte[] value = RawPageCodec.encode(page);
        if (time == null) {
            raw.pipeInput(value);
            rawSeenByViews.pipeInput(value);
        } else {
            raw.pipeInput(value, time);
            rawSeenByViews.pipeInput(value, time);
        }
        for (Link l : links) {
            for (TestRecord<byte[], byte[]> r : l.from().readRecordsToList()) {
                if (l == links.get(0)) {
                    String key = new String(r.key(), StandardCharsets.UTF_8);
                    if (r.value() == null) {
                        articles.remove(key);
                    } else {
                        articles.put(key, r.value());
                    }
                }
                l.to().pipeInput(new TestRecord<>(r.key(), r.value(), r.headers(), r.timestamp()));
            }
        }
    }

    @Override
    public void close() {
        views.close();
        processing.close();
    }
}
