package newsflow.output;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import newsflow.core.Topics;
import newsflow.core.headers.Outcome;
import org.apache.avro.generic.GenericData;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads newsflow's output topics as JSON: articles, duplicates and entity trends decoded from
 * Avro; dead letters as {@code {reason, exception, sourceTopic, sourcePartition, sourceOffset,
 * original | originalBase64}}. Reads committed records only, so it never sees output of an
 * aborted transaction.
 */
public final class OutputReader implements AutoCloseable {

    /**
     * One output record: topic, key, the value as JSON (null for a tombstone), and whether it is
     * the first outcome of a raw input ({@code new}), a later revision ({@code revision}), or
     * neither (trend updates: {@code null}).
     */
    public record Output(String topic, String key, JsonNode value, String outcome) {

        /** Whether this record is the one outcome that accounts for a raw input. */
        public boolean isFirstOutcome() {
            return "new".equals(outcome);
        }

        /**
         * The record as one JSON line {@code {"topic", "key", "value"}}, plus {@code "outcome"}
         * ({@code new} or {@code revision}) on articles, duplicates and dead letters.
         */
        public String toJsonLine() {
            ObjectNode line = JSON.createObjectNode();
            line.put("topic", topic);
            line.put("key", key);
            line.set("value", value);
            if (outcome != null) {
                line.put("outcome", outcome);
            }
            return line.toString();
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();

    private static final String ERRORS = "__streams.errors.";
    private static final String OUTCOME_HEADER = Outcome.HEADER;

    private final KafkaConsumer<String, byte[]> consumer;
    private final Topics topics;
    private final AvroSerde<newsflow.avro.Article> articles = AvroSerde.articles();
    private final AvroSerde<newsflow.avro.Duplicate> duplicates = AvroSerde.duplicates();
    private final AvroSerde<newsflow.avro.EntityTrend> trends = AvroSerde.entityTrends();

    /**
     * @param fromEnd start at the current end of each topic (only new output) instead of the
     *                beginning
     */
    public OutputReader(String bootstrapServers, Topics topics, boolean fromEnd) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "newsflow-reader-" + UUID.randomUUID());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Topics.MAX_RECORD_BYTES);
        this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        this.topics = topics;
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(topics.articles(), topics.duplicates(), topics.entityTrends(), topics.deadLetters())) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        if (fromEnd) {
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            ends.forEach(consumer::seek);
        } else {
            consumer.seekToBeginning(partitions);
        }
    }

    /** The records that arrived within {@code timeout}, in arrival order per partition. */
    public List<Output> poll(Duration timeout) {
        List<Output> out = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : consumer.poll(timeout)) {
            Header h = r.headers().lastHeader(OUTCOME_HEADER);
            String outcome = r.topic().equals(topics.deadLetters()) ? "new"
                : h == null || !topics.outcomes().contains(r.topic()) ? null
                : new String(h.value(), StandardCharsets.UTF_8);
            out.add(new Output(r.topic(), r.key(), toJson(r), outcome));
        }
        return out;
    }

    /** Whether a record accounts for one raw input (its first article, duplicate or dead letter). */
    public boolean isOutcome(Output output) {
        return topics.outcomes().contains(output.topic()) && output.isFirstOutcome();
    }

    private JsonNode toJson(ConsumerRecord<String, byte[]> r) {
        if (r.value() == null) {
            return null;
        }
        if (r.topic().equals(topics.deadLetters())) {
            return deadLetter(r);
        }
        Object record = r.topic().equals(topics.articles()) ? articles.decode(r.value())
            : r.topic().equals(topics.duplicates()) ? duplicates.decode(r.value())
            : trends.decode(r.value());
        try {
            return JSON.readTree(GenericData.get().toString(record));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render " + r.topic() + " record as JSON", e);
        }
    }

    private static JsonNode deadLetter(ConsumerRecord<String, byte[]> r) {
        ObjectNode node = JSON.createObjectNode();
        node.put("reason", header(r, "message"));
        node.put("exception", header(r, "exception"));
        node.put("sourceTopic", header(r, "topic"));
        String partition = header(r, "partition");
        String offset = header(r, "offset");
        if (partition != null) {
            node.put("sourcePartition", Integer.parseInt(partition));
        }
        if (offset != null) {
            node.put("sourceOffset", Long.parseLong(offset));
        }
        try {
            node.put("original", StandardCharsets.UTF_8.newDecoder()
                .decode(ByteBuffer.wrap(r.value())).toString());
        } catch (CharacterCodingException e) {
            node.put("originalBase64", Base64.getEncoder().encodeToString(r.value()));
        }
        return node;
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        Header h = r.headers().lastHeader(ERRORS + name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
