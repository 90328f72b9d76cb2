package newsflow.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import newsflow.core.CleanArticle;
import newsflow.dedupe.MatchKind;

/**
 * A labelled dedupe corpus built from real article bodies by documented transformations.
 *
 * <p>Sources: the five seeds ({@code seeds/*.txt}, body cut between {@code bodyStartsWith} and
 * {@code bodyEndsWith} of {@code expected.json}) and the 91 human-written bodies of
 * {@code bench/extraction/ground-truth.json}. Every real body (except seeds 002 and 003, which
 * are themselves copies) is a <i>base</i> and the head of a <i>family</i>; each base gets one
 * copy per transformation:
 * <ul>
 *   <li>{@link Transformation#WRAP}: another site's chrome around and inside the body (menu,
 *       share bar, "Advertisement", teasers of other articles, footer); one of four site
 *       templates; {@link Doc#html()} also renders it as a page.</li>
 *   <li>{@link Transformation#TRUNCATE}: the first 25 to 75% of the words, cut at a paragraph
 *       end or mid-paragraph with an ellipsis, sometimes "Continue reading" appended.</li>
 *   <li>{@link Transformation#EDIT}: 2% of the words (at least one) replaced, deleted, doubled
 *       or misspelt at random places, half the time a number changed, sometimes an update note
 *       appended.</li>
 *   <li>{@link Transformation#REORDER}: one paragraph moved or dropped (a sentence moved when
 *       there are fewer than three paragraphs).</li>
 *   <li>{@link Transformation#SPIN}: synonym spinning with {@link DedupeSynonyms}: each word of
 *       the table, except capitalised words inside a sentence (names), replaced with
 *       probability 0.9. A spun copy is made only when at least 10% of its words changed: an
 *       English table changes nothing in a text in another language or a table of results, and
 *       such a "spin" would be an exact or near copy, not a rewrite.</li>
 *   <li>{@link Transformation#SPIN_TRUNCATE}: truncated to 30 to 70%, then spun (so that the
 *       10% rule applies to the words that remain).</li>
 *   <li>{@link Transformation#SPIN_HEAVY}: spun, then 30% of the remaining lower-case words
 *       (not function words) replaced by random words of other bases: a spinner with a table
 *       the detector has never seen, heavier than seed 002.</li>
 *   <li>{@link Transformation#CONDENSE}: the first sentence and about half of the others, in
 *       order, spun with probability 0.7.</li>
 * </ul>
 * The first four are NEAR duplicates of their base, the last three REWRITES. The seeds add two
 * real pairs (003 NEAR 000, 002 REWRITE 004; a copy whose normalised text equals its base is
 * left out; {@link Transformation#REAL_NEAR},
 * {@link Transformation#REAL_REWRITE}).
 *
 * <p>Negatives: every pair across families. To make them hard, a third of the benchmark bases
 * are <i>same-topic</i> bases: their names (the most frequent capitalised words) are replaced
 * by the names of another base, so two different texts talk about the same people; the seeds
 * 000, 001 and 004 are three different real stories about Kim and Putin.
 *
 * <p>Times: bases fall within five days, copies 1 hour to 2 days after their base, so every
 * pair lies within the default 7-day horizon (the hardest case); a quarter of the copies have
 * no {@code publishedAt} (their event time is the fetch time). All randomness comes from one
 * seed: the same seed gives the same corpus. Immutable after {@link #build}.
 */
public final class DedupeCorpus {

    /** How a document was made, and the relation it must have with its base. */
    public enum Transformation {
        ORIGINAL(MatchKind.NONE),
        WRAP(MatchKind.NEAR),
        TRUNCATE(MatchKind.NEAR),
        EDIT(MatchKind.NEAR),
        REORDER(MatchKind.NEAR),
        SPIN(MatchKind.REWRITE),
        SPIN_TRUNCATE(MatchKind.REWRITE),
        SPIN_HEAVY(MatchKind.REWRITE),
        CONDENSE(MatchKind.REWRITE),
        REAL_NEAR(MatchKind.NEAR),
        REAL_REWRITE(MatchKind.REWRITE);

