package newsflow.entities;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ie.crf.CRFCliqueTree;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.process.AbstractTokenizer;
import edu.stanford.nlp.process.CoreLabelTokenFactory;
import edu.stanford.nlp.process.PTBTokenizer;
import edu.stanford.nlp.sequences.ObjectBankWrapper;
import newsflow.core.EntityType;

/**
 * Named-entity recognition with two of Stanford CoreNLP's pretrained CRFs: the CoNLL-2003
 * 4-class model and the broad 3-class model.
 *
 * <p>Text is split into tokens (PTBTokenizer, character offsets kept) and sentences (at
 * sentence-final punctuation and line breaks). Body sentences go to both cased models, whose
 * per-token marginal type distributions are averaged ({@link #ensemble}). A headline-like line
 * (most words in capitals, or a title-case line, see {@link #titleCase}) is first truecased from
 * the document: each word the body writes elsewhere takes the body's majority casing ("Hosts"
 * becomes "hosts", "MOSCOW" becomes "Moscow") and the ensemble labels the result; words the
 * body never writes keep the label of the CoNLL model's caseless twin, which ignores case.
 * Consecutive tokens with the same label form one span, whose confidence is the lowest
 * probability of that label over its tokens. Thread-safe: the classifiers are read-only after
 * loading (their models add no known words while classifying).
 */
