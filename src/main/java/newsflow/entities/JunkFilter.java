package newsflow.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import newsflow.core.EntityType;

/**
 * Cleans candidate spans: trims honorifics, titles, possessives and stray punctuation from their
 * edges, and rejects spans that are no entity at all (only a title or a stop word, no capital
 * letter, or an interface word such as a social network or icon label on a line of page chrome).
 * Stateless and thread-safe.
 */
final class JunkFilter {

    /** Honorifics and titles, never entities themselves; trimmed from the start of a span. */
    static final Set<String> HONORIFICS = Set.of(
            "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
            "president", "vice-president", "premier", "chancellor", "king", "queen", "prince", "princess",
            "pope", "general", "gen", "col", "lt", "sgt", "capt", "adm", "admiral", "marshal", "minister",
            "secretary", "senator", "sen", "rep", "gov", "governor", "mayor", "judge", "justice", "rev",
            "father", "sheikh", "ayatollah", "comrade", "chairman", "leader", "spokesman", "spokeswoman",
            "ambassador", "envoy", "commander", "colonel", "lieutenant", "sergeant", "captain", "vice",
            "prime", "foreign", "defence", "defense", "deputy", "former", "late", "supreme", "state",
            "mme", "mlle", "herr", "frau", "madam", "madame", "navy", "army", "air", "force", "field", "rear",
            "major", "chief", "marine", "first", "brigadier", "ex", "acting", "interim", "crown", "emperor",
            "empress", "cardinal", "archbishop", "bishop", "rabbi", "imam", "dictator", "strongman");

    /** Words of photo credits and bylines trimmed from the end of a span ("Kremlin Pool Photo"). */
    private static final Set<String> CREDIT_WORDS = Set.of("photo", "photos", "pool", "via", "file");

    /** Words that are page interface when they stand on a short line (share bars, icon labels). */
    static final Set<String> INTERFACE_WORDS = Set.of(
            "calendar", "facebook", "facebook messenger", "messenger", "twitter", "x", "whatsapp",
            "instagram", "linkedin", "reddit", "pinterest", "telegram", "tiktok", "youtube", "email",
            "e-mail", "print", "share", "copy", "copy link", "link", "menu", "hamburger menu", "loading",
            "comment", "comments", "leave a comment", "subscribe", "newsletter", "icon", "close", "search",
            "home", "login", "log in", "sign in", "sign up", "flipboard", "threads", "bluesky", "mastodon",
            "sms", "rss", "advertisement", "ad", "cookie", "cookies", "privacy policy");

    /**
     * Titles that are junk on their own. Not every honorific: "Major", "King" or "General" alone may
     * well be a surname.
     */
    private static final Set<String> BARE_TITLES = Set.of(
            "mr", "mrs", "ms", "miss", "mx", "dr", "sir", "mme", "mlle", "prof", "professor", "president",
            "vice-president", "premier", "chancellor", "minister", "secretary", "senator", "sen", "rep",
            "gov", "governor", "mayor", "spokesman", "spokeswoman", "ambassador", "envoy", "leader",
            "chairman", "prime", "deputy", "foreign", "defence", "defense", "former", "acting", "interim");

    /** Courtesy titles trimmed from spans of any type; the longer list only from people. */
    private static final Set<String> COURTESY = Set.of("mr", "mrs", "ms", "miss", "mx", "dr", "sir", "mme", "mlle");

    private static final Set<String> STOP = Set.of(
            "the", "a", "an", "and", "or", "of", "in", "on", "at", "to", "for", "by", "with", "from",
            "he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "our", "this",
            "that", "these", "those", "but", "as", "if", "so", "not", "no", "yes", "here", "there",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
            "yesterday", "tomorrow", "gmt", "utc", "am", "pm", "news", "media", "government", "ministry",
            "police", "party", "state", "city", "agency", "officials", "photo", "pool", "file", "update",
            "breaking", "live", "video", "watch", "read", "more", "related", "advertisement");

