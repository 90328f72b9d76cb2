package newsflow.dedupe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OnePermutationMinHashTest {

    @Test
    void agreementOfSignaturesEstimatesJaccardSimilarity() {
        SplittableRandom random = new SplittableRandom(42);
        // Two sets of 600 with 400 in common: Jaccard 400 / 800 = 0.5.
        long[] a = new long[600];
        long[] b = new long[600];
        for (int i = 0; i < 400; i++) {
            a[i] = b[i] = Hashing.mix(random.nextLong());
        }
        for (int i = 400; i < 600; i++) {
            a[i] = Hashing.mix(random.nextLong());
            b[i] = Hashing.mix(random.nextLong());
        }
        int k = 512;
        int[] sa = OnePermutationMinHash.signature(a, a.length, k);
        int[] sb = OnePermutationMinHash.signature(b, b.length, k);
        int agree = 0;
        for (int i = 0; i < k; i++) {
            agree += sa[i] == sb[i] ? 1 : 0;
        }
        assertEquals(0.5, (double) agree / k, 0.07);
    }

    @Test
    void shortSetsStillFillEveryBin() {
        long[] few = {Hashing.mix(1), Hashing.mix(2), Hashing.mix(3)};
        int[] sig = OnePermutationMinHash.signature(few, few.length, 128);
        int[] again = OnePermutationMinHash.signature(few, few.length, 128);
        assertEquals(java.util.Arrays.toString(sig), java.util.Arrays.toString(again));
        assertEquals(128, java.util.Arrays.stream(sig).filter(v -> v != -1).count());
    }
}
