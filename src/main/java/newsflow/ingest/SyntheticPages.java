package newsflow.ingest;

import java.util.Random;

/**
 * Deterministic synthetic news pages for benchmarks and tests: five paragraphs of pseudo-words
 * and capitalised names inside typical site chrome. Different story numbers share no sentences,
 * so they are never near-duplicates of each other; the same number always gives the same page.
 */
public final class SyntheticPages {

    private static final String[] SYLLABLES = {"ta", "ro", "mi", "ne", "ka", "lo", "su", "vi", "de", "ran", "pol", "ter"};

    private SyntheticPages() {
    }

    /** The HTML page of story {@code story}. */
    public static String html(int story) {
        Random r = new Random(story * 7919L + 1);
        StringBuilder html = new StringBuilder("<html><head><title>Story ").append(story)
            .append("</title></head><body><nav>Home | World | Sport | Weather</nav><article><h1>Story ")
            .append(story).append("</h1>");
        for (int p = 0; p < 5; p++) {
            html.append("<p>");
            for (int w = 0; w < 40; w++) {
                html.append(w == 0 || r.nextInt(12) == 0 ? capitalised(r) : word(r)).append(' ');
            }
            html.append("story ").append(story).append(".</p>");
        }
        return html.append("</article><footer>Copyright Bench News</footer></body></html>").toString();
    }

    private static String word(Random r) {
        StringBuilder w = new StringBuilder();
        for (int i = 1 + r.nextInt(3); i > 0; i--) {
            w.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
        }
        return w.toString();
    }

    private static String capitalised(Random r) {
        String w = word(r);
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }
}
