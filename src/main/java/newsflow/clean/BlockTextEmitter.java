package newsflow.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Writes the text of the article container as paragraphs, one per block (paragraph, heading,
 * list item, cell, quote, line-broken run), and leaves out what is not story: link-dense runs
 * (related links, tag lists), the headline repeated, bylines and date lines, one-line chrome.
 * Short story paragraphs are kept. One instance emits one container; not thread-safe.
 */
final class BlockTextEmitter implements BlockRuns.Listener {

    static final Pattern BYLINE = Pattern.compile(
            "(?iu)^(?:(?:written|posted|reported|words|story|text|photos?)\\s+)?by\\s+[\\p{Lu}\\p{Lo}].{0,80}$");
    private static final Pattern DATE_ONLY = Pattern.compile(
            "(?iu)^(?:(?:published|posted|updated|last updated|first published|modified)\\s*(?:on|at)?\\s*:?\\s*)?"
                    + "(?:\\p{L}+,?\\s+)?(?:\\p{L}{3,9}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}\\.?\\s+\\p{L}{3,9}\\.?\\s+\\d{4}"
                    + "|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4})"
                    + "(?:\\s*(?:at|,|\\|)?\\s*\\d{1,2}[:.]\\d{2}\\s*(?:[ap]\\.?m\\.?)?\\s*(?:\\p{Lu}{2,4})?)?\\.?$");
    /** Reading-time labels in any language: "5 min read", "Tempo de leitura: 1 minuto", "Lesezeit: 3 Min.". */
    /** "Published November 20th, 2019 - 07:29 GMT", "Posted on October 27, 2015 by Admin". */
    static final Pattern DATED_LABEL = Pattern.compile(
            "(?iu)^(?:published|posted|updated|last updated|first published|modified|date)\\b.{0,70}\\b(?:19|20)\\d{2}\\b.{0,40}$");
    private static final Pattern MINUTES_READ = Pattern.compile(
            "(?iu)^(?:\\d{1,3}\\s*min(?:ute)?s?\\.?\\s+read|[^.!?\\d:]{3,30}:\\s*\\d{1,3}\\s*min\\p{L}*\\.?)$");

    private static final int LINKED_SENTENCE_WORDS = 15;
    private static final int LINKED_PARAGRAPH_WORDS = 8;
    /** Photo captions ending in a credit are shorter than this. */
    private static final int MAX_CAPTION_CHARS = 300;

    /** "More Great X Stories", "Other articles", "Latest news": a list of other stories follows. */
    static final Pattern RELATED_HEADING = Pattern.compile(
            "(?iu)^(?:more|other|related|recommended|popular|latest|top|trending|further|also)\\b.{0,40}"
                    + "\\b(?:stories|articles|news|posts|reads|reading|videos|coverage|links)\\s*:?$");
    private static final int MAX_RELATED_HEADING_CHARS = 60;
    private static final LeadingChars RELATED_HEADING_STARTS = new LeadingChars(RELATED_HEADING);
    private static final LeadingChars BYLINE_STARTS = new LeadingChars(BYLINE);
    private static final LeadingChars DATED_LABEL_STARTS = new LeadingChars(DATED_LABEL);

    private final String titleKey;
    /** A related-stories heading was seen and no story text since: the next list is related links. */
    private boolean listAfterRelatedHeading;
    /** The related-links list being skipped, or {@code null}. */
    private Element skipping;
    private final List<ParagraphFeatures.Candidate> paragraphs = new ArrayList<>();

    private final CleaningPolicy policy;

    private BlockTextEmitter(String title, CleaningPolicy policy) {
        this.titleKey = title == null ? null : key(title);
        this.policy = policy;
    }

    /** The story paragraphs of {@code container}, normalised; {@code title} is left out. */
    static List<String> emit(Element container, String title, Deadline deadline) {
        return judge(candidates(container, title, deadline, CleaningPolicy.newsDefaults(), null), container, null);
    }