    /** Words that mark an interface label ("Facebook An icon of the Facebook logo."). */
    private static final Set<String> ICON_CUES = Set.of("icon", "icons", "logo", "spinner");
    private static final int ICON_SENTENCE_WORDS = 20;

    /** How far around a span an icon label's sentence is looked for (20 words of 50 characters). */
    private static final int ICON_SENTENCE_CHARS = ICON_SENTENCE_WORDS * 50;

    /** Words that start a byline or credit, never a name ("By Press Association"). */
    private static final Set<String> LEADING_NOISE = Set.of("by", "via", "credit", "photo", "source");

    /** A span followed by this is a web address ("Riverbender.com"), site chrome rather than a name. */
    private static final Pattern DOMAIN_SUFFIX = Pattern.compile("\\. ?(com|org|net|co|io|info|news)\\b");

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’.\\-]*");
    private static final int SHORT_LINE_WORDS = 8;

    private JunkFilter() {
    }

    /** The span with honorifics, possessives and punctuation trimmed, or {@code null} if junk. */
    static Span clean(String text, Span span) {
        int end = trimTrailingFunctionWords(text, span.start(),
                trimTrailingPossessiveAndPunctuation(text, span.start(), span.end()));
        int start = skipNonWord(text, span.start(), end);
        // Bylines and credits ("By Press Association"), then titles ("Mr Putin", "President Vladimir Putin").
        start = trimLeadingWords(text, start, end, LEADING_NOISE, 1);
        start = trimLeadingQualifiers(text, start, end);
        start = trimLeadingLowerCaseWords(text, start, end);
        start = trimTopicPrefix(text, start, end);
        start = trimLeadingCommonNounOf(text, start, end);
        if (span.kb() == null) {
            start = trimLeadingWords(text, start, end, span.type() == EntityType.PERSON ? HONORIFICS : COURTESY,
                    Integer.MAX_VALUE);
            end = trimCreditWords(text, start, end);
        }
        while (end > start && text.charAt(end - 1) == '.' && !abbreviationDot(text, start, end)
                && !midSentenceDot(text, end)) {
            end--;
        }
        if (end <= start) {
            return null;
        }
        Span trimmed = span.withRange(start, end);
        return isJunk(text, trimmed) ? null : trimmed;
    }

    /** Drops "’s", "'s", whitespace and punctuation other than a dot from the end. */
    private static int trimTrailingPossessiveAndPunctuation(String text, int start, int end) {
        while (end > start) {
            char last = text.charAt(end - 1);
            if (end - start >= 2 && (last == 's') && (text.charAt(end - 2) == '\'' || text.charAt(end - 2) == '’')) {
                if (end - start > 2 && possessiveNamesItself(text, end)) {
                    return end; // "Boatmen's was the prize", "after Boatmen's."
                }
                end -= 2;
            } else if (last == ')' && text.substring(start, end).indexOf('(') >= 0) {
                return end; // "Buducnost (V)": the bracket is part of the name
            } else if (!Character.isLetterOrDigit(last) && last != '.') {
                end--;
            } else {
                return end;
            }
        }
        return end;
    }

    /** Lower-case words no name ends in: "Bank of" before "England" is cut back to "Bank". */
    private static final Set<String> TRAILING_FUNCTION_WORDS = Set.of(
            "of", "the", "and", "or", "for", "in", "on", "at", "to", "by", "with", "from", "a", "an");

    private static int trimTrailingFunctionWords(String text, int start, int end) {
        while (end > start) {
            int space = text.lastIndexOf(' ', end - 1);
            if (space <= start || !TRAILING_FUNCTION_WORDS.contains(text.substring(space + 1, end))) {
                return end;
            }
            end = space;
            while (end > start && text.charAt(end - 1) == ' ') {
                end--;
            }
        }
        return end;
    }

    /** Words after which a name's "'s" is no possessive: the name itself is the subject. */
    private static final Set<String> VERBS_AFTER_NAME = Set.of(
            "was", "is", "has", "had", "said", "says", "will", "would", "could", "did", "does", "shares", "stock");

    /**
     * Whether a span's final "'s" belongs to the name ("Boatmen's", "McDonald's"): the
     * recogniser put it inside the span, and a verb or the end of a clause follows, never a noun
     * it would possess ("Shearer's Euro 96 partner").
     */
    private static boolean possessiveNamesItself(String text, int end) {
        int i = end;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        if (i >= text.length()) {
            return false;
        }
        if (".,;:!?)\"”".indexOf(text.charAt(i)) >= 0) {
            return true;
        }
        int j = i;
        while (j < text.length() && Character.isLetter(text.charAt(j))) {
            j++;
        }
        return VERBS_AFTER_NAME.contains(text.substring(i, j));
    }

    private static int skipNonWord(String text, int start, int end) {
        while (start < end && !Character.isLetterOrDigit(text.charAt(start))) {
            start++;
        }
        return start;
    }

    /** Skips up to {@code max} leading words found in {@code words}, never the last word. */
    private static int trimLeadingWords(String text, int start, int end, Set<String> words, int max) {
        Matcher m = WORD.matcher(text).region(start, end);
        int trimmed = 0;
        while (trimmed < max && m.find() && m.end() < end && words.contains(norm(m.group()))) {
            start = skipNonWord(text, m.end(), end);
            trimmed++;
        }
        return start;
    }

    /** "Minneapolis-based", "state-owned": a qualifier before a name, not part of it. */
    private static final Pattern QUALIFIER = Pattern.compile(
            "(?:\\p{Lu}[\\p{L}]*\\.? )?[\\p{L}.\\-]+-(based|owned|controlled|backed|run|listed|registered|led)\\s+");

    private static int trimLeadingQualifiers(String text, int start, int end) {
        Matcher m = QUALIFIER.matcher(text).region(start, end);
        while (m.lookingAt() && m.end() < end) {
            start = m.end();
            m.region(start, end);
        }
        return start;
    }

    /** Lower-case particles that belong to names ("Aravinda de Silva", "Ludwig van Beethoven"). */
    private static final Set<String> NAME_PARTICLES = Set.of(
            "de", "del", "della", "der", "den", "van", "von", "da", "di", "du", "la", "le", "al", "el", "bin",
            "ibn", "ben", "dos", "das", "do", "y", "zu", "ter", "ten", "st");

    /** "mainland China", "northern Iraq": an ordinary lower-case word before a name is no part of it. */
    private static int trimLeadingLowerCaseWords(String text, int start, int end) {
        Matcher m = WORD.matcher(text).region(start, end);
        while (m.lookingAt() && m.end() < end) {
            String w = m.group();
            if (!w.equals(w.toLowerCase(Locale.ROOT)) || w.indexOf('-') >= 0 || w.indexOf('\'') >= 0
                    || NAME_PARTICLES.contains(w)) { // "eBay Inc" keeps its name
                return start;
            }
            start = skipNonWord(text, m.end(), end);
            m.region(start, end);
        }
        return start;
    }

    /** Sections of a wire's headlines ("SOCCER - ...", "BOXING-BRUNO ..."). */
    private static final Set<String> SECTION_WORDS = Set.of(
            "soccer", "football", "boxing", "tennis", "golf", "cricket", "rugby", "athletics", "cycling",
            "basketball", "baseball", "hockey", "swimming", "skiing", "motorracing", "racing", "sport", "sports",
            "markets", "business", "politics", "update", "analysis", "feature", "interview", "preview");

    /**
     * A wire headline's topic joined to a name by a hyphen ("BOXING-BRUNO", "FOOTBALL-RANDALL
     * CUNNINGHAM"): the topic, a section word or an ordinary word the article writes in lower
     * case, is cut off.
     * "Asia-Pacific" and "Rolls-Royce" keep their first part, which the article never writes so.
     */
    private static int trimTopicPrefix(String text, int start, int end) {
        int hyphen = text.indexOf('-', start);
        int space = text.indexOf(' ', start);
        if (hyphen < 0 || hyphen >= end - 1 || space >= 0 && space < hyphen || hyphen - start < 4
                || !Character.isLetter(text.charAt(hyphen + 1))) {
            return start;
        }
        String topic = text.substring(start, hyphen);
        boolean ordinaryWord = topic.chars().allMatch(Character::isLetter)
                && (SECTION_WORDS.contains(topic.toLowerCase(Locale.ROOT)) || KbMatcher.writtenInLowerCase(text, topic));
        return ordinaryWord ? hyphen + 1 : start;
    }

    /** Nouns for part of an organisation or its stock: "Shares of", "Representatives of". */
    private static final Set<String> PART_NOUNS = Set.of(
            "shares", "stock", "units", "subsidiaries", "representatives", "officials", "executives",
            "employees", "members", "shareholders", "holders", "customers", "analysts", "workers", "investors",
            "supporters", "staff", "directors", "managers", "spokesmen");

    /**
     * "Shares of Douglas & Lomason Co" at the start of a sentence: a noun for part of an
     * organisation and "of" before its name are not part of it ("Friends of the Earth" is kept).
     */
    private static int trimLeadingCommonNounOf(String text, int start, int end) {
        Matcher m = WORD.matcher(text).region(start, end);
        if (!m.lookingAt()) {
            return start;
        }
        int after = m.end();
        if (!text.startsWith(" of ", after) || after + 4 >= end || !atSentenceStart(text, start)
                || !PART_NOUNS.contains(m.group().toLowerCase(Locale.ROOT))) {
            return start;
        }
        return after + 4;
    }

    private static boolean atSentenceStart(String text, int start) {
        int i = start - 1;
        while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '"' || text.charAt(i) == '“')) {
            i--;
        }
        return i < 0 || ".!?\n".indexOf(text.charAt(i)) >= 0;
    }

    private static int trimCreditWords(String text, int start, int end) {
        while (end > start) {
            int space = text.lastIndexOf(' ', end - 1);
            if (space < start || !CREDIT_WORDS.contains(norm(text.substring(space + 1, end)))) {
                return end;
            }
            end = space;
            while (end > start && !Character.isLetterOrDigit(text.charAt(end - 1)) && text.charAt(end - 1) != '.') {
                end--;
            }
        }
        return end;
    }

    /** Whether the final dot belongs to the name, as in "U.S." or "Jr.", rather than the sentence. */
    private static boolean abbreviationDot(String text, int start, int end) {
        String s = text.substring(start, end - 1);
        int lastSpace = Math.max(s.lastIndexOf(' '), -1);
        String lastWord = s.substring(lastSpace + 1);
        return lastWord.contains(".") || lastWord.equals("Jr") || lastWord.equals("Sr") || lastWord.equals("Inc")
                || lastWord.equals("Co") || lastWord.equals("Corp") || lastWord.equals("Ltd") || lastWord.length() == 1;
    }

    /**
     * Whether the dot just before {@code end} cannot end a sentence, because a comma, a closing
     * bracket or a lower-case word follows ("St. Petersburg, Fla., for"): it ends an abbreviation.
     */
    private static boolean midSentenceDot(String text, int end) {
        int i = end;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        if (i >= text.length()) {
            return false;
        }
        char next = text.charAt(i);
        return next == ',' || next == ';' || next == ')' || Character.isLowerCase(next);
    }

    static boolean isJunk(String text, Span span) {
        String s = span.text(text);
        String key = norm(s);
        if (key.isEmpty() || BARE_TITLES.contains(key) || STOP.contains(key) || !hasCapitalisedWord(s)) {
            return true;
        }
        if (s.chars().noneMatch(Character::isLetter)) {
            return true;
        }
        if (DOMAIN_SUFFIX.matcher(text).region(span.end(), Math.min(text.length(), span.end() + 8)).lookingAt()) {
            return true;
        }
        return (INTERFACE_WORDS.contains(key) && onShortLine(text, span)) || inIconLabel(text, span);
    }

    /** Whether the span sits in a short sentence that describes an icon or logo (alt text). */
    private static boolean inIconLabel(String text, Span span) {
        if (words(span.text(text)).stream().anyMatch(w -> ICON_CUES.contains(w.toLowerCase(Locale.ROOT)))) {
            return true;
        }
        // The sentence around the span, looked for no further than an icon label can reach: a
        // text without sentence punctuation (a flood of names) must not be rescanned per span.
        int from = span.start();
        int fromLimit = Math.max(0, span.start() - ICON_SENTENCE_CHARS);
        while (from > fromLimit && !endsSentence(text.charAt(from - 1))) {
            from--;
        }
        int to = span.end();
        int toLimit = Math.min(text.length(), span.end() + ICON_SENTENCE_CHARS);
        while (to < toLimit && !endsSentence(text.charAt(to))) {
            to++;
        }
        boolean runsOnBefore = from > 0 && !endsSentence(text.charAt(from - 1));
        boolean runsOnAfter = to < text.length() && !endsSentence(text.charAt(to));
        if (runsOnBefore || runsOnAfter) {
            return false; // a sentence this long is prose, not alt text
        }
        List<String> words = words(text.substring(from, to));
        if (words.size() > ICON_SENTENCE_WORDS) {
            return false;
        }
        return words.stream().anyMatch(w -> ICON_CUES.contains(w.toLowerCase(Locale.ROOT)));
    }

    private static boolean endsSentence(char c) {
        return ".!?\n".indexOf(c) >= 0;
    }

    private static boolean hasCapitalisedWord(String s) {
        Matcher m = WORD.matcher(s);
        while (m.find()) {
            String w = m.group();
            char c = w.charAt(0);
            int hyphen = w.indexOf('-');
            // "al-Aqsa", "bin-Laden": a particle joined to a capitalised name
            if (Character.isUpperCase(c) || Character.isDigit(c)
                    || hyphen > 0 && hyphen + 1 < w.length() && Character.isUpperCase(w.charAt(hyphen + 1))) {
                return true;
            }
        }
        return false;
    }

    /** A line of few words or without sentence punctuation is page chrome, not prose. */
    private static boolean onShortLine(String text, Span span) {
        int from = text.lastIndexOf('\n', span.start() - 1) + 1;
        int to = text.indexOf('\n', span.end());
        String line = text.substring(from, to < 0 ? text.length() : to).strip();
        int words = 0;
        Matcher m = WORD.matcher(line);
        while (m.find()) {
            words++;
        }
        boolean prose = !line.isEmpty() && ".!?\"”’".indexOf(line.charAt(line.length() - 1)) >= 0;
        return words < SHORT_LINE_WORDS || !prose;
    }

    static String norm(String s) {
        String t = s.toLowerCase(Locale.ROOT).strip();
        while (t.endsWith(".")) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }

    /**
     * The words of {@code s}, as {@link #WORD} finds them: a letter or digit, then letters,
     * digits, apostrophes, full stops and hyphens. A scan rather than the expression: every rule
     * after the recogniser splits names this way, many times an article.
     */
    static List<String> words(String s) {
        List<String> out = new ArrayList<>(4);
        int n = s.length();
        int i = 0;
        while (i < n) {
            int cp = s.codePointAt(i);
            if (!isLetterOrNumber(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            i += Character.charCount(cp);
            while (i < n) {
                int c = s.codePointAt(i);
                if (!isLetterOrNumber(c) && c != '\'' && c != '’' && c != '.' && c != '-') {
                    break;
                }
                i += Character.charCount(c);
            }
            out.add(s.substring(start, i));
        }
        return out;
    }

    /** {@code [\p{L}\p{N}]}: a letter of any kind, or a number of any kind. */
    static boolean isLetterOrNumber(int cp) {
        if (cp < 128) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
        }
        if (Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }
}
