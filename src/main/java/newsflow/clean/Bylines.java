package newsflow.clean;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cleans author strings: drops "By", "Written by", dates, times, e-mail addresses, role
 * suffixes after a bar, and joins several authors with ", ". Stateless and thread-safe.
 */
final class Bylines {

    private static final Pattern LEADING_BY = Pattern.compile(
            "(?i)^\\s*(?:(?:written|posted|reported|words|story|text|published|updated)\\s+)?by\\s*[:\\-]?\\s+");
    private static final Pattern DATE_TAIL = Pattern.compile(
            "(?i)[,|•·\\-–—]?\\s*(?:(?:published|updated|posted|on)\\s*:?\\s*)?"
                    + "(?:\\d{1,2}\\s+[A-Za-z]{3,9}\\.?\\s+\\d{4}|[A-Za-z]{3,9}\\.?\\s+\\d{1,2},?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2}"
                    + "|\\d{1,2}/\\d{1,2}/\\d{2,4}|\\d{1,2}:\\d{2}\\s*(?:am|pm)?).*$");
    private static final Pattern WEEKDAY_TAIL = Pattern.compile(
            "(?i)[,\\s]+(?:mon|tues|wednes|thurs|fri|satur|sun)day\\b.*$");
    /** "AP Auto Writer", "Staff Reporter": a role, not a name, when it follows a name. */
    private static final Pattern ROLE = Pattern.compile(
            "(?i)^(?:.*\\s)?(?:writer|reporter|correspondent|editor|columnist|contributor)s?$");
    private static final Pattern EMAIL = Pattern.compile("\\S+@\\S+\\.\\S+");
    private static final Pattern URL = Pattern.compile("(?i)^https?://\\S+$");
    private static final Pattern SPLIT = Pattern.compile("\\s*(?:,|;|\\band\\b|&|\\|)\\s*");
    /** Separators and dashes left at either end of an author's part. */
    private static final Pattern PART_EDGES = Pattern.compile("^[\\s,;:|\\-–—]+|[\\s,;:|\\-–—]+$");
    private static final int MAX_AUTHOR_CHARS = 80;

    private Bylines() {
    }

    /** A cleaned byline from one raw string, or {@code null} when nothing name-like remains. */
    static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        return join(List.of(raw));
    }

    /** Cleans each raw author string and joins the distinct results with ", ". */
    static String join(List<String> raws) {
        Set<String> names = new LinkedHashSet<>();
        for (String raw : raws) {
            if (raw == null) {
                continue;
            }
            String s = TextNormalizer.paragraph(raw);
            if (URL.matcher(s).matches()) {
                continue;
            }
            s = LEADING_BY.matcher(s).replaceFirst("");
            s = DATE_TAIL.matcher(s).replaceFirst("");
            s = WEEKDAY_TAIL.matcher(s).replaceFirst("");
            s = EMAIL.matcher(s).replaceAll("");
            for (String part : splitAuthors(s)) {
                String name = PART_EDGES.matcher(part).replaceAll("");
                if (looksLikeName(name) && !(ROLE.matcher(name).matches() && !names.isEmpty())) {
                    names.add(name);
                }
            }
        }
        return names.isEmpty() ? null : String.join(", ", names);
    }

    private static List<String> splitAuthors(String s) {
        List<String> out = new ArrayList<>();
        for (String p : SPLIT.split(s)) {
            if (!p.isBlank()) {
                out.add(p.strip());
            }
        }
        return out;
    }

    private static boolean looksLikeName(String s) {
        if (s.isEmpty() || s.length() > MAX_AUTHOR_CHARS) {
            return false;
        }
        String lower = s.toLowerCase(Locale.ROOT);
        return Character.isLetter(s.codePointAt(0)) && !lower.startsWith("http")
                && !lower.equals("by") && !lower.equals("staff") && !lower.equals("admin");
    }
}
