package newsflow.ops;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/** The offsets a topic's partitions now span, read from the brokers: for lag, and for counting what a topic holds. */
public final class TopicOffsets {

    /** A partition's first offset still held and the offset its next record will get. */
    public record Range(long start, long end) {

        /** Records the partition holds now. */
        public long records() {
            return end - start;
        }
    }

    private TopicOffsets() {
    }

    /** The range of each partition of {@code topic}, each request waiting at most {@code timeout}. */
    public static Map<TopicPartition, Range> of(Admin admin, String topic, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        admin.describeTopics(List.of(topic)).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS)
            .get(topic).partitions().forEach(p -> {
                TopicPartition tp = new TopicPartition(topic, p.partition());
                latest.put(tp, OffsetSpec.latest());
                earliest.put(tp, OffsetSpec.earliest());
            });
        Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, ListOffsetsResultInfo> starts = admin.listOffsets(earliest).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, Range> out = new HashMap<>();
        ends.forEach((tp, end) -> out.put(tp, new Range(starts.get(tp).offset(), end.offset())));
        return out;
    }
}
