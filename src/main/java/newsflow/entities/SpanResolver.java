package newsflow.entities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import newsflow.core.EntityType;

/**
 * Combines the recogniser's spans with the knowledge base's matches into one clean list of
 * candidate mentions, without overlaps, by position. Stateless and thread-safe.
 *
 * <p>Recogniser spans are first split ("A and B" after an organisation's head noun, "name/credit")
 * and cleaned ({@link JunkFilter}); a span after "city of", "town of" and the like is a place.
 * Then, for each KB match:
 * <ol>
 *   <li><b>Article evidence first.</b> A one-word match of a place or organisation that is a word
 *       of a person's full name in this article ("Jordan" with "Jim Jordan", "Chad" with "Chad
 *       Smith") is that person's name, not the KB entity.</li>
 *   <li><b>Same range as a recogniser span.</b> The same type links it. Otherwise the KB type
 *       wins only where the recogniser is weak: a MISC label, a label whose marginal probability
 *       is below {@value #WEAK}, or a type-fixed kind against a non-person label; a seat
 *       ("Kremlin") takes its type from context ({@link KbContext#seatType}).</li>
 *   <li><b>Inside a longer recogniser span</b>: ignored, the longer name wins.</li>
 *   <li><b>Covering recogniser spans</b>: replaces them.</li>
 *   <li><b>Where the recogniser found nothing</b>: added if not junk.</li>
 * </ol>
 * An ambiguous KB name ({@link KbEntity#isAmbiguous}: "Chad", "Turkey", "Fed", "Xi") counts in
 * rules 2, 4 and 5 only if the recogniser agrees on its type or the context supports it
 * ({@link KbContext#supports}); otherwise the recogniser's reading stands. A demonym span (MISC)
 * directly followed by a state body ("North Korean" + "Foreign Ministry") becomes one
 * organisation, since such a body is only identified with its country.
 */
final class SpanResolver {

    /** Below this marginal probability a recogniser label yields to the knowledge base. */
    static final double WEAK = 0.6;

    /** Head nouns of organisations: "A Ministry and B" is two names, "Science and Technology" is not. */
    private static final Set<String> ORG_HEADS = Set.of(
            "ministry", "service", "council", "department", "agency", "office", "commission", "bank",
            "committee", "authority", "corporation", "institute", "university", "court", "command",
            "parliament", "assembly", "party", "police", "army", "navy", "force", "forces", "guard", "group",
            "association", "union", "federation", "foundation", "fund", "board", "bureau", "administration",
            "league", "organisation", "organization", "society", "centre", "center");

    /** Nouns that make the name after "of" a place: "the city of Tsiolkovsky". */
    private static final Set<String> PLACE_NOUNS = Set.of(
            "city", "town", "village", "province", "region", "port", "district", "county", "island",
            "islands", "state", "oblast", "prefecture", "capital", "suburb", "municipality", "republic");

    private SpanResolver() {
    }

    /**
     * The chain from recogniser spans and KB matches to clean, non-overlapping mentions, with
     * the families in {@code rules} on; each step is one line here, in the order it runs.
     */
    static List<Span> resolve(String text, List<Span> recognised, List<Span> kbMatches, Set<EntityRule> rules) {
        List<Span> spans = recognised;
        if (rules.contains(EntityRule.SPLITS)) {
            spans = splitSlashes(text, spans);
            spans = splitCoordinations(text, spans);
            spans = splitOrganisationOfOrganisation(text, spans);
            spans = completeSurnameFirstNames(text, spans);
        }
        List<Span> crf = new ArrayList<>();
        for (Span s : spans) {
            Span cleaned = rules.contains(EntityRule.JUNK_FILTER) ? JunkFilter.clean(text, s) : s;
            if (cleaned == null) {
                continue;
            }
            if (rules.contains(EntityRule.NAME_SHAPES)) {
                cleaned = withRegnalNumber(text, organisationBySuffix(text, placeAfterPlaceNoun(text, cleaned)));
                cleaned = companyByApposition(text, cleaned);
            }
            crf.add(cleaned);
        }
        if (rules.contains(EntityRule.COORDINATED_TYPES)) {
            crf = coordinatedTypes(text, crf);
        }
        List<Span> out = rules.contains(EntityRule.KNOWLEDGE_BASE) ? mergeKnowledgeBase(text, crf, kbMatches)
                : new ArrayList<>(crf);
        out.replaceAll(SpanResolver::placeReadingOfSeatUnlinked);
        if (rules.contains(EntityRule.DATELINES)) {
            out.replaceAll(span -> datelineCredit(text, datelinePlace(text, span)));
        }
        if (rules.contains(EntityRule.NAME_SHAPES)) {
            out.replaceAll(span -> newspaperWithItsArticle(text, span));
        }
        if (rules.contains(EntityRule.SPORTS_LAYOUT)) {
            out.replaceAll(span -> clubByContext(text, span));
        }
        out.sort(Comparator.comparingInt(Span::start));
        if (rules.contains(EntityRule.NAME_SHAPES)) {
            out = joinLegalForms(text, joinNameParticles(text, out));
        }
        if (rules.contains(EntityRule.JOINS)) {
            out = joinOrganisationOfPlace(text, joinDemonymOrganisations(text, out));
        }
        if (rules.contains(EntityRule.SPORTS_LAYOUT)) {
            out = ResultTables.apply(text, out, kbMatches);
        }
        return out;
    }