        private final MatchKind expected;

        Transformation(MatchKind expected) {
            this.expected = expected;
        }

        /** The relation a copy made this way has with its base. */
        public MatchKind expected() {
            return expected;
        }
    }

    /**
     * One document of the corpus.
     *
     * @param id             unique id, also the stream key
     * @param family         the id of the base it derives from (its own id for a base)
     * @param transformation how it was made
     * @param article        the article as the clean stage would give it
     * @param eventTime      the record timestamp to use (publication, else fetch time)
     * @param html           the same article as a simple web page; for WRAP the chrome is in
     *                       page elements (nav, share bar, aside, footer), for the clean stage
     *                       to remove when the corpus goes through the whole pipeline
     * @param topicDonor     for a same-topic base, the base whose names it took; else null
     */
    public record Doc(String id, String family, Transformation transformation,
                      CleanArticle article, long eventTime, String html, String topicDonor) {
    }

    /**
     * A seed page reduced to its body.
     *
     * @param file    the seed file name
     * @param article the body between the expected start and end, paragraphs joined by blank lines
     */
    public record SeedArticle(String file, CleanArticle article) {
    }

    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}'’-]*");
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?][\"”’)]?)\\s+(?=[\"“‘(]?\\p{Lu})");
    private static final long DAY = 86_400_000L;
    private static final long START = Instant.parse("2024-03-04T00:00:00Z").toEpochMilli();
    private static final String[] DERIVED_SEEDS = {"002", "003"};

    private final List<Doc> docs;

    private DedupeCorpus(List<Doc> docs) {
        this.docs = List.copyOf(docs);
    }

    /** All documents, bases first, in a fixed order. */
    public List<Doc> docs() {
        return docs;
    }

    /**
     * Builds the corpus from {@code sharedDir} ({@code seeds/} and {@code bench/extraction/}).
     *
     * @throws IOException when the shared files cannot be read
     */
    public static DedupeCorpus build(Path sharedDir, long seed) throws IOException {
        Objects.requireNonNull(sharedDir, "sharedDir");
        Random random = new Random(seed);
        Map<String, String> bodies = new LinkedHashMap<>();
        Map<String, SeedArticle> seeds = seeds(sharedDir);
        Map<String, String> titles = new HashMap<>();
        for (Map.Entry<String, SeedArticle> e : seeds.entrySet()) {
            String id = "seed-" + e.getKey().substring(0, 3);
            bodies.put(id, e.getValue().article().text());
            if (e.getValue().article().title() != null) {
                titles.put(id, e.getValue().article().title());
            }
        }
        JsonNode truth = new ObjectMapper().readTree(
                sharedDir.resolve("bench/extraction/ground-truth.json").toFile());
        TreeMap<String, String> sorted = new TreeMap<>();
        truth.fields().forEachRemaining(f -> sorted.put(f.getKey(), f.getValue().path("articleBody").asText()));
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            if (!e.getValue().isBlank()) {
                bodies.put("gt-" + e.getKey().substring(0, 12), normaliseParagraphs(e.getValue()));
            }
        }
        List<String> baseIds = new ArrayList<>(bodies.keySet());
        for (String derived : DERIVED_SEEDS) {
            baseIds.remove("seed-" + derived);
        }

        // Same-topic bases: a third of the benchmark bases take the names of another base.
        List<String> benchmark = baseIds.stream().filter(id -> id.startsWith("gt-")).toList();
        Map<String, String> donors = new HashMap<>();
        List<String> shuffled = new ArrayList<>(benchmark);
        Collections.shuffle(shuffled, random);
        int topical = shuffled.size() / 3;
        for (int i = 0; i < topical; i++) {
            String receiver = shuffled.get(i);
            String donor = shuffled.get(topical + i);
            donors.put(receiver, donor);
            bodies.put(receiver, transplantNames(bodies.get(receiver), bodies.get(donor)));
        }

        List<Doc> docs = new ArrayList<>();
        Map<String, Long> baseTimes = new HashMap<>();
        // Seeds keep their real publication order (004, 001, 000) inside the window.
        long[] seedOffsets = {0, 3 * DAY / 2, 3 * DAY};
        String[] seedOrder = {"seed-004", "seed-001", "seed-000"};
        for (int i = 0; i < seedOrder.length; i++) {
            baseTimes.put(seedOrder[i], START + seedOffsets[i]);
        }
        for (String id : baseIds) {
            long t = baseTimes.computeIfAbsent(id, k -> START + (long) (random.nextDouble() * 5 * DAY));
            docs.add(doc(id, id, Transformation.ORIGINAL, bodies.get(id), t, true, null, donors.get(id),
                    titles.getOrDefault(id, title(bodies.get(id)))));
        }
        docs.add(doc("seed-003", "seed-000", Transformation.REAL_NEAR, bodies.get("seed-003"),
                baseTimes.get("seed-000") + DAY / 3, false, null, null, titles.get("seed-000")));
        docs.add(doc("seed-002", "seed-004", Transformation.REAL_REWRITE, bodies.get("seed-002"),
                baseTimes.get("seed-004") + DAY / 4, false, null, null, titles.get("seed-002")));

        Transformer transformer = new Transformer(bodies, baseIds);
        for (String base : baseIds) {
            for (Transformation t : Transformation.values()) {
                if (t == Transformation.ORIGINAL || t == Transformation.REAL_NEAR
                        || t == Transformation.REAL_REWRITE) {
                    continue;
                }
                Random r = new Random(seed * 31 + (base + "/" + t).hashCode());
                String site = Transformer.SITES[r.nextInt(Transformer.SITES.length)][0];
                String text = transformer.apply(t, base, r, site);
                if (text == null) {
                    continue;
                }
                long time = baseTimes.get(base) + 3_600_000L + (long) (r.nextDouble() * 2 * DAY);
                boolean dated = r.nextInt(4) != 0;
                docs.add(doc(base + "~" + t.name().toLowerCase(Locale.ROOT), base, t, text, time,
                        dated, t == Transformation.WRAP ? site : null, null,
                        titles.getOrDefault(base, title(bodies.get(base)))));
            }
        }
        return new DedupeCorpus(docs);
    }

    private static Doc doc(String id, String family, Transformation t, String text, long time,
                           boolean dated, String wrapSite, String donor, String title) {
        String publishedAt = dated ? Instant.ofEpochMilli(time).toString() : null;
        CleanArticle article = new CleanArticle("https://example.org/" + id, title, null,
                publishedAt, wrapSite, "en", text);
        return new Doc(id, family, t, article, time, Transformer.html(title, text, wrapSite), donor);
    }

    /** The seed pages reduced to their bodies, by file name, in file order. */
    public static Map<String, SeedArticle> seeds(Path sharedDir) throws IOException {
        Path dir = sharedDir.resolve("seeds");
        JsonNode expected = new ObjectMapper().readTree(dir.resolve("expected.json").toFile()).path("articles");
        Map<String, SeedArticle> out = new TreeMap<>();
        for (Iterator<String> it = expected.fieldNames(); it.hasNext(); ) {
            String file = it.next();
            JsonNode e = expected.path(file);
            String raw = Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
            String startMark = e.path("bodyStartsWith").asText("");
            int start = startMark.isEmpty() ? 0 : raw.indexOf(startMark);
            if (start < 0) {
                throw new IOException(file + ": body start not found: " + startMark);
            }
            String endMark = e.path("bodyEndsWith").asText("");
            int end = endMark.isEmpty() ? raw.length() : raw.indexOf(endMark, start);
            if (end < 0) {
                throw new IOException(file + ": body end not found: " + endMark);
            }
            end = endMark.isEmpty() ? end : end + endMark.length();
            String body = normaliseParagraphs(raw.substring(start, end));
            String published = e.path("publishedAt").isTextual() ? e.path("publishedAt").asText() : null;
            String title = e.path("title").isTextual() ? e.path("title").asText() : null;
            String byline = e.path("byline").isTextual() ? e.path("byline").asText() : null;
            out.put(file, new SeedArticle(file, new CleanArticle("file:" + file, title, byline,
                    published, null, "en", body)));
        }
        return out;
    }

    /** Every line break run becomes one blank line; lines are trimmed; empty lines dropped. */
    static String normaliseParagraphs(String text) {
        List<String> paragraphs = new ArrayList<>();
        for (String line : text.split("\\R+")) {
            String p = line.strip();
            if (!p.isEmpty()) {
                paragraphs.add(p);
            }
        }
        return String.join("\n\n", paragraphs);
    }

    static List<String> paragraphs(String text) {
        return new ArrayList<>(List.of(text.split("\n\n")));
    }

    static List<String> sentences(String paragraph) {
        return new ArrayList<>(List.of(SENTENCE_END.split(paragraph)));
    }

    static String title(String text) {
        Matcher m = WORD.matcher(text);
        List<String> words = new ArrayList<>();
        while (m.find() && words.size() < 8) {
            words.add(m.group());
        }
        return String.join(" ", words);
    }

    /**
     * {@code body} with its most frequent names replaced, in rank order, by those of
     * {@code donor}: the text stays different, the people become the same.
     */
    static String transplantNames(String body, String donor) {
        List<String> from = topNames(body, 8);
        List<String> to = topNames(donor, 8);
        int n = Math.min(from.size(), to.size());
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < n; i++) {
            map.put(from.get(i), to.get(i));
        }
        Matcher m = WORD.matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(map.getOrDefault(m.group(), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The most frequent capitalised words that are not at a sentence start. */
    static List<String> topNames(String text, int n) {
        Map<String, Integer> counts = new HashMap<>();
        Matcher m = WORD.matcher(text);
        int previousEnd = 0;
        while (m.find()) {
            String w = m.group();
            String gap = text.substring(previousEnd, m.start());
            boolean sentenceStart = previousEnd == 0 || gap.matches(".*[.!?\\n][\"”’)]?\\s*[\"“‘(]?");
            previousEnd = m.end();
            if (!sentenceStart && Character.isUpperCase(w.charAt(0)) && w.length() > 2
                    && !w.equals(w.toUpperCase(Locale.ROOT))) {
                counts.merge(w, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(n).map(Map.Entry::getKey).toList();
    }

    /** The transformations, over the final (possibly same-topic) base bodies. */
    static final class Transformer {

        static final String[][] SITES = {
                {"Daily Courier",
                        "Home | News | World | Business | Sport | Opinion | Culture | Subscribe | Sign in",
                        "Share this article: Facebook Twitter Email WhatsApp Copy link",
                        "Advertisement",
                        "Sign up for our morning newsletter and get the day's top stories in your inbox. "
                                + "© 2024 Daily Courier Media Ltd. All rights reserved. Terms | Privacy | Cookies"},
                {"Metro Ledger",
                        "Skip to main content. Menu Search Local Politics Weather Obituaries E-Edition",
                        "Follow us on social media for the latest updates. Comments (0)",
                        "Story continues below advertisement",
                        "Most Read. Trending Now. Get unlimited digital access for 99 cents a week. "
                                + "Copyright 2024 Metro Ledger. This material may not be published, broadcast, "
                                + "rewritten or redistributed."},
                {"World Wire Today",
                        "Breaking News | Live TV | Markets | Tech | Health | Travel | Video",
                        "Listen to this article. 4 min read. Updated",
                        "Read more:",
                        "Related Topics: World news, Politics, International. Do not miss our news and "
                                + "essential news each and every day in your inbox. Leave a Comment. Your email "
                                + "address will not be published."},
                {"The Evening Post",
                        "Log in | Register | Today's paper | Puzzles | Podcasts | Newsletters",
                        "Photograph: handout. Save article. Gift this article.",
                        "RECOMMENDED",
                        "We use cookies to improve your experience. Accept all. Manage preferences. "
                                + "About us | Contact | Careers | Advertise with us | The Evening Post Group"},
        };

        private final Map<String, String> bodies;
        private final List<String> baseIds;

        Transformer(Map<String, String> bodies, List<String> baseIds) {
            this.bodies = bodies;
            this.baseIds = baseIds;
        }

        /**
         * The copy, or null when the transformation cannot make a real one from this base: a
         * spin that replaces under {@link #MIN_SPUN_SHARE} of the words (a text in another
         * language, a table of results) is no rewrite, and a copy equal to its base is no copy.
         */
        String apply(Transformation t, String base, Random r, String site) {
            List<String> paragraphs = paragraphs(bodies.get(base));
            int[] changed = new int[2];
            List<String> out = switch (t) {
                case WRAP -> wrap(paragraphs, base, r, site);
                case TRUNCATE -> truncate(paragraphs, r, 0.25, 0.75);
                case EDIT -> edit(paragraphs, r);
                case REORDER -> reorder(paragraphs, r);
                case SPIN -> spin(paragraphs, r, 0.9, changed);
                case SPIN_TRUNCATE -> spin(truncate(paragraphs, r, 0.3, 0.7), r, 0.9, changed);
                case SPIN_HEAVY -> scramble(spin(paragraphs, r, 0.9, changed), r, 0.3, changed);
                case CONDENSE -> spin(condense(paragraphs, r), r, 0.7, changed);
                default -> throw new IllegalArgumentException("not a copy transformation: " + t);
            };
            boolean spun = t == Transformation.SPIN || t == Transformation.SPIN_TRUNCATE
                    || t == Transformation.SPIN_HEAVY || t == Transformation.CONDENSE;
            if (spun && changed[0] < MIN_SPUN_SHARE * changed[1]) {
                return null;
            }
            String text = String.join("\n\n", out);
            return normalised(text).equals(normalised(bodies.get(base))) ? null : text;
        }

        private List<String> wrap(List<String> paragraphs, String base, Random r, String siteName) {
            String[] site = siteByName(siteName);
            List<String> out = new ArrayList<>();
            out.add(site[1]);
            out.add(site[2]);
            for (int i = 0; i < paragraphs.size(); i++) {
                out.add(paragraphs.get(i));
                if (i == 1 || (i > 1 && i % 5 == 1 && r.nextBoolean())) {
                    out.add(site[3] + " " + teaser(base, r));
                }
            }
            out.add(site[4]);
            if (paragraphs.size() < 2) {
                out.add(site[3] + " " + teaser(base, r));
            }
            return out;
        }

        private String teaser(String base, Random r) {
            String other;
            do {
                other = baseIds.get(r.nextInt(baseIds.size()));
            } while (other.equals(base));
            return title(bodies.get(other));
        }

        private static String[] siteByName(String name) {
            for (String[] s : SITES) {
                if (s[0].equals(name)) {
                    return s;
                }
            }
            return SITES[0];
        }

        static List<String> truncate(List<String> paragraphs, Random r, double min, double max) {
            int total = 0;
            for (String p : paragraphs) {
                total += p.split("\\s+").length;
            }
            int keep = Math.max(1, (int) (total * (min + r.nextDouble() * (max - min))));
            List<String> out = new ArrayList<>();
            int words = 0;
            boolean atParagraph = paragraphs.size() >= 3 && r.nextBoolean();
            for (String p : paragraphs) {
                String[] w = p.split("\\s+");
                if (words + w.length <= keep) {
                    out.add(p);
                    words += w.length;
                    continue;
                }
                if (!atParagraph || out.isEmpty()) {
                    out.add(String.join(" ", List.of(w).subList(0, Math.max(1, keep - words))) + " …");
                }
                break;
            }
            if (r.nextInt(3) == 0) {
                out.add("Continue reading the full story.");
            }
            return out;
        }

        /** About 2% of all words edited, at random places (at least one edit). */
        private List<String> edit(List<String> paragraphs, Random r) {
            List<List<String>> words = new ArrayList<>();
            int total = 0;
            for (String p : paragraphs) {
                List<String> w = new ArrayList<>(List.of(p.split(" ")));
                words.add(w);
                total += w.size();
            }
            int edits = Math.max(1, (int) Math.round(total * 0.02));
            for (int e = 0; e < edits; e++) {
                List<String> w = words.get(r.nextInt(words.size()));
                if (w.size() < 3) {
                    continue;
                }
                int i = r.nextInt(w.size());
                switch (r.nextInt(4)) {
                    case 0 -> w.set(i, w.get(r.nextInt(w.size())));
                    case 1 -> w.remove(i);
                    case 2 -> w.add(i, w.get(i));
                    default -> w.set(i, misspell(w.get(i), r));
                }
            }
            List<String> out = new ArrayList<>();
            boolean numberChanged = r.nextInt(2) == 0;
            for (List<String> w : words) {
                String edited = String.join(" ", w);
                Matcher number = NUMBER.matcher(edited);
                if (numberChanged && number.find()) {
                    edited = edited.substring(0, number.start()) + (Long.parseLong(
                            number.group().substring(0, Math.min(9, number.group().length()))) + 1)
                            + edited.substring(number.end());
                    numberChanged = false;
                }
                out.add(edited);
            }
            if (r.nextInt(3) == 0) {
                out.add("This article has been updated with additional reporting.");
            }
            return out;
        }

        private static String misspell(String word, Random r) {
            if (word.length() < 4) {
                return word;
            }
            int i = 1 + r.nextInt(word.length() - 2);
            char[] c = word.toCharArray();
            char tmp = c[i];
            c[i] = c[i - 1];
            c[i - 1] = tmp;
            return new String(c);
        }

        private static List<String> reorder(List<String> paragraphs, Random r) {
            List<String> out = new ArrayList<>(paragraphs);
            if (out.size() >= 4 && r.nextBoolean()) {
                out.remove(1 + r.nextInt(out.size() - 1));
                return out;
            }
            if (out.size() >= 3) {
                String moved = out.remove(r.nextInt(out.size()));
                int to = r.nextInt(out.size() + 1);
                out.add(to, moved);
                if (out.equals(paragraphs)) {
                    Collections.swap(out, 0, out.size() - 1);
                }
                return out;
            }
            List<String> sentences = new ArrayList<>();
            for (String p : paragraphs) {
                sentences.addAll(sentences(p));
            }
            if (sentences.size() > 1) {
                sentences.add(sentences.remove(0));
            }
            return List.of(String.join(" ", sentences));
        }

        private static List<String> condense(List<String> paragraphs, Random r) {
            List<String> out = new ArrayList<>();
            boolean first = true;
            for (String p : paragraphs) {
                List<String> kept = new ArrayList<>();
                for (String s : sentences(p)) {
                    if (first || r.nextBoolean()) {
                        kept.add(s);
                    }
                    first = false;
                }
                if (!kept.isEmpty()) {
                    out.add(String.join(" ", kept));
                }
            }
            return out;
        }

        /**
         * Replaces each remaining lower-case non-stopword word, with the given probability, by a
         * random word of another base: a spinner whose table is unknown to the corpus.
         */
        private List<String> scramble(List<String> paragraphs, Random r, double probability, int[] changed) {
            List<String> out = new ArrayList<>();
            for (String p : paragraphs) {
                Matcher m = LOWER_WORD.matcher(p);
                StringBuilder sb = new StringBuilder();
                while (m.find()) {
                    String w = m.group();
                    String replacement = w;
                    if (!GLUE.contains(w) && r.nextDouble() < probability) {
                        String donor = bodies.get(baseIds.get(r.nextInt(baseIds.size())));
                        Matcher d = LOWER_WORD.matcher(donor);
                        int skip = r.nextInt(50);
                        while (d.find()) {
                            if (skip-- <= 0 && !GLUE.contains(d.group())) {
                                replacement = d.group();
                                changed[0]++;
                                break;
                            }
                        }
                    }
                    m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
                }
                m.appendTail(sb);
                out.add(sb.toString());
            }
            return out;
        }

        private static final Pattern LOWER_WORD = Pattern.compile("(?<![\\p{L}'’-])\\p{Ll}{3,}(?![\\p{L}'’-])");
        private static final java.util.Set<String> GLUE = java.util.Set.of("the", "and", "for", "that", "with",
                "was", "from", "this", "have", "has", "are", "were", "his", "her", "they", "their", "said", "will",
                "would", "which", "when", "who", "been", "not", "but", "its", "had", "also", "more", "than", "into",
                "about", "after", "over", "can", "could", "our", "one", "two", "all", "any", "she", "him", "out",
                "what", "there", "some", "only", "may", "such", "other", "these", "those", "them", "then", "very");

        /** Share of the words a spin must replace for its copy to count as a rewrite. */
        static final double MIN_SPUN_SHARE = 0.10;

        /**
         * Spins words of the synonym table with the given probability; {@code changed[0]} counts
         * replaced words and {@code changed[1]} all words.
         */
        static List<String> spin(List<String> paragraphs, Random r, double probability, int[] changed) {
            List<String> out = new ArrayList<>();
            for (String p : paragraphs) {
                Matcher m = WORD.matcher(p);
                StringBuilder sb = new StringBuilder();
                int previousEnd = 0;
                while (m.find()) {
                    String w = m.group();
                    String gap = p.substring(previousEnd, m.start());
                    boolean sentenceStart = previousEnd == 0 || gap.matches(".*[.!?][\"”’)]?\\s*[\"“‘(]?");
                    previousEnd = m.end();
                    boolean capital = Character.isUpperCase(w.charAt(0));
                    List<String> alternatives = DedupeSynonyms.of(w.toLowerCase(Locale.ROOT));
                    changed[1]++;
                    String replacement = w;
                    if (!alternatives.isEmpty() && (!capital || sentenceStart) && r.nextDouble() < probability) {
                        replacement = alternatives.get(r.nextInt(alternatives.size()));
                        changed[0]++;
                        if (capital) {
                            replacement = Character.toUpperCase(replacement.charAt(0)) + replacement.substring(1);
                        }
                    }
                    m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
                }
                m.appendTail(sb);
                out.add(sb.toString());
            }
            return out;
        }

        private static String normalised(String text) {
            return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
        }

        /**
         * A simple page. For a wrapped copy the chrome paragraphs become what a site would make
         * of them (a {@code <nav>} header, a share bar, {@code <aside>} teasers inside the
         * article, a {@code <footer>}), so that the clean stage can be measured on removing
         * them; the other paragraphs are the {@code <p>} of an {@code <article>}.
         */
        static String html(String title, String text, String site) {
            StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                    .append(escape(title)).append("</title></head>\n<body>\n");
            String[] chrome = site == null ? null : siteByName(site);
            StringBuilder footer = new StringBuilder();
            boolean articleOpen = false;
            for (String p : text.split("\n\n")) {
                if (chrome != null && p.equals(chrome[1])) {
                    sb.append("<header><nav>").append(escape(p)).append("</nav></header>\n");
                    continue;
                }
                if (chrome != null && p.equals(chrome[4])) {
                    footer.append("<footer>").append(escape(p)).append("</footer>\n");
                    continue;
                }
                if (!articleOpen) {
                    sb.append("<article>\n<h1>").append(escape(title)).append("</h1>\n");
                    articleOpen = true;
                }
                if (chrome != null && p.equals(chrome[2])) {
                    sb.append("<div class=\"share-bar\">").append(escape(p)).append("</div>\n");
                } else if (chrome != null && p.startsWith(chrome[3] + " ")) {
                    sb.append("<aside class=\"related\">").append(escape(p)).append("</aside>\n");
                } else {
                    sb.append("<p>").append(escape(p)).append("</p>\n");
                }
            }
            if (articleOpen) {
                sb.append("</article>\n");
            }
            return sb.append(footer).append("</body></html>\n").toString();
        }

        private static String escape(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        }
    }
}
