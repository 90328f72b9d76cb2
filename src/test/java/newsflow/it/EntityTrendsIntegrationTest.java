package newsflow.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import newsflow.ingest.SyntheticPages;
import newsflow.output.EntityTrends;
import newsflow.output.OutputReader.Output;
import newsflow.pipeline.PipelineConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Entity trends on a real broker: what of the counting reaches the changelogs. */
class EntityTrendsIntegrationTest {

    @RegisterExtension
    static final BrokerHarness harness = new BrokerHarness();

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Half past an hour of yesterday: every story is counted in that hour. */
    private static final String PUBLISHED = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS)
        .plus(Duration.ofMinutes(30)).toString();

    /** Story {@code n}, which also names a person every other story names. */
    private static byte[] storyNamingOmarHaddad(int n) {
        ObjectNode page = JSON.createObjectNode();
        page.put("url", "https://x.org/story/" + n);
        page.put("html", SyntheticPages.html(n).replace("</article>", "<p>Omar Haddad said so.</p></article>"));
        page.put("publishedAt", PUBLISHED);
        return page.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aCountThatChangesManyTimesBetweenTwoCommitsReachesItsChangelogFewerTimesThanItsOutput() {
        int stories = 20;
        try (BrokerHarness.Run run = harness.newRun(PipelineConfig.defaults())) {
            run.startInstance();
            for (int n = 0; n < stories; n++) {
                run.send(storyNamingOmarHaddad(n));
            }
            List<Output> outputs = run.drain(run.readOutcomes(new ArrayList<>(), stories, Duration.ofSeconds(60)),
                Duration.ofSeconds(2));

            // Every change goes downstream: 1, 2, ... 20 articles name him in that hour. (His
            // count is the one that changes most: the stories share no other name.)
            Map<String, List<Output>> trendsByKey = outputs.stream()
                .filter(o -> o.topic().equals(run.config.topics().entityTrends()))
                .collect(Collectors.groupingBy(Output::key));
            List<Output> changes = trendsByKey.values().stream().max(Comparator.comparingInt(List::size)).orElseThrow();
            String key = changes.get(0).key();
            assertEquals(stories, changes.size());
            assertEquals(stories, changes.get(changes.size() - 1).value().get("articles").asInt());

            // The store's changelog has its final count, from fewer writes: the cache keeps the
            // last count of a commit interval (the harness commits every 100 ms).
            List<String> logged = changelog(run.appId + "-" + EntityTrends.COUNTS_STORE + "-changelog", key);
            assertTrue(!logged.isEmpty() && logged.size() < stories, "changelog writes of " + key + ": " + logged.size());
            assertTrue(logged.get(logged.size() - 1).contains("\"articles\":" + stories), logged.get(logged.size() - 1));
        }
    }

    /** The committed values of {@code key} in {@code topic}, in order. */
    private static List<String> changelog(String topic, String key) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, harness.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-changelog-" + UUID.randomUUID());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(r.key())) {
                        values.add(r.value() == null ? "null" : new String(r.value(), StandardCharsets.UTF_8));
                    }
                }
            }
            return values;
        }
    }
}
