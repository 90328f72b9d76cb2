package newsflow.dedupe;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Compact binary form of a {@link Fingerprint}, for a Kafka serde or a byte store.
 *
 * <p>Layout (version 1, big-endian): version byte, id (varint length + UTF-8), event time
 * (8 bytes), total tokens (varint), exact hash (8), signature (varint count + 4 bytes each),
 * keys (varint count + 8 each), tokens (varint count + 2 each), sentence starts (varint count +
 * varint deltas). About {@code 2 * tokens + 4 * signature + 8 * keys} bytes. Stateless and
 * thread-safe.
 */
public final class FingerprintCodec {

    /** Format version written by {@link #encode}; bump with any change to hashing or codes. */
    public static final byte VERSION = 1;

    private FingerprintCodec() {
    }

    public static byte[] encode(Fingerprint f) {
        byte[] id = f.id().getBytes(StandardCharsets.UTF_8);
        int capacity = 1 + 5 + id.length + 8 + 5 + 8 + 5 + 4 * f.signature().length
                + 5 + 8 * f.keys().length + 5 + 2 * f.tokens().length + 5 + 5 * f.sentenceStarts().length;
        ByteBuffer out = ByteBuffer.allocate(capacity);
        out.put(VERSION);
        putVarint(out, id.length);
        out.put(id);
        out.putLong(f.eventTime());
        putVarint(out, f.totalTokens());
        out.putLong(f.exactHash());
        putVarint(out, f.signature().length);
        for (int v : f.signature()) {
            out.putInt(v);
        }
        putVarint(out, f.keys().length);
        for (long k : f.keys()) {
            out.putLong(k);
        }
        putVarint(out, f.tokens().length);
        for (short t : f.tokens()) {
            out.putShort(t);
        }
        putVarint(out, f.sentenceStarts().length);
        int previous = 0;
        for (int s : f.sentenceStarts()) {
            putVarint(out, s - previous);
            previous = s;
        }
        byte[] bytes = new byte[out.position()];
        out.flip();
        out.get(bytes);
        return bytes;
    }

    /**
     * Decodes bytes written by {@link #encode}.
     *
     * @throws IllegalArgumentException on an unknown version or truncated input
     */
    public static Fingerprint decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            byte version = in.get();
            if (version != VERSION) {
                throw new IllegalArgumentException("unknown fingerprint version: " + version);
            }
            byte[] id = new byte[getVarint(in)];
            in.get(id);
            long eventTime = in.getLong();
            int totalTokens = getVarint(in);
            long exactHash = in.getLong();
            int[] signature = new int[getVarint(in)];
            for (int i = 0; i < signature.length; i++) {
                signature[i] = in.getInt();
            }
            long[] keys = new long[getVarint(in)];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = in.getLong();
            }
            short[] tokens = new short[getVarint(in)];
            for (int i = 0; i < tokens.length; i++) {
                tokens[i] = in.getShort();
            }
            int[] starts = new int[getVarint(in)];
            int previous = 0;
            for (int i = 0; i < starts.length; i++) {
                previous += getVarint(in);
                starts[i] = previous;
            }
            return new Fingerprint(new String(id, StandardCharsets.UTF_8), eventTime, totalTokens,
                    exactHash, signature, keys, tokens, starts);
        } catch (BufferUnderflowException | NegativeArraySizeException e) {
            throw new IllegalArgumentException("truncated fingerprint of " + bytes.length + " bytes", e);
        }
    }

    private static void putVarint(ByteBuffer out, int value) {
        while ((value & ~0x7F) != 0) {
            out.put((byte) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.put((byte) value);
    }

    private static int getVarint(ByteBuffer in) {
        int value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            byte b = in.get();
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("malformed varint");
    }
}
