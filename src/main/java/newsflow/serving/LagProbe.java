package newsflow.serving;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
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
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames()
                .get(5, TimeUnit.SECONDS).get(topic).partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            partitions.forEach(tp -> {
                latest.put(tp, OffsetSpec.latest());
                earliest.put(tp, OffsetSpec.earliest());
            });
            var ends = admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS);
            var starts = admin.listOffsets(earliest).all().get(5, TimeUnit.SECONDS);
            long lag = 0;
            for (TopicPartition tp : partitions) {
                OffsetAndMetadata c = committed.get(tp);
                long from = c != null ? c.offset() : starts.get(tp).offset();
                lag += Math.max(0, ends.get(tp).offset() - from);
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
