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

    public RawProducer(String bootstrapServers, String topic, int maxRecordBytes) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, maxRecordBytes);
        this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
        this.topic = topic;
    }

    /** Sends one record value. */
    public void send(byte[] value) {
        producer.send(new ProducerRecord<>(topic, null, value));
    }

    /**
     * Sends every record of the files, in order, and waits until the broker has them all.
     *
     * @return the number of records sent
     */
    public long sendFiles(List<Path> files, Progress progress) {
        AtomicLong records = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        for (int i = 0; i < files.size(); i++) {
            PageFiles.records(files.get(i), value -> {
                producer.send(new ProducerRecord<>(topic, null, value), (meta, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
                records.incrementAndGet();
            });
            progress.update(i + 1, files.size(), records.get());
        }
        producer.flush();
        if (failure.get() != null) {
            throw new IllegalStateException("could not produce to " + topic + ": "
                + failure.get().getMessage(), failure.get());
        }
        return records.get();
    }

    @Override
    public void close() {
        producer.close();
    }
}
