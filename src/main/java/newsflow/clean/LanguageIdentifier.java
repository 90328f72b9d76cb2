package newsflow.clean;

import java.util.Locale;

/**
 * ISO 639-1 language of a text. Only a bounded sample of the text's prose words is examined.
 * The sample's dominant script decides first: a script written by one of the news languages
 * (Greek, Hebrew, Thai, Hangul, Devanagari) names it, kana among Chinese characters make it
 * Japanese; Latin, Cyrillic and Arabic script go to {@link TrigramScorer} over Lingua's trigram
 * models of that script's news languages ({@code LanguageIdentifierAgreementTest} checks the
 * answers against Lingua's own detector). The models are read once per JVM, by
 * {@link #load()}. Thread-safe.
 */
final class LanguageIdentifier {

    /**
     * Characters examined, of the text's prose words ({@link #proseSample}): about 40 words,
     * stable on article prose; cost grows linearly with it.
     */
    static final int SAMPLE_CHARS = 240;
    /**
     * Below this many letters the answer is a guess; the declared language is used instead.
     * Ideographs count double: one carries about as much as a short word.
     */
    private static final int MIN_LETTERS = 40;
    /**
     * Below this many letters (a brief, a results line) a language is taken only if it clearly
     * wins: the runner-up's confidence (the winner's log-probability sum over the runner-up's,
     * as Lingua computes it) is at most {@link #SHORT_TEXT_MAX_RUNNER_UP}. A short English brief
     * full of Dutch names ("Van Gaal names Bergkamp, De Boer and Overmars") looks Dutch to
     * trigrams, Danish close behind; guessing would cost it its entities.
     */
    static final int SHORT_TEXT_LETTERS = 120;
    static final double SHORT_TEXT_MAX_RUNNER_UP = 0.7;
    /**
     * For longer samples the runner-up may come closer, but not within 0.9 of the winner: text
     * that is no language at all (synthetic syllables, lists of codes) gets none rather than a
     * guess, and is then treated as undetermined.
     */
    static final double MAX_RUNNER_UP = 0.9;

    /** Latin script: each language costs a table column, so only the most common in news. */
    private static final String[] LATIN_LANGUAGES = {"en", "de", "fr", "es", "it", "pt", "nl", "pl", "tr", "sv", "da", "id"};
    private static final String[] CYRILLIC_LANGUAGES = {"ru", "uk"};
    private static final String[] ARABIC_LANGUAGES = {"ar", "fa"};
    /**
     * Characters taken from one run without spaces: a whole paragraph in Chinese or Thai, or a
     * megabyte of base64, must not make the sample unbounded.
     */
    private static final int MAX_WORD_CHARS = 64;
    /** Japanese text mixes kana with Chinese characters; below this share of kana it is Chinese. */
    private static final double MIN_KANA_SHARE = 0.1;

    private LanguageIdentifier() {
    }

    /** The three scorers, once loaded. */
    private record Scorers(TrigramScorer latin, TrigramScorer cyrillic, TrigramScorer arabic) {
    }

    private static volatile Scorers scorers;
    private static final Character.UnicodeScript[] SCRIPTS = Character.UnicodeScript.values();

    /**
     * Reads the language models, once per JVM; the clean stage calls it when it is built, so a
     * missing model fails there and not on the first page.
     *
     * @throws IllegalStateException when a model cannot be read
     */
    static void load() {
        scorers();
    }

    private static Scorers scorers() {
        Scorers s = scorers;
        if (s == null) {
            synchronized (LanguageIdentifier.class) {
                if (scorers == null) {
                    scorers = new Scorers(TrigramScorer.of(LATIN_LANGUAGES), TrigramScorer.of(CYRILLIC_LANGUAGES),
                            TrigramScorer.of(ARABIC_LANGUAGES));
                }
                s = scorers;
            }
        }
        return s;
    }

    /**
     * The language of {@code text}, or {@code declared} (normalised) when the text is too short
     * or no language clearly wins; {@code null} when neither gives an answer.
     */
    static String detect(String text, String declared) {
        String sample = proseSample(text);
        int letters = letters(sample);
        if (letters >= MIN_LETTERS) {
            String lang = sure(sample, letters >= SHORT_TEXT_LETTERS ? MAX_RUNNER_UP : SHORT_TEXT_MAX_RUNNER_UP);
            if (lang != null) {
                return lang;
            }
        }
        return normalise(declared);
    }

