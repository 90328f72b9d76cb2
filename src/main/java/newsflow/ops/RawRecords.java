package newsflow.ops;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import newsflow.core.headers.RawSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads one record back from the raw topic, for the dead letter of a record that failed after
 * the clean stage: the scraper's original bytes, not newsflow's internal form. A consumer
 * without a group is opened for each read and closed after it: failures are rare, and nothing
 * stays open between them.
 */
final class RawRecords {

    private final Map<String, Object> consumerConfig = new HashMap<>();

    /**
     * Takes the cluster address and security settings from the Kafka Streams configuration: the
     * plain ones, then those for Kafka Streams' consumers ({@code consumer.}, {@code
     * main.consumer.}), which win.
     */
    RawRecords(Map<String, ?> streamsConfig) {
        for (String prefix : List.of("", "consumer.", "main.consumer.")) {
            streamsConfig.forEach((key, value) -> {
                if (value == null || !key.startsWith(prefix)) {
                    return;
                }
                String name = key.substring(prefix.length());
                if (name.equals(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG) || name.equals("security.protocol")
                        || name.startsWith("ssl.") || name.startsWith("sasl.")) {
                    consumerConfig.put(name, value);
                }
            });
        }
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // An offset no longer in the log fails at once instead of waiting for new records.
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, "newsflow-deadletter-raw-read");
        consumerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
    }

    /** Whether a cluster to read from is configured. */
    boolean configured() {
        return consumerConfig.containsKey(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG);
    }

    /**
     * The record at {@code source}, or null when it is no longer there (deleted by retention, or
     * the offset holds a transaction marker) or could not be read within {@code timeout}.
     */
    ConsumerRecord<byte[], byte[]> read(RawSource source, Duration timeout) {
        TopicPartition tp = new TopicPartition(source.topic(), source.partition());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig,
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(tp));
            consumer.seek(tp, source.offset());
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200)).records(tp)) {
                    return r.offset() == source.offset() ? r : null;
                }
            }
            return null;
        }
    }
}