public final class CrfRecognizer {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CrfRecognizer.class);

    /** The cased CoNLL 4-class model, unpacked from the CoreNLP models jar at build time. */
    public static final String CASED_MODEL = "edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz";
    /** Its caseless twin, from the models-english jar. */
    public static final String CASELESS_MODEL = "edu/stanford/nlp/models/ner/english.conll.4class.caseless.distsim.crf.ser.gz";

    private static final String TOKENIZER_OPTIONS =
            "invertible=false,ptb3Escaping=false,untokenizable=noneKeep,tokenizeNLs=true,splitHyphenated=false";
    private static final Set<String> SENTENCE_END = Set.of(".", "!", "?");
    private static final int MAX_SENTENCE_TOKENS = 150;

    /**
     * Stanford's broad 3-class model (PERSON, ORGANIZATION, LOCATION), trained on CoNLL, MUC,
     * ACE, OntoNotes and WikiNER text: it knows many more names than the CoNLL model alone.
     */
    public static final String BROAD_MODEL = "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz";

    /** The weight of the CoNLL model's marginals against the broad model's (measured on CoNLL dev). */
    static final double CONLL_WEIGHT = 0.5;

    /** Labels of the ensemble: the {@link EntityType}s in their order, then O. */
    private static final String[] TYPES = {"PERSON", "ORGANIZATION", "LOCATION", "MISC", "O"};
    private static final int MISC = 3;
    private static final int OUTSIDE = 4;

    private final CRFClassifier<CoreLabel> cased;
    private final CRFClassifier<CoreLabel> caseless;
    private final CRFClassifier<CoreLabel> broad;
    /** For each label of the cased and the broad model, its index in {@link #TYPES}. */
    private final int[] casedTypes;
    private final int[] broadTypes;

    public CrfRecognizer(CRFClassifier<CoreLabel> cased, CRFClassifier<CoreLabel> caseless,
                         CRFClassifier<CoreLabel> broad) {
        this.cased = Objects.requireNonNull(cased, "cased");
        this.caseless = Objects.requireNonNull(caseless, "caseless");
        this.broad = Objects.requireNonNull(broad, "broad");
        this.casedTypes = typeIndices(cased);
        this.broadTypes = typeIndices(broad);
    }

    /** The index in {@link #TYPES} of each of the model's labels (EntityType order, then O). */
    private static int[] typeIndices(CRFClassifier<CoreLabel> model) {
        List<String> labels = model.classIndex.objectsList();
        int[] out = new int[labels.size()];
        for (int l = 0; l < out.length; l++) {
            EntityType type = typeOf(labels.get(l));
            out[l] = type == null ? OUTSIDE : type.ordinal();
        }
        return out;
    }

    /** Loads the three models from the classpath (about 3 s). */
    public static CrfRecognizer load() {
        return new CrfRecognizer(loadModel(CASED_MODEL), loadModel(CASELESS_MODEL), loadModel(BROAD_MODEL));
    }

    private static CRFClassifier<CoreLabel> loadModel(String path) {
        if (CrfRecognizer.class.getClassLoader().getResource(path) == null) {
            throw new IllegalStateException("NER model not on the classpath: " + path
                    + " (it is unpacked from the CoreNLP models jar by the build)");
        }
        try {
            return CRFClassifier.getClassifier(path);
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot load NER model " + path, e);
        }
    }

    /** The entity spans the CRF finds in {@code text}, by position, without knowledge-base links. */
    public List<Span> recognise(String text) {
        List<List<CoreLabel>> sentences = sentences(text);
        // Prose casing first (no line in capitals or mostly capitalised), to tell title-case
        // headlines from lines of names; then the casing of every line that is no headline.
        List<Boolean> headline = new ArrayList<>(sentences.size());
        List<Boolean> notProse = new ArrayList<>(sentences.size());
        for (List<CoreLabel> sentence : sentences) {
            boolean capitals = mostlyCapitals(sentence);
            headline.add(capitals);
            notProse.add(capitals || mostlyCapitalised(sentence));
        }
        Map<String, String> proseCasing = bodyCasing(sentences, notProse);
        for (int k = 0; k < sentences.size(); k++) {
            if (!headline.get(k) && titleCase(sentences.get(k), proseCasing)) {
                headline.set(k, true);
            }
        }
        Map<String, String> bodyCasing = bodyCasing(sentences, headline);
        List<Span> spans = new ArrayList<>();
        for (int k = 0; k < sentences.size(); k++) {
            List<CoreLabel> sentence = sentences.get(k);
            if (headline.get(k)) {
                labelHeadline(sentence, bodyCasing, spans);
            } else {
                String[] labels = new String[sentence.size()];
                double[] confidence = new double[sentence.size()];
                ensemble(sentence, labels, confidence);
                collectSpans(sentence, labels, confidence, spans);
            }
        }
        return spans;
    }

    /** The single models a baseline can run alone. */
    public enum Single { CONLL, BROAD }

    /**
     * The spans of one cased model alone on every sentence (Viterbi labels), without headline
     * truecasing or the ensemble: the "CRF alone" baselines the evaluation compares against.
     */
    public List<Span> recogniseWith(Single model, String text) {
        CRFClassifier<CoreLabel> classifier = model == Single.CONLL ? cased : broad;
        List<Span> spans = new ArrayList<>();
        for (List<CoreLabel> sentence : sentences(text)) {
            List<CoreLabel> labelled = classifier.classifySentence(sentence);
            collectSpans(sentence, answers(labelled), confidences(classifier, labelled), spans);
        }
        return spans;
    }

    /**
     * Labels a headline: the cased ensemble on its truecased words, the caseless CoNLL model for
     * words the body never writes.
     */
    private void labelHeadline(List<CoreLabel> sentence, Map<String, String> bodyCasing, List<Span> into) {
        List<CoreLabel> truecased = new ArrayList<>(sentence.size());
        boolean[] known = new boolean[sentence.size()];
        for (int i = 0; i < sentence.size(); i++) {
            CoreLabel copy = new CoreLabel(sentence.get(i));
            String form = bodyCasing.get(sentence.get(i).word().toLowerCase(Locale.ROOT));
            if (form != null) {
                known[i] = true;
                copy.setWord(form);
                copy.setValue(form);
                copy.set(CoreAnnotations.TextAnnotation.class, form);
                copy.set(CoreAnnotations.OriginalTextAnnotation.class, form);
            }
            truecased.add(copy);
        }
        String[] byCased = new String[sentence.size()];
        double[] casedConfidence = new double[sentence.size()];
        ensemble(truecased, byCased, casedConfidence);
        List<CoreLabel> copies = new ArrayList<>(sentence.size());
        sentence.forEach(t -> copies.add(new CoreLabel(t)));
        List<CoreLabel> byCaseless = caseless.classifySentence(copies);
        double[] caselessConfidence = confidences(caseless, byCaseless);
        String[] labels = new String[sentence.size()];
        double[] confidence = new double[sentence.size()];
        for (int i = 0; i < labels.length; i++) {
            boolean useCased = known[i];
            labels[i] = useCased ? byCased[i] : byCaseless.get(i).get(CoreAnnotations.AnswerAnnotation.class);
            confidence[i] = useCased ? casedConfidence[i] : caselessConfidence[i];
        }
        collectSpans(sentence, labels, confidence, into);
    }

    /**
     * Labels cased tokens with both cased models: each token's marginal distribution over types
     * from the CoNLL model and from the broad model are averaged ({@link #CONLL_WEIGHT}), and the
     * most probable type wins; its averaged probability is the confidence. MISC, which only the
     * CoNLL model knows, stands where that model prefers it. Posterior decoding: labels come
     * from the marginals of each model's clique tree, not from its Viterbi path.
     */
    private void ensemble(List<CoreLabel> tokens, String[] labels, double[] confidence) {
        double[][] conll = typeMarginals(cased, casedTypes, tokens);
        double[][] wide = typeMarginals(broad, broadTypes, tokens);
        for (int i = 0; i < tokens.size(); i++) {
            int best = argmax(conll[i]);
            if (best == MISC) {
                labels[i] = TYPES[MISC];
                confidence[i] = conll[i][MISC];
                continue;
            }
            double[] mixed = new double[TYPES.length];
            for (int t = 0; t < TYPES.length; t++) {
                if (t != MISC) {
                    mixed[t] = CONLL_WEIGHT * conll[i][t] + (1 - CONLL_WEIGHT) * wide[i][t];
                }
            }
            best = argmax(mixed);
            labels[i] = TYPES[best];
            confidence[i] = mixed[best];
        }
    }

    private static int argmax(double[] values) {
        int best = 0;
        for (int t = 1; t < values.length; t++) {
            if (values[t] > values[best]) {
                best = t;
            }
        }
        return best;
    }

    /**
     * Each token's marginal probability of PERSON, ORGANIZATION, LOCATION, MISC and O (indices
     * as {@link #TYPES}) under {@code model}, whose labels map to types by {@code typeOfLabel};
     * a token the clique tree cannot score counts as O.
     */
    private static double[][] typeMarginals(CRFClassifier<CoreLabel> model, int[] typeOfLabel, List<CoreLabel> tokens) {
        double[][] out = new double[tokens.size()][TYPES.length];
        try {
            CRFCliqueTree<String> tree = model.getCliqueTree(prepared(model, tokens));
            for (int i = 0; i < out.length && i < tree.length(); i++) {
                for (int l = 0; l < typeOfLabel.length; l++) {
                    out[i][typeOfLabel[l]] += tree.prob(i, l);
                }
            }
        } catch (RuntimeException e) {
            // A sentence the model cannot score (none seen in practice) yields no names, not a failure.
            LOG.warn("NER model could not score a sentence of {} tokens; no names taken from it", tokens.size(), e);
            for (double[] row : out) {
                row[OUTSIDE] = 1;
            }
        }
        return out;
    }

    /**
     * Copies of the tokens prepared as {@code classifySentence} prepares them (position, answer
     * slot, the model's word normalisation and shape annotations), without its Viterbi pass:
     * only the clique tree's marginals are needed, so each model runs once per sentence.
     */
    private static List<CoreLabel> prepared(CRFClassifier<CoreLabel> model, List<CoreLabel> tokens) {
        List<CoreLabel> copies = new ArrayList<>(tokens.size());
        String background = model.backgroundSymbol();
        for (int i = 0; i < tokens.size(); i++) {
            CoreLabel copy = new CoreLabel(tokens.get(i));
            copy.set(CoreAnnotations.TextAnnotation.class, copy.word());
            copy.set(CoreAnnotations.PositionAnnotation.class, Integer.toString(i));
            copy.set(CoreAnnotations.AnswerAnnotation.class, background);
            copies.add(copy);
        }
        return new ObjectBankWrapper<CoreLabel>(model.flags, null, model.getKnownLCWords()).processDocument(copies);
    }

    /**
     * The majority casing of each word in body sentences (not headlines), counting only words
     * that do not start their sentence, whose capital says nothing. Keys are lower case.
     */
    static Map<String, String> bodyCasing(List<List<CoreLabel>> sentences, List<Boolean> headline) {
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        for (int k = 0; k < sentences.size(); k++) {
            if (headline.get(k)) {
                continue;
            }
            List<CoreLabel> sentence = sentences.get(k);
            for (int i = 1; i < sentence.size(); i++) {
                String w = sentence.get(i).word();
                if (w.isEmpty() || !Character.isLetter(w.charAt(0))) {
                    continue;
                }
                counts.computeIfAbsent(w.toLowerCase(Locale.ROOT), x -> new HashMap<>()).merge(w, 1, Integer::sum);
            }
        }
        Map<String, String> casing = new HashMap<>();
        counts.forEach((key, forms) -> casing.put(key,
                forms.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey()));
        return casing;
    }

    private static String[] answers(List<CoreLabel> labelled) {
        String[] out = new String[labelled.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = labelled.get(i).get(CoreAnnotations.AnswerAnnotation.class);
        }
        return out;
    }

    /** The marginal probability of each token's chosen label; 1 where it cannot be computed. */
    private static double[] confidences(CRFClassifier<CoreLabel> model, List<CoreLabel> labelled) {
        double[] out = new double[labelled.size()];
        java.util.Arrays.fill(out, 1.0);
        try {
            CRFCliqueTree<String> tree = model.getCliqueTree(labelled);
            for (int i = 0; i < out.length && i < tree.length(); i++) {
                out[i] = tree.prob(i, labelled.get(i).get(CoreAnnotations.AnswerAnnotation.class));
            }
        } catch (RuntimeException e) {
            // No marginals for this sentence: treat every label as certain, as Viterbi does.
        }
        return out;
    }

    static List<List<CoreLabel>> sentences(String text) {
        PTBTokenizer<CoreLabel> tokenizer =
                new PTBTokenizer<>(new StringReader(text), new CoreLabelTokenFactory(), TOKENIZER_OPTIONS);
        List<List<CoreLabel>> sentences = new ArrayList<>();
        List<CoreLabel> current = new ArrayList<>();
        while (tokenizer.hasNext()) {
            CoreLabel token = tokenizer.next();
            if (AbstractTokenizer.NEWLINE_TOKEN.equals(token.word())) {
                flush(current, sentences);
                current = new ArrayList<>();
                continue;
            }
            current.add(token);
            if (SENTENCE_END.contains(token.word()) || current.size() >= MAX_SENTENCE_TOKENS) {
                flush(current, sentences);
                current = new ArrayList<>();
            }
        }
        flush(current, sentences);
        return sentences;
    }

    private static void flush(List<CoreLabel> sentence, List<List<CoreLabel>> into) {
        if (!sentence.isEmpty()) {
            into.add(sentence);
        }
    }

    /** Whether most words (of three or more) start with a capital: a title-case headline. */
    static boolean mostlyCapitalised(List<CoreLabel> sentence) {
        int words = 0;
        int capitalised = 0;
        for (CoreLabel token : sentence) {
            String w = token.word();
            if (w.length() < 2 || !Character.isLetter(w.charAt(0))) {
                continue;
            }
            words++;
            if (Character.isUpperCase(w.charAt(0))) {
                capitalised++;
            }
        }
        return words >= 3 && capitalised * 4 >= words * 3;
    }

    /** Words that are capitalised mid-line only in title case; names write them in lower case. */
    private static final Set<String> TITLE_CASE_FUNCTION_WORDS = Set.of(
            "in", "as", "to", "for", "on", "at", "with", "after", "over", "from", "by", "into", "amid",
            "is", "are", "was", "be", "will", "its", "their", "his", "her", "a", "an", "says", "said");

    /**
     * Whether a line is a title-case headline ("Ministers Meet in Geneva Ahead of Talks"): most
     * words capitalised, and at least two of them function words ("In", "As") or words the body
     * writes in lower case. A line of names ("Romania - Cosmin Contra, Mihai Tararache"), a table
     * row or a byline has no such words and stays with the cased model, which reads names in
     * context best.
     */
    static boolean titleCase(List<CoreLabel> sentence, Map<String, String> bodyCasing) {
        if (!mostlyCapitalised(sentence)) {
            return false;
        }
        int lowerInBody = 0;
        for (int i = 1; i < sentence.size(); i++) {
            String w = sentence.get(i).word();
            if (w.length() < 2 || !Character.isUpperCase(w.charAt(0))) {
                continue;
            }
            String lower = w.toLowerCase(Locale.ROOT);
            String form = bodyCasing.get(lower);
            if (TITLE_CASE_FUNCTION_WORDS.contains(lower) || form != null && Character.isLowerCase(form.charAt(0))) {
                lowerInBody++;
            }
        }
        return lowerInBody >= 2;
    }

    /** Whether most words (of three or more) are in capitals. */
    static boolean mostlyCapitals(List<CoreLabel> sentence) {
        int words = 0;
        int upper = 0;
        for (CoreLabel token : sentence) {
            String w = token.word();
            if (w.length() < 2 || !Character.isLetter(w.charAt(0))) {
                continue; // one-letter words ("A", "I") say nothing about the line's case
            }
            words++;
            if (KbMatcher.isUpperCase(w)) {
                upper++;
            }
        }
        if (words < 3) {
            return false;
        }
        return upper * 2 > words;
    }

    private static void collectSpans(List<CoreLabel> tokens, String[] labels, double[] confidence, List<Span> into) {
        int spanStart = -1;
        int spanEnd = -1;
        double spanConfidence = 1;
        EntityType spanType = null;
        for (int i = 0; i < tokens.size(); i++) {
            EntityType type = typeOf(labels[i]);
            CoreLabel token = tokens.get(i);
            if (type != null && type == spanType) {
                spanEnd = token.endPosition();
                spanConfidence = Math.min(spanConfidence, confidence[i]);
                continue;
            }
            if (spanType != null) {
                into.add(new Span(spanStart, spanEnd, spanType, null, spanConfidence));
            }
            spanType = type;
            spanStart = token.beginPosition();
            spanEnd = token.endPosition();
            spanConfidence = confidence[i];
        }
        if (spanType != null) {
            into.add(new Span(spanStart, spanEnd, spanType, null, spanConfidence));
        }
    }

    private static EntityType typeOf(String label) {
        if (label == null) {
            return null;
        }
        return switch (label) {
            case "PERSON", "PER", "I-PER", "B-PER" -> EntityType.PERSON;
            case "LOCATION", "LOC", "I-LOC", "B-LOC" -> EntityType.LOCATION;
            case "ORGANIZATION", "ORG", "I-ORG", "B-ORG" -> EntityType.ORGANIZATION;
            case "MISC", "I-MISC", "B-MISC" -> EntityType.MISC;
            default -> null;
        };
    }
}