    /** Nouns for a company, as news writes them next to its name. */
    private static final String COMPANY_NOUNS = "(?:firm|company|group|maker|carmaker|automaker|chipmaker|drugmaker|"
            + "manufacturer|insurer|retailer|airline|conglomerate|start-?up|lender|broker|contractor|supplier|developer)";
    /** ", the Norwegian firm that ...", ", a Dutch chipmaker": the appositive after a name. */
    private static final java.util.regex.Pattern COMPANY_AFTER = java.util.regex.Pattern.compile(
            ", (?:the|a|an) (?:[\\p{L}-]+ ){0,3}?" + COMPANY_NOUNS + "(?![\\p{L}'’-])");
    /** "the Norwegian firm Halvorsen Structures", "chipmaker Nexa": the noun just before a name. */
    private static final java.util.regex.Pattern COMPANY_BEFORE = java.util.regex.Pattern.compile(
            "(?<![\\p{L}'’-])" + COMPANY_NOUNS + " $");

    /**
     * A name the recogniser made a place or MISC is an organisation where news calls it a
     * company right beside it: "Halvorsen Structures, the Norwegian firm that designed the
     * bridge", "the chipmaker Nexa". People keep their type ("Ana Liu, the company's founder"
     * does not match: the noun must end there).
     */
    private static Span companyByApposition(String text, Span s) {
        if (s.type() != EntityType.LOCATION && s.type() != EntityType.MISC) {
            return s;
        }
        boolean after = COMPANY_AFTER.matcher(text).region(s.end(), Math.min(text.length(), s.end() + 60)).lookingAt();
        boolean before = COMPANY_BEFORE.matcher(text).region(Math.max(0, s.start() - 20), s.start()).find();
        return after || before ? s.withType(EntityType.ORGANIZATION) : s;
    }

    /** Below this probability a recogniser type yields to the sure type of a name coordinated with it. */
    static final double SURE = 0.9;

    /**
     * "Donetsk and Luhansk", "Gazprom or Rosneft": two names joined by "and" or "or" are of one
     * type. Where the recogniser is sure of one ({@value #SURE} or more) and unsure of the
     * other, the unsure one takes the sure one's type. PERSON, ORGANIZATION and LOCATION only.
     */
    static List<Span> coordinatedTypes(String text, List<Span> spans) {
        List<Span> out = new ArrayList<>(spans);
        out.sort(Comparator.comparingInt(Span::start));
        for (int i = 0; i + 1 < out.size(); i++) {
            Span a = out.get(i);
            Span b = out.get(i + 1);
            if (a.type() == b.type() || a.type() == EntityType.MISC || b.type() == EntityType.MISC
                    || b.start() < a.end()) {
                continue;
            }
            String between = text.substring(a.end(), b.start());
            if (!between.equals(" and ") && !between.equals(" or ")) {
                continue;
            }
            if (a.confidence() >= SURE && b.confidence() < SURE) {
                out.set(i + 1, b.withType(a.type()));
            } else if (b.confidence() >= SURE && a.confidence() < SURE) {
                out.set(i, a.withType(b.type()));
            }
        }
        return out;
    }

