package newsflow.dedupe.stage;

import java.util.List;

import newsflow.core.CleanArticle;
import newsflow.core.DedupeVerdict;
import newsflow.dedupe.FingerprintCodec;
import newsflow.dedupe.Relation;

/**
 * The records the streaming dedupe stage sends between its three steps (see
 * {@link DedupeStage}). Serialised as JSON on named internal topics; fields may be added with
 * defaults, never removed.
 */
final class DedupeMessages {

    private DedupeMessages() {
    }

    /**
     * One article's candidate keys that fall in one band shard, with its fingerprint, sent to
     * the shard's partition.
     *
     * @param id          the article
     * @param eventTime   publication time (or ingestion time when undated), epoch ms
     * @param dated       whether the page stated a publication time
     * @param keys        the article's candidate keys in this shard
     * @param fingerprint {@link FingerprintCodec} bytes
     */
    record Probe(String id, long eventTime, boolean dated, long[] keys, byte[] fingerprint) {
    }

    /** What a shard remembers of an article it has indexed. */
    record ShardEntry(long eventTime, boolean dated, long ingestTime, byte[] fingerprint) {
    }

    /** The kinds of {@link Event}. */
    enum EventKind { ARTICLE, REPLY, NOTICE }

    /**
     * Everything that reaches an article's verdict step, keyed by the article id.
     * ARTICLE: the article itself and how many shard replies to wait for. REPLY: one shard's
     * relations for the article's own probe. NOTICE: a relation found when another, later
     * probing article met this one.
     */
    record Event(EventKind kind, CleanArticle article, long eventTime, int expectedReplies,
                 List<Relation> relations) {

        static Event article(CleanArticle article, long eventTime, int expectedReplies) {
            return new Event(EventKind.ARTICLE, article, eventTime, expectedReplies, List.of());
        }

        static Event reply(List<Relation> relations) {
            return new Event(EventKind.REPLY, null, 0, 0, relations);
        }

        static Event notice(Relation relation) {
            return new Event(EventKind.NOTICE, null, 0, 0, List.of(relation));
        }
    }

    /**
     * What the verdict step keeps per article until it leaves the horizon. {@code updating}: a
     * new version of the article (the same URL with changed text) waits for its own shard
     * replies; its verdict, when they are in, is the first outcome of that raw record.
     */
    record ArticleState(CleanArticle article, long eventTime, long ingestTime, int expectedReplies,
                        int replies, List<Relation> relations, DedupeVerdict emitted, boolean updating) {

        ArticleState(CleanArticle article, long eventTime, long ingestTime, int expectedReplies,
                     int replies, List<Relation> relations, DedupeVerdict emitted) {
            this(article, eventTime, ingestTime, expectedReplies, replies, relations, emitted, false);
        }
    }
}
