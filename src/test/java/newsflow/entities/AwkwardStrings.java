package newsflow.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Short random strings made of what word scanners get wrong, for checking a hand-written scan
 * against the expression it replaces: ASCII, accented and other-script letters, a letter outside
 * the BMP (U+1D400), digits of other scripts, letter and other numbers, the joiners (apostrophes,
 * full stop, hyphen), punctuation, spaces, a soft hyphen, a lone surrogate, an underscore and a
 * combining mark. Deterministic (fixed seed).
 */
final class AwkwardStrings {

    private static final String[] PARTS = {"a", "Z", "7", "\u00e9", "\u0416", "\u4e2d", "\ud835\udc00", "\u0663",
        "\u216b", "\u00bd", "\u00b2", "'", "\u2019", ".", "-", ",", " ", "\u00a0", "(", "\u00ad", "\ud800", "_",
        "\u0301"};

    private AwkwardStrings() {
    }

    /** {@code count} strings of 1 to 12 parts each. */
    static List<String> sample(int count) {
        Random random = new Random(20261206);
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(12); k >= 0; k--) {
                b.append(PARTS[random.nextInt(PARTS.length)]);
            }
            out.add(b.toString());
        }
        return out;
    }
}
