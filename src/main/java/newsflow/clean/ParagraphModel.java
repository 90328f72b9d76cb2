package newsflow.clean;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A learned judge of the paragraphs the emitter would keep: the probability that a paragraph
 * is story text, from its {@link ParagraphFeatures}. The model is gradient-boosted regression
 * trees over those features (a sum of tree leaves, then the logistic function), trained by
 * {@code training/paragraphs/train.py} on the tuning part of both extraction benchmarks and
 * read from the classpath ({@code newsflow/clean/paragraph-model.json}); its card is
 * {@code training/paragraphs/MODEL_CARD.md}. Immutable and thread-safe.
 */
final class ParagraphModel {

    static final String RESOURCE = "/newsflow/clean/paragraph-model.json";

    /** The deepest tree this model lays out; a deeper one is refused as it is read. */
    static final int MAX_DEPTH = 10;

    /**
     * Every tree laid out as a complete binary tree of the model's depth, tree after tree: node
     * {@code i} of a tree has children {@code 2i+1} and {@code 2i+2}, so a paragraph's path through
     * a tree is {@link #depth} steps of arithmetic, with no child indices to load and no leaf test
     * at each step. A leaf nearer the root than that fills the whole subtree below it
     * (its value in every leaf slot, the split nodes above them never consulted for the answer).
     * One paragraph visits 150 trees, and contiguous arrays keep that walk in cache.
     */
    private final int depth;
    private final int trees;
    /** The split nodes, {@code 2^depth - 1} a tree: the feature each reads and its threshold. */
    private final int[] feature;
    private final double[] split;
    /** The leaves, {@code 2^depth} a tree, left to right. */
    private final double[] value;
    private final double init;
    private final double learningRate;
    private final double threshold;

    private ParagraphModel(Tree[] trees, double init, double learningRate, double threshold) {
        int d = 0;
        for (Tree t : trees) {
            d = Math.max(d, t.depth());
        }
        this.depth = d;
        this.trees = trees.length;
        int splits = (1 << d) - 1;
        this.feature = new int[trees.length * splits];
        this.split = new double[trees.length * splits];
        this.value = new double[trees.length << d];
        for (int k = 0; k < trees.length; k++) {
            lay(trees[k], 0, 0, k * splits, k << d);
        }
        this.init = init;
        this.learningRate = learningRate;
        this.threshold = threshold;
    }

    /** Copies node {@code node} of {@code t} and its subtree into slot {@code slot} of the complete layout. */
    private void lay(Tree t, int node, int slot, int splitBase, int leafBase) {
        int splits = (1 << depth) - 1;
        if (slot >= splits) { // a leaf slot; the tree's node here is a leaf
            value[leafBase + slot - splits] = t.value()[node];
        } else if (t.left()[node] < 0) { // a leaf above the bottom: it answers for all the slots below
            lay(t, node, 2 * slot + 1, splitBase, leafBase);
            lay(t, node, 2 * slot + 2, splitBase, leafBase);
        } else {
            feature[splitBase + slot] = t.feature()[node];
            split[splitBase + slot] = t.threshold()[node];
            lay(t, t.left()[node], 2 * slot + 1, splitBase, leafBase);
            lay(t, t.right()[node], 2 * slot + 2, splitBase, leafBase);
        }
    }

    private static volatile ParagraphModel shipped;

    /**
     * The model shipped with newsflow, read once.
     *
     * @throws IllegalStateException when it is missing or malformed (each call, not an Error)
     */
    static ParagraphModel shipped() {
        ParagraphModel m = shipped;
        if (m == null) {
            synchronized (ParagraphModel.class) {
                if (shipped == null) {
                    shipped = load(RESOURCE);
                }
                m = shipped;
            }
        }
        return m;
    }

