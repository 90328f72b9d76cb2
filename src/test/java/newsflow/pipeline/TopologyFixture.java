package newsflow.pipeline;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;

import newsflow.clean.ArticleCleaner;
import newsflow.clean.CleaningPolicy;
import newsflow.core.Topics;
import newsflow.entities.CapitalisedPhraseTagger;
import newsflow.ingest.RawPage;
import newsflow.ingest.RawPageCodec;
import newsflow.output.AvroSerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/** The production topology under a {@link TopologyTestDriver}, with its topics. */
public final class TopologyFixture implements AutoCloseable {

    public final TopologyTestDriver driver;
    public final TestInputTopic<byte[], byte[]> raw;
    public final TestOutputTopic<String, newsflow.avro.Article> articles;
    public final TestOutputTopic<String, newsflow.avro.Duplicate> duplicates;
    public final TestOutputTopic<String, newsflow.avro.EntityTrend> trends;
    public final TestOutputTopic<byte[], byte[]> deadLetters;

    public TopologyFixture(PipelineConfig config, Path stateDir) {
        NewsflowTopology.Stages stages = new NewsflowTopology.Stages(
            new ArticleCleaner(CleaningPolicy.newsDefaults()), new CapitalisedPhraseTagger());
        Properties props = StreamsSettings.streamsConfig("dummy:9092", stateDir, config.topics(), new Properties());
        driver = new TopologyTestDriver(NewsflowTopology.build(config, stages), props);
        Topics t = config.topics();
        raw = driver.createInputTopic(t.raw(), Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer());
        articles = driver.createOutputTopic(t.articles(), Serdes.String().deserializer(), AvroSerde.articles().deserializer());
        duplicates = driver.createOutputTopic(t.duplicates(), Serdes.String().deserializer(), AvroSerde.duplicates().deserializer());
        trends = driver.createOutputTopic(t.entityTrends(), Serdes.String().deserializer(), AvroSerde.entityTrends().deserializer());
        deadLetters = driver.createOutputTopic(t.deadLetters(), Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer());
    }

    /** Pipes one page as a scraper would send it. */
    public void send(RawPage page) {
        raw.pipeInput(RawPageCodec.encode(page));
    }

    /** Pipes raw bytes. */
    public void sendBytes(String value) {
        raw.pipeInput(value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        driver.close();
    }
}
