package newsflow.entities;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import newsflow.core.EntityType;

/**
 * The project's own recogniser: a BiLSTM-CNN-CRF trained on CoNLL-2003 by
 * {@code training/ner/train.py} (see {@code training/ner/MODEL_CARD.md}), run with ONNX Runtime.
 *
 * <p>Per sentence ({@link WordTokenizer}; several sentences of like length share one run of the
 * graph, each read over its own tokens only): each token becomes a word id (looked up lower-cased,
 * digits as 0), a casing class and up to {@value #MAX_WORD_CHARS} character ids, which the token
 * model ({@code ner-tokens.onnx}: word and casing vectors, character CNN) turns into the token's
 * features; the sentence model ({@code ner-sentences.onnx}: BiLSTM, linear, with int8 weights by
 * {@code training/ner/quantize.py}) gives the tag scores from them; Viterbi over the CRF's transition scores gives the tags (BIO over PER,
 * ORG, LOC, MISC), and forward-backward the probability of each token's tag, whose lowest value
 * over a span is the span's confidence. MISC spans are returned too: the rules after the
 * recogniser read a MISC label as a weak one (a knowledge-base name overrides it).
 *
 * <p>A token's features depend on its text alone, so the features of recent words are kept
 * ({@link TokenFeatureCache}, at most about {@value #CACHED_WORDS_PER_GENERATION} times two) and
 * only new words run through the token model: the same scores for about a quarter less work
 * (the two models are one graph cut in two by {@code training/ner/split.py}).
 *
 * <p>The sentence model quantises its activations at run time with one scale for the whole
 * batch, so a sentence's scores move slightly with the sentences it is scored beside (about one
 * token in a thousand changes tag). Batches are made within one text, so on one machine and
 * runtime version the same text gets the same scores, whatever the cache holds and whichever
 * thread runs it. Not guaranteed: the same sentence in another text (other batch mates), a batch
 * the runtime refused and retried one sentence at a time, and other CPUs or runtime versions
 * (integer rounding magnifies their float differences to about 1e-2).
 *
 * <p>Thread-safe: the ONNX sessions may run concurrently, the cache is concurrent, everything
 * else is immutable. Load once ({@link #load()}, about a second) and share.
 */
public final class NeuralRecognizer implements Recognizer {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(NeuralRecognizer.class);

    /** Where the model and its tables sit on the class path. */
    static final String RESOURCES = "newsflow/entities/ner/";
    static final int MAX_WORD_CHARS = 20;
    /**
     * Sentences scored in one run of the graph. Sorted by length, four at a time scored twenty
     * sentences of 3 to 45 tokens 1.7 times faster than one at a time (ONNX Runtime in Python;
     * in the JVM the entity stage became 1.4 to 1.5 times faster: BENCHMARKS.md).
     */
    static final int BATCH_SENTENCES = 4;
    /**
     * Sentences read ahead in text order and sorted by length together: the more, the less
     * padding (16 measured slower than 64). The deadline is checked before each batch.
     */
    static final int WINDOW_SENTENCES = 64;
    /**
     * Words in each of the feature cache's two generations. A word's features take 160 floats,
     * so the cache holds at most about 25 MB. Over the 773 records of the throughput corpus, in
     * order, about 6 % of tokens are not found (simulated; 14 % with 4,096 words a generation).
     */
    static final int CACHED_WORDS_PER_GENERATION = 16_384;
    /**
     * Longer tokens (a URL, a run of base64) are computed each time, not kept: the cache's
     * bound counts words, so its keys must stay short.
     */
    static final int MAX_CACHED_WORD_CHARS = 40;
    /** Metadata that split.py writes into both models: the SHA-256 of the graph they were cut from. */
    static final String SOURCE_KEY = "newsflow.source_sha256";
    private static final String[] CASES = {"pad", "lower", "allcaps", "initcap", "mixed", "numeric",
        "mostlynumeric", "other"};