    /**
     * The texts of {@code candidates} that {@code model} keeps (all when it is null). Should the
     * model keep none, the rules' paragraphs are returned: the model only trims a story, it never
     * decides that a page has none.
     */
    static List<String> judge(List<ParagraphFeatures.Candidate> candidates, Element container, ParagraphModel model) {
        List<String> all = new ArrayList<>(candidates.size());
        for (ParagraphFeatures.Candidate c : candidates) {
            all.add(c.text());
        }
        if (model == null) {
            return all;
        }
        float[][] features = ParagraphFeatures.of(candidates, container);
        List<String> kept = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            if (model.keep(features[i])) {
                kept.add(all.get(i));
            }
        }
        return kept.isEmpty() ? all : kept;
    }

    /**
     * The paragraphs the rules keep, with the block each came from, using the signals
     * {@code policy} leaves on; {@code scored}, when not null, is a recorded walk of a tree
     * holding the container, replayed instead of walking the container again where it can be.
     */
    static List<ParagraphFeatures.Candidate> candidates(Element container, String title, Deadline deadline,
            CleaningPolicy policy, BlockRuns.Recording scored) {
        BlockTextEmitter emitter = new BlockTextEmitter(title, policy);
        if (scored == null || !scored.replay(container, emitter, deadline)) {
            BlockRuns.walk(container, emitter, deadline);
        }
        return emitter.paragraphs;
    }

    @Override
    public void enter(Element block) {
        String tag = block.normalName();
        if (listAfterRelatedHeading && skipping == null && (tag.equals("ul") || tag.equals("ol"))) {
            skipping = block;
        }
    }

    @Override
    public void exit(Element block) {
        if (block == skipping) {
            skipping = null;
            listAfterRelatedHeading = false;
        }
    }

    @Override
    public void run(Element block, BlockRuns.Run run) {
        if (skipping != null) {
            return;
        }
        CharSequence raw = run.text();
        int chars = run.chars();
        int linkChars = run.linkChars();
        if (linkChars > chars * Prose.MAX_LINK_DENSITY && !isLinkedSentence(block, raw, run.words())) {
            return;
        }
        String text = TextNormalizer.paragraph(raw.toString());
        if (policy.uses(CleaningSignal.RELATED_LISTS) && text.length() <= MAX_RELATED_HEADING_CHARS
                && RELATED_HEADING_STARTS.matches(text)) {
            listAfterRelatedHeading = true;
            return;
        }
        boolean headlines = policy.uses(CleaningSignal.HEADLINES);
        if (text.isEmpty() || (headlines && isHeadline(text))
                || (policy.uses(CleaningSignal.CHROME_LINES) && ChromeLines.isChrome(text))) {
            return;
        }
        if (headlines && paragraphs.isEmpty() && block.normalName().equals("h1")) {
            return; // the page headline above the story, worded unlike the metadata title
        }
        if (policy.uses(CleaningSignal.CAPTIONS) && text.length() <= MAX_CAPTION_CHARS && PlainTextCleaner.isCaption(text)) {
            return;
        }
        if (policy.uses(CleaningSignal.BYLINE_AND_DATE_LINES) && text.length() <= 120 && (BYLINE_STARTS.matches(text)
                || DATED_LABEL_STARTS.matches(text)
                || (hasAsciiDigit(text) && (DATE_ONLY.matcher(text).matches() || MINUTES_READ.matcher(text).matches())))) {
            return;
        }
        paragraphs.add(new ParagraphFeatures.Candidate(text, block, chars, linkChars));
        listAfterRelatedHeading = false;
    }

    /**
     * Whether {@code text} holds a digit 0-9: every date and reading time the patterns above
     * accept does ({@code \d} is ASCII there), and most short paragraphs do not, so the
     * patterns need not run on them.
     */
    private static boolean hasAsciiDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    /**
     * A sentence that happens to be mostly links (names and titles linked) is story text; link
     * lists and related headlines are shorter or do not end in a full stop. A paragraph element
     * needs fewer words than other blocks (list items are where link lists live).
     */
    private static boolean isLinkedSentence(Element block, CharSequence raw, int words) {
        String t = raw.toString().strip();
        int minWords = block.normalName().equals("p") ? LINKED_PARAGRAPH_WORDS : LINKED_SENTENCE_WORDS;
        return words >= minWords
                && (t.endsWith(".") || t.endsWith(".\"") || t.endsWith(".”") || t.endsWith(".’"));
    }

    private boolean isHeadline(String text) {
        // No length pre-check: lower-casing can lengthen a text (Turkish İ becomes i and a dot).
        return titleKey != null && !titleKey.isEmpty() && keyEquals(text, titleKey);
    }

    /**
     * {@code key(text).equals(key)}, without building the text's key: most paragraphs differ
     * from the title in their first letters, so the comparison stops there. Each code point is
     * lower-cased on its own, as {@link String#toLowerCase(Locale) toLowerCase(Locale.ROOT)}
     * lower-cases every code point but two: a capital sigma (final or not depending on its
     * neighbours) and a dotted capital I (which becomes two code points). At the first of
     * these it builds the key after all.
     */
    static boolean keyEquals(String text, String key) {
        int k = 0;
        boolean gap = false;
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            int lower;
            if (c < 0x80) {
                lower = Prose.asciiLower(c);
                i++;
            } else {
                int cp = text.codePointAt(i);
                if (cp == '\u03A3' || cp == '\u0130') {
                    return key(text).equals(key);
                }
                i += Character.charCount(cp);
                lower = Character.toLowerCase(cp);
            }
            if (isSeparator(lower)) {
                gap = k > 0;
                continue;
            }
            if (gap) {
                if (k >= key.length() || key.charAt(k) != ' ') {
                    return false;
                }
                k++;
                gap = false;
            }
            if (k >= key.length() || key.codePointAt(k) != lower) {
                return false;
            }
            k += Character.charCount(lower);
        }
        return k == key.length();
    }

    /**
     * Lower case, each run of punctuation, symbols and spaces as one space, trimmed: the title
     * and a paragraph compare equal whatever their quotes and dashes. (Hand-written: it runs on
     * every paragraph, and a regex replace was a twentieth of the clean stage's time.)
     */
    static String key(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        boolean gap = false;
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            i += Character.charCount(cp);
            if (isSeparator(cp)) {
                gap = out.length() > 0;
            } else {
                if (gap) {
                    out.append(' ');
                    gap = false;
                }
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    /** Punctuation ({@code \p{P}}), symbols ({@code \p{S}}) and whitespace ({@code \s} and Unicode spaces). */
    private static boolean isSeparator(int cp) {
        if (cp < 0x80 && (Prose.isAsciiLetter(cp) || (cp >= '0' && cp <= '9'))) {
            return false;
        }
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || ChromeLines.isPunctuationOrSymbol(cp);
    }
}
