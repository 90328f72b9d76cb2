package newsflow.entities;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import newsflow.core.EntityType;

/**
 * Reads the words around a knowledge-base hit to decide what it stands for: whether the context
 * supports an ambiguous name ("in Chad", "Turkey's government", "the Fed", "President Xi") and
 * whether a seat names a place or the institution in it ("outside the White House" against "the
 * White House said"). Only the few words next to the hit are read. Stateless and thread-safe.
 */
final class KbContext {

    /** Words after which a name is a place: "in Jordan", "to the Pacific". */
    private static final Set<String> PLACE_BEFORE = Set.of(
            "in", "from", "to", "into", "across", "near", "at", "throughout", "outside", "inside", "around",
            "toward", "towards", "visit", "visited", "visiting", "via", "within", "entered", "leave", "left");

    /** Nouns after "X's" that make X a country or city: "Turkey's government", "Paris's mayor". */
    private static final Set<String> PLACE_POSSESSED = Set.of(
            "government", "president", "prime", "capital", "parliament", "foreign", "military", "army", "navy",
            "economy", "central", "ministry", "leader", "leaders", "embassy", "border", "borders", "people",
            "ambassador", "king", "opposition", "defence", "defense", "election", "elections", "constitution",
            "mayor", "governor", "population", "interior", "cabinet", "troops", "forces", "territory", "state");

    /** Words after which a name is an organisation: "the Fed", "the mercenary group Wagner". */
    private static final Set<String> ORG_BEFORE = Set.of(
            "the", "group", "organization", "organisation", "company", "firm", "agency", "mercenary", "party");

    /** Words after a name that make it an organisation: "Wagner fighters", "Fed officials". */
    private static final Set<String> ORG_AFTER = Set.of(
            "group", "mercenaries", "mercenary", "fighters", "chief", "chair", "chairman", "officials",
            "policymakers", "forces", "members", "lawmakers", "spokesman", "spokeswoman", "spokesperson");

    /** Words after which a name is a person's: "President Xi", "Mr Trump". */
    private static final Set<String> PERSON_BEFORE = Set.of(
            "mr", "mrs", "ms", "dr", "president", "premier", "chancellor", "leader", "minister", "prime",
            "general", "senator", "governor", "king", "queen", "chairman", "secretary");

    /** Verbs after a name that make it a speaker: "Xi said". */
    private static final Set<String> SPEAKER_AFTER = Set.of("said", "says", "told", "added", "wrote", "tweeted");

    /** A dateline: the name opens a line and a wire credit or dash follows ("PARIS (Reuters) -"). */
    private static final Pattern DATELINE_REST = Pattern.compile("(,[^\\n(—–]{0,30})?\\s*(\\(|—|–|-\\s)");

    private KbContext() {
    }

    /** Whether the words around {@code hit} support reading it as a name of this type. */
    static boolean supports(String text, Span hit, EntityType type) {
        String before = wordBefore(text, hit.start(), true);
        String after = wordAfter(text, hit.end());
        return switch (type) {
            case LOCATION -> PLACE_BEFORE.contains(before) || possessedBy(text, hit.end(), PLACE_POSSESSED)
                    || isDateline(text, hit);
            case ORGANIZATION -> ORG_BEFORE.contains(wordBefore(text, hit.start(), false))
                    || ORG_AFTER.contains(after);
            case PERSON -> PERSON_BEFORE.contains(wordBefore(text, hit.start(), false))
                    || SPEAKER_AFTER.contains(after);
            case MISC -> false;
        };
    }

    /** Verbs that make a sentence-initial country or city the actor: "Turkey said", "Jordan has". */
    private static final Set<String> ACTOR_VERBS = Set.of(
            "said", "says", "has", "had", "have", "is", "was", "will", "would", "could", "can", "may", "must",
            "should", "announced", "warned", "accused", "agreed", "rejected", "called", "signed", "wants",
            "plans", "joined", "denied", "confirmed", "urged", "launched", "condemned", "reported", "sent",
            "told", "insisted", "vowed", "won", "lost", "beat", "faces", "faced", "became", "remains");

    /**
     * Whether a hit opens its sentence and the next word does not make it an actor (a verb of
     * {@link #ACTOR_VERBS} or a past tense in -ed: "Turkey said", "Jordan closed", but not
     * "Turkey sandwiches"): at sentence start its capital says nothing.
     */
    static boolean aloneAtSentenceStart(String text, Span hit) {
        int i = hit.start();
        while (i > 0 && text.charAt(i - 1) == ' ') {
            i--;
        }
        boolean start = i == 0 || ".!?\n\"“”".indexOf(text.charAt(i - 1)) >= 0;
        if (!start) {
            return false;
        }
        boolean possessive = hit.end() < text.length() && (text.charAt(hit.end()) == '\'' || text.charAt(hit.end()) == '’');
        int after = hit.end();
        while (after < text.length() && text.charAt(after) == ' ') {
            after++;
        }
        if (after < text.length() && Character.isDigit(text.charAt(after))) {
            return false; // a dateline or a score line: "WASHINGTON 1997-02-21", "Chad 2 Mali 1"
        }
        String next = wordAfter(text, hit.end());
        boolean pastTense = next.length() > 3 && next.endsWith("ed");
        return !possessive && !pastTense && !ACTOR_VERBS.contains(next);
    }

