package newsflow.it;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * For a fault test's failure message: the partitions whose last stable offset lags their end,
 * that is, those a {@code read_committed} reader (a downstream task, the test's reader) cannot
 * read to the end because a transaction on them is still open. An empty answer rules a hanging
 * transaction out; a partition named points at where the records wait.
 */
final class OpenTransactions {

    private OpenTransactions() {
    }

    /** The lagging partitions of the topics whose names contain {@code fragment}, or why they could not be read. */
    static String describe(String bootstrapServers, String fragment) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000);
        try (Admin admin = Admin.create(p)) {
            Set<String> names = admin.listTopics().names().get(20, TimeUnit.SECONDS);
            names.removeIf(n -> !n.contains(fragment));
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (TopicDescription d : admin.describeTopics(names).allTopicNames().get(20, TimeUnit.SECONDS).values()) {
                d.partitions().forEach(tp -> latest.put(new TopicPartition(d.name(), tp.partition()), OffsetSpec.latest()));
            }
            var ends = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all()
                .get(20, TimeUnit.SECONDS);
            var stable = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                .get(20, TimeUnit.SECONDS);
            Map<String, String> lagging = new TreeMap<>();
            ends.forEach((tp, end) -> {
                long lso = stable.get(tp).offset();
                if (lso < end.offset()) {
                    lagging.put(tp.toString(), "last stable offset " + lso + " < end " + end.offset());
                }
            });
            return lagging.isEmpty() ? "none" : lagging.toString();
        } catch (Exception e) {
            return "not known (" + e + ")";
        }
    }
}
