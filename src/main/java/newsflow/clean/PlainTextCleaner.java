package newsflow.clean;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cleans scraped plain text line by line: site chrome out, story in, and the title, byline
 * and date lines at the top read as metadata. Every rule is a pattern of chrome (icon labels,
 * widgets, pleas, captions with a parenthesised credit), never the text of a particular page.
 * Stateless and thread-safe.
 */
final class PlainTextCleaner {

    /** What the text yields: the body paragraphs and whatever metadata its header lines state. */
    record Result(String title, String byline, String publishedAt, List<String> paragraphs) {
    }

    /** "Calendar An icon of a desk calendar." style labels: a sentence naming an icon or logo. */
    private static final Pattern ICON_SENTENCE = Pattern.compile(
            "(?iu)\\b(?:an? |the )?(?:\\w+[- ]?)?(?:icon|logo|symbol|spinner)\\b");
    private static final Pattern SENTENCE_SPLIT = Pattern.compile("(?<=[.!?])\\s+");
    private static final Pattern BYLINE = Pattern.compile(
            "(?iu)^(?:(?:written|posted|reported|words)\\s+)?by\\s+(\\p{L}[\\p{L}\\p{M}.'’\\- ,&]{1,100})$");
    private static final Pattern DATE_LINE = Pattern.compile(
            "(?iu)^(?:date|published|posted|updated|last updated|first published)?\\s*(?:on|at)?\\s*:?\\s*"
                    + "((?:19|20)\\d{2}-\\d{2}-\\d{2}(?:[T ][0-9:.]+(?:Z|[+-]\\d{2}:?\\d{2})?)?"
                    + "|\\p{L}{3,9}\\.? \\d{1,2},? \\d{4}|\\d{1,2} \\p{L}{3,9}\\.? \\d{4})\\b.{0,40}$");
    private static final Pattern LEADING_DATE = Pattern.compile(
            "(?iu)^\\s*(?:date|published|posted|updated)\\s*:?\\s*((?:19|20)\\d{2}-\\d{2}-\\d{2})\\b");
    /** A caption ends in a parenthesised photo credit, e.g. "(Name/AP)" or "(Pool photo via AP, File)". */
    static final Pattern CAPTION = Pattern.compile(
            "(?u)\\((?:[^()]*(?:/|\\b(?:(?i:photo|pic|picture|image|pool|via|file|getty|images|reuters|afp|epa"
                    + "|shutterstock|alamy|credit|courtesy|handout)|AP|PA))[^()]*)\\)\\s*$");
    private static final Pattern TERMINAL = Pattern.compile("[.!?…:;\"”’»)\\]]$");
    private static final int MAX_TITLE_CHARS = 250;
    private static final int MAX_ALT_TEXT_CHARS = 160;
    private static final int HEADER_LINES = 8;

    private PlainTextCleaner() {
    }

    static Result clean(String text, Instant fetchedAt, Deadline deadline) {
        List<String> lines = new ArrayList<>();
        for (String raw : TextNormalizer.lines(text)) {
            lines.add(TextNormalizer.paragraph(raw));
        }
        String date = null;
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (i % 256 == 0) {
                deadline.check();
            }
            String line = lines.get(i);
            if (line.isEmpty()) {
                continue;
            }
            if (isIconRun(line)) {
                if (date == null) {
                    date = leadingDate(line, fetchedAt);
                }
                continue;
            }
            if (BYLINE.matcher(line).matches()) {
                kept.add(line);
                continue;
            }
            if (ChromeLines.isChrome(line) || isCaption(line)
                    || isAltTextBeforeCaption(line, next(lines, i))) {
                continue;
            }
            kept.add(line);
        }
        return readHeader(kept, date, fetchedAt);
    }

    /** Title, byline and date at the top become metadata; the rest is the body. */
    private static Result readHeader(List<String> kept, String date, Instant fetchedAt) {
        String title = null;
        String byline = null;
        int start = 0;
        while (start < kept.size() && start < HEADER_LINES) {
            String line = kept.get(start);
            Matcher by = BYLINE.matcher(line);
            if (by.matches() && byline == null) {
                byline = Bylines.clean(by.group(1));
            } else if (date == null && DATE_LINE.matcher(line).matches()
                    && (date = PublicationDates.parse(line, fetchedAt).orElse(null)) != null) {
                // a date line: consumed
            } else if (title == null && byline == null && start == 0 && looksLikeTitle(line, kept, start)) {
                title = line;
            } else {
                break;
            }
            start++;
        }
        return new Result(title, byline, date, List.copyOf(kept.subList(start, kept.size())));
    }

    /**
     * A headline: short, no sentence-final full stop, and followed by more text. A first line
     * that reads as a sentence is body, not title (scraped text often has no title line).
     */
    private static boolean looksLikeTitle(String line, List<String> kept, int index) {
        if (line.length() > MAX_TITLE_CHARS || index + 1 >= kept.size()) {
            return false;
        }
        if (line.endsWith(".") && !line.endsWith("...")) {
            return false;
        }
        int words = line.split("\\s+").length;
        return words >= 3 && SENTENCE_SPLIT.split(line).length == 1;
    }

    /** A line made mostly of "X An icon of Y." sentences. */
    static boolean isIconRun(String line) {
        String[] sentences = SENTENCE_SPLIT.split(line);
        if (sentences.length < 3) {
            return false;
        }
        int icons = 0;
        for (String s : sentences) {
            if (ICON_SENTENCE.matcher(s).find()) {
                icons++;
            }
        }
        return icons * 2 >= sentences.length;
    }

    private static String leadingDate(String line, Instant fetchedAt) {
        Matcher m = LEADING_DATE.matcher(line);
        return m.find() ? PublicationDates.parse(m.group(1), fetchedAt).orElse(null) : null;
    }

    static boolean isCaption(String line) {
        return endsInParenthesis(line) && CAPTION.matcher(line).find();
    }

    /**
     * A necessary condition of {@link #CAPTION}: the last character other than its trailing
     * {@code \s} (ASCII white space), up to where {@code $} matches
     * ({@link TextNormalizer#regexEnd}), is ')'.
     */
    private static boolean endsInParenthesis(String line) {
        for (int i = TextNormalizer.regexEnd(line) - 1; i >= 0; i--) {
            char c = line.charAt(i);
            if (!TextNormalizer.isRegexSpace(c)) {
                return c == ')';
            }
        }
        return false;
    }

    /** A short line without final punctuation right before a caption is the image's alt text. */
    private static boolean isAltTextBeforeCaption(String line, String next) {
        return next != null && line.length() <= MAX_ALT_TEXT_CHARS && !TERMINAL.matcher(line).find()
                && isCaption(next);
    }

    private static String next(List<String> lines, int i) {
        for (int j = i + 1; j < lines.size(); j++) {
            if (!lines.get(j).isEmpty()) {
                return lines.get(j);
            }
        }
        return null;
    }
}
