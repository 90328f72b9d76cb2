package newsflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import newsflow.pipeline.PipelineConfig;
import newsflow.pipeline.StreamsSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the shared cluster options turn --config into the pipeline's settings. */
class ClusterOptionsTest {

    @TempDir
    Path tmp;

    private ClusterOptions options(String bootstrapServers, String config) throws Exception {
        ClusterOptions o = new ClusterOptions();
        o.bootstrapServers = bootstrapServers;
        if (config != null) {
            o.configFile = Files.writeString(tmp.resolve("newsflow.properties"), config);
        }
        return o;
    }

    @Test
    void onTheEmbeddedBrokerTopicsGetOnePartitionPerStreamThread() throws Exception {
        assertEquals(4, options(null, "num.stream.threads=4\n").pipelineConfig().partitions());
    }

    @Test
    void withoutConfigTheEmbeddedPartitionsFollowTheDefaultStreamThreads() throws Exception {
        assertEquals(Math.min(ClusterOptions.MAX_DEFAULT_PARTITIONS, StreamsSettings.defaultStreamThreads()),
            options(null, null).pipelineConfig().partitions());
    }

    @Test
    void onTheEmbeddedBrokerEveryInstancesThreadsCount() throws Exception {
        assertEquals(4, options(null, "num.stream.threads=2\n").pipelineConfig(2).partitions());
    }

    @Test
    void theEmbeddedDefaultStopsAtItsCap() throws Exception {
        assertEquals(ClusterOptions.MAX_DEFAULT_PARTITIONS,
            options(null, "num.stream.threads=5\n").pipelineConfig(2).partitions());
    }

    @Test
    void onAClusterTheDefaultLeavesRoomForMoreInstances() throws Exception {
        assertEquals(PipelineConfig.DEFAULT_PARTITIONS,
            options("broker-1:9092", "num.stream.threads=1\n").pipelineConfig().partitions());
    }

    @Test
    void partitionsSetInTheConfigWinOnTheEmbeddedBroker() throws Exception {
        assertEquals(5, options(null, "topic.partitions=5\nnum.stream.threads=2\n").pipelineConfig(3).partitions());
    }

    @Test
    void partitionsSetInTheConfigWinOnACluster() throws Exception {
        assertEquals(5, options("broker-1:9092", "topic.partitions=5\n").pipelineConfig().partitions());
    }

    @Test
    void evaluationsKeepTheClusterDefaultOnTheEmbeddedBrokerSoTheirTablesDoNotDependOnTheMachine() throws Exception {
        assertEquals(PipelineConfig.DEFAULT_PARTITIONS,
            options(null, "num.stream.threads=2\n").pipelineConfigForEvaluation().partitions());
        assertEquals(2, options(null, "topic.partitions=2\n").pipelineConfigForEvaluation().partitions());
    }

    @Test
    void noInstancesIsAClearError() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> options(null, null).pipelineConfig(0));
        assertTrue(e.getMessage().contains("instances must be at least 1, got 0"), e.getMessage());
    }

    @Test
    void streamThreadsThatAreNotAPositiveNumberAreAClearError() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> options(null, "num.stream.threads=two\n").pipelineConfig());
        assertTrue(e.getMessage().contains("num.stream.threads must be a positive number, got 'two'"), e.getMessage());
    }
}
