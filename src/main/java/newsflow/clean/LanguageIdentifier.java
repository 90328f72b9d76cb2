package newsflow.clean;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * ISO 639-1 language of a text, by Lingua. The detector is limited to common news languages
 * (fewer models: less memory, faster), runs in low-accuracy mode (trigram models only, which
 * is enough for article-length text) and is built lazily on first use, once per JVM; Lingua
 * loads each language model on demand. Only a bounded prefix of the text is examined.
 * Thread-safe: Lingua's detector is safe for concurrent use once built.
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
     * wins: Lingua's confidence in the runner-up is at most {@link #SHORT_TEXT_MAX_RUNNER_UP}
     * of its confidence in the winner (Lingua 1.2 scales the winner to 1). A short English brief
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

    private static final Language[] NEWS_LANGUAGES = {
        // Latin script: each one costs time on every Latin text, so only the most common.
        Language.ENGLISH, Language.GERMAN, Language.FRENCH, Language.SPANISH, Language.ITALIAN,
        Language.PORTUGUESE, Language.DUTCH, Language.POLISH, Language.TURKISH, Language.SWEDISH,
        Language.DANISH, Language.INDONESIAN,
        // Other scripts: Lingua narrows to the script's languages first, so these are cheap.
        Language.RUSSIAN, Language.UKRAINIAN, Language.ARABIC, Language.PERSIAN, Language.HINDI,
        Language.CHINESE, Language.JAPANESE, Language.KOREAN, Language.GREEK, Language.HEBREW, Language.THAI,
    };

    private LanguageIdentifier() {
    }

    private static final class Holder {
        static final LanguageDetector DETECTOR = LanguageDetectorBuilder.fromLanguages(NEWS_LANGUAGES)
                .withLowAccuracyMode()
                .build();
    }

    /**
     * The language of {@code text}, or {@code declared} (normalised) when the text is too short
     * or Lingua cannot decide; {@code null} when neither gives an answer.
     */
    static String detect(String text, String declared) {
        String sample = proseSample(text);
        int letters = letters(sample);
        if (letters >= MIN_LETTERS) {
            Language lang = sure(sample, letters >= SHORT_TEXT_LETTERS ? MAX_RUNNER_UP : SHORT_TEXT_MAX_RUNNER_UP);
            if (lang != Language.UNKNOWN) {
                IsoCode639_1 iso = lang.getIsoCode639_1();
                return iso.toString().toLowerCase(Locale.ROOT);
            }
        }
        return normalise(declared);
    }

    /** The most likely language of a sample if the runner-up is at most {@code maxRunnerUp} of it, else UNKNOWN. */
    private static Language sure(String sample, double maxRunnerUp) {
        SortedMap<Language, Double> confidence = Holder.DETECTOR.computeLanguageConfidenceValues(sample);
        java.util.Iterator<Map.Entry<Language, Double>> ranked = confidence.entrySet().iterator();
        if (!ranked.hasNext()) {
            return Language.UNKNOWN;
        }
        Map.Entry<Language, Double> best = ranked.next();
        double runnerUp = ranked.hasNext() ? ranked.next().getValue() : 0;
        return best.getValue() > 0 && runnerUp <= maxRunnerUp * best.getValue() ? best.getKey() : Language.UNKNOWN;
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
                sample.append(text, start, i).append(' ');
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
            if (Character.isLetter(c)) {
                n += Character.isIdeographic(c) ? 2 : 1;
            }
        }
        return n;
    }
}
