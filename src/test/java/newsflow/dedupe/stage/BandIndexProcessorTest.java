package newsflow.dedupe.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import newsflow.core.headers.RawSource;
import newsflow.core.serde.JsonSerde;
import newsflow.dedupe.DedupeTuning;
import newsflow.dedupe.FingerprintCodec;
import newsflow.dedupe.Fingerprinter;
import newsflow.dedupe.stage.DedupeMessages.Event;
import newsflow.dedupe.stage.DedupeMessages.EventKind;
import newsflow.dedupe.stage.DedupeMessages.Probe;
import newsflow.dedupe.stage.DedupeMessages.ShardEntry;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A shard always answers a probe, and tells other articles only what concerns them. */
class BandIndexProcessorTest {

    private static final String TEXT = "Reporters in Port Aurel counted eleven new ferries on the harbour this week, "
        + "officials said. The council expects passenger numbers to rise by a fifth once the new timetable starts.";

    private MockProcessorContext<String, Event> context;
    private BandIndexProcessor processor;

    @BeforeEach
    @SuppressWarnings("deprecation")
    void setUp() {
        context = new MockProcessorContext<>();
        KeyValueStore<Long, BandMembers> bands = Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore(DedupeStage.BANDS_STORE), Serdes.Long(), BandMembers.serde()).withLoggingDisabled().build();
        KeyValueStore<String, ShardEntry> fingerprints = Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(DedupeStage.SHARD_FINGERPRINTS_STORE), Serdes.String(), JsonSerde.of(ShardEntry.class))
            .withLoggingDisabled().build();
        KeyValueStore<String, String> expiry = Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore(DedupeStage.SHARD_EXPIRY_STORE), Serdes.String(), Serdes.String()).withLoggingDisabled().build();
        for (KeyValueStore<?, ?> s : List.of(bands, fingerprints, expiry)) {
            s.init(context.getStateStoreContext(), s);
            context.addStateStore(s);
        }
        processor = new BandIndexProcessor(DedupeConfig.of(java.time.Duration.ofDays(7), 3),
            DedupeStage.BANDS_STORE, DedupeStage.SHARD_FINGERPRINTS_STORE, DedupeStage.SHARD_EXPIRY_STORE);
        processor.init(context);
    }

    private static Probe probe(String id, byte[] fingerprint) {
        return new Probe(id, 0, false, new long[] {1L, 2L, 3L}, fingerprint);
    }

    private static byte[] fingerprintOf(String id) {
        return FingerprintCodec.encode(new Fingerprinter(DedupeTuning.defaults()).fingerprint(id, TEXT, 0));
    }

    private static Record<String, Probe> probed(String id, byte[] fingerprint, long offset) {
        RecordHeaders headers = new RecordHeaders();
        new RawSource("news.raw", 0, offset).addTo(headers);
        return new Record<>("0", probe(id, fingerprint), 1_000 + offset, headers);
    }

    @SuppressWarnings("unchecked")
    private List<Record<String, Event>> forwarded() {
        return context.forwarded().stream().map(f -> (Record<String, Event>) f.record()).toList();
    }

    @Test
    void aProbeWhoseFingerprintCannotBeReadIsStillAnswered() {
        byte[] garbage = "not a fingerprint".getBytes(StandardCharsets.UTF_8);
        processor.process(probed("a", garbage, 1));

        List<Record<String, Event>> out = forwarded();
        assertEquals(1, out.size(), out.toString());
        assertEquals("a", out.get(0).key());
        assertEquals(EventKind.REPLY, out.get(0).value().kind());
        assertTrue(out.get(0).value().relations().isEmpty());
        KeyValueStore<String, String> expiry = context.getStateStore(DedupeStage.SHARD_EXPIRY_STORE);
        String listed = expiry.get(newsflow.core.state.ExpiryIndex.key(1_001, "a"));
        assertTrue(listed != null && List.of(listed.split(",")).containsAll(List.of("1", "2", "3")),
            "the bands it joined leave with it: " + listed);
    }

    @Test
    void aCopyFoundIsAReplyToTheProberAndANoticeWithoutTheProbersRawSource() {
        processor.process(probed("a", fingerprintOf("a"), 1));
        context.resetForwards();
        processor.process(probed("b", fingerprintOf("b"), 2));

        List<Record<String, Event>> out = forwarded();
        Record<String, Event> notice = out.stream().filter(r -> r.value().kind() == EventKind.NOTICE).findFirst().orElseThrow();
        Record<String, Event> reply = out.stream().filter(r -> r.value().kind() == EventKind.REPLY).findFirst().orElseThrow();
        assertEquals("a", notice.key());
        assertNull(RawSource.of(notice.headers()), "a notice is about another article's raw record");
        assertEquals("b", reply.key());
        assertEquals(1, reply.value().relations().size());
        assertEquals(new RawSource("news.raw", 0, 2), RawSource.of(reply.headers()));
    }

    @Test
    void candidatesAreTakenMostSharedFirstThenByIdUpToTheCap() {
        Random random = new Random(20261206);
        for (int round = 0; round < 2_000; round++) {
            Map<String, Integer> shared = new LinkedHashMap<>();
            int candidates = random.nextInt(300);
            int most = 1 + random.nextInt(round % 3 == 0 ? 2 : 12);
            for (int i = 0; i < candidates; i++) {
                shared.put("article-" + random.nextInt(100_000), 1 + random.nextInt(most));
            }
            int cap = 1 + random.nextInt(80);
            List<String> sorted = shared.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                    .thenComparing(Map.Entry.comparingByKey()))
                .limit(cap)
                .map(Map.Entry::getKey)
                .toList();
            assertEquals(sorted, BandIndexProcessor.mostSharedFirst(shared, cap), "round " + round);
        }
    }
}
