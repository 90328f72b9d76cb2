package newsflow.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import newsflow.core.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsSettingsTest {

    /** fetch.max.wait.ms as Kafka Streams hands it to the restore and main consumers under {@code overrides}. */
    private static Map<String, Object> restoreConsumer(Properties overrides) {
        return new StreamsConfig(StreamsSettings.streamsConfig("localhost:9092", Path.of("state"), Topics.DEFAULT,
                overrides)).getRestoreConsumerConfigs("restore");
    }

    private static Properties overrides(String key, String value) {
        Properties p = new Properties();
        p.put(key, value);
        return p;
    }

    @Test
    void theRestoreConsumerWaitsAtMost100msForAnEmptyFetch() {
        assertEquals(100, ((Number) restoreConsumer(new Properties()).get(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG)).intValue());
    }

    @Test
    void anOperatorsFetchWaitReachesTheRestoreConsumerWhicheverWayItIsSet() {
        for (String key : new String[] {"fetch.max.wait.ms", "consumer.fetch.max.wait.ms", "restore.consumer.fetch.max.wait.ms"}) {
            Object wait = restoreConsumer(overrides(key, "700")).get(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG);
            assertEquals("700", String.valueOf(wait), key);
        }
    }

    @Test
    void theMainConsumerKeepsKafkasDefaultFetchWait() {
        Map<String, Object> main = new StreamsConfig(StreamsSettings.streamsConfig("localhost:9092", Path.of("state"),
                Topics.DEFAULT, new Properties())).getMainConsumerConfigs("group", "client", 0);
        assertNull(main.get(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG));
    }

    @Test
    void withoutNumStreamThreadsAnInstanceRunsOneThreadPerCore() {
        assertEquals(Runtime.getRuntime().availableProcessors(), StreamsSettings.streamThreads(new Properties()));
    }

    @Test
    void numStreamThreadsIsReadAsANumberWithSpacesAround() {
        assertEquals(4, StreamsSettings.streamThreads(overrides(StreamsConfig.NUM_STREAM_THREADS_CONFIG, " 4 ")));
    }

    @Test
    void numStreamThreadsBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class,
            () -> StreamsSettings.streamThreads(overrides(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "0")));
        assertThrows(IllegalArgumentException.class,
            () -> StreamsSettings.streamThreads(overrides(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "-2")));
    }
}
