package newsflow.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Produces files to {@code news.raw} as a scraper would: idempotent, {@code acks=all},
 * compressed, keyed by nothing. Reports progress after each file.
 */
public final class RawProducer implements AutoCloseable {

    /** Receives progress: files done, files in all, records sent so far. */
    public interface Progress {
        void update(int filesDone, int filesTotal, long records);
    }

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final AtomicReference<Exception> sendFailure = new AtomicReference<>();

    public RawProducer(String bootstrapServers, String topic, int maxRecordBytes) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, maxRecordBytes);
        // One request in flight per partition: a first batch refused while a new partition is
        // still electing its leader is retried before any later batch is sent. With several in
        // flight, the broker can accept a later batch from a producer it has no state for, and
        // then refuses the retried first batch as out of sequence until it times out and its
        // records are lost (seen right after creating topics on the embedded broker).
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
        this.topic = topic;
    }

    /** Sends one record value; a failure is reported by the next {@link #flush}. */
    public void send(byte[] value) {
        producer.send(new ProducerRecord<>(topic, null, value), (meta, e) -> {
            if (e != null) {
                sendFailure.compareAndSet(null, e);
            }
        });
    }

    /** Waits until the broker has every record sent so far; throws if one could not be sent. */
    public void flush() {
        producer.flush();
        Exception failure = sendFailure.getAndSet(null);
        if (failure != null) {
            throw new IllegalStateException("could not produce to " + topic + ": " + failure.getMessage(), failure);
        }
    }

    /**
     * Sends every record of the files, in order, and waits until the broker has them all.
     *
     * @return the number of records sent
     */
    public long sendFiles(List<Path> files, Progress progress) {
        AtomicLong records = new AtomicLong();
        for (int i = 0; i < files.size(); i++) {
            PageFiles.records(files.get(i), value -> {
                send(value);
                records.incrementAndGet();
            });
            progress.update(i + 1, files.size(), records.get());
        }
        flush();
        return records.get();
    }

    @Override
    public void close() {
        producer.close();
    }
}
