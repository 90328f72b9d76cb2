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

    /**
     * Deepest tree accepted: every tree is stored complete to the model's depth (a shallower
     * leaf repeated below itself), so this bounds the arrays at {@code 2^depth} leaves a tree.
     */
    static final int MAX_DEPTH = 12;

    /** The depth every tree is stored to: the model's deepest tree. */
    private final int depth;
    /**
     * The trees complete to {@link #depth}, in heap order (node {@code p}'s children are
     * {@code 2p + 1} and {@code 2p + 2}), tree after tree: {@code 2^depth - 1} splits and
     * {@code 2^depth} leaves a tree. A paragraph then takes the same number of steps in every
     * tree, each a comparison that picks the next index, with no test for having reached a leaf:
     * one paragraph visits 150 trees.
     */
    private final int[] feature;
    private final double[] split;
    /** Leaf values, already multiplied by the learning rate. */
    private final double[] leaf;
    private final int trees;
    private final double init;
    private final double threshold;

    private ParagraphModel(Tree[] trees, double init, double learningRate, double threshold) {
        int deepest = 0;
        for (Tree t : trees) {
            deepest = Math.max(deepest, t.depth(0));
        }
        this.depth = deepest;
        this.trees = trees.length;
        int splits = (1 << deepest) - 1;
        int leaves = 1 << deepest;
        this.feature = new int[trees.length * splits];
        this.split = new double[trees.length * splits];
        this.leaf = new double[trees.length * leaves];
        for (int k = 0; k < trees.length; k++) {
            place(trees[k], 0, 0, 0, k * splits, k * leaves, learningRate); // recursion at most MAX_DEPTH deep
        }
        this.init = init;
        this.threshold = threshold;
    }

    /**
     * Stores node {@code node} of {@code tree} at heap position {@code p} (depth {@code d}) of
     * the tree whose splits start at {@code splitBase} and leaves at {@code leafBase}. A leaf
     * above the full depth is stored as a split that every value passes the same way to two
     * copies of itself, so the walk takes {@link #depth} steps whichever way it goes.
     */
    private void place(Tree tree, int node, int p, int d, int splitBase, int leafBase, double learningRate) {
        boolean isLeaf = tree.left()[node] < 0;
        if (d == depth) {
            leaf[leafBase + p - ((1 << depth) - 1)] = learningRate * tree.value()[node];
            return;
        }
        if (isLeaf) {
            feature[splitBase + p] = 0;
            split[splitBase + p] = Double.POSITIVE_INFINITY; // either way leads to this same leaf
            place(tree, node, 2 * p + 1, d + 1, splitBase, leafBase, learningRate);
            place(tree, node, 2 * p + 2, d + 1, splitBase, leafBase, learningRate);
            return;
        }
        feature[splitBase + p] = tree.feature()[node];
        split[splitBase + p] = tree.threshold()[node];
        place(tree, tree.left()[node], 2 * p + 1, d + 1, splitBase, leafBase, learningRate);
        place(tree, tree.right()[node], 2 * p + 2, d + 1, splitBase, leafBase, learningRate);
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
        for (int t = 0; t < trees; t++) {
            int base = t * splits;
            int p = 0;
            for (int d = 0; d < depth; d++) {
                // As scikit-learn splits: left when the value is at most the threshold (a NaN goes right).
                p = 2 * p + (features[feature[base + p]] <= split[base + p] ? 1 : 2);
            }
            sum += leaf[t * leaves + p - splits];
        }
        return 1 / (1 + Math.exp(-sum));
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
     * and its {@code value[i]}. The model stores each tree complete, in heap order.
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
            Tree tree = new Tree(feature, threshold, left, right, value);
            if (tree.depth(0) > MAX_DEPTH) {
                throw new IllegalStateException("paragraph model " + resource + " holds a tree deeper than "
                        + MAX_DEPTH + " splits");
            }
            return tree;
        }

        /**
         * Splits from {@code node} down to its deepest leaf; without recursion: children follow
         * their parent ({@link #checked}), so one pass from the last node back has every
         * child's depth before its parent's.
         */
        int depth(int node) {
            int[] below = new int[feature.length];
            for (int i = feature.length - 1; i >= node; i--) {
                below[i] = left[i] < 0 ? 0 : 1 + Math.max(below[left[i]], below[right[i]]);
            }
            return below[node];
        }
    }
}
