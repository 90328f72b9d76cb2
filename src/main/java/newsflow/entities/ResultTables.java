package newsflow.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import newsflow.core.EntityType;

/**
 * Names in sports results, which the recogniser reads poorly: a bare city is a place to it, a
 * club or an athlete it has never seen is nothing or an organisation. Layouts, line by line:
 * <ul>
 *   <li>a results line names two teams with their scores ("Reading 2 Stoke 2", "Lotte 6
 *       Hyundai 2"); a standings row names one team and a row of figures ("Stoke 4 3 1 0 7 4 10",
 *       "NEW YORK 74 59 .556 -"). Each such name becomes one organisation mention over its full
 *       extent ("Sheffield Wednesday", not "Sheffield"), unless the knowledge base knows it as a
 *       country or territory, whose national team news writes as the place. A person the
 *       recogniser found in a standings row stays a person (a golfer's rounds look alike), and a
 *       row label that is an ordinary word ("Sales 1,234 1,100", "Total 12 10") is no team;</li>
 *   <li>a name of two to four words with a country in brackets is a competitor, a person ("2.
 *       Venuste Niyongabo (Burundi) 3:51.01", "Jansher Khan (Pakistan) beat Mark Cairns
 *       (England)"), unless it has a club's word ("Red Star (Yugoslavia)");</li>
 *   <li>a name after a shirt number in a line-up is a person ("10 - Youri Djorkaeff, 6 -
 *       Reynald Pedros").</li>
 * </ul>
 * Types set here are decided ({@link Span#decided()}): the entity's majority does not overrule
 * them. Stateless and thread-safe.
 */
final class ResultTables {

    private static final String NAME =
            "\\p{Lu}[\\p{L}.'’&\\-]*(?: (?:\\(\\p{Lu}{1,3}\\)|\\p{Lu}[\\p{L}.'’&\\-]*|of|de|del|la)){0,3}";
    private static final String FIGURE = "(?:\\d{1,3}(?:\\.\\d+)?|\\.\\d+|\\d+/\\d+|-)";
    static final Pattern SCORE_LINE = Pattern.compile("(" + NAME + ") \\d{1,3} (" + NAME + ") \\d{1,3} *");
    static final Pattern STANDINGS_ROW = Pattern.compile("(" + NAME + ")(?: " + FIGURE + "){3,} *");

    /**
     * A competitor with a country in brackets, in a ranked list or a results line: "2. Venuste
     * Niyongabo (Burundi) 3:51.01", "Jansher Khan (Pakistan) beat Mark Cairns (England) 15-10".
     */
    static final Pattern COMPETITOR = Pattern.compile(
            "(?<![\\p{L}'’\\-])(\\p{Lu}[\\p{L}'’\\-]+(?: \\p{Lu}[\\p{L}'’\\-]+){1,3}) \\((\\p{Lu}[\\p{L}. ]{1,30})\\)");
    /** A shirt number before a player in a line-up: "10 - Youri Djorkaeff, 6 - Reynald Pedros". */
    static final Pattern SHIRT_NUMBER = Pattern.compile(
            "(?:^|(?<=[,;:(] ?)|(?<=^\\p{Lu}[\\p{L} ]{0,30} - ))\\d{1,2} ?- ?(\\p{Lu}[\\p{L}'’\\-]+"
                    + "(?: (?:(?:de|del|della|da|dos|van|von|der|den|ter|ten|le|la|du|di|el|al) ){0,2}\\p{Lu}[\\p{L}'’\\-]+){0,3})",
            Pattern.MULTILINE);

    /** Words of club names, which also appear in ranked lists: "3. Red Star (Yugoslavia)". */
    private static final Set<String> CLUB_WORDS = Set.of(
            "fc", "united", "city", "club", "athletic", "sporting", "real", "red", "star", "dynamo", "dinamo",
            "team", "racing", "rovers", "wanderers", "county", "town", "sc", "ac", "cf", "bc");

    /** Words that open a line of figures without naming a team. */
    private static final Set<String> NOT_TEAMS = Set.of(
            "total", "totals", "division", "group", "round", "week", "attendance", "halftime", "played", "points",
            "result", "results", "standings", "table", "pct", "gb", "w", "l", "d", "the", "a", "sales", "net",
            "revenue", "revenues", "profit", "loss", "income", "current", "turnover", "shares", "assets", "eps",
            "dividend", "average", "volume", "index", "open", "close", "high", "low", "change", "year",
            "quarter", "month", "q1", "q2", "q3", "q4", "h1", "h2", "fy", "nine", "six", "three");

    private ResultTables() {
    }

    /** The spans with the teams, competitors and players of results layouts typed as above. */
    static List<Span> apply(String text, List<Span> spans, List<Span> kbMatches) {
        List<Span> out = new ArrayList<>(spans);
        int lineStart = 0;
        while (lineStart < text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            lineEnd = lineEnd < 0 ? text.length() : lineEnd;
            // Each expression runs only on lines holding what it cannot match without (most prose
            // lines hold none of it): the same matches for a fraction of the work.
            if (hasBracketAfterSpace(text, lineStart, lineEnd)) {
                Matcher competitor = COMPETITOR.matcher(text).region(lineStart, lineEnd);
                while (competitor.find()) {
                    competitor(competitor.start(1), competitor.end(1), competitor.start(2), competitor.end(2), text,
                            out, kbMatches);
                }
            }
            if (mayBeTableRow(text, lineStart, lineEnd)) {
                Matcher score = SCORE_LINE.matcher(text).region(lineStart, lineEnd);
                if (score.matches()) {
                    team(text, score.start(1), score.end(1), false, out, kbMatches);
                    team(text, score.start(2), score.end(2), false, out, kbMatches);
                } else {
                    Matcher row = STANDINGS_ROW.matcher(text).region(lineStart, lineEnd);
                    if (row.matches()) {
                        team(text, row.start(1), row.end(1), true, out, kbMatches);
                    }
                }
            }
            if (hasNumberDash(text, lineStart, lineEnd)) {
                Matcher player = SHIRT_NUMBER.matcher(text).region(lineStart, lineEnd);
                while (player.find()) {
                    player(player.start(1), player.end(1), out, kbMatches);
                }
            }
            lineStart = lineEnd + 1;
        }
        out.sort(java.util.Comparator.comparingInt(Span::start));
        return out;
    }