    private final OrtEnvironment environment;
    private final OrtSession tokenModel;
    private final OrtSession sentenceModel;
    /** Token features per token: the sentence model's input width. */
    private final int featureWidth;
    private final TokenFeatureCache cache = new TokenFeatureCache(CACHED_WORDS_PER_GENERATION, MAX_CACHED_WORD_CHARS);
    private final Map<String, Integer> words;
    private final Map<Integer, Integer> chars;
    private final String[] tags;
    /** The CoNLL type of each tag ("PER" for B-PER and I-PER), null for O. */
    private final String[] tagTypes;
    private final LinearChainCrf crf;
    /** Per thread, the direct buffer the sentence model's input is written into ({@link #inputBuffer}). */
    private final ThreadLocal<FloatBuffer> inputBuffers = new ThreadLocal<>();
    /** One padding token's features: zeros. */
    private final float[] padding;

    private NeuralRecognizer(OrtEnvironment environment, OrtSession tokenModel, OrtSession sentenceModel,
                             int featureWidth, Map<String, Integer> words, Map<Integer, Integer> chars,
                             String[] tags, float[] start, float[] end, float[][] transitions) {
        this.environment = environment;
        this.tokenModel = tokenModel;
        this.sentenceModel = sentenceModel;
        this.featureWidth = featureWidth;
        this.words = words;
        this.chars = chars;
        this.tags = tags;
        this.tagTypes = new String[tags.length];
        for (int j = 0; j < tags.length; j++) {
            tagTypes[j] = tags[j].length() > 2 ? tags[j].substring(2) : null;
        }
        this.crf = new LinearChainCrf(start, end, transitions);
        this.padding = new float[featureWidth];
    }

    /**
     * ONNX Runtime 1.29's native start-up crashes the JVM (SIGSEGV, no error report) when the
     * process's command line ({@code /proc/self/cmdline}) is about 4 KB or longer, which a
     * {@code java -cp <every jar>} line easily is. Measured on this project's machines, 2026-12-06.
     */
    static final int MAX_SAFE_COMMAND_LINE_BYTES = 4000;

