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
 * which each joined, in joining order; or, for a <i>hot</i> key, only the time it became hot.
 * One store entry per key, so that looking a key up is one point read (answered by the Bloom
 * filter when the key is new, as most keys are), not a prefix scan. A list holds fewer than the
 * bucket cap; the article that would fill it turns the key hot: a key that so many articles
 * share within the horizon (a name in the news, boilerplate) is no evidence of copying, so it
 * yields no candidates and stores no members until that article leaves the horizon. Immutable.
 *
 * <p>Bytes: for each member, the id's UTF-8 length (2 bytes, below 65535), the id, the joining
 * time (8 bytes); a hot key is {@code 0xFFFF} and the time it became hot.
 */
record BandMembers(String[] ids, long[] joined, boolean hot) {

    static final BandMembers EMPTY = new BandMembers(new String[0], new long[0], false);
    private static final int HOT_MARK = 0xFFFF;

    /** A hot key since {@code time}. */
    static BandMembers hot(long time) {
        return new BandMembers(new String[0], new long[] {time}, true);
    }

    /** When a hot key became hot. */
    long hotSince() {
        return joined[0];
    }

    BandMembers {
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(joined, "joined");
        if (hot ? ids.length != 0 || joined.length != 1 : ids.length != joined.length) {
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
                return new BandMembers(ids, j, false);
            }
        }
        String[] i2 = Arrays.copyOf(ids, ids.length + 1);
        long[] j2 = Arrays.copyOf(joined, joined.length + 1);
        i2[ids.length] = id;
        j2[ids.length] = time;
        return new BandMembers(i2, j2, false);
    }

    /** This list without {@code id} when it joined before {@code cutoff}; a hot key is unchanged. */
    BandMembers withoutExpired(String id, long cutoff) {
        if (hot) {
            return this;
        }
        for (int i = 0; i < ids.length; i++) {
            if (ids[i].equals(id) && joined[i] < cutoff) {
                String[] i2 = new String[ids.length - 1];
                long[] j2 = new long[ids.length - 1];
                System.arraycopy(ids, 0, i2, 0, i);
                System.arraycopy(ids, i + 1, i2, i, ids.length - i - 1);
                System.arraycopy(joined, 0, j2, 0, i);
                System.arraycopy(joined, i + 1, j2, i, joined.length - i - 1);
                return new BandMembers(i2, j2, false);
            }
        }
        return this;
    }

    @Override
    public String toString() {
        if (hot) {
            return "BandMembers[hot since " + hotSince() + "]";
        }
        StringBuilder b = new StringBuilder("BandMembers[");
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
            if (m.hot) {
                return ByteBuffer.allocate(10).putShort((short) HOT_MARK).putLong(m.hotSince()).array();
            }
            byte[][] encoded = new byte[m.ids.length][];
            int size = 0;
            for (int i = 0; i < encoded.length; i++) {
                encoded[i] = m.ids[i].getBytes(StandardCharsets.UTF_8);
                if (encoded[i].length >= HOT_MARK) {
                    throw new SerializationException("article id of 65535 bytes or more");
                }
                size += 2 + encoded[i].length + 8;
            }
            ByteBuffer b = ByteBuffer.allocate(size);
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
                if (bytes.length == 10 && (b.getShort(0) & 0xFFFF) == HOT_MARK) {
                    return hot(b.getLong(2));
                }
                int n = 0;
                while (b.hasRemaining()) {
                    int length = b.getShort() & 0xFFFF;
                    b.position(b.position() + length + 8);
                    n++;
                }
                b.rewind();
                String[] ids = new String[n];
                long[] joined = new long[n];
                for (int i = 0; i < n; i++) {
                    byte[] id = new byte[b.getShort() & 0xFFFF];
                    b.get(id);
                    ids[i] = new String(id, StandardCharsets.UTF_8);
                    joined[i] = b.getLong();
                }
                return new BandMembers(ids, joined, false);
            } catch (RuntimeException e) {
                throw new SerializationException("not a band member list (" + bytes.length + " bytes)", e);
            }
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