    /** Reads a model file; refuses one whose features are not {@link ParagraphFeatures#NAMES}. */
    static ParagraphModel load(String resource) {
        try (InputStream in = ParagraphModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no paragraph model " + resource + " on the classpath");
            }
            return read(in, resource);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read paragraph model " + resource, e);
        }
    }

    /** Reads a model file from {@code in}; {@code resource} names it in errors. */
    static ParagraphModel read(InputStream in, String resource) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("paragraph model " + resource + " is not readable JSON: " + e.getMessage(), e);
        }
        List<String> features = new ArrayList<>();
        root.path("features").forEach(f -> features.add(f.asText()));
        if (!features.equals(ParagraphFeatures.NAMES)) {
            throw new IllegalStateException("paragraph model " + resource + " was trained on features "
                    + features + ", this code computes " + ParagraphFeatures.NAMES);
        }
        if (!"gradient-boosted-trees".equals(root.path("type").asText())) {
            throw new IllegalStateException("paragraph model " + resource + " is of type '"
                    + root.path("type").asText() + "', expected gradient-boosted-trees");
        }
        for (String field : List.of("init", "learning_rate", "threshold")) {
            if (!root.path(field).isNumber()) {
                throw new IllegalStateException("paragraph model " + resource + " has no number '" + field + "'");
            }
        }
        List<Tree> trees = new ArrayList<>();
        for (JsonNode t : root.path("trees")) {
            trees.add(Tree.checked(ints(t.path("feature")), doubles(t.path("threshold")), ints(t.path("left")),
                    ints(t.path("right")), doubles(t.path("value")), resource));
        }
        if (trees.isEmpty()) {
            throw new IllegalStateException("paragraph model " + resource + " has no trees");
        }
        return new ParagraphModel(trees.toArray(Tree[]::new), root.path("init").asDouble(),
                root.path("learning_rate").asDouble(), root.path("threshold").asDouble());
    }

    /** Probability that the paragraph with these features is story text. */
    double probability(float[] features) {
        double sum = init;
        int splits = (1 << depth) - 1;
        int leaves = 1 << depth;
        int k = 0;
        // Four trees at a time: four independent paths down, whose reads overlap, where one
        // path's next read waits for its last. The leaves are added in tree order as before.
        for (; k + 4 <= trees; k += 4) {
            int b0 = k * splits;
            int b1 = b0 + splits;
            int b2 = b1 + splits;
            int b3 = b2 + splits;
            int i0 = 0;
            int i1 = 0;
            int i2 = 0;
            int i3 = 0;
            for (int d = 0; d < depth; d++) {
                i0 = down(i0, features, b0);
                i1 = down(i1, features, b1);
                i2 = down(i2, features, b2);
                i3 = down(i3, features, b3);
            }
            int leaf = k * leaves - splits; // the first tree's leaf i sits at leaf + i
            sum += learningRate * value[leaf + i0];
            sum += learningRate * value[leaf + leaves + i1];
            sum += learningRate * value[leaf + 2 * leaves + i2];
            sum += learningRate * value[leaf + 3 * leaves + i3];
        }
        for (; k < trees; k++) {
            int i = 0;
            for (int d = 0; d < depth; d++) {
                i = down(i, features, k * splits);
            }
            sum += learningRate * value[k * leaves + i - splits];
        }
        return 1 / (1 + Math.exp(-sum));
    }

    /**
     * One step down the tree whose split nodes start at {@code base}, from node {@code i}: to its
     * left child {@code 2i+1} when the feature is at most the threshold, as scikit-learn goes, else
     * (a NaN too) to its right child {@code 2i+2}.
     */
    private int down(int i, float[] features, int base) {
        return 2 * i + (features[feature[base + i]] <= split[base + i] ? 1 : 2);
    }

    /** Whether to keep the paragraph: its probability reaches the model's threshold. */
    boolean keep(float[] features) {
        return probability(features) >= threshold;
    }

    private static int[] ints(JsonNode a) {
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asInt();
        }
        return out;
    }

    private static double[] doubles(JsonNode a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asDouble();
        }
        return out;
    }

    /**
     * One regression tree in scikit-learn's array form, as read: node {@code i} splits on
     * {@code feature[i] <= threshold[i]} (left) or not (right); a leaf has {@code left[i] == -1}
     * and its {@code value[i]}. The model joins the trees' arrays into one set.
     */
    private record Tree(int[] feature, double[] threshold, int[] left, int[] right, double[] value) {

        /** A tree whose arrays agree in length and whose nodes point inside it, else an error. */
        static Tree checked(int[] feature, double[] threshold, int[] left, int[] right, double[] value,
                String resource) {
            int n = feature.length;
            boolean ok = n > 0 && threshold.length == n && left.length == n && right.length == n && value.length == n;
            for (int i = 0; ok && i < n; i++) {
                boolean leaf = left[i] < 0;
                ok = leaf ? right[i] < 0
                        : feature[i] >= 0 && feature[i] < ParagraphFeatures.NAMES.size()
                                && left[i] > i && left[i] < n && right[i] > i && right[i] < n;
            }
            if (!ok) {
                throw new IllegalStateException("paragraph model " + resource + " holds a malformed tree");
            }
            Tree t = new Tree(feature, threshold, left, right, value);
            if (t.depth() > MAX_DEPTH) {
                throw new IllegalStateException("paragraph model " + resource + " holds a tree deeper than "
                        + MAX_DEPTH + " levels; retrain it with a smaller max_depth");
            }
            return t;
        }

        /**
         * Levels of split nodes on the longest path down from the root: 0 for a tree that is one
         * leaf. Counted from the last node back, as every child comes after its parent ({@link #checked}).
         */
        int depth() {
            int[] below = new int[feature.length];
            for (int i = feature.length - 1; i >= 0; i--) {
                below[i] = left[i] < 0 ? 0 : 1 + Math.max(below[left[i]], below[right[i]]);
            }
            return below[0];
        }
    }
}
