package newsflow.dedupe;

/**
 * MinHash signatures by one-permutation hashing with densification.
 *
 * <p>Classic MinHash applies {@code k} hash functions to every shingle ({@code k * n} work).
 * One-permutation hashing (Li, Owen and Zhang, 2012) hashes each shingle once, sends it to one
 * of {@code k} bins by the hash's high bits and keeps the minimum of its low 32 bits per bin:
 * {@code n} work, and two sets agree on a bin with probability close to their Jaccard
 * similarity. A bin that received no shingle borrows the value of the next non-empty bin to its
 * right, offset by the distance (rotation densification, Shrivastava and Li, 2014), so short
 * texts still give full signatures.
 *
 * <p>Stateless and thread-safe. Input hashes must already be well mixed (64-bit).
 */
final class OnePermutationMinHash {

    private static final int ROTATION = 0x61C88647;

    private OnePermutationMinHash() {
    }

    /**
     * The {@code k}-value signature of the first {@code count} entries of {@code hashes}
     * (duplicates are harmless), or all {@code -1} when {@code count} is 0.
     */
    static int[] signature(long[] hashes, int count, int k) {
        int[] sig = new int[k];
        boolean[] filled = new boolean[k];
        java.util.Arrays.fill(sig, -1);
        int filledBins = 0;
        for (int i = 0; i < count; i++) {
            long h = hashes[i];
            int bin = (int) (((h >>> 32) * k) >>> 32);
            int v = (int) h;
            if (!filled[bin]) {
                filled[bin] = true;
                filledBins++;
                sig[bin] = v;
            } else if (Integer.compareUnsigned(v, sig[bin]) < 0) {
                sig[bin] = v;
            }
        }
        if (filledBins == 0 || filledBins == k) {
            return sig;
        }
        for (int bin = 0; bin < k; bin++) {
            if (filled[bin]) {
                continue;
            }
            int distance = 1;
            int from = (bin + 1) % k;
            while (!filled[from]) {
                from = (from + 1) % k;
                distance++;
            }
            sig[bin] = sig[from] + distance * ROTATION;
        }
        return sig;
    }
}
