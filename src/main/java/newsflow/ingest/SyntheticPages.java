package newsflow.ingest;

import java.util.Random;

/**
 * Deterministic synthetic news pages for benchmarks and tests: five paragraphs of pseudo-words
 * and capitalised names inside typical site chrome. Different story numbers share no sentences,
 * so they are never near-duplicates of each other; the same number always gives the same page.
 */
public final class SyntheticPages {

    /** 40 syllables of one to three per word: a vocabulary of ~66,000 words, as varied as real text. */
    private static final String[] SYLLABLES = {"ta", "ro", "mi", "ne", "ka", "lo", "su", "vi", "de", "ran",
        "pol", "ter", "ba", "cu", "fe", "gi", "ho", "ju", "ki", "le", "mo", "nu", "pa", "qui", "ri", "sa", "to",
        "ul", "ve", "wa", "xe", "yo", "za", "bre", "cha", "dri", "fla", "gro", "pla", "stu"};

    private SyntheticPages() {
    }

    /** The HTML page of story {@code story}. */
    public static String html(int story) {
        return html(story, 5, "Bench News");
    }

    /**
     * The page of story {@code story} cut to its first {@code paragraphs} paragraphs (of five),
     * in the template of site {@code site}.
     */
    public static String html(int story, int paragraphs, String site) {
        Random r = new Random(story * 7919L + 1);
        StringBuilder html = new StringBuilder("<html><head><title>Story ").append(story)
            .append("</title></head><body><nav>Home | World | Sport | Weather | ").append(site)
            .append("</nav><article><h1>Story ")
            .append(story).append("</h1>");
        for (int p = 0; p < 5; p++) {
            StringBuilder paragraph = new StringBuilder("<p>");
            for (int w = 0; w < 40; w++) {
                paragraph.append(w == 0 || r.nextInt(12) == 0 ? capitalised(r) : word(r)).append(' ');
            }
            if (p < paragraphs) {
                html.append(paragraph).append("story ").append(story).append(".</p>");
            }
        }
        return html.append("</article><footer>Copyright ").append(site).append("</footer></body></html>").toString();
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
