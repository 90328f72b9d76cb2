package newsflow.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import newsflow.core.Topics;
import newsflow.ops.TopicOffsets;
import newsflow.pipeline.InternalTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * What a pipeline run wrote to the broker, by kind of topic: its stores' changelogs, its
 * repartition topics, and the output topics. These are the offsets used since each topic was
 * created: bench's topics and application id are its own unless {@code --config} names them,
 * and then a second run on a kept cluster counts the first one's too. A count, not a timing,
 * so a change to the stores or the topology shows in it when throughput cannot tell it from
 * noise; but not wholly free of timing either: a transaction writes a marker to every partition
 * it wrote to, and cached stores write once per commit, so more commits (a shorter
 * {@code commit.interval.ms}, a slower run) mean somewhat more offsets.
 *
 * @param changelogs offsets used in each changelog, by its name without the application id
 * @param repartitions offsets used in each repartition topic, likewise
 * @param outputs offsets used in the output topics (articles, duplicates, trends, dead letters)
 */
record BrokerWrites(Map<String, Long> changelogs, Map<String, Long> repartitions, long outputs) {

    /** Reads the offsets of {@code applicationId}'s internal topics and of {@code topics}' outputs. */
    static BrokerWrites of(String bootstrapServers, String applicationId, Topics topics) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        Duration timeout = Duration.ofSeconds(60);
        try (Admin admin = Admin.create(p)) {
            Map<String, Long> changelogs = new TreeMap<>();
            Map<String, Long> repartitions = new TreeMap<>();
            String prefix = applicationId + "-";
            for (String topic : admin.listTopics().names().get(timeout.toSeconds(), TimeUnit.SECONDS)) {
                if (!topic.startsWith(prefix)) {
                    continue;
                }
                String name = topic.substring(prefix.length());
                if (name.startsWith(BenchCommand.WARM_UP)) {
                    continue; // a warm-up run's: its application id extends this one
                }
                if (name.endsWith(InternalTopics.CHANGELOG_SUFFIX)) {
                    changelogs.put(withoutSuffix(name, InternalTopics.CHANGELOG_SUFFIX), used(admin, topic, timeout));
                } else if (name.endsWith(InternalTopics.REPARTITION_SUFFIX)) {
                    repartitions.put(withoutSuffix(name, InternalTopics.REPARTITION_SUFFIX), used(admin, topic, timeout));
                }
            }
            long outputs = 0;
            for (String topic : List.of(topics.articles(), topics.duplicates(), topics.entityTrends(), topics.deadLetters())) {
                outputs += used(admin, topic, timeout);
            }
            return new BrokerWrites(changelogs, repartitions, outputs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the offsets of " + applicationId + "'s topics", e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("cannot read the offsets of " + applicationId + "'s topics: " + cause.getMessage(), cause);
        }
    }

    private static String withoutSuffix(String name, String suffix) {
        return name.substring(0, name.length() - suffix.length());
    }

    private static long used(Admin admin, String topic, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        return TopicOffsets.of(admin, topic, timeout).values().stream().mapToLong(TopicOffsets.Range::end).sum();
    }

    /** One line: per input record, what went where, the three largest changelogs named. */
    String describe(int inputs) {
        long logged = changelogs.values().stream().mapToLong(Long::longValue).sum();
        long repartitioned = repartitions.values().stream().mapToLong(Long::longValue).sum();
        List<Map.Entry<String, Long>> largest = new ArrayList<>(changelogs.entrySet());
        largest.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        StringBuilder top = new StringBuilder();
        for (Map.Entry<String, Long> e : largest.subList(0, Math.min(3, largest.size()))) {
            top.append(top.length() == 0 ? "" : ", ").append(e.getKey()).append(' ')
                .append(String.format(Locale.ROOT, "%.1f", (double) e.getValue() / inputs));
        }
        return String.format(Locale.ROOT, "written to the broker, per input record (offsets, transaction markers "
                + "included): %.1f in all: %.1f to %d changelogs (most: %s), %.1f to %d repartition topics, %.1f to the outputs",
            (double) (logged + repartitioned + outputs) / inputs, (double) logged / inputs, changelogs.size(), top,
            (double) repartitioned / inputs, repartitions.size(), (double) outputs / inputs);
    }
}