    /** Each KB match against the recogniser's spans (rules 1-5 of the class documentation). */
    private static List<Span> mergeKnowledgeBase(String text, List<Span> crf, List<Span> kbMatches) {
        Set<String> personWords = personWords(text, crf, kbMatches);
        List<Span> out = new ArrayList<>(crf);
        for (Span kb : kbMatches) {
            String surface = kb.text(text);
            List<Span> overlapping = out.stream().filter(kb::overlaps).toList();
            if (kb.kb().type() != EntityType.PERSON && personWords.contains(surface)) {
                asPerson(text, kb, overlapping, out);
                continue;
            }
            boolean ambiguous = kb.kb().isAmbiguous(surface);
            boolean supported = KbContext.supports(text, kb, kb.kb().type())
                    || (kb.kb().type() == EntityType.PERSON && personWords.contains(surface));
            if (ambiguous && !supported && (ordinaryWordHere(text, kb, overlapping)
                    || KbContext.aloneAtSentenceStart(text, kb))) {
                overlapping.stream().filter(o -> o.start() == kb.start() && o.end() == kb.end()).forEach(out::remove);
                continue;
            }
            if (overlapping.isEmpty()) {
                if ((!ambiguous || supported) && !JunkFilter.isJunk(text, kb)) {
                    out.add(kb.withType(contextType(text, kb)));
                }
                continue;
            }
            if (overlapping.size() == 1) {
                Span c = overlapping.get(0);
                if (c.start() == kb.start() && c.end() == kb.end()) {
                    out.set(out.indexOf(c), link(text, c, kb, ambiguous && !supported));
                    continue;
                }
                if (c.contains(kb) || (!kb.contains(c) && c.length() >= kb.length())) {
                    continue;
                }
            }
            EntityType crfType = overlapping.get(0).type();
            boolean sameType = overlapping.stream().allMatch(o -> o.type() == crfType);
            if (ambiguous && !supported && !(sameType && crfType == kb.kb().type())) {
                continue;
            }
            double confidence = overlapping.stream().mapToDouble(Span::confidence).min().orElse(1);
            out.removeAll(overlapping);
            Span replacement = kb.withType(sameType ? linkedType(text, kb, crfType, confidence) : contextType(text, kb));
            out.add(replacement);
        }
        return out;
    }

    /**
     * Whether an ambiguous name is here the ordinary word the article also writes in lower case
     * ("Fed up" with "fed up", "Turkey sandwiches" with "turkey"): its capital then says little,
     * unless it is mid-sentence and the recogniser is all but certain.
     */
    private static boolean ordinaryWordHere(String text, Span kb, List<Span> overlapping) {
        if (!KbMatcher.writtenInLowerCase(text, kb.text(text))) {
            return false;
        }
        boolean sentenceStart = KbContext.wordBefore(text, kb.start(), false).isEmpty();
        boolean certain = overlapping.stream().anyMatch(o -> o.start() == kb.start() && o.end() == kb.end()
                && o.type() == kb.kb().type() && o.confidence() >= 0.99);
        return sentenceStart || !certain;
    }

    /** The KB match read as a word of a person's name: the recogniser's span retyped, or a new one. */
    private static void asPerson(String text, Span kb, List<Span> overlapping, List<Span> out) {
        if (overlapping.isEmpty()) {
            if (!JunkFilter.isJunk(text, kb)) {
                out.add(new Span(kb.start(), kb.end(), EntityType.PERSON, null));
            }
            return;
        }
        if (overlapping.size() == 1) {
            Span c = overlapping.get(0);
            if (c.start() == kb.start() && c.end() == kb.end()) {
                out.set(out.indexOf(c), c.withType(EntityType.PERSON));
            }
        }
    }

    /**
     * Words of the multi-word person names the recogniser or the KB found, as written; names in
     * capitals (headlines) do not count, since their case says nothing ("KIM JONG UN" gives no "UN").
     */
    private static Set<String> personWords(String text, List<Span> crf, List<Span> kbMatches) {
        Set<String> words = new HashSet<>();
        for (List<Span> spans : List.of(crf, kbMatches)) {
            for (Span s : spans) {
                String name = s.text(text);
                if (s.type() == EntityType.PERSON && !KbMatcher.isUpperCase(name)) {
                    List<String> w = JunkFilter.words(name);
                    if (w.size() >= 2) {
                        words.addAll(w);
                    }
                }
            }
        }
        return words;
    }

    /** The recogniser's span {@code c}, linked to the KB match of the same range where that is safe. */
    private static Span link(String text, Span c, Span kb, boolean unsupportedAmbiguous) {
        KbEntity entity = kb.kb();
        if (c.type() == entity.type()) {
            return c.withKb(entity).withType(contextType(text, kb));
        }
        if (unsupportedAmbiguous) {
            return c;
        }
        EntityType type = linkedType(text, kb, c.type(), c.confidence());
        return type == entity.type() || !entity.kind().typeFixed() ? c.withKb(entity).withType(type) : c;
    }

    /** The type of a KB match over recogniser spans of {@code crfType}. */
    private static EntityType linkedType(String text, Span kb, EntityType crfType, double confidence) {
        KbEntity entity = kb.kb();
        if (crfType == EntityType.MISC || crfType == entity.type()) {
            return contextType(text, kb);
        }
        if (crfType == EntityType.PERSON) {
            boolean weak = confidence < WEAK || exactAcronym(text, kb)
                    || KbContext.wordBefore(text, kb.start(), false).equals("the")
                    || KbContext.supports(text, kb, entity.type());
            return weak ? contextType(text, kb) : EntityType.PERSON;
        }
        if (entity.kind() == KbEntity.Kind.SEAT) {
            return KbContext.seatType(text, kb);
        }
        return entity.kind().typeFixed() || confidence < WEAK ? entity.type() : crfType;
    }

