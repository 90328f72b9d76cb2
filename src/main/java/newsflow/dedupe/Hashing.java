package newsflow.dedupe;

/**
 * 64-bit hash helpers shared by the fingerprint and the keys.
 *
 * <p>Stateless and thread-safe. The values are part of the stored fingerprints and of the
 * band keys in the stores: changing a constant here invalidates every stored index, so a
 * change must come with a new {@link FingerprintCodec} version.
 */
public final class Hashing {

    static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private Hashing() {
    }

    /** MurmurHash3's 64-bit finaliser: a bijection that spreads every input bit. */
    public static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    /** Order-sensitive combination of two hashes. */
    public static long combine(long a, long b) {
        return mix(a * GOLDEN + b);
    }

    /** FNV-1a start value for {@link #step}. */
    static long start() {
        return FNV_OFFSET;
    }

    /** Feeds one UTF-16 unit into an FNV-1a state. */
    static long step(long state, int ch) {
        return (state ^ ch) * FNV_PRIME;
    }

    /** Hash of a whole string, equal to feeding its units through {@link #step} and mixing. */
    static long hash(CharSequence s) {
        long h = start();
        for (int i = 0; i < s.length(); i++) {
            h = step(h, s.charAt(i));
        }
        return mix(h);
    }
}
