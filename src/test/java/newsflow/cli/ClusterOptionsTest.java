package newsflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import newsflow.pipeline.PipelineConfig;
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
    void onTheEmbeddedBrokerTopicsGetOnePartitionPerStreamThreadOfTheDefault() throws Exception {
        assertEquals(Runtime.getRuntime().availableProcessors(), options(null, null).pipelineConfig().partitions());
    }

    @Test
    void onTheEmbeddedBrokerTheConfiguredStreamThreadsOfEveryInstanceSetThePartitions() throws Exception {
        ClusterOptions o = options(null, "num.stream.threads=3\n");
        assertEquals(3, o.pipelineConfig().partitions());
        assertEquals(6, o.pipelineConfig(2).partitions());
    }

    @Test
    void onAClusterTheDefaultLeavesRoomForMoreInstances() throws Exception {
        assertEquals(PipelineConfig.DEFAULT_PARTITIONS,
            options("broker-1:9092", "num.stream.threads=1\n").pipelineConfig().partitions());
    }

    @Test
    void partitionsSetInTheConfigWinEverywhere() throws Exception {
        assertEquals(5, options(null, "topic.partitions=5\nnum.stream.threads=2\n").pipelineConfig(3).partitions());
        assertEquals(5, options("broker-1:9092", "topic.partitions=5\n").pipelineConfig().partitions());
    }

    @Test
    void streamThreadsThatAreNotAPositiveNumberAreAClearError() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> options(null, "num.stream.threads=two\n").pipelineConfig());
        assertTrue(e.getMessage().contains("num.stream.threads must be a positive number, got 'two'"), e.getMessage());
    }
}
