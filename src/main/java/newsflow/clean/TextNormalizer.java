package newsflow.clean;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Text normalisation shared by the HTML and plain-text paths: Unicode NFC, whitespace collapsed
 * inside paragraphs, paragraphs joined by one blank line. Curly quotes, dashes and non-Latin
 * scripts are kept as they are. Stateless and thread-safe.
 */
final class TextNormalizer {

    private TextNormalizer() {
    }

    /** One paragraph: NFC, no control or invisible characters, single spaces, trimmed. */
    static String paragraph(String s) {
        if (s == null) {
            return "";
        }
        String t = belowCombiningMarks(s) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
        // A plain char array rather than a StringBuilder: this runs on every run of text of
        // every page, and appending char by char checks the builder's coder each time.
        char[] out = new char[t.length()];
        int n = 0;
        boolean pendingSpace = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (isSpace(c)) {
                pendingSpace = n > 0;
            } else if (!isInvisible(c)) {
                if (pendingSpace) {
                    out[n++] = ' ';
                    pendingSpace = false;
                }
                out[n++] = c;
            }
        }
        return new String(out, 0, n);
    }

    /**
     * Whether every character is below U+0300, where the combining marks begin: such text is
     * already in NFC (ICU's own quick check starts at the same place), so the common case of
     * Latin-script paragraphs skips the normaliser.
     */
    private static boolean belowCombiningMarks(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= '\u0300') {
                return false;
            }
        }
        return true;
    }

    /** Every Unicode space, including no-break and zero-width ones, collapses to one space. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\u000B'
                || c == '\u00A0' || c == '\u1680' || (c >= '\u2000' && c <= '\u200B') || c == '\u2028'
                || c == '\u2029' || c == '\u202F' || c == '\u205F' || c == '\u3000' || c == '\uFEFF'
                || c == '\u0085';
    }

    /**
     * Control characters, soft hyphens, word joiners and replacement characters: they carry no
     * text. Zero-width (non-)joiners stay: Persian words and emoji sequences need them.
     */
    private static boolean isInvisible(char c) {
        return c < 0x20 || c == 0x7F || c == '\u00AD' || c == '\u2060' || c == '\uFFFD';
    }

    /** Joins normalised, non-empty paragraphs with one blank line. */
    static String join(List<String> paragraphs) {
        StringBuilder out = new StringBuilder();
        for (String p : paragraphs) {
            String t = paragraph(p);
            if (t.isEmpty()) {
                continue;
            }
            if (out.length() > 0) {
                out.append("\n\n");
            }
            out.append(t);
        }
        return out.toString();
    }

    /** Splits text into lines (any line break), normalising none of them. */
    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\\R", -1)) {
            out.add(line);
        }
        return out;
    }
}