    /** An acronym written exactly as the KB writes it ("UN", "NATO"): no person is written so. */
    private static boolean exactAcronym(String text, Span kb) {
        String surface = kb.text(text);
        return surface.length() <= 5 && KbMatcher.isUpperCase(surface) && kb.kb().names().contains(surface);
    }

    private static EntityType contextType(String text, Span kb) {
        return kb.kb().kind() == KbEntity.Kind.SEAT ? KbContext.seatType(text, kb) : kb.kb().type();
    }

    /**
     * A seat read as a place ("outside the White House") is the building, not the institution the
     * KB entity stands for: it keeps no link, so it does not join the institution's mentions.
     */
    private static Span placeReadingOfSeatUnlinked(Span s) {
        return s.kb() != null && s.kb().kind() == KbEntity.Kind.SEAT && s.type() != s.kb().type()
                ? s.withKb(null) : s;
    }

    /**
     * A dateline: a line that opens with a place in capitals, maybe a region after a comma, then
     * a date or a wire credit in brackets and a dash ("CARDIFF 1996-08-31", "ARLINGTON, Texas
     * Aug 31", "PARIS (Reuters) -"); not "UBS (UBSG.S) said" nor a headline's "SOCCER - ROMANIA
     * BEAT ...". The match ends where the places stop.
     */
    private static final String DATELINE_PLACES = "\\p{Lu}[\\p{Lu}. '\\-]*(?: ?, ?\\p{Lu}[\\p{L}. ]{0,25}?)?";
    private static final java.util.regex.Pattern DATELINE = java.util.regex.Pattern.compile(
            DATELINE_PLACES + "(?= ?,? ?(?:\\d{4}-\\d{2}-\\d{2}|\\([^)\\n]{2,30}\\) ?[—–-]"
                    + "|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.? \\d))");

    /**
     * A name in a dateline is a place, whatever the recogniser made of it (a club, a person),
     * unless the knowledge base knows it as an organisation.
     */
    private static Span datelinePlace(String text, Span s) {
        if (s.type() == EntityType.PERSON || s.kb() != null && s.kb().kind().type() == EntityType.ORGANIZATION
                && s.kb().kind() != KbEntity.Kind.SEAT) {
            return s; // "UNITED NATIONS 1996-08-30": an organisation's headquarters as dateline
        }
        java.util.regex.Matcher m = datelineAt(DATELINE, text, s);
        if (m == null || s.end() > m.end()) {
            return s;
        }
        return s.decidedAs(EntityType.LOCATION, s.kb() != null && s.kb().type() == EntityType.LOCATION ? s.kb() : null);
    }

    /**
     * How far into its line a dateline reaches. Both the search for the line's start and the
     * pattern stay within it, so a long line (a text without line breaks, 200,000 characters in
     * capitals) costs a bounded amount per span, not the length of the line.
     */
    private static final int DATELINE_WINDOW = 120;

    /**
     * {@code pattern} matched at the start of the line holding {@code s}, within {@link
     * #DATELINE_WINDOW}; null if it does not match there or {@code s} lies too far into its line
     * for a dateline.
     */
    private static java.util.regex.Matcher datelineAt(java.util.regex.Pattern pattern, String text, Span s) {
        int lineStart = datelineLineStart(text, s);
        if (lineStart < 0) {
            return null;
        }
        java.util.regex.Matcher m = pattern.matcher(text).region(lineStart, Math.min(text.length(), lineStart + DATELINE_WINDOW));
        return m.lookingAt() ? m : null;
    }

    /** The start of the line holding {@code s}, or -1 if {@code s} lies too far into it for a dateline. */
    private static int datelineLineStart(String text, Span s) {
        int from = Math.max(0, s.start() - DATELINE_WINDOW);
        for (int i = s.start() - 1; i >= from; i--) {
            if (text.charAt(i) == '\n') {
                return i + 1;
            }
        }
        return from == 0 && s.end() <= DATELINE_WINDOW ? 0 : -1;
    }

    /** A dateline's wire credit: "NOVA CITY (Meridian Wire) —"; group 1 is the credit. */
    private static final java.util.regex.Pattern DATELINE_CREDIT = java.util.regex.Pattern.compile(
            DATELINE_PLACES + " ?\\(([^)\\n]{2,30})\\) ?[—–-]");

    /**
     * The name in a dateline's brackets is the agency that filed the story ("PARIS (Reuters) -",
     * "NOVA CITY (Meridian Wire) —"): an organisation, where the recogniser made it a place or
     * MISC.
     */
    private static Span datelineCredit(String text, Span s) {
        if (s.type() != EntityType.LOCATION && s.type() != EntityType.MISC) {
            return s;
        }
        java.util.regex.Matcher m = datelineAt(DATELINE_CREDIT, text, s);
        if (m == null || s.start() < m.start(1) || s.end() > m.end(1)) {
            return s;
        }
        return s.decidedAs(EntityType.ORGANIZATION, s.kb() != null && s.kb().type() == EntityType.ORGANIZATION ? s.kb() : null);
    }

