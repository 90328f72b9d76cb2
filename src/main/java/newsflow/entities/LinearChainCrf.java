package newsflow.entities;

/**
 * A linear-chain CRF's two readings of one sentence's tag scores: the best tag path (Viterbi)
 * and the probability of each tag at each token (forward-backward). Immutable and thread-safe.
 *
 * <p>Forward-backward runs in the probability domain, scaled: each score is exponentiated once
 * (the transition, start and end scores at construction, a token's tag scores once per token,
 * each shifted by its maximum) and every row of the forward and backward tables is normalised
 * to sum to one, so nothing overflows or underflows on real scores. A token's probabilities are
 * its forward times its backward row, normalised, and the per-row scale factors cancel there.
 * This takes one {@code exp} per tag and token where the log domain took one per pair of tags
 * and token, twice ({@link #logMarginals}, kept as the reference and as the fallback for scores
 * so far apart that a scaled row's sum underflows, {@link #SMALLEST_ROW_SUM}; the shipped CRF's
 * transition scores, within [-2.3, 1.5], keep every row far from that).
 */
final class LinearChainCrf {

    /**
     * A scaled row summing to less is given up for the log domain: terms that underflowed (below
     * 2^-1074) are then at most 2^-170 of it, where a sum near the smallest normal double
     * (2^-1022) would already have lost digits to its subnormal terms.
     */
    static final double SMALLEST_ROW_SUM = 0x1p-900;

    private final float[] start;
    private final float[] end;
    private final float[][] transitions;
    private final double[] expStart;
    private final double[] expEnd;
    private final double[][] expTransitions;

