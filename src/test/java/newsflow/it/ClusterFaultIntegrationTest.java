package newsflow.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import newsflow.clean.ArticleCleaner;
import newsflow.clean.CleaningPolicy;
import newsflow.core.Topics;
import newsflow.entities.CapitalisedPhraseTagger;
import newsflow.ingest.RawProducer;
import newsflow.output.OutputReader;
import newsflow.output.OutputReader.Output;
import newsflow.pipeline.NewsflowTopology;
import newsflow.pipeline.Pipeline;
import newsflow.pipeline.PipelineConfig;
import newsflow.pipeline.StreamsSettings;
import newsflow.pipeline.TopicSetup;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/**
 * A three-broker cluster (replication 3, {@code min.insync.replicas} 2) loses a broker in the
 * middle of a stream: the pipeline carries on with the other two, and each of the 600 inputs
 * ends as exactly one first outcome, none twice.
 */
class ClusterFaultIntegrationTest {

    @Test
    void aThreeBrokerClusterLosingOneBrokerMidStreamLosesNothingAndEmitsNothingTwice() throws Exception {
        try (KafkaCluster cluster = new KafkaCluster(3)) {
            String appId = "cluster-" + UUID.randomUUID().toString().substring(0, 8);
            PipelineConfig config = BrokerHarness.configFor(appId, PipelineConfig.defaults());
            TopicSetup.ensureTopics(cluster.bootstrapServers(), config, (short) 3);
            Properties overrides = new Properties();
            overrides.put(StreamsConfig.APPLICATION_ID_CONFIG, appId);
            overrides.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
            overrides.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 3);
            NewsflowTopology.Stages stages = new NewsflowTopology.Stages(
                new ArticleCleaner(CleaningPolicy.newsDefaults()), new CapitalisedPhraseTagger());
            try (RawProducer producer = new RawProducer(cluster.bootstrapServers(), config.topics().raw(), Topics.MAX_RECORD_BYTES);
                 OutputReader reader = new OutputReader(cluster.bootstrapServers(), config.topics(), false)) {
                FaultIntegrationTest.sendAll(producer);
                try (Pipeline pipeline = Pipeline.start(NewsflowTopology.build(config, stages),
                        StreamsSettings.streamsConfig(cluster.bootstrapServers(),
                            Files.createTempDirectory("newsflow-cluster-state-"), config.topics(), overrides),
                        Duration.ofSeconds(90))) {
                    List<Output> outputs = BrokerHarness.readOutcomes(reader, new ArrayList<>(), 30, Duration.ofSeconds(90));
                    long before = outputs.stream().filter(reader::isOutcome).count();
                    assertTrue(before >= 30 && before < FaultIntegrationTest.INPUTS, "mid-stream: " + before);
                    cluster.stop(1);
                    BrokerHarness.drain(reader,
                        BrokerHarness.readOutcomes(reader, outputs, FaultIntegrationTest.INPUTS, Duration.ofSeconds(180)),
                        Duration.ofSeconds(3));
                    try {
                        FaultIntegrationTest.assertEachInputExactlyOnce(reader, config.topics(), outputs);
                    } catch (AssertionError e) {
                        // Once in eleven runs the copies had no outcome after the broker loss: say where records wait.
                        throw new AssertionError(e.getMessage() + "\npartitions with a transaction still open: "
                            + OpenTransactions.describe(cluster.bootstrapServers(), appId), e);
                    }
                }
            }
        }
    }
}
