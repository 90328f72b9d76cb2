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
     * Every tree's nodes in one set of arrays, tree after tree, children as indices into them:
     * one paragraph visits 150 trees, and contiguous arrays keep that walk in cache.
     */
    private final int[] roots;
    private final int[] feature;
    private final double[] split;
    private final int[] left;
    private final int[] right;
    private final double[] value;
    private final double init;
    private final double learningRate;
    private final double threshold;

    private ParagraphModel(Tree[] trees, double init, double learningRate, double threshold) {
        int nodes = 0;
        for (Tree t : trees) {
            nodes += t.feature().length;
        }
        this.roots = new int[trees.length];
        this.feature = new int[nodes];
        this.split = new double[nodes];
        this.left = new int[nodes];
        this.right = new int[nodes];
        this.value = new double[nodes];
        int at = 0;
        for (int k = 0; k < trees.length; k++) {
            Tree t = trees[k];
            roots[k] = at;
            for (int i = 0; i < t.feature().length; i++) {
                feature[at + i] = t.feature()[i];
                split[at + i] = t.threshold()[i];
                left[at + i] = t.left()[i] < 0 ? -1 : at + t.left()[i];
                right[at + i] = t.right()[i] < 0 ? -1 : at + t.right()[i];
                value[at + i] = t.value()[i];
            }
            at += t.feature().length;
        }
        this.init = init;
        this.learningRate = learningRate;
        this.threshold = threshold;
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
        for (int root : roots) {
            int i = root;
            while (left[i] >= 0) {
                i = features[feature[i]] <= split[i] ? left[i] : right[i];
            }
            sum += learningRate * value[i];
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
            return new Tree(feature, threshold, left, right, value);
        }
    }
}
