package newsflow.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import newsflow.core.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Creates newsflow's topics when they do not exist. Articles and entity trends are compacted
 * (keyed by article id and by entity-hour: the latest value per key is the state);
 * raw pages, duplicates and dead letters are plain logs.
 */
public final class TopicSetup {

    private TopicSetup() {
    }

    /** Creates the missing topics with {@code config.partitions()} partitions each. */
    public static void ensureTopics(String bootstrapServers, PipelineConfig config, short replication) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        Topics t = config.topics();
        String maxBytes = String.valueOf(Topics.MAX_RECORD_BYTES);
        try (Admin admin = Admin.create(p)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> wanted = new ArrayList<>();
            wanted.add(topic(t.raw(), config, replication, Map.of("max.message.bytes", maxBytes)));
            wanted.add(topic(t.articles(), config, replication, Map.of("cleanup.policy", "compact")));
            wanted.add(topic(t.duplicates(), config, replication, Map.of()));
            wanted.add(topic(t.entityTrends(), config, replication, Map.of("cleanup.policy", "compact")));
            wanted.add(topic(t.deadLetters(), config, replication, Map.of("max.message.bytes", maxBytes)));
            wanted.removeIf(nt -> existing.contains(nt.name()));
            if (!wanted.isEmpty()) {
                admin.createTopics(wanted).all().get();
                awaitLeaders(admin, wanted.stream().map(NewTopic::name).toList());
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topics on " + bootstrapServers + ": "
                    + e.getCause().getMessage(), e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    /** Waits (up to 30 s) until every partition of {@code names} has a leader, so producers can write at once. */
    static void awaitLeaders(Admin admin, List<String> names) throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            boolean ready = true;
            try {
                for (TopicDescription d : admin.describeTopics(names).allTopicNames().get().values()) {
                    ready &= d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty());
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
                ready = false;
            }
            if (ready || System.nanoTime() > deadline) {
                return;
            }
            Thread.sleep(100);
        }
    }

    private static NewTopic topic(String name, PipelineConfig config, short replication,
                                  Map<String, String> settings) {
        return new NewTopic(name, config.partitions(), replication).configs(settings);
    }
}