    /**
     * A city or region playing a match is its team ({@link KbContext#teamContext}: "victory over
     * Gloucester", "joined Milan", "Norwich striker"): an organisation, without the place's link.
     * Countries stay places, as news writes national teams.
     */
    private static Span clubByContext(String text, Span s) {
        if (s.type() != EntityType.LOCATION || s.kb() != null && s.kb().kind() != KbEntity.Kind.CITY
                && s.kb().kind() != KbEntity.Kind.REGION || !KbContext.teamContext(text, s)) {
            return s;
        }
        return s.decidedAs(EntityType.ORGANIZATION, null);
    }

    /** Last words of newspaper and magazine titles. */
    private static final Set<String> PUBLICATION_WORDS = Set.of(
            "times", "telegraph", "post", "economist", "journal", "guardian", "independent", "observer", "herald",
            "mail", "mirror", "express", "tribune", "gazette", "chronicle", "standard", "globe", "sun");

    /**
     * "The Sunday Telegraph", "The Economist": a capitalised "The" just before a publication's
     * title is part of it (a lower-case "the" is not).
     */
    private static Span newspaperWithItsArticle(String text, Span s) {
        if (s.type() != EntityType.ORGANIZATION || s.start() < 4 || !text.startsWith("The ", s.start() - 4)) {
            return s;
        }
        List<String> words = JunkFilter.words(s.text(text));
        if (words.isEmpty() || !PUBLICATION_WORDS.contains(JunkFilter.norm(words.get(words.size() - 1)))
                || s.start() > 4 && Character.isLetterOrDigit(text.charAt(s.start() - 5))) {
            return s;
        }
        return s.withRange(s.start() - 4, s.end());
    }

    /** A regnal number after a one-word name: "Elizabeth I", "Henry VIII", "Pedro I". */
    private static final java.util.regex.Pattern REGNAL = java.util.regex.Pattern.compile(
            " (I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV|XVI)(?![\\p{L}\\d'’])");
    /** Words after which a lone "I" is the pronoun: "Peter I think", "Anna I said". */
    private static final Set<String> AFTER_PRONOUN_I = Set.of(
            "am", "was", "will", "would", "think", "thought", "know", "knew", "said", "say", "have", "had", "do",
            "did", "can", "could", "hope", "believe", "mean", "guess", "want", "feel", "love", "must", "should");

    private static Span withRegnalNumber(String text, Span s) {
        if (s.type() != EntityType.PERSON || JunkFilter.words(s.text(text)).size() != 1) {
            return s;
        }
        java.util.regex.Matcher m = REGNAL.matcher(text).region(s.end(), text.length());
        if (!m.lookingAt()) {
            return s;
        }
        if (m.group(1).equals("I") && AFTER_PRONOUN_I.contains(KbContext.wordAfter(text, m.end()))) {
            return s;
        }
        return s.withRange(s.start(), m.end());
    }

    /**
     * A name ending in a legal form ("Apic Yamada Corp", "Lear Corp", "Daniels Pharmaceuticals
     * Inc") is an organisation, whatever the recogniser's label; so is a MISC-labelled name
     * ending in an organisation's head noun ("American Stock Exchange", "Democratic Party").
     */
    private static Span organisationBySuffix(String text, Span s) {
        if (s.type() == EntityType.ORGANIZATION || s.kb() != null) {
            return s;
        }
        List<String> words = JunkFilter.words(s.text(text));
        if (words.size() < 2) {
            return s;
        }
        String last = JunkFilter.norm(words.get(words.size() - 1));
        boolean organisation = OrganisationAliases.isLegalForm(last)
                || s.type() == EntityType.MISC && !last.equals("league") // a competition
                && (ORG_HEADS.contains(last) || MISC_ORG_HEADS.contains(last));
        return organisation ? s.withType(EntityType.ORGANIZATION) : s;
    }

    /** Head nouns beyond {@link #ORG_HEADS} that make a MISC-labelled name an organisation. */
    private static final Set<String> MISC_ORG_HEADS = Set.of(
            "exchange", "communications", "airlines", "airways", "club", "institute", "company", "industries",
            "systems", "holdings", "network", "press", "times", "post", "herald", "telegraph", "journal");

    /** Particles inside surnames: "van der", "de la", "bin". */
    private static final java.util.regex.Pattern PARTICLES = java.util.regex.Pattern.compile(
            "(?i)(?: (?:van|von|der|den|de|del|della|da|di|du|la|le|bin|ibn|al|el|dos|das|ter|ten))+ ");

