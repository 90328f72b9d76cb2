package newsflow.serving;

import java.util.Properties;

import newsflow.ops.PipelineMetrics;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;

/**
 * The Kafka Streams settings of the serving client, derived from the processing client's.
 *
 * <ul>
 *   <li>Its own application id, {@code <processing application id>}{@value #SUFFIX}: its own
 *       consumer group, internal topics and state directory, so an instance can serve, process
 *       or both, and the views can be rebuilt without touching processing.</li>
 *   <li>No dead-letter topic: a view that fails on a record logs it and goes on; writing to
 *       {@code news.deadletter}, which the views count, would count serving's own errors as
 *       inputs that failed.</li>
 *   <li>One stream thread: the views are light next to cleaning and tagging.</li>
 *   <li>A {@code client.id} set for processing gets the suffix too, so the two clients'
 *       metrics stay apart.</li>
 * </ul>
 * Everything else (cluster, security, exactly-once, state directory root) is shared.
 */
public final class ServingSettings {

    /** Appended to the processing application id (and client id, when set). */
    public static final String SUFFIX = "-serving";

    private ServingSettings() {
    }

    /** The serving client's settings for a processing client configured with {@code processing}. */
    public static Properties fromProcessing(Properties processing) {
        Properties p = new Properties();
        p.putAll(processing);
        p.remove(PipelineMetrics.CONFIG_KEY);
        p.put(StreamsConfig.APPLICATION_ID_CONFIG,
            p.getProperty(StreamsConfig.APPLICATION_ID_CONFIG, "newsflow") + SUFFIX);
        String clientId = p.getProperty(StreamsConfig.CLIENT_ID_CONFIG);
        if (clientId != null && !clientId.isBlank()) {
            p.put(StreamsConfig.CLIENT_ID_CONFIG, clientId + SUFFIX);
        }
        p.remove(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
            LogAndContinueProcessingExceptionHandler.class.getName());
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
            LogAndContinueExceptionHandler.class.getName());
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        return p;
    }
}