    LinearChainCrf(float[] start, float[] end, float[][] transitions) {
        int k = start.length;
        if (end.length != k || transitions.length != k) {
            throw new IllegalArgumentException("CRF scores of " + k + " tags, but " + end.length + " end scores and "
                    + transitions.length + " transition rows");
        }
        this.start = start.clone();
        this.end = end.clone();
        this.transitions = new float[k][];
        this.expTransitions = new double[k][];
        double maxTransition = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < k; i++) {
            if (transitions[i].length != k) {
                throw new IllegalArgumentException("transition row " + i + " has " + transitions[i].length + " scores, not " + k);
            }
            this.transitions[i] = transitions[i].clone();
            for (float t : transitions[i]) {
                maxTransition = Math.max(maxTransition, t);
            }
        }
        for (int i = 0; i < k; i++) {
            expTransitions[i] = new double[k];
            for (int j = 0; j < k; j++) {
                expTransitions[i][j] = Math.exp(transitions[i][j] - maxTransition);
            }
        }
        this.expStart = shiftedExp(start);
        this.expEnd = shiftedExp(end);
    }

    /** Number of tags. */
    int tags() {
        return start.length;
    }

    /** The best tag path. */
    int[] viterbi(float[][] emissions) {
        int n = emissions.length;
        int k = tags();
        double[] score = new double[k];
        int[][] back = new int[n][k];
        for (int j = 0; j < k; j++) {
            score[j] = start[j] + emissions[0][j];
        }
        for (int t = 1; t < n; t++) {
            double[] next = new double[k];
            for (int j = 0; j < k; j++) {
                double best = Double.NEGATIVE_INFINITY;
                int arg = 0;
                for (int i = 0; i < k; i++) {
                    double s = score[i] + transitions[i][j];
                    if (s > best) {
                        best = s;
                        arg = i;
                    }
                }
                next[j] = best + emissions[t][j];
                back[t][j] = arg;
            }
            score = next;
        }
        int last = 0;
        for (int j = 1; j < k; j++) {
            if (score[j] + end[j] > score[last] + end[last]) {
                last = j;
            }
        }
        int[] path = new int[n];
        path[n - 1] = last;
        for (int t = n - 1; t > 0; t--) {
            path[t - 1] = back[t][path[t]];
        }
        return path;
    }

    /** The probability of each tag at each token (forward-backward, scaled; the log domain where that fails). */
    double[][] marginals(float[][] emissions) {
        double[][] p = scaledMarginals(emissions);
        return p != null ? p : logMarginals(emissions);
    }

    /**
     * Forward-backward in the probability domain, every row normalised; null where a row's sum
     * falls below {@link #SMALLEST_ROW_SUM} (its digits lost to underflow) or is not a number.
     */
    double[][] scaledMarginals(float[][] emissions) {
        int n = emissions.length;
        int k = tags();
        double[][] emit = new double[n][];
        for (int t = 0; t < n; t++) {
            emit[t] = shiftedExp(emissions[t]);
        }
        double[][] alpha = new double[n][k];
        for (int j = 0; j < k; j++) {
            alpha[0][j] = expStart[j] * emit[0][j];
        }
        if (!normalise(alpha[0])) {
            return null;
        }
        for (int t = 1; t < n; t++) {
            for (int j = 0; j < k; j++) {
                double s = 0;
                for (int i = 0; i < k; i++) {
                    s += alpha[t - 1][i] * expTransitions[i][j];
                }
                alpha[t][j] = s * emit[t][j];
            }
            if (!normalise(alpha[t])) {
                return null;
            }
        }
        double[][] beta = new double[n][k];
        System.arraycopy(expEnd, 0, beta[n - 1], 0, k);
        if (!normalise(beta[n - 1])) {
            return null;
        }
        double[] next = new double[k];
        for (int t = n - 2; t >= 0; t--) {
            for (int j = 0; j < k; j++) {
                next[j] = emit[t + 1][j] * beta[t + 1][j];
            }
            for (int i = 0; i < k; i++) {
                double s = 0;
                for (int j = 0; j < k; j++) {
                    s += expTransitions[i][j] * next[j];
                }
                beta[t][i] = s;
            }
            if (!normalise(beta[t])) {
                return null;
            }
        }
        double[][] p = new double[n][k];
        for (int t = 0; t < n; t++) {
            for (int j = 0; j < k; j++) {
                p[t][j] = alpha[t][j] * beta[t][j];
            }
            if (!normalise(p[t])) {
                return null;
            }
        }
        return p;
    }

    /**
     * The same probabilities computed in the log domain: the reference, and the fallback. All in
     * double precision (the recogniser's earlier log-domain code added some scores in float
     * first, which moved probabilities in their seventh digit).
     */
    double[][] logMarginals(float[][] emissions) {
        int n = emissions.length;
        int k = tags();
        double[][] alpha = new double[n][k];
        double[][] beta = new double[n][k];
        for (int j = 0; j < k; j++) {
            alpha[0][j] = (double) start[j] + emissions[0][j];
            beta[n - 1][j] = end[j];
        }
        double[] terms = new double[k];
        for (int t = 1; t < n; t++) {
            for (int j = 0; j < k; j++) {
                for (int i = 0; i < k; i++) {
                    terms[i] = alpha[t - 1][i] + transitions[i][j];
                }
                alpha[t][j] = logSumExp(terms) + emissions[t][j];
            }
        }
        for (int t = n - 2; t >= 0; t--) {
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    terms[j] = (double) transitions[i][j] + emissions[t + 1][j] + beta[t + 1][j];
                }
                beta[t][i] = logSumExp(terms);
            }
        }
        for (int j = 0; j < k; j++) {
            terms[j] = alpha[n - 1][j] + end[j];
        }
        double logZ = logSumExp(terms);
        double[][] p = new double[n][k];
        for (int t = 0; t < n; t++) {
            for (int j = 0; j < k; j++) {
                p[t][j] = Math.exp(alpha[t][j] + beta[t][j] - logZ);
            }
        }
        return p;
    }

    /** exp(v - max(v)), element by element: the largest is 1. */
    private static double[] shiftedExp(float[] v) {
        double max = Double.NEGATIVE_INFINITY;
        for (float x : v) {
            max = Math.max(max, x);
        }
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.exp(v[i] - max);
        }
        return out;
    }

    /**
     * Scales {@code row} to sum to one; false when its sum is below {@link #SMALLEST_ROW_SUM} or
     * not a number (a sum cannot be infinite: every term is at most one).
     */
    private static boolean normalise(double[] row) {
        double sum = 0;
        for (double x : row) {
            sum += x;
        }
        if (!(sum >= SMALLEST_ROW_SUM)) {
            return false;
        }
        for (int i = 0; i < row.length; i++) {
            row[i] /= sum;
        }
        return true;
    }

    private static double logSumExp(double[] v) {
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            max = Math.max(max, x);
        }
        double sum = 0;
        for (double x : v) {
            sum += Math.exp(x - max);
        }
        return max + Math.log(sum);
    }
}