    /**
     * A person's name the recogniser split at its particles ("Joost van" + "der" + "Westhuizen",
     * "Van der" + "Westhuizen") is one name again.
     */
    private static List<Span> joinNameParticles(String text, List<Span> spans) {
        List<Span> out = new ArrayList<>(spans.size());
        for (Span s : spans) {
            Span previous = out.isEmpty() ? null : out.get(out.size() - 1);
            if (previous != null && previous.type() == EntityType.PERSON && s.type() == EntityType.PERSON
                    && previous.kb() == null && s.kb() == null && s.start() > previous.end()) {
                String between = text.substring(previous.end(), s.start());
                List<String> words = JunkFilter.words(previous.text(text));
                String lastWord = words.isEmpty() ? "" : words.get(words.size() - 1).toLowerCase(java.util.Locale.ROOT);
                boolean particleBetween = PARTICLES.matcher(between).matches();
                boolean particleEnd = between.equals(" ") && PARTICLES.matcher(" " + lastWord + " ").matches();
                if (particleBetween || particleEnd) {
                    out.set(out.size() - 1, new Span(previous.start(), s.end(), EntityType.PERSON, null,
                            Math.min(previous.confidence(), s.confidence())));
                    continue;
                }
            }
            out.add(s);
        }
        return out;
    }

    /**
     * A legal form the recogniser labelled apart ("Dow Chemical" + "Co") joins the name just
     * before it into one organisation; alone it is no name and is dropped.
     */
    private static List<Span> joinLegalForms(String text, List<Span> spans) {
        List<Span> out = new ArrayList<>(spans.size());
        for (Span s : spans) {
            List<String> words = JunkFilter.words(s.text(text));
            if (s.kb() != null || words.size() != 1 || !OrganisationAliases.isLegalForm(words.get(0))) {
                out.add(s);
                continue;
            }
            Span previous = out.isEmpty() ? null : out.get(out.size() - 1);
            if (previous != null && previous.kb() == null && previous.type() != EntityType.PERSON
                    && text.substring(previous.end(), s.start()).equals(" ")) {
                out.set(out.size() - 1, new Span(previous.start(), s.end(), EntityType.ORGANIZATION, null,
                        Math.min(previous.confidence(), s.confidence())));
            }
        }
        return out;
    }

    /**
     * "Bank" + "of" + "England", split by the recogniser, is one organisation when the first part
     * ends in an organisation's head noun ("Bank of England", "Ministry of Defence"); so is a
     * head noun with "of", "on" or "for" before another name that is no place ("Commission" +
     * "on" + "Presidential Debates", "League of Women Voters").
     */
    private static List<Span> joinOrganisationOfPlace(String text, List<Span> spans) {
        List<Span> out = new ArrayList<>(spans.size());
        for (int i = 0; i < spans.size(); i++) {
            Span s = spans.get(i);
            if (i + 1 < spans.size() && s.type() == EntityType.ORGANIZATION && s.kb() == null) {
                Span next = spans.get(i + 1);
                String between = text.substring(s.end(), Math.max(s.end(), next.start()));
                List<String> words = JunkFilter.words(s.text(text));
                boolean of = between.equals(" of ") || between.equals(" of the ");
                boolean onOrFor = between.equals(" on ") || between.equals(" for ");
                // "X Committee of the Y Agency" stays two organisations (splitOrganisationOfOrganisation).
                boolean joinable = next.type() == EntityType.LOCATION && of
                        || next.type() == EntityType.MISC && (of || onOrFor)
                        || next.type() == EntityType.ORGANIZATION && next.kb() == null && onOrFor;
                if (joinable && !words.isEmpty() && ORG_HEADS.contains(JunkFilter.norm(words.get(words.size() - 1)))) {
                    out.add(new Span(s.start(), next.end(), EntityType.ORGANIZATION, null, s.confidence()));
                    i++;
                    continue;
                }
            }
            out.add(s);
        }
        return out;
    }

    /**
     * Completes an East Asian name the recogniser cut short: a person span of one or two words
     * starting with a surname-first family name ({@link Surnames}), followed by capitalised
     * romanised syllables ("Ri" + "Pyong Chol"), is extended to three words.
     */
    static List<Span> completeSurnameFirstNames(String text, List<Span> spans) {
        List<Span> out = new ArrayList<>(spans.size());
        for (Span s : spans) {
            List<String> words = JunkFilter.words(s.text(text));
            if (s.type() != EntityType.PERSON || words.isEmpty() || words.size() > 2
                    || !Surnames.isSurnameFirst(List.of(words.get(0), "x"))) {
                out.add(s);
                continue;
            }
            int end = s.end();
            for (int n = words.size(); n < 3; n++) {
                java.util.regex.Matcher m = NEXT_SYLLABLE.matcher(text).region(end, text.length());
                if (!m.lookingAt() || spans.stream().anyMatch(o -> o != s && o.start() < m.end() && m.start() < o.end())) {
                    break;
                }
                end = m.end();
            }
            out.add(s.withRange(s.start(), end));
        }
        return out;
    }

