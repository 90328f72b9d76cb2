package newsflow.dedupe.stage;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The articles listed under one candidate key of a band shard, with the ingestion time at
 * which each joined, in joining order. One store entry per key, so that looking a key up is one
 * point read, not a prefix scan. A list holds fewer than the bucket cap; the article that would
 * fill it turns the key <i>hot</i>: a key that so many articles share within the horizon (a
 * name in the news, boilerplate, a wire story with hundreds of copies) keeps only its first
 * {@value #HOT_KEEP} members (for a syndicated story, its source and first copies, so that later
 * copies still meet them) and takes no more, until the article that filled it leaves the
 * horizon. Immutable.
 *
 * <p>Bytes: for a hot key, {@code 0xFFFF} and the time it became hot first; then, for each
 * member, the id's UTF-8 length (2 bytes, below 65535), the id and the joining time (8 bytes).
 *
 * @param ids      members, in joining order
 * @param joined   their joining times
 * @param hot      whether the key is hot
 * @param hotSince when it became hot (0 when not hot)
 */
record BandMembers(String[] ids, long[] joined, boolean hot, long hotSince) {

    static final BandMembers EMPTY = new BandMembers(new String[0], new long[0], false, 0);
    /** Members a hot key keeps: its earliest. */
    static final int HOT_KEEP = 4;
    private static final int HOT_MARK = 0xFFFF;

    /** This key turned hot at {@code time}: its first {@value #HOT_KEEP} members, and no more to come. */
    BandMembers turnedHot(long time) {
        int keep = Math.min(HOT_KEEP, ids.length);
        return new BandMembers(Arrays.copyOf(ids, keep), Arrays.copyOf(joined, keep), true, time);
    }

    BandMembers {
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(joined, "joined");
        if (ids.length != joined.length) {
            throw new IllegalArgumentException("ids and joined differ in length: " + ids.length + ", " + joined.length);
        }
    }

    int size() {
        return ids.length;
    }

    /** This list with {@code id} joined at {@code time} (its time updated when already listed); not for a hot key. */
    BandMembers with(String id, long time) {
        if (hot) {
            throw new IllegalStateException("a hot key lists no members");
        }
        for (int i = 0; i < ids.length; i++) {
            if (ids[i].equals(id)) {
                long[] j = joined.clone();
                j[i] = Math.max(j[i], time);
                return new BandMembers(ids, j, false, 0);
            }
        }
        String[] i2 = Arrays.copyOf(ids, ids.length + 1);
        long[] j2 = Arrays.copyOf(joined, joined.length + 1);
        i2[ids.length] = id;
        j2[ids.length] = time;
        return new BandMembers(i2, j2, false, 0);
    }

    /** This list without {@code id} when it joined before {@code cutoff} (a hot key stays hot). */
    BandMembers withoutExpired(String id, long cutoff) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i].equals(id) && joined[i] < cutoff) {
                String[] i2 = new String[ids.length - 1];
                long[] j2 = new long[ids.length - 1];
                System.arraycopy(ids, 0, i2, 0, i);
                System.arraycopy(ids, i + 1, i2, i, ids.length - i - 1);
                System.arraycopy(joined, 0, j2, 0, i);
                System.arraycopy(joined, i + 1, j2, i, joined.length - i - 1);
                return new BandMembers(i2, j2, hot, hotSince);
            }
        }
        return this;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(hot ? "BandMembers[hot since " + hotSince + ": " : "BandMembers[");
        for (int i = 0; i < ids.length; i++) {
            b.append(i == 0 ? "" : ", ").append(ids[i]).append('@').append(joined[i]);
        }
        return b.append(']').toString();
    }

    static Serde<BandMembers> serde() {
        Serializer<BandMembers> serializer = (topic, m) -> {
            if (m == null) {
                return null;
            }
            byte[][] encoded = new byte[m.ids.length][];
            int size = m.hot ? 10 : 0;
            for (int i = 0; i < encoded.length; i++) {
                encoded[i] = m.ids[i].getBytes(StandardCharsets.UTF_8);
                if (encoded[i].length >= HOT_MARK) {
                    throw new SerializationException("article id of 65535 bytes or more");
                }
                size += 2 + encoded[i].length + 8;
            }
            ByteBuffer b = ByteBuffer.allocate(size);
            if (m.hot) {
                b.putShort((short) HOT_MARK).putLong(m.hotSince);
            }
            for (int i = 0; i < encoded.length; i++) {
                b.putShort((short) encoded[i].length).put(encoded[i]).putLong(m.joined[i]);
            }
            return b.array();
        };
        Deserializer<BandMembers> deserializer = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                ByteBuffer b = ByteBuffer.wrap(bytes);
                boolean hot = bytes.length >= 10 && (b.getShort(0) & 0xFFFF) == HOT_MARK;
                long hotSince = 0;
                if (hot) {
                    b.getShort();
                    hotSince = b.getLong();
                }
                int first = b.position();
                int n = 0;
                while (b.hasRemaining()) {
                    int length = b.getShort() & 0xFFFF;
                    b.position(b.position() + length + 8);
                    n++;
                }
                b.position(first);
                String[] ids = new String[n];
                long[] joined = new long[n];
                for (int i = 0; i < n; i++) {
                    byte[] id = new byte[b.getShort() & 0xFFFF];
                    b.get(id);
                    ids[i] = new String(id, StandardCharsets.UTF_8);
                    joined[i] = b.getLong();
                }
                return new BandMembers(ids, joined, hot, hotSince);
            } catch (RuntimeException e) {
                throw new SerializationException("not a band member list (" + bytes.length + " bytes)", e);
            }
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