    /** Loads the model from the class path (one intra-op thread: the pipeline's threads run in parallel). */
    public static NeuralRecognizer load() {
        refuseLongCommandLine();
        try {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            OrtSession tokenModel = env.createSession(resource("ner-tokens.onnx"), options);
            OrtSession sentenceModel = env.createSession(resource("ner-sentences.onnx"), options);
            if (!tokenModel.getInputNames().equals(Set.of("word_ids", "case_ids", "char_ids"))
                    || !sentenceModel.getInputNames().equals(Set.of("token_features", "lengths"))) {
                throw new IllegalStateException("the entity models under " + RESOURCES + " take the wrong inputs "
                        + "(tokens " + tokenModel.getInputNames() + ", sentences " + sentenceModel.getInputNames()
                        + "): make them from an export with training/ner/batchable.py, then training/ner/split.py");
            }
            long[] shape = ((TensorInfo) sentenceModel.getInputInfo().get("token_features").getInfo()).getShape();
            int featureWidth = (int) shape[2];
            String source = tokenModel.getMetadata().getCustomMetadata().get(SOURCE_KEY);
            if (source == null || !source.equals(sentenceModel.getMetadata().getCustomMetadata().get(SOURCE_KEY))) {
                throw new IllegalStateException("the entity models " + RESOURCES + "ner-tokens.onnx and ner-sentences.onnx "
                        + "were not cut from the same graph (" + SOURCE_KEY + " differs or is missing): run "
                        + "training/ner/split.py over one export and copy both files");
            }
            long[] charShape = ((TensorInfo) tokenModel.getInputInfo().get("char_ids").getInfo()).getShape();
            long[] tokenOut = ((TensorInfo) tokenModel.getOutputInfo().values().iterator().next().getInfo()).getShape();
            long[] emissionShape = ((TensorInfo) sentenceModel.getOutputInfo().values().iterator().next().getInfo()).getShape();
            Map<String, Integer> words = new HashMap<>();
            String[] vocab = new String(resource("ner-vocab.txt"), StandardCharsets.UTF_8).split("\n", -1);
            for (int i = 0; i < vocab.length; i++) {
                words.putIfAbsent(vocab[i], i);
            }
            Map<Integer, Integer> chars = new HashMap<>();
            String[] charLines = new String(resource("ner-chars.txt"), StandardCharsets.UTF_8).split("\n", -1);
            for (int i = 2; i < charLines.length; i++) {
                String c = charLines[i].replace("\\n", "\n").replace("\\\\", "\\");
                chars.putIfAbsent(c.codePointAt(0), i);
            }
            JsonNode crf = new ObjectMapper().readTree(resource("ner-crf.json"));
            String[] tags = new String[crf.path("tags").size()];
            for (int i = 0; i < tags.length; i++) {
                tags[i] = crf.path("tags").get(i).asText();
            }
            float[][] transitions = new float[tags.length][];
            for (int i = 0; i < tags.length; i++) {
                transitions[i] = floats(crf.path("transitions").get(i));
            }
            if (charShape[1] != MAX_WORD_CHARS || tokenOut[1] != featureWidth || emissionShape[2] != tags.length) {
                throw new IllegalStateException("the entity models under " + RESOURCES + " do not fit together or this "
                        + "code: characters per word " + charShape[1] + " (expected " + MAX_WORD_CHARS + "), token features "
                        + tokenOut[1] + " against " + featureWidth + ", tag scores " + emissionShape[2] + " against "
                        + tags.length + " tags in ner-crf.json");
            }
            return new NeuralRecognizer(env, tokenModel, sentenceModel, featureWidth, words, chars, tags,
                floats(crf.path("start")), floats(crf.path("end")), transitions);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the entity models under " + RESOURCES, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the entity model's tables under " + RESOURCES, e);
        }
    }

    /**
     * Fails with a clear message, instead of letting ONNX Runtime crash the JVM, when the command
     * line is too long ({@link #MAX_SAFE_COMMAND_LINE_BYTES}); a no-op where there is no
     * {@code /proc} (the crash is only known on Linux).
     */
    static void refuseLongCommandLine() {
        java.nio.file.Path cmdline = java.nio.file.Path.of("/proc/self/cmdline");
        long length;
        try {
            length = java.nio.file.Files.readAllBytes(cmdline).length;
        } catch (IOException | RuntimeException e) {
            return;
        }
        if (length >= MAX_SAFE_COMMAND_LINE_BYTES) {
            throw new IllegalStateException("this JVM's command line is " + length + " bytes long; ONNX Runtime, "
                + "which runs the entity model, crashes the JVM at start-up when it is about 4 KB or longer. Pass a "
                + "long class path in the CLASSPATH environment variable or an @argfile (java @args.txt) instead of -cp");
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = NeuralRecognizer.class.getClassLoader().getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("entity model file not on the class path: " + RESOURCES + name);
            }
            return in.readAllBytes();
        }
    }

    private static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) array.get(i).asDouble();
        }
        return out;
    }

    /** The entity spans in {@code text} (PERSON, ORGANIZATION, LOCATION, MISC), by position. */
    @Override
    public List<Span> recognise(String text) {
        return recogniseUntil(text, Long.MAX_VALUE).spans();
    }

    /**
     * As {@link #recognise}, until the deadline has passed: it is checked before each run of
     * the graph (at most {@value #BATCH_SENTENCES} sentences), and the spans returned cover the
     * text up to the first sentence, in text order, not scored by then.
     */
    @Override
    public Recognition recogniseUntil(String text, long deadlineNanos) {
        return recogniseUntil(text, deadlineNanos, System::nanoTime);
    }

    /** As above, reading the time from {@code clock} (a test's). */
    Recognition recogniseUntil(String text, long deadlineNanos, LongSupplier clock) {
        Objects.requireNonNull(text, "text");
        List<Span> spans = new ArrayList<>();
        List<List<WordTokenizer.Token>> sentences = WordTokenizer.sentences(text);
        for (int from = 0; from < sentences.size(); from += WINDOW_SENTENCES) {
            List<List<WordTokenizer.Token>> window = sentences.subList(from, Math.min(sentences.size(), from + WINDOW_SENTENCES));
            boolean[] reached = new boolean[window.size()];
            float[][][] emissions = emissions(text, window, deadlineNanos, clock, reached);
            for (int i = 0; i < window.size(); i++) {
                if (!reached[i]) {
                    return new Recognition(spans, window.get(i).get(0).start());
                }
                if (emissions[i] != null) {
                    int[] path = crf.viterbi(emissions[i]);
                    if (namesAny(path)) { // the probabilities serve the spans' confidence only
                        collect(window.get(i), path, crf.marginals(emissions[i]), spans);
                    }
                }
            }
        }
        return new Recognition(spans, text.length());
    }

    /**
     * Tag scores per token of each (non-empty) sentence, null for one the runtime cannot score.
     * Sentences of like length run together, {@value #BATCH_SENTENCES} at a time, each read over
     * its own tokens only: one run for several sentences costs little more than one for the
     * longest of them.
     */
    float[][][] emissions(String text, List<List<WordTokenizer.Token>> sentences) {
        return emissions(text, sentences, Long.MAX_VALUE, System::nanoTime, new boolean[sentences.size()]);
    }

    /** As above, stopping before a run once {@code clock} has passed the deadline; {@code reached} marks the sentences tried. */
    private float[][][] emissions(String text, List<List<WordTokenizer.Token>> sentences, long deadlineNanos,
            LongSupplier clock, boolean[] reached) {
        Integer[] order = new Integer[sentences.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> sentences.get(i).size()));
        float[][][] out = new float[sentences.size()][][];
        for (int k = 0; k < order.length; k += BATCH_SENTENCES) {
            if (deadlineNanos != Long.MAX_VALUE && clock.getAsLong() - deadlineNanos > 0) {
                break;
            }
            int[] batch = new int[Math.min(BATCH_SENTENCES, order.length - k)];
            for (int b = 0; b < batch.length; b++) {
                batch[b] = order[k + b];
                reached[batch[b]] = true;
            }
            try {
                score(text, sentences, batch, out);
            } catch (IllegalStateException e) {
                // Retried one by one: a sentence the runtime cannot score (none seen) costs its names only.
                LOG.warn("entity model could not score a batch of {} sentences; scoring them one by one", batch.length, e);
                for (int i : batch) {
                    try {
                        score(text, sentences, new int[] {i}, out);
                    } catch (IllegalStateException alone) {
                        LOG.warn("entity model could not score a sentence of {} tokens; no names taken from it",
                                sentences.get(i).size(), alone);
                    }
                }
            }
        }
        return out;
    }

    /**
     * Runs the sentence model once over the sentences {@code batch}, padded to the longest, into
     * {@code out}; the token model runs once before it, over the batch's words not in the cache.
     */
    private void score(String text, List<List<WordTokenizer.Token>> sentences, int[] batch, float[][][] out) {
        int width = 0;
        for (int i : batch) {
            width = Math.max(width, sentences.get(i).size());
        }
        float[][] perToken = new float[batch.length * width][];
        Map<String, List<Integer>> missing = new LinkedHashMap<>();
        int[] lengths = new int[batch.length];
        for (int b = 0; b < batch.length; b++) {
            List<WordTokenizer.Token> sentence = sentences.get(batch[b]);
            lengths[b] = sentence.size();
            for (int i = 0; i < sentence.size(); i++) {
                String w = sentence.get(i).text(text);
                float[] features = cache.get(w);
                if (features != null) {
                    perToken[b * width + i] = features;
                } else {
                    missing.computeIfAbsent(w, k -> new ArrayList<>(1)).add(b * width + i);
                }
            }
        }
        try {
            if (!missing.isEmpty()) {
                List<String> newWords = new ArrayList<>(missing.keySet());
                float[][] computed = tokenFeatures(newWords);
                for (int k = 0; k < computed.length; k++) {
                    cache.put(newWords.get(k), computed[k]);
                    for (int at : missing.get(newWords.get(k))) {
                        perToken[at] = computed[k];
                    }
                }
            }
            FloatBuffer features = inputBuffer(perToken.length * featureWidth);
            for (float[] f : perToken) {
                // Padding is written as zeros, not skipped: the buffer is reused, and the
                // activations' int8 scale is taken over the whole batch, padding included.
                features.put(f != null ? f : padding);
            }
            features.rewind();
            try (OnnxTensor x = OnnxTensor.createTensor(environment, features, new long[] {batch.length, width, featureWidth});
                 OnnxTensor n = OnnxTensor.createTensor(environment, IntBuffer.wrap(lengths), new long[] {batch.length});
                 OrtSession.Result result = sentenceModel.run(Map.of("token_features", x, "lengths", n))) {
                FloatBuffer scores = ((OnnxTensor) result.get(0)).getFloatBuffer();
                int k = tags.length;
                for (int b = 0; b < batch.length; b++) {
                    float[][] rows = new float[lengths[b]][k];
                    for (int t = 0; t < lengths[b]; t++) {
                        scores.get((b * width + t) * k, rows[t]);
                    }
                    out[batch[b]] = rows;
                }
            }
        } catch (OrtException e) {
            throw new IllegalStateException("entity model failed on " + batch.length + " sentences of up to "
                    + width + " tokens", e);
        }
    }

    /**
     * This thread's buffer for the sentence model's input, in native memory, cleared, its limit
     * {@code floats}: ONNX Runtime reads a direct buffer where it lies, where it copied a heap
     * one into a new direct buffer on every run. Made the size of the largest batch the
     * tokenizer allows ({@value #BATCH_SENTENCES} sentences of its longest), so it is not
     * replaced in practice.
     */
    private FloatBuffer inputBuffer(int floats) {
        FloatBuffer buffer = inputBuffers.get();
        if (buffer == null || buffer.capacity() < floats) {
            int largestBatch = BATCH_SENTENCES * WordTokenizer.MAX_SENTENCE_TOKENS * featureWidth;
            buffer = ByteBuffer.allocateDirect(Math.max(floats, largestBatch) * Float.BYTES)
                .order(ByteOrder.nativeOrder()).asFloatBuffer();
            inputBuffers.set(buffer);
        }
        buffer.clear().limit(floats);
        return buffer;
    }

    /** The token model's features for each word, in order. */
    private float[][] tokenFeatures(List<String> words) throws OrtException {
        int n = words.size();
        long[] wordIds = new long[n];
        long[] caseIds = new long[n];
        long[] charIds = new long[n * MAX_WORD_CHARS];
        for (int i = 0; i < n; i++) {
            String w = words.get(i);
            wordIds[i] = wordId(w);
            caseIds[i] = casing(w);
            int c = 0;
            for (int at = 0; at < w.length() && c < MAX_WORD_CHARS; c++) {
                int cp = w.codePointAt(at);
                charIds[i * MAX_WORD_CHARS + c] = chars.getOrDefault(cp, 1);
                at += Character.charCount(cp);
            }
        }
        try (OnnxTensor w = OnnxTensor.createTensor(environment, LongBuffer.wrap(wordIds), new long[] {n});
             OnnxTensor c = OnnxTensor.createTensor(environment, LongBuffer.wrap(caseIds), new long[] {n});
             OnnxTensor ch = OnnxTensor.createTensor(environment, LongBuffer.wrap(charIds), new long[] {n, MAX_WORD_CHARS});
             OrtSession.Result result = tokenModel.run(Map.of("word_ids", w, "case_ids", c, "char_ids", ch))) {
            FloatBuffer all = ((OnnxTensor) result.get(0)).getFloatBuffer();
            float[][] out = new float[n][featureWidth];
            for (int i = 0; i < n; i++) {
                all.get(i * featureWidth, out[i]);
            }
            return out;
        }
    }

    private int wordId(String w) {
        Integer id = words.get(normalise(w));
        if (id == null) {
            id = words.get(w.toLowerCase(Locale.ROOT));
        }
        return id == null ? 1 : id;
    }

    /** Lower case, every digit as 0: the key a word vector is looked up under. */
    static String normalise(String w) {
        StringBuilder b = new StringBuilder(w.length());
        String lower = w.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            b.append(Character.isDigit(c) ? '0' : c);
        }
        return b.toString();
    }

    /** The casing class, as training computed it (Python's str predicates). */
    static int casing(String w) {
        int digits = 0;
        int upper = 0;
        int lower = 0;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (Character.isDigit(c)) {
                digits++;
            } else if (Character.isUpperCase(c) || Character.isTitleCase(c)) {
                upper++;
            } else if (Character.isLowerCase(c)) {
                lower++;
            }
        }
        if (digits == w.length()) {
            return index("numeric");
        }
        if (digits > 0.5 * w.length()) {
            return index("mostlynumeric");
        }
        if (lower > 0 && upper == 0) {
            return index("lower");
        }
        if (upper > 0 && lower == 0) {
            return index("allcaps");
        }
        if (Character.isUpperCase(w.charAt(0))) {
            return index("initcap");
        }
        if (upper > 0) {
            return index("mixed");
        }
        return index("other");
    }

    private static int index(String casing) {
        for (int i = 0; i < CASES.length; i++) {
            if (CASES[i].equals(casing)) {
                return i;
            }
        }
        throw new IllegalArgumentException(casing);
    }

    /** The best tag path under the CRF. */
    int[] viterbi(float[][] emissions) {
        return crf.viterbi(emissions);
    }

    /** Whether the path tags any token as part of a name. */
    private boolean namesAny(int[] path) {
        for (int tag : path) {
            if (tagTypes[tag] != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Spans of the path's PER, ORG, LOC and MISC runs (a run starts at B- or at an I- of another
     * type). A span's confidence is the lowest, over its tokens, of the probability that the
     * token carries the span's type (B- and I- together): the label's reliability, not that of
     * its boundary tag.
     */
    private void collect(List<WordTokenizer.Token> sentence, int[] path, double[][] marginals, List<Span> out) {
        int runStart = -1;
        String runType = null;
        double confidence = 1;
        for (int t = 0; t <= path.length; t++) {
            String tagType = t < path.length ? tagTypes[path[t]] : null;
            boolean continues = tagType != null && tags[path[t]].startsWith("I-") && tagType.equals(runType);
            if (!continues && runType != null) {
                EntityType type = typeOf(runType);
                if (type != null) {
                    out.add(new Span(sentence.get(runStart).start(), sentence.get(t - 1).end(), type, null, confidence));
                }
                runType = null;
            }
            if (!continues && tagType != null) {
                runStart = t;
                runType = tagType;
                confidence = 1;
            }
            if (runType != null) {
                confidence = Math.min(confidence, typeProbability(marginals[t], runType));
            }
        }
    }

    /** The probability of {@code conllType} at one token: the sum over its B- and I- tags. */
    private double typeProbability(double[] tokenMarginals, String conllType) {
        double p = 0;
        for (int j = 0; j < tags.length; j++) {
            if (conllType.equals(tagTypes[j])) {
                p += tokenMarginals[j];
            }
        }
        return Math.min(1, p);
    }

    private static EntityType typeOf(String conllType) {
        return switch (conllType) {
            case "PER" -> EntityType.PERSON;
            case "ORG" -> EntityType.ORGANIZATION;
            case "LOC" -> EntityType.LOCATION;
            case "MISC" -> EntityType.MISC;
            default -> null;
        };
    }
}
