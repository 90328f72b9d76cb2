package newsflow.dedupe.stage;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import newsflow.core.DedupeVerdict;
import newsflow.core.DuplicateKind;
import newsflow.core.RecordFailure;
import newsflow.core.RelatedArticle;
import newsflow.core.headers.Outcome;
import newsflow.core.headers.RawSource;
import newsflow.core.state.ExpiryIndex;
import newsflow.dedupe.Relation;
import newsflow.dedupe.VerdictPolicy;
import newsflow.dedupe.stage.DedupeMessages.ArticleState;
import newsflow.dedupe.stage.DedupeMessages.Event;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 3 of the dedupe stage, on the article's partition: gathers the article, the replies of
 * every shard it probed and the notices of later articles that met it, and emits its verdict.
 *
 * <p>The verdict is a function of the set of relations alone, never of arrival order: dropped
 * as a duplicate of the best EXACT/NEAR original that precedes it (earliest publication, then
 * smaller id, decides which of two is the original), else kept, related to every REWRITE
 * original, with the story of the earliest. The first verdict is emitted once every shard
 * replied; a notice that changes it (an original that arrived after its copy) emits a revision,
 * which for a copy already emitted as kept retracts it.
 *
 * <p>Each verdict carries a header {@value #OUTCOME_HEADER}: {@code new} for the one verdict
 * that accounts for a raw input, {@code revision} for a later change.
 */
final class VerdictProcessor implements Processor<String, Event, String, DedupeVerdict> {

    private static final Logger LOG = LoggerFactory.getLogger(VerdictProcessor.class);

    /** Header telling a first verdict from a revision. */
    static final String OUTCOME_HEADER = Outcome.HEADER;

    /** Header on a verdict decided at the deadline, before every shard replied: {@code replies/expected}. */
    static final String DEADLINE_HEADER = "newsflow.dedupe-deadline";

    private final String storeName;
    private final String pendingStoreName;
    private final String expiryStoreName;
    private final long horizonMillis;
    private final long deadlineMillis;
    private ProcessorContext<String, DedupeVerdict> context;
    private KeyValueStore<String, ArticleState> states;
    private KeyValueStore<String, String> pending;
    private KeyValueStore<String, String> expiry;
    private Sensor deadlineVerdicts;
    private Sensor failedEvents;
    private long latestIngestTime = Long.MIN_VALUE;
    private boolean scannedOnce;

    VerdictProcessor(DedupeConfig config, String storeName, String pendingStoreName, String expiryStoreName) {
        this.storeName = storeName;
        this.pendingStoreName = pendingStoreName;
        this.expiryStoreName = expiryStoreName;
        this.horizonMillis = config.tuning().horizon().toMillis();
        this.deadlineMillis = config.verdictDeadline().toMillis();
    }

    @Override
    public void init(ProcessorContext<String, DedupeVerdict> context) {
        this.context = context;
        this.states = context.getStateStore(storeName);
        this.pending = context.getStateStore(pendingStoreName);
        this.expiry = context.getStateStore(expiryStoreName);
        this.deadlineVerdicts = context.metrics().addRateTotalSensor("newsflow", "dedupe",
            "verdict-deadline", Sensor.RecordingLevel.INFO);
        this.failedEvents = context.metrics().addRateTotalSensor("newsflow", "dedupe",
            FAILED_EVENTS_METRIC, Sensor.RecordingLevel.INFO);
        context.schedule(Duration.ofMinutes(5), PunctuationType.WALL_CLOCK_TIME, now -> forgetExpired());
        context.schedule(Duration.ofSeconds(10), PunctuationType.STREAM_TIME, this::decideOverdue);
    }

    /**
     * Applies one event. An article event that fails is dead-lettered by the stream's handler
     * (with the scraper's bytes): that is its raw record's one outcome. A reply or notice that
     * fails is dropped, logged and counted ({@value #FAILED_EVENTS_METRIC}): it concerns an
     * article that has its own outcome coming, decided at the latest at the verdict deadline.
     */
    @Override
    public void process(Record<String, Event> record) {
        if (record.value().kind() == DedupeMessages.EventKind.ARTICLE) {
            apply(record);
            return;
        }
        try {
            RecordFailure.guard("dedupe verdict", () -> {
                apply(record);
                return null;
            });
        } catch (StreamsException e) {
            throw e; // Kafka Streams' own (a task migrated, a send failed): not this event's fault
        } catch (RuntimeException e) {
            failedEvents.record();
            LOG.warn("{} for article {} dropped: it could not be applied", record.value().kind(), record.key(), e);
        }
    }

    /** Sensor counting replies and notices that failed and were dropped. */
    static final String FAILED_EVENTS_METRIC = "dedupe-event-failed";

    private void apply(Record<String, Event> record) {
        String id = record.key();
        Event event = record.value();
        ArticleState state = states.get(id);
        if (event.kind() == DedupeMessages.EventKind.ARTICLE && state != null && state.article() != null) {
            samePageAgain(record, state, event);
            return;
        }
        if (event.kind() == DedupeMessages.EventKind.REPLY && state != null && state.updating()
                && record.timestamp() != state.ingestTime()) {
            // A late reply to the earlier version's probes (replies carry their article's
            // ingestion time): it says nothing about the new text.
            return;
        }
        long ingestBefore = state == null ? Long.MIN_VALUE : state.ingestTime();
        state = apply(state, event, record.timestamp());
        latestIngestTime = Math.max(latestIngestTime, state.ingestTime());
        if (state.ingestTime() != ingestBefore) {
            expiry.put(ExpiryIndex.key(state.ingestTime(), id), id);
        }
        if (event.kind() == DedupeMessages.EventKind.ARTICLE && !isComplete(state)) {
            pending.put(ExpiryIndex.key(state.ingestTime(), id), id);
        }
        boolean decidedFirst = false;
        if (isComplete(state)) {
            boolean first = state.emitted() == null || state.updating();
            DedupeVerdict verdict = decide(id, state);
            if (first || changed(state.emitted(), verdict)) {
                emit(record, retractingIfNeeded(state.emitted(), verdict), first ? "new" : "revision");
                state = withEmitted(state, verdict);
            }
            decidedFirst = first;
        }
        states.put(id, state);
        if (decidedFirst) {
            // Only once decided and stored: a failure before leaves the deadline to decide it.
            pending.delete(ExpiryIndex.key(state.ingestTime(), id));
        }
    }

    /**
     * Decides the articles whose replies are overdue: those that arrived more than the deadline
     * before the current stream time and are still waiting. Each is decided on the relations
     * that did arrive, marked with {@value #DEADLINE_HEADER} and counted; a reply that comes
     * later revises it like any late relation.
     */
    private void decideOverdue(long streamTime) {
        long cutoff = streamTime - deadlineMillis;
        if (cutoff <= 0) {
            return;
        }
        ExpiryIndex.expire(pending, cutoff, entry -> {
            try {
                decideAtDeadline(entry.value);
            } catch (RuntimeException e) {
                // One unreadable state must not stop the deadline for the others (nor the thread).
                failedEvents.record();
                LOG.warn("article {} could not be decided at the verdict deadline", entry.value, e);
            }
        });
    }

    /** Decides one overdue article on the relations that did arrive, if it still waits. */
    private void decideAtDeadline(String id) {
        ArticleState state = states.get(id);
        if (state == null || state.article() == null || (state.emitted() != null && !state.updating())) {
            return;
        }
        DedupeVerdict verdict = retractingIfNeeded(state.emitted(), decide(id, state));
        Headers headers = Outcome.set(new RecordHeaders(), Outcome.NEW);
        headers.add(DEADLINE_HEADER, (state.replies() + "/" + state.expectedReplies()).getBytes(StandardCharsets.UTF_8));
        context.forward(new Record<>(id, verdict, state.ingestTime(), headers));
        states.put(id, withEmitted(state, verdict));
        deadlineVerdicts.record();
        LOG.warn("article {} decided at the verdict deadline with {} of {} shard replies", id,
            state.replies(), state.expectedReplies());
    }

    /**
     * The same URL fetched again. With the same text it is an exact duplicate of itself. With
     * changed text it is an update (news sites revise stories all day): it replaces the
     * article under the same id and is deduplicated afresh, on the relations its own probes
     * bring back (the earlier version's are dropped); the verdict comes when they are in.
     */
    private void samePageAgain(Record<String, Event> record, ArticleState state, Event event) {
        String id = record.key();
        if (state.article().text().equals(event.article().text())) {
            emit(record, DedupeVerdict.duplicate(id, event.article(), id, DuplicateKind.EXACT, 1.0), "new");
            return;
        }
        if (state.emitted() == null || state.updating()) {
            // The previous version still waits for replies: it is decided now on those that came,
            // so that its raw record, too, ends as exactly one outcome. Its record is not this
            // one's: it does not carry this record's raw source.
            DedupeVerdict verdict = decide(id, state);
            emit(record.withHeaders(RawSource.without(record.headers())),
                retractingIfNeeded(state.emitted(), verdict), "new");
            state = withEmitted(state, verdict);
            states.put(id, state);
            pending.delete(ExpiryIndex.key(state.ingestTime(), id));
        }
        ArticleState updated = new ArticleState(event.article(), event.eventTime(), record.timestamp(),
            event.expectedReplies(), 0, List.of(), state.emitted(), true);
        expiry.put(ExpiryIndex.key(updated.ingestTime(), id), id);
        latestIngestTime = Math.max(latestIngestTime, updated.ingestTime());
        pending.put(ExpiryIndex.key(updated.ingestTime(), id), id);
        states.put(id, updated);
    }

    private static ArticleState apply(ArticleState state, Event event, long timestamp) {
        ArticleState s = state != null ? state
            : new ArticleState(null, 0, timestamp, 0, 0, List.of(), null);
        List<Relation> relations = merged(s.relations(), event.relations());
        return switch (event.kind()) {
            case ARTICLE -> new ArticleState(event.article(), event.eventTime(), timestamp,
                event.expectedReplies(), s.replies(), relations, s.emitted());
            case REPLY -> new ArticleState(s.article(), s.eventTime(), s.ingestTime(), s.expectedReplies(),
                s.replies() + 1, relations, s.emitted(), s.updating());
            case NOTICE -> new ArticleState(s.article(), s.eventTime(), s.ingestTime(), s.expectedReplies(),
                s.replies(), relations, s.emitted(), s.updating());
        };
    }

    private static boolean isComplete(ArticleState s) {
        return s.article() != null && s.replies() >= s.expectedReplies();
    }

    /** The verdict implied by the relations ({@link VerdictPolicy}). */
    static DedupeVerdict decide(String id, ArticleState s) {
        return VerdictPolicy.decide(id, s.article(), s.relations());
    }

    private static boolean changed(DedupeVerdict before, DedupeVerdict now) {
        return !Objects.equals(before.duplicateOf(), now.duplicateOf())
            || before.kind() != now.kind()
            || !Objects.equals(before.storyId(), now.storyId())
            || !before.related().stream().map(RelatedArticle::id).toList()
                .equals(now.related().stream().map(RelatedArticle::id).toList());
    }

    /** Relations by the other article's id; a pair found in several shards counts once. */
    private static List<Relation> merged(List<Relation> known, List<Relation> more) {
        if (more.isEmpty()) {
            return known;
        }
        Map<String, Relation> byPair = new LinkedHashMap<>();
        for (Relation r : known) {
            byPair.put(r.originalId() + "|" + r.copyId(), r);
        }
        for (Relation r : more) {
            byPair.putIfAbsent(r.originalId() + "|" + r.copyId(), r);
        }
        return List.copyOf(byPair.values());
    }

    private void emit(Record<String, Event> record, DedupeVerdict verdict, String outcome) {
        Headers headers = Outcome.set(new RecordHeaders(record.headers().toArray()), outcome);
        context.forward(new Record<>(record.key(), verdict, record.timestamp(), headers));
    }

    /** The verdict, marked as a retraction when it drops an article that was emitted as kept. */
    private static DedupeVerdict retractingIfNeeded(DedupeVerdict before, DedupeVerdict now) {
        return before != null && !before.isDuplicate() && now.isDuplicate() ? withRetraction(now) : now;
    }

    private static DedupeVerdict withRetraction(DedupeVerdict v) {
        return new DedupeVerdict(v.id(), v.article(), v.storyId(), v.related(), v.duplicateOf(), v.kind(),
            v.similarity(), true);
    }

    private static ArticleState withEmitted(ArticleState s, DedupeVerdict v) {
        return new ArticleState(s.article(), s.eventTime(), s.ingestTime(), s.expectedReplies(), s.replies(),
            s.relations(), v, false);
    }

    /** Deletes the state of articles that left the horizon (in ingestion time), found by range in the expiry index. */
    private void forgetExpired() {
        if (latestIngestTime == Long.MIN_VALUE) {
            return;
        }
        long cutoff = latestIngestTime - horizonMillis;
        if (!scannedOnce) {
            // States from before the expiry index existed: one full scan per start.
            Expiry.deleteOlder(states, ArticleState::ingestTime, cutoff);
            scannedOnce = true;
        }
        ExpiryIndex.expireStale(expiry, states, cutoff, ArticleState::ingestTime);
    }
}
