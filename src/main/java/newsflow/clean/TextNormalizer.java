package newsflow.clean;

import java.text.Normalizer;
import java.util.BitSet;
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
        if (isParagraph(s)) {
            return s; // already normalised, as a paragraph the emitter wrote is when the body is joined
        }
        String t = nfc(s);
        // A plain char array rather than a StringBuilder: this runs on every run of text of
        // every page, and appending char by char checks the builder's coder each time.
        char[] out = new char[t.length()];
        int n = 0;
        boolean pendingSpace = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c > ' ' && c < 0x7F) { // printable ASCII, most of any text: neither space nor invisible
                if (pendingSpace) {
                    out[n++] = ' ';
                    pendingSpace = false;
                }
                out[n++] = c;
            } else if (isSpace(c)) {
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
     * Whether {@link #paragraph} would return {@code s} unchanged: not empty, single spaces
     * between other characters, none of them invisible, and every character below U+0300 or
     * {@linkplain #NFC_INERT inert}.
     */
    private static boolean isParagraph(String s) {
        char previous = ' '; // a leading space fails like a double one
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ') {
                if (previous == ' ') {
                    return false;
                }
            } else if ((c <= ' ' || c >= 0x7F) && !KEPT_AS_IS.get(c)) {
                return false;
            }
            previous = c;
        }
        return previous != ' ';
    }

    /**
     * Builds the tables of {@link #NFC_INERT} and {@link #KEPT_AS_IS} characters (about a tenth
     * of a second, once per JVM), so that the first page does not pay for them.
     */
    static void load() {
        NFC_INERT.isEmpty(); // any use of the class runs its static initialiser, which builds the table
    }

    /**
     * {@code s} in Unicode NFC. Most paragraphs are NFC already, and are recognised without the
     * normaliser: when every character is {@linkplain #NFC_INERT inert}, NFC's quick check
     * answers yes (every character is NFC_Quick_Check=Yes with combining class 0, so nothing
     * decomposes, reorders or composes). Curly quotes, dashes, CJK and most letters of other
     * scripts are inert; combining marks and Hangul jamo are not.
     */
    static String nfc(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\u0300' && !NFC_INERT.get(c)) {
                return Normalizer.normalize(s, Normalizer.Form.NFC);
            }
        }
        return s;
    }

    /**
     * The characters NFC leaves as they are wherever they stand, read from the JDK's own
     * normaliser once: not surrogates, not marks (every character with a non-zero combining
     * class is a mark, and so is nearly every one that can compose with what precedes it),
     * not Hangul jamo (the other ones that can), and NFC already on their own (which leaves out
     * singletons such as the ohm sign and composition exclusions).
     */
    private static final BitSet NFC_INERT = nfcInert();

    private static BitSet nfcInert() {
        BitSet inert = new BitSet(0x10000);
        for (int c = 0; c < 0x10000; c++) {
            char ch = (char) c;
            int type = Character.getType(ch);
            boolean mark = type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK;
            boolean jamo = c >= 0x1100 && c <= 0x11FF;
            if (!Character.isSurrogate(ch) && !mark && !jamo
                    && Normalizer.isNormalized(String.valueOf(ch), Normalizer.Form.NFC)) {
                inert.set(c);
            }
        }
        return inert;
    }

    /**
     * The characters {@link #paragraph} keeps as they are, other than the space: not
     * {@linkplain #isSpace spaces}, not {@linkplain #isInvisible invisible}, and below U+0300
     * or {@linkplain #NFC_INERT inert}. One lookup per character for {@link #isParagraph},
     * which runs on every paragraph. Declared after {@link #NFC_INERT}, which it reads
     * while the class initialises.
     */
    private static final BitSet KEPT_AS_IS = keptAsIs();

    private static BitSet keptAsIs() {
        BitSet kept = new BitSet(0x10000);
        for (int c = 0; c < 0x10000; c++) {
            char ch = (char) c;
            if (!isSpace(ch) && !isInvisible(ch) && (c < 0x300 || NFC_INERT.get(c))) {
                kept.set(c);
            }
        }
        return kept;
    }

    /**
     * Where {@code $} of {@link java.util.regex.Pattern} (without MULTILINE) last matches in
     * {@code s}: before a final U+0085, U+2028 or U+2029 (the line terminators that are not
     * {@link #isRegexSpace}), else at the end. Patterns that end in {@code \s*$} are read back
     * from here.
     */
    static int regexEnd(String s) {
        int end = s.length();
        if (end > 0) {
            char last = s.charAt(end - 1);
            if (last == '\u0085' || last == '\u2028' || last == '\u2029') {
                return end - 1;
            }
        }
        return end;
    }

    /** The white space of {@code \s} in {@link java.util.regex.Pattern}: space, tab, line feed, vertical tab, form feed, return. */
    static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
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

    /**
     * Joins paragraphs with one blank line, leaving out empty ones. Each must already be
     * {@linkplain #paragraph normalised}, as every source of the clean stage's paragraphs
     * writes them: normalising them again here cost a pass over the whole body per page.
     */
    static String join(List<String> paragraphs) {
        StringBuilder out = new StringBuilder();
        for (String p : paragraphs) {
            if (p.isEmpty()) {
                continue;
            }
            if (out.length() > 0) {
                out.append("\n\n");
            }
            out.append(p);
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
