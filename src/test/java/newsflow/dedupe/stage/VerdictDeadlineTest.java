package newsflow.dedupe.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import newsflow.core.CleanArticle;
import newsflow.core.DedupeVerdict;
import newsflow.core.serde.JsonSerde;
import newsflow.dedupe.DedupeTuning;
import newsflow.dedupe.stage.DedupeMessages.ArticleState;
import newsflow.dedupe.stage.DedupeMessages.Event;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.MockProcessorContext.CapturedForward;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An article whose shard replies never all arrive is decided at the deadline, not left waiting. */
class VerdictDeadlineTest {

    private static final Duration DEADLINE = Duration.ofMinutes(10);
    private static final CleanArticle ARTICLE = new CleanArticle("https://a.example/1", "T", null, null, null, "en",
        "The council approved the budget on Monday after a long debate about schools and roads.");

    private MockProcessorContext<String, DedupeVerdict> context;
    private VerdictProcessor processor;

    @BeforeEach
    @SuppressWarnings("deprecation")
    void setUp() {
        context = new MockProcessorContext<>();
        KeyValueStore<String, ArticleState> states = Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(DedupeStage.ARTICLE_STATES_STORE), Serdes.String(), JsonSerde.of(ArticleState.class))
            .withLoggingDisabled().build();
        KeyValueStore<String, String> pending = Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(DedupeStage.PENDING_STORE), Serdes.String(), Serdes.String())
            .withLoggingDisabled().build();
        KeyValueStore<String, String> expiry = Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(DedupeStage.ARTICLE_STATES_EXPIRY_STORE), Serdes.String(), Serdes.String())
            .withLoggingDisabled().build();
        states.init(context.getStateStoreContext(), states);
        pending.init(context.getStateStoreContext(), pending);
        expiry.init(context.getStateStoreContext(), expiry);
        context.addStateStore(states);
        context.addStateStore(pending);
        context.addStateStore(expiry);
        processor = new VerdictProcessor(new DedupeConfig(DedupeTuning.defaults(), 3, DEADLINE),
            DedupeStage.ARTICLE_STATES_STORE, DedupeStage.PENDING_STORE, DedupeStage.ARTICLE_STATES_EXPIRY_STORE);
        processor.init(context);
    }

    private void streamTimeReaches(long time) {
        for (MockProcessorContext.CapturedPunctuator p : context.scheduledPunctuators()) {
            if (p.getType() == PunctuationType.STREAM_TIME) {
                p.getPunctuator().punctuate(time);
            }
        }
    }

    @Test
    void anArticleMissingAReplyIsDecidedOnceStreamTimePassesTheDeadline() {
        long t = 1_000_000;
        processor.process(new Record<>("a", Event.article(ARTICLE, t, 3), t));
        processor.process(new Record<>("a", Event.reply(List.of()), t + 5));
        processor.process(new Record<>("a", Event.reply(List.of()), t + 6));
        assertTrue(context.forwarded().isEmpty(), "two of three shards replied: it waits");

        streamTimeReaches(t + DEADLINE.toMillis() - 1);
        assertTrue(context.forwarded().isEmpty(), "not yet overdue");

        streamTimeReaches(t + DEADLINE.toMillis() + 1);
        List<CapturedForward<? extends String, ? extends DedupeVerdict>> out = context.forwarded();
        assertEquals(1, out.size(), "decided once, at the deadline");
        Record<? extends String, ? extends DedupeVerdict> verdict = out.get(0).record();
        assertEquals("a", verdict.key());
        assertFalse(verdict.value().isDuplicate());
        assertEquals("new", new String(verdict.headers().lastHeader(VerdictProcessor.OUTCOME_HEADER).value(), StandardCharsets.UTF_8));
        assertEquals("2/3", new String(verdict.headers().lastHeader(VerdictProcessor.DEADLINE_HEADER).value(), StandardCharsets.UTF_8));

        context.resetForwards();
        streamTimeReaches(t + 2 * DEADLINE.toMillis());
        assertTrue(context.forwarded().isEmpty(), "never decided twice");
    }

    @Test
    void anArticleWhoseRepliesAllArriveNeverMeetsTheDeadline() {
        long t = 1_000_000;
        processor.process(new Record<>("b", Event.article(ARTICLE, t, 2), t));
        processor.process(new Record<>("b", Event.reply(List.of()), t + 5));
        processor.process(new Record<>("b", Event.reply(List.of()), t + 6));
        assertEquals(1, context.forwarded().size());
        context.resetForwards();
        streamTimeReaches(t + 2 * DEADLINE.toMillis());
        assertTrue(context.forwarded().isEmpty(), "nothing is pending any more");
    }

    @Test
    void aReplyThatCannotBeAppliedIsDroppedAndTheArticleIsDecidedAtTheDeadline() {
        long t = 1_000_000;
        processor.process(new Record<>("a", Event.article(ARTICLE, t, 2), t));
        processor.process(new Record<>("a", Event.reply(java.util.Arrays.asList((newsflow.dedupe.Relation) null)), t + 5));
        processor.process(new Record<>("a", Event.reply(List.of()), t + 6));
        assertTrue(context.forwarded().isEmpty(), "one usable reply of two: it waits");

        streamTimeReaches(t + DEADLINE.toMillis() + 1);
        assertEquals(1, context.forwarded().size(), "decided at the deadline");
    }

    @Test
    void anUpdateArrivingBeforeTheEarlierVersionWasDecidedGivesEachVersionItsOwnOutcome() {
        long t = 1_000_000;
        CleanArticle v2 = new CleanArticle(ARTICLE.url(), "T", null, null, null, "en",
            "The council postponed the budget vote to Friday after a long debate about schools and roads.");
        processor.process(new Record<>("a", Event.article(ARTICLE, t, 2), t));
        processor.process(new Record<>("a", Event.reply(List.of()), t));
        processor.process(new Record<>("a", Event.article(v2, t + 60_000, 2), t + 60_000));
        assertEquals(1, context.forwarded().size(), "the first version is decided when the second arrives");

        processor.process(new Record<>("a", Event.reply(List.of()), t));
        assertEquals(1, context.forwarded().size(), "a late reply to the first version's probes does not count for the second");
        processor.process(new Record<>("a", Event.reply(List.of()), t + 60_000));
        processor.process(new Record<>("a", Event.reply(List.of()), t + 60_000));
        assertEquals(2, context.forwarded().size());
        assertEquals(v2.text(), ((DedupeVerdict) context.forwarded().get(1).record().value()).article().text());
        for (var f : context.forwarded()) {
            assertEquals("new", new String(f.record().headers().lastHeader("newsflow.outcome").value(),
                java.nio.charset.StandardCharsets.UTF_8), "each raw record's one outcome");
        }
    }
}