    /** " (" within the line: without it {@link #COMPETITOR} cannot match. Reads the line only. */
    static boolean hasBracketAfterSpace(String text, int from, int to) {
        for (int at = from; at + 1 < to; at++) {
            if (text.charAt(at) == ' ' && text.charAt(at + 1) == '(') {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the line could be a whole {@link #SCORE_LINE} or {@link #STANDINGS_ROW}: both open
     * with an upper-case letter and end, before trailing spaces, with a digit or a dash.
     */
    static boolean mayBeTableRow(String text, int from, int to) {
        if (from >= to || Character.getType(text.codePointAt(from)) != Character.UPPERCASE_LETTER) {
            return false;
        }
        int last = to - 1;
        while (last > from && text.charAt(last) == ' ') {
            last--;
        }
        char c = text.charAt(last);
        return (c >= '0' && c <= '9') || c == '-';
    }

    /**
     * A digit then a dash, perhaps with a space between, within the line: without it
     * {@link #SHIRT_NUMBER} cannot match. Reads the line only (a search past its end would read
     * the rest of the text once per line).
     */
    static boolean hasNumberDash(String text, int from, int to) {
        for (int at = from + 1; at < to; at++) {
            if (text.charAt(at) == '-' && (isAsciiDigit(text.charAt(at - 1))
                    || at - 2 >= from && text.charAt(at - 1) == ' ' && isAsciiDigit(text.charAt(at - 2)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * A competitor of two to four words with a country in brackets is a person ("Venuste
     * Niyongabo (Burundi)"), unless the name has a club's word or a legal form ("Red Star
     * (Yugoslavia)") or the knowledge base knows it as something else.
     */
    private static void competitor(int start, int end, int countryStart, int countryEnd, String text,
                                   List<Span> out, List<Span> kbMatches) {
        boolean country = kbMatches.stream().anyMatch(k -> k.start() == countryStart && k.end() == countryEnd
                && (k.kb().kind() == KbEntity.Kind.COUNTRY || k.kb().kind() == KbEntity.Kind.TERRITORY));
        List<String> words = JunkFilter.words(text.substring(start, end));
        if (!country || words.stream().anyMatch(w -> CLUB_WORDS.contains(w.toLowerCase(Locale.ROOT))
                || OrganisationAliases.isLegalForm(w))
                || kbMatches.stream().anyMatch(k -> k.start() < end && start < k.end())) {
            return;
        }
        List<Span> overlapping = out.stream().filter(s -> s.start() < end && start < s.end()).toList();
        if (overlapping.stream().anyMatch(s -> s.type() == EntityType.PERSON && s.start() == start && s.end() == end)) {
            return;
        }
        out.removeAll(overlapping);
        out.add(new Span(start, end, EntityType.PERSON, null, 1.0, true));
    }

    /** A player after a shirt number is a person, unless the knowledge base knows the name. */
    private static void player(int start, int end, List<Span> out, List<Span> kbMatches) {
        if (kbMatches.stream().anyMatch(k -> k.start() < end && start < k.end())) {
            return;
        }
        List<Span> overlapping = out.stream().filter(s -> s.start() < end && start < s.end()).toList();
        if (overlapping.size() == 1 && overlapping.get(0).type() == EntityType.PERSON
                && overlapping.get(0).start() == start && overlapping.get(0).end() == end) {
            return;
        }
        out.removeAll(overlapping);
        out.add(new Span(start, end, EntityType.PERSON, null, 1.0, true));
    }

    private static void team(String text, int start, int end, boolean standings, List<Span> out, List<Span> kbMatches) {
        String name = text.substring(start, end);
        List<String> words = JunkFilter.words(name);
        if (NOT_TEAMS.contains(words.get(0).toLowerCase(Locale.ROOT))
                || words.size() == 1 && KbMatcher.writtenInLowerCase(text, name)) {
            return; // "Sales 1,234 1,100" in a company's results; "Total 12 10"
        }
        List<Span> overlapping = out.stream().filter(s -> s.start() < end && start < s.end()).toList();
        if (standings && overlapping.stream().anyMatch(s -> s.type() == EntityType.PERSON)) {
            return;
        }
        KbEntity country = kbMatches.stream()
                .filter(k -> k.start() == start && k.end() == end && (k.kb().kind() == KbEntity.Kind.COUNTRY
                        || k.kb().kind() == KbEntity.Kind.TERRITORY))
                .map(Span::kb).findFirst().orElse(null);
        Span team = country != null
                ? new Span(start, end, EntityType.LOCATION, country, 1.0, true)
                : new Span(start, end, EntityType.ORGANIZATION, null, 1.0, true);
        out.removeAll(overlapping);
        out.add(team);
    }
}