    /**
     * The type a seat ("Kremlin", "White House") stands for here: a place after a place word
     * ("outside the White House", "to the Kremlin"), else the institution ("the Kremlin said",
     * "the Kremlin's website", "Kremlin spokesman").
     */
    static EntityType seatType(String text, Span hit) {
        if (PLACE_BEFORE.contains(wordBefore(text, hit.start(), true))) {
            return EntityType.LOCATION;
        }
        return EntityType.ORGANIZATION;
    }

    private static boolean possessedBy(String text, int end, Set<String> nouns) {
        if (end + 2 >= text.length() || (text.charAt(end) != '\'' && text.charAt(end) != '’')
                || Character.toLowerCase(text.charAt(end + 1)) != 's') {
            return false;
        }
        return nouns.contains(wordAfter(text, end + 2));
    }

    private static boolean isDateline(String text, Span hit) {
        int lineStart = text.lastIndexOf('\n', hit.start() - 1) + 1;
        if (!text.substring(lineStart, hit.start()).isBlank()) {
            return false;
        }
        return DATELINE_REST.matcher(text).region(hit.end(), Math.min(text.length(), hit.end() + 40)).lookingAt();
    }

    /** Verbs before a team: a match ("beat Gloucester", "defeated Colorado") or a transfer ("joined Milan"). */
    private static final Set<String> MATCH_VERBS_BEFORE = Set.of("beat", "beats", "defeated", "defeats", "edged",
            "thrashed", "routed", "downed", "outscored", "hammered", "joined", "rejoined");
    /** Results before "over" a team: "victory over Gloucester", "lead over Seattle". */
    private static final Set<String> RESULT_NOUNS = Set.of("victory", "win", "lead", "winners", "triumph", "edge");
    /**
     * Players' roles after a team: "Norwich striker", "Atlanta's pitcher". Not verbs: "Ohio won the
     * nomination" is the state.
     */
    private static final Set<String> TEAM_AFTER = Set.of("striker", "captain", "coach", "manager", "forward",
            "midfielder", "defender", "goalkeeper", "keeper", "pitcher", "skipper", "batsman", "bowler", "winger",
            "quarterback", "outfielder", "infielder", "shortstop", "playmaker", "centre-back", "fullback");

    /**
     * Whether a place name is here a sports team: the object of a match verb or of a result
     * ("beat Gloucester", "victory over Gloucester"), a club a player joins ("joined Milan",
     * "signed for Torino"), or the club of a player ("Norwich striker Keith O'Neill").
     */
    static boolean teamContext(String text, Span hit) {
        String before = previousWord(text, hit.start());
        if (MATCH_VERBS_BEFORE.contains(before)) {
            return true;
        }
        String twoBefore = previousWord(text, lastWordStart(text, hit.start()));
        if (before.equals("over") && RESULT_NOUNS.contains(twoBefore)
                || before.equals("for") && twoBefore.equals("signed")) {
            return true; // "victory over Gloucester", "signed for Torino"
        }
        int end = hit.end();
        if (end + 1 < text.length() && (text.charAt(end) == '\'' || text.charAt(end) == '’') && text.charAt(end + 1) == 's') {
            end += 2;
        }
        return TEAM_AFTER.contains(wordAfter(text, end));
    }

    /** The lower-case word before {@code start} on the same line, skipping one "the" if asked. */
    static String wordBefore(String text, int start, boolean skipThe) {
        String w = previousWord(text, start);
        if (skipThe && w.equals("the")) {
            return previousWord(text, lastWordStart(text, start));
        }
        return w;
    }

    private static int lastWordStart(String text, int start) {
        int i = start;
        while (i > 0 && text.charAt(i - 1) == ' ') {
            i--;
        }
        while (i > 0 && Character.isLetter(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    private static String previousWord(String text, int start) {
        int end = start;
        while (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        int from = end;
        while (from > 0 && Character.isLetter(text.charAt(from - 1))) {
            from--;
        }
        return text.substring(from, end).toLowerCase(Locale.ROOT);
    }

    static String wordAfter(String text, int end) {
        int from = end;
        while (from < text.length() && text.charAt(from) == ' ') {
            from++;
        }
        int to = from;
        while (to < text.length() && Character.isLetter(text.charAt(to))) {
            to++;
        }
        return text.substring(from, to).toLowerCase(Locale.ROOT);
    }
}