    /**
     * The sample's language if its script names one, or if the best-scoring language of its
     * script leaves the runner-up at most {@code maxRunnerUp} of the winner's confidence (the
     * winner's log-probability sum over the runner-up's); else null.
     */
    private static String sure(String sample, double maxRunnerUp) {
        Character.UnicodeScript script = dominantScript(sample);
        if (script == null) {
            return null;
        }
        return switch (script) {
            case LATIN -> best(scorers().latin(), sample, maxRunnerUp);
            case CYRILLIC -> best(scorers().cyrillic(), sample, maxRunnerUp);
            case ARABIC -> best(scorers().arabic(), sample, maxRunnerUp);
            case GREEK -> "el";
            case HEBREW -> "he";
            case THAI -> "th";
            case HANGUL -> "ko";
            case DEVANAGARI -> "hi";
            case HAN, HIRAGANA, KATAKANA -> kanaShare(sample) >= MIN_KANA_SHARE ? "ja" : "zh";
            default -> null;
        };
    }

    private static String best(TrigramScorer scorer, String sample, double maxRunnerUp) {
        double[] sums = scorer.score(sample);
        int best = -1;
        int second = -1;
        for (int i = 0; i < sums.length; i++) {
            if (sums[i] == 0) {
                continue;
            }
            if (best < 0 || sums[i] > sums[best]) {
                second = best;
                best = i;
            } else if (second < 0 || sums[i] > sums[second]) {
                second = i;
            }
        }
        if (best < 0) {
            return null;
        }
        double runnerUp = second < 0 ? 0 : sums[best] / sums[second];
        return runnerUp <= maxRunnerUp ? scorer.languages().get(best) : null;
    }

    /** The script most of the sample's letters are written in (CJK scripts counted as one). */
    private static Character.UnicodeScript dominantScript(String sample) {
        int[] counts = new int[SCRIPTS.length];
        for (int i = 0; i < sample.length(); ) {
            int cp = sample.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80) { // ASCII: a letter is Latin, without the script table's search
                if (Prose.isAsciiLetter(cp)) {
                    counts[Character.UnicodeScript.LATIN.ordinal()]++;
                }
            } else if (Character.isLetter(cp)) {
                Character.UnicodeScript s = Character.UnicodeScript.of(cp);
                if (s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA) {
                    s = Character.UnicodeScript.HAN;
                }
                counts[s.ordinal()]++;
            }
        }
        int best = -1;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0 && (best < 0 || counts[i] > counts[best])) {
                best = i;
            }
        }
        return best < 0 ? null : SCRIPTS[best];
    }

    private static double kanaShare(String sample) {
        int kana = 0;
        int cjk = 0;
        for (int i = 0; i < sample.length(); ) {
            int cp = sample.codePointAt(i);
            i += Character.charCount(cp);
            Character.UnicodeScript s = Character.UnicodeScript.of(cp);
            if (s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA) {
                kana++;
                cjk++;
            } else if (s == Character.UnicodeScript.HAN) {
                cjk++;
            }
        }
        return cjk == 0 ? 0 : (double) kana / cjk;
    }

    /**
     * Up to {@link #SAMPLE_CHARS} characters of the text's words that do not start with a
     * capital (words of scripts without case count): names and numbers say nothing about a
     * language, and a results table of Serbian clubs or a list of Dutch names in English copy
     * would otherwise be read as another language. Words are taken in text order, with a space
     * between them.
     */
    static String proseSample(String text) {
        StringBuilder sample = new StringBuilder(SAMPLE_CHARS + 32);
        int i = 0;
        int n = text.length();
        while (i < n && sample.length() < SAMPLE_CHARS) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (start < i && isProseWord(text, start, i)) {
                // A run without spaces (Chinese, Thai, a blob) counts its first characters only.
                sample.append(text, start, Math.min(i, start + MAX_WORD_CHARS)).append(' ');
            }
        }
        return sample.toString();
    }

    /** A word with a letter whose first letter is not a capital. */
    private static boolean isProseWord(String text, int start, int end) {
        for (int k = start; k < end; k++) {
            char c = text.charAt(k);
            if (Character.isLetter(c)) {
                return !Character.isUpperCase(c) && !Character.isTitleCase(c);
            }
        }
        return false;
    }

    static String normalise(String code) {
        if (code == null) {
            return null;
        }
        String c = code.strip().toLowerCase(Locale.ROOT).split("[-_]")[0];
        return c.matches("[a-z]{2}") ? c : null;
    }

    private static int letters(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (Prose.isAsciiLetter(c)) {
                    n++;
                }
            } else if (Character.isLetter(c)) {
                n += Character.isIdeographic(c) ? 2 : 1;
            }
        }
        return n;
    }
}