    /** A space and one capitalised romanised Korean or Chinese syllable ("Pyong", "Chol", "Hui"). */
    private static final java.util.regex.Pattern NEXT_SYLLABLE = java.util.regex.Pattern.compile(
            " (?:[BCDGHJKLMNPRSTWXYZ]|Ch|Kh|Ph|Th|Ts|Ss|Kk|Zh|Sh)h?[wy]?"
                    + "(?:a|e|i|o|u|ae|eo|eu|oe|ui|ai|ao|ou|ia|ie|iu|ua|uo)(?:ng|n|l|k|p|m|t)?(?![\\p{L}\\p{N}])");

    /**
     * The " and " or " or " inside a span whose two sides the article also writes elsewhere on
     * their own ("Mercantile and Commerce" with "Mercantile" and "Commerce" in other sentences):
     * two names, not one. Returns the range of the conjunction, or null.
     */
    private static Span splitWhereBothStandAlone(String text, Span s) {
        String t = s.text(text);
        for (String conjunction : List.of(" and ", " or ")) {
            int at = t.indexOf(conjunction);
            if (at <= 0 || t.indexOf(conjunction, at + 1) >= 0) {
                continue;
            }
            String left = t.substring(0, at);
            String right = t.substring(at + conjunction.length());
            if (!right.isEmpty() && Character.isUpperCase(right.charAt(0)) && Character.isUpperCase(left.charAt(0))
                    && standsAloneElsewhere(text, left, s) && standsAloneElsewhere(text, right, s)) {
                return new Span(s.start() + at, s.start() + at + conjunction.length(), s.type(), null);
            }
        }
        return null;
    }

