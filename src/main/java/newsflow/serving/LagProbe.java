package newsflow.serving;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import newsflow.ops.TopicOffsets;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The consumer lag of the pipeline on the raw topic: records produced by scrapers that no
 * instance has committed yet, summed over partitions. Read from the brokers (committed
 * offsets of the application's group and the end offsets), so every instance reports the
 * same figure. Results are cached for a second. Thread-safe.
 */
final class LagProbe implements AutoCloseable {

    private static final long CACHE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Admin admin;
    private final String groupId;
    private final String topic;
    private long cachedAt;
    private long cached = -1;

    LagProbe(String bootstrapServers, String groupId, String topic) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        this.admin = Admin.create(p);
        this.groupId = groupId;
        this.topic = topic;
    }

    /** The lag in records, or -1 when the brokers did not answer. */
    synchronized long lag() {
        if (cached >= 0 && System.nanoTime() - cachedAt < CACHE_NANOS) {
            return cached;
        }
        try {
            Map<TopicPartition, TopicOffsets.Range> ranges = TopicOffsets.of(admin, topic, Duration.ofSeconds(5));
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
            long lag = 0;
            for (Map.Entry<TopicPartition, TopicOffsets.Range> e : ranges.entrySet()) {
                OffsetAndMetadata c = committed.get(e.getKey());
                long from = c != null ? c.offset() : e.getValue().start();
                lag += Math.max(0, e.getValue().end() - from);
            }
            cached = lag;
            cachedAt = System.nanoTime();
            return lag;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } catch (Exception e) {
            return -1;
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
