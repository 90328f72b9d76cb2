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
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import newsflow.ingest.SyntheticPages;
import newsflow.output.EntityTrends;
import newsflow.output.OutputReader.Output;
import newsflow.pipeline.InternalTopics;
import newsflow.pipeline.PipelineConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
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
            // All twenty wait in the raw topic, and a commit every two seconds (not the harness's
            // 100 ms) lets their changes meet in one commit however slow the machine.
            for (int n = 0; n < stories; n++) {
                run.send(storyNamingOmarHaddad(n));
            }
            Properties slowCommits = new Properties();
            slowCommits.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 2000);
            run.startInstance(slowCommits);

            // Every change goes downstream: 1, 2, ... 20 articles name him in that hour. (His
            // count is the one that changes most: the stories share no other name.)
            List<Output> outputs = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (System.nanoTime() < deadline && outputs.stream().noneMatch(o -> isTrendOf(o, run, stories))) {
                outputs.addAll(run.reader.poll(Duration.ofMillis(200)));
            }
            Map<String, List<Output>> trendsByKey = outputs.stream()
                .filter(o -> o.topic().equals(run.config.topics().entityTrends()))
                .collect(Collectors.groupingBy(Output::key));
            List<Output> changes = trendsByKey.values().stream().max(Comparator.comparingInt(List::size)).orElseThrow();
            String key = changes.get(0).key();
            assertEquals(stories, changes.size());
            assertEquals(stories, changes.get(changes.size() - 1).value().get("articles").asInt());

            // The store's changelog has its final count, from fewer writes: the cache keeps the
            // last count of a commit interval.
            List<String> logged = changelog(run.appId + "-" + EntityTrends.COUNTS_STORE + InternalTopics.CHANGELOG_SUFFIX, key);
            assertTrue(!logged.isEmpty() && logged.size() < stories, "changelog writes of " + key + ": " + logged.size());
            assertTrue(logged.get(logged.size() - 1).contains("\"articles\":" + stories), logged.get(logged.size() - 1));
        }
    }

    /** Whether {@code o} is a trend count of {@code articles} articles. */
    private static boolean isTrendOf(Output o, BrokerHarness.Run run, int articles) {
        return o.topic().equals(run.config.topics().entityTrends()) && o.value() != null
            && o.value().path("articles").asInt() == articles;
    }

    /** The committed values of {@code key} in {@code topic}, in order. */
    private static List<String> changelog(String topic, String key) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, harness.bootstrapServers());
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
