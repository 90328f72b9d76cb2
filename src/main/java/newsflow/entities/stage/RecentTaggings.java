package newsflow.entities.stage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import newsflow.core.TaggedEntity;

/**
 * The entities of the articles tagged last, by a digest of their title and text, so that an
 * exact copy reaching the stage reuses its twin's entities instead of being tagged again.
 *
 * <p>Copies reach the stage when they arrive before their original: dedupe keeps the first
 * arrival, then retracts it when the original comes, and the original is tagged too (section 6
 * of the {@code newsflow.dedupe} documentation). In a backfill, where order is arbitrary, that is
 * the most common way one text is tagged twice. A tagging is a function of title and text
 * ({@link newsflow.entities.EntityTagger}), so reusing it changes no output; only complete
 * taggings are kept (not one cut short by the time budget or the length cap).
 *
 * <p>Bounded to {@link #CAPACITY} entries of at most {@link #MAX_MENTIONS} mentions, least
 * recently used first out, in memory only: after a restart a copy is tagged again, as before.
 * Keys are SHA-256 digests, so two different texts share an entry only by a collision of
 * 256-bit hashes. Thread-safe (the stream threads of one instance share it).
 */
final class RecentTaggings {

    /** Entries kept. */
    static final int CAPACITY = 1_024;

    /**
     * The most mentions a kept tagging holds: a news story has a few dozen, and the few texts
     * with more (a 200,000-character list of names) are not worth keeping. So the whole is
     * bounded: at about a hundred bytes a mention, at most some 25 MB, and a few hundred
     * kilobytes for news.
     */
    static final int MAX_MENTIONS = 200;

    private final Map<Digest, List<TaggedEntity>> recent = new LinkedHashMap<>(CAPACITY * 4 / 3 + 1, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Digest, List<TaggedEntity>> eldest) {
            return size() > CAPACITY;
        }
    };

    /** A SHA-256 digest of an article's title and text. */
    record Digest(String hex) {
        static Digest of(String title, String text) {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                // The title's length first (-1: none), so no title and text run into each other.
                byte[] t = title == null ? new byte[0] : title.getBytes(StandardCharsets.UTF_8);
                sha.update(java.nio.ByteBuffer.allocate(4).putInt(title == null ? -1 : t.length).array());
                sha.update(t);
                sha.update(text.getBytes(StandardCharsets.UTF_8));
                return new Digest(java.util.HexFormat.of().formatHex(sha.digest()));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform has SHA-256", e);
            }
        }
    }

    /** The entities of a text tagged recently, or {@code null}. */
    synchronized List<TaggedEntity> get(Digest key) {
        return recent.get(key);
    }

    /** Remembers a complete tagging, unless it holds more than {@link #MAX_MENTIONS} mentions. */
    void put(Digest key, List<TaggedEntity> entities) {
        int mentions = 0;
        for (TaggedEntity e : entities) {
            mentions += e.mentions().size();
        }
        if (mentions > MAX_MENTIONS) {
            return;
        }
        List<TaggedEntity> copy = List.copyOf(entities);
        synchronized (this) {
            recent.put(key, copy);
        }
    }

    synchronized int size() {
        return recent.size();
    }
}