    /**
     * Whether the article writes {@code name} outside {@code except} as a name of its own: on word
     * boundaries and not inside a longer capitalised name ("Simon" in "Simon Jones" does not count).
     */
    private static boolean standsAloneElsewhere(String text, String name, Span except) {
        for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
            int end = at + name.length();
            if ((end <= except.start() || at >= except.end()) && KbMatcher.onWordBoundaries(text, at, end)
                    && !capitalisedWordAt(text, end + 1) && !capitalisedWordBefore(text, at)) {
                return true;
            }
        }
        return false;
    }

    private static boolean capitalisedWordAt(String text, int i) {
        return i < text.length() && text.charAt(i - 1) == ' ' && Character.isUpperCase(text.charAt(i));
    }

    private static boolean capitalisedWordBefore(String text, int at) {
        if (at < 2 || text.charAt(at - 1) != ' ') {
            return false;
        }
        int i = at - 2;
        while (i > 0 && Character.isLetter(text.charAt(i - 1))) {
            i--;
        }
        return Character.isUpperCase(text.charAt(i)) && ".!?\n".indexOf(i > 1 ? text.charAt(i - 2) : '\n') < 0;
    }

    /**
     * Splits "Defense Ministry and National Intelligence Service" into two spans: a span joining
     * two names of two words or more with "and" is a coordination when the first ends in an
     * organisation's head noun, or the second starts with "the"; "Space Science and Technology
     * Committee" stays whole. Any "A and B" or "A or B" splits when the article writes A and B
     * elsewhere on their own.
     */
    static List<Span> splitCoordinations(String text, List<Span> spans) {
        List<Span> out = new ArrayList<>(spans.size());
        for (Span s : spans) {
            String t = s.text(text);
            Span both = splitWhereBothStandAlone(text, s);
            if (both != null) {
                out.add(s.withRange(s.start(), both.start()));
                out.add(s.withRange(both.end(), s.end()));
                continue;
            }
            int and = t.indexOf(" and ");
            if (and > 0) {
                List<String> left = JunkFilter.words(t.substring(0, and));
                String rightText = t.substring(and + 5);
                List<String> right = JunkFilter.words(rightText);
                boolean rightThe = rightText.startsWith("the ");
                if (left.size() >= 2 && right.size() >= 2
                        && (ORG_HEADS.contains(JunkFilter.norm(left.get(left.size() - 1))) || rightThe)) {
                    out.add(s.withRange(s.start(), s.start() + and));
                    int rightStart = s.start() + and + 5 + (rightThe ? 4 : 0);
                    out.add(s.withRange(rightStart, s.end()));
                    continue;
                }
            }
            out.add(s);
        }
        return out;
    }

    /**
     * Splits "Space Science and Technology Committee of the European Space Agency" into the two
     * organisations: at " of the " when both sides have two words or more and end in an
     * organisation's head noun ("Bank of England" and "Ministry of Defence" stay whole).
     */
    static List<Span> splitOrganisationOfOrganisation(String text, List<Span> spans) {
        List<Span> out = new ArrayList<>(spans.size());
        for (Span s : spans) {
            String t = s.text(text);
            int of = t.indexOf(" of the ");
            if (s.type() == EntityType.ORGANIZATION && of > 0) {
                List<String> left = JunkFilter.words(t.substring(0, of));
                List<String> right = JunkFilter.words(t.substring(of + 8));
                if (left.size() >= 2 && right.size() >= 2
                        && ORG_HEADS.contains(JunkFilter.norm(left.get(left.size() - 1)))
                        && ORG_HEADS.contains(JunkFilter.norm(right.get(right.size() - 1)))) {
                    out.add(s.withRange(s.start(), s.start() + of));
                    out.add(s.withRange(s.start() + of + 8, s.end()));
                    continue;
                }
            }
            out.add(s);
        }
        return out;
    }

    /** Splits "Artyom Geodakyan/Sputnik" (a photo credit) at the slash. */
    static List<Span> splitSlashes(String text, List<Span> spans) {
        List<Span> out = new ArrayList<>(spans.size());
        for (Span s : spans) {
            int slash = text.indexOf('/', s.start());
            if (slash < 0 || slash >= s.end()) {
                out.add(s);
                continue;
            }
            // The recogniser typed the whole, not its pieces: their type is a weak guess that
            // the knowledge base may override ("Alexander Kazakov/Sputnik": Sputnik the agency).
            double pieceConfidence = Math.min(s.confidence(), UNSURE_PIECE);
            int from = s.start();
            for (int i = s.start(); i <= s.end(); i++) {
                if (i == s.end() || text.charAt(i) == '/') {
                    if (i > from) {
                        out.add(new Span(from, i, s.type(), s.kb(), pieceConfidence));
                    }
                    from = i + 1;
                }
            }
        }
        return out;
    }

    /** The confidence of a piece of a split span: below {@link #WEAK}. */
    private static final double UNSURE_PIECE = 0.5;

    /** Last words that make a name a place: "Vostochny Cosmodrome", "Stamford Bridge". */
    private static final Set<String> PLACE_HEADS = Set.of(
            "cosmodrome", "spaceport", "airport", "airbase", "river", "lake", "mountain", "mountains", "island",
            "islands", "peninsula", "strait", "sea", "ocean", "gulf", "bay", "square", "street", "avenue",
            "bridge", "valley", "desert", "canal", "oblast", "province", "prefecture");

    /**
     * "the city of Tsiolkovsky", "Vostochny Cosmodrome": whatever the recogniser said, a name after
     * a place noun and "of", or ending in a place's head noun, is a place.
     */
    private static Span placeAfterPlaceNoun(String text, Span s) {
        if (s.type() == EntityType.LOCATION) {
            return s;
        }
        List<String> words = JunkFilter.words(s.text(text));
        if (words.size() >= 2 && PLACE_HEADS.contains(JunkFilter.norm(words.get(words.size() - 1)))) {
            return s.withType(EntityType.LOCATION);
        }
        if (!KbContext.wordBefore(text, s.start(), false).equals("of")) {
            return s;
        }
        int ofStart = s.start();
        while (ofStart > 0 && text.charAt(ofStart - 1) == ' ') {
            ofStart--;
        }
        ofStart -= 2;
        return ofStart > 0 && PLACE_NOUNS.contains(KbContext.wordBefore(text, ofStart, false))
                ? s.withType(EntityType.LOCATION) : s;
    }

    private static final java.util.Set<String> STATE_BODIES = java.util.Set.of(
            "ministry", "embassy", "consulate", "army", "navy", "force", "forces", "guard", "office", "cabinet");

    private static boolean isStateBody(String name) {
        List<String> words = JunkFilter.words(name);
        return !words.isEmpty() && STATE_BODIES.contains(JunkFilter.norm(words.get(words.size() - 1)));
    }

    private static List<Span> joinDemonymOrganisations(String text, List<Span> spans) {
        List<Span> out = new ArrayList<>(spans.size());
        for (int i = 0; i < spans.size(); i++) {
            Span s = spans.get(i);
            if (i + 1 < spans.size() && s.type() == EntityType.MISC && s.kb() == null) {
                Span next = spans.get(i + 1);
                if (next.type() == EntityType.ORGANIZATION && next.kb() == null && next.start() == s.end() + 1
                        && text.charAt(s.end()) == ' ' && isStateBody(next.text(text))) {
                    out.add(new Span(s.start(), next.end(), EntityType.ORGANIZATION, null));
                    i++;
                    continue;
                }
            }
            out.add(s);
        }
        return out;
    }
}
