package newsflow.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits text into sentences of word tokens with character offsets, the way the CoNLL-2003
 * recogniser was trained to see them: punctuation apart from words ("said ," "( AP )"), the
 * clitics {@code 's} and {@code n't} apart ("Germany 's", "do n't"), abbreviations and
 * initials whole ("U.S.", "Mr.", "J."), numbers whole ("1,250.5", "3-2"). A sentence ends at a
 * line break, after a {@code . ! ?} token, or at {@value #MAX_SENTENCE_TOKENS} tokens.
 *
 * <p>Linear in the text; allocation-light; thread-safe (no state).
 */
final class WordTokenizer {

    /** Longest sentence, in tokens; longer runs (lists, tables without punctuation) are cut. */
    static final int MAX_SENTENCE_TOKENS = 150;

    private static final String OPENING = "\"'([{“‘«";
    private static final String CLOSING = "\"')]}”’»,;:!?.";
    private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "prof", "gen", "col",
        "lt", "sgt", "capt", "gov", "sen", "rep", "rev", "st", "jr", "sr", "inc", "corp", "co", "ltd", "plc",
        "no", "vs", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec");

    /** A token: its characters are {@code text[start, end)}. */
    record Token(int start, int end) {
        String text(String of) {
            return of.substring(start, end);
        }
    }

    private WordTokenizer() {
    }

    /** The sentences of {@code text}, each a non-empty list of tokens in text order. */
    static List<List<Token>> sentences(String text) {
        List<List<Token>> sentences = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                flush(current, sentences);
                current = new ArrayList<>();
                i++;
                continue;
            }
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int end = i;
            while (end < n && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            int before = current.size();
            chunk(text, i, end, current);
            for (int k = before; k < current.size(); k++) {
                // a sentence-final mark ends the sentence, unless the chunk goes on (".)" ".\"")
                Token t = current.get(k);
                boolean last = k == current.size() - 1;
                if (last && isSentenceEnd(text, t) || current.size() >= MAX_SENTENCE_TOKENS) {
                    List<Token> rest = new ArrayList<>(current.subList(k + 1, current.size()));
                    current.subList(k + 1, current.size()).clear();
                    flush(current, sentences);
                    current = rest;
                    break;
                }
            }
            i = end;
        }
        flush(current, sentences);
        return sentences;
    }

    private static boolean isSentenceEnd(String text, Token t) {
        if (t.end() - t.start() != 1) {
            return false;
        }
        char c = text.charAt(t.start());
        return c == '.' || c == '!' || c == '?';
    }

    private static void flush(List<Token> sentence, List<List<Token>> into) {
        if (!sentence.isEmpty()) {
            into.add(sentence);
        }
    }

    /** Tokens of one whitespace-free chunk {@code text[from, to)}. */
    private static void chunk(String text, int from, int to, List<Token> out) {
        int start = from;
        int end = to;
        while (start < end && OPENING.indexOf(text.charAt(start)) >= 0) {
            out.add(new Token(start, start + 1));
            start++;
        }
        List<Token> trailing = new ArrayList<>(2);
        while (end > start && CLOSING.indexOf(text.charAt(end - 1)) >= 0) {
            if (text.charAt(end - 1) == '.' && (keepsPeriod(text, start, end) || abbreviationByContext(text, start, end, to))) {
                break;
            }
            trailing.add(0, new Token(end - 1, end));
            end--;
        }
        if (start < end) {
            int clitic = cliticStart(text, start, end);
            if (clitic > start) {
                out.add(new Token(start, clitic));
                out.add(new Token(clitic, end));
            } else {
                out.add(new Token(start, end));
            }
        }
        out.addAll(trailing);
    }

    /** Whether the period ending {@code text[start, end)} belongs to the word: "U.S.", "Mr.", "J.". */
    private static boolean keepsPeriod(String text, int start, int end) {
        String word = text.substring(start, end - 1);
        if (word.isEmpty()) {
            return false;
        }
        if (word.indexOf('.') >= 0) {
            return true; // U.S. / a.m. / e.g.
        }
        if (word.length() == 1 && Character.isLetter(word.charAt(0))) {
            return true; // an initial
        }
        return ABBREVIATIONS.contains(word.toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * Whether the period ending a short capitalised word ({@code text[start, end)}, "Fla.",
     * "Gov.") is an abbreviation's by what follows it: a comma or semicolon in the same chunk
     * ("Tampa, Fla., said"), or a next word in lower case ("Fla. officials"); no sentence
     * continues that way after its full stop.
     */
    private static boolean abbreviationByContext(String text, int start, int end, int chunkEnd) {
        int letters = end - 1 - start;
        if (letters < 2 || letters > 5 || !Character.isUpperCase(text.charAt(start))) {
            return false;
        }
        for (int i = start; i < end - 1; i++) {
            if (!Character.isLetter(text.charAt(i))) {
                return false;
            }
        }
        if (end < chunkEnd) {
            char after = text.charAt(end);
            return after == ',' || after == ';';
        }
        int next = chunkEnd;
        while (next < text.length() && text.charAt(next) == ' ') {
            next++;
        }
        return next < text.length() && Character.isLowerCase(text.charAt(next));
    }

    /** Where a trailing {@code 's}, {@code 're}, {@code n't} ... starts, else {@code start}. */
    private static int cliticStart(String text, int start, int end) {
        int length = end - start;
        if (length > 3 && endsWithIgnoreCase(text, end, "n't")) {
            return end - 3;
        }
        for (String clitic : new String[] {"'s", "’s", "'re", "'ve", "'ll", "'d", "'m"}) {
            if (length > clitic.length() && endsWithIgnoreCase(text, end, clitic)) {
                return end - clitic.length();
            }
        }
        return start;
    }

    private static boolean endsWithIgnoreCase(String text, int end, String suffix) {
        return text.regionMatches(true, end - suffix.length(), suffix, 0, suffix.length());
    }
}
