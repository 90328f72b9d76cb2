package newsflow.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

import newsflow.core.CleanArticle;
import newsflow.dedupe.Hashing;

/**
 * A labelled corpus of the hard dedupe cases of wire journalism, built from real news text by
 * documented generators, split once by a fixed hash into a tuning and a validation part.
 *
 * <p>Real bodies: the 91 human-written bodies of {@code bench/extraction/ground-truth.json},
 * seeds 000, 001 and 004, and the prose stories of the CoNLL-2003 training and development
 * files (Reuters, 1996: documents of at least {@value #MIN_STORY_WORDS} words whose lines are
 * mostly sentences; results tables are left out). The CoNLL text is read at run time from
 * {@code ../shared}, never stored.
 *
 * <p><b>Split.</b> Every real body is in the validation part when
 * {@code floorMod(Hashing.mix(id.hashCode()), 3) == 0}, else in the tuning part; every generated
 * document takes the part of the bodies it is made from. The chrome lines and agency footers
 * come from two disjoint pools, one per part, so the validation part also has boilerplate the
 * detector was never tuned on.
 *
 * <p>Documents (each copy is made from a base of its own part):
 * <ul>
 *   <li>{@link Kind#ORIGINAL}: a real body; bases of at least {@value #MIN_BASE_WORDS} words
 *       get copies.</li>
 *   <li>{@link Kind#PARTIAL} (must be linked): partial syndication. The first third to half of
 *       the base's words, cut at a paragraph end or, for bases with few paragraphs, at a
 *       sentence end; one closing paragraph of another story (30 to 100 words: the outlet's own
 *       addition); two to five chrome lines of the part's pool (a share bar, "Read more:"
 *       with another story's title, a newsletter line, a copyright line) at the top, between
 *       paragraphs and at the bottom. Published 1 to 30 hours after its base.</li>
 *   <li>{@link Kind#SPIN_SHUFFLE} (must be linked): heavy synonym spin (probability 0.9, the
 *       {@link DedupeSynonyms} table), a fifth of the sentences dropped, and about a third of
 *       the remaining sentences moved to another place.</li>
 *   <li>{@link Kind#EARLY_RETITLE} (must be linked): the same story under another title with a
 *       chrome line, published 1 to 20 hours before its base.</li>
 *   <li>{@link Kind#ROUNDUP} (must stay unlinked): an intro line, then four consecutive
 *       sentences from each of four stories of the corpus (from the lead half the time),
 *       published 1 to 12 hours after the latest of them.</li>
 *   <li>{@link Kind#FOOTER_STORY} (must stay unlinked): a short story (the first 100 to 220
 *       words of a real body that is used nowhere else) followed by a 150-word agency footer
 *       shared with about 25 other short stories.</li>
 * </ul>
 * All randomness comes from one seed; the same seed gives the same corpus.
 */
public final class SyndicationCorpus {

    /** Shortest real story used. */
    static final int MIN_STORY_WORDS = 120;
    /** Shortest base that gets copies. */
    static final int MIN_BASE_WORDS = 240;
    private static final long HOUR = 3_600_000L;
    private static final long START = Instant.parse("2024-05-06T00:00:00Z").toEpochMilli();

    /** The part of the corpus a document belongs to. */
    public enum Part { TUNING, VALIDATION }

    /** How a document was made. */
    public enum Kind {
        ORIGINAL(false), PARTIAL(true), SPIN_SHUFFLE(true), EARLY_RETITLE(true),
        ROUNDUP(false), FOOTER_STORY(false);

        private final boolean copy;

        Kind(boolean copy) {
            this.copy = copy;
        }

        /** True for the kinds that must be linked to their base. */
        public boolean isCopy() {
            return copy;
        }
    }

    /**
     * One document.
     *
     * @param id        unique id
     * @param family    the base it was made from (its own id for originals, roundups and
     *                  footer stories, which must not be linked to anything)
     * @param kind      how it was made
     * @param part      tuning or validation
     * @param article   the article as the clean stage would give it
     * @param eventTime publication time, epoch ms
     */
    public record Doc(String id, String family, Kind kind, Part part, CleanArticle article, long eventTime) {
    }

    private final List<Doc> docs;

    private SyndicationCorpus(List<Doc> docs) {
        this.docs = List.copyOf(docs);
    }

    public List<Doc> docs() {
        return docs;
    }

    /** The part of a real body. */
    public static Part partOf(String baseId) {
        return Math.floorMod(Hashing.mix(baseId.hashCode()), 3) == 0 ? Part.VALIDATION : Part.TUNING;
    }

    /** Builds the corpus from {@code sharedDir}. */
    public static SyndicationCorpus build(Path sharedDir, long seed) throws IOException {
        Objects.requireNonNull(sharedDir, "sharedDir");
        Map<String, String> bodies = realBodies(sharedDir);
        Random random = new Random(seed);
        List<String> ids = new ArrayList<>(bodies.keySet());
        // A fifth of the CoNLL stories are reserved for footer stories and used nowhere else.
        List<String> reserved = new ArrayList<>();
        for (String id : ids) {
            if (id.startsWith("conll-") && Math.floorMod(Hashing.mix(id.hashCode() * 31L + 7), 5) == 0) {
                reserved.add(id);
            }
        }
        ids.removeAll(reserved);
        List<Doc> docs = new ArrayList<>();
        Map<String, Long> times = new LinkedHashMap<>();
        for (String id : ids) {
            long t = START + (long) (random.nextDouble() * 5 * 24 * HOUR);
            times.put(id, t);
            docs.add(doc(id, id, Kind.ORIGINAL, partOf(id), DedupeCorpus.title(bodies.get(id)), bodies.get(id), t));
        }
        for (Part part : Part.values()) {
            List<String> pool = ids.stream().filter(id -> partOf(id) == part).toList();
            List<String> bases = pool.stream().filter(id -> words(bodies.get(id)) >= MIN_BASE_WORDS).toList();
            for (String base : bases) {
                Random r = new Random(seed * 31 + base.hashCode());
                String text = bodies.get(base);
                long t = times.get(base);
                String title = DedupeCorpus.title(text);
                if (r.nextDouble() < 0.6) {
                    docs.add(doc(base + "~partial", base, Kind.PARTIAL, part, "Agency: " + title,
                        partial(text, otherBody(bodies, pool, base, r), title(bodies, pool, base, r), part, r),
                        t + HOUR + (long) (r.nextDouble() * 29 * HOUR)));
                }
                if (r.nextDouble() < 0.3) {
                    String spun = spinShuffle(text, r);
                    if (spun != null) {
                        docs.add(doc(base + "~spin-shuffle", base, Kind.SPIN_SHUFFLE, part, title, spun,
                            t + HOUR + (long) (r.nextDouble() * 29 * HOUR)));
                    }
                }
                if (r.nextDouble() < 0.15) {
                    String[] chrome = chrome(part);
                    docs.add(doc(base + "~early", base, Kind.EARLY_RETITLE, part, "Breaking: " + title(bodies, pool, base, r),
                        chrome[r.nextInt(chrome.length)] + "\n\n" + text, t - HOUR - (long) (r.nextDouble() * 19 * HOUR)));
                }
            }
            for (int i = 0; i < 75; i++) {
                Random r = new Random(seed * 17 + i * 101L + part.ordinal());
                String id = "roundup-" + part.name().toLowerCase(Locale.ROOT) + "-" + i;
                List<String> sources = new ArrayList<>();
                String text = roundup(bodies, bases, r, sources);
                long latest = sources.stream().mapToLong(times::get).max().orElse(START);
                docs.add(doc(id, id, Kind.ROUNDUP, part, "Roundup", text, latest + HOUR + (long) (r.nextDouble() * 11 * HOUR)));
            }
            List<String> footerBases = reserved.stream().filter(id -> partOf(id) == part).toList();
            String[] footers = footers(part);
            for (int i = 0; i < footerBases.size() && i < 75; i++) {
                String base = footerBases.get(i);
                Random r = new Random(seed * 13 + base.hashCode());
                String story = lead(bodies.get(base), 100 + r.nextInt(121));
                String id = base + "~footer";
                docs.add(doc(id, id, Kind.FOOTER_STORY, part, DedupeCorpus.title(story),
                    story + "\n\n" + footers[i % footers.length], START + (long) (r.nextDouble() * 6 * 24 * HOUR)));
            }
        }
        return new SyndicationCorpus(docs);
    }

    private static Doc doc(String id, String family, Kind kind, Part part, String title, String text, long time) {
        CleanArticle article = new CleanArticle("https://syndication.example/" + id, title, null,
            Instant.ofEpochMilli(time).toString(), null, "en", text);
        return new Doc(id, family, kind, part, article, time);
    }

    /** The real bodies by id: benchmark bodies, seeds 000, 001 and 004, CoNLL prose stories. */
    public static Map<String, String> realBodies(Path sharedDir) throws IOException {
        Map<String, String> bodies = new LinkedHashMap<>();
        DedupeCorpus corpus = DedupeCorpus.build(sharedDir, 1);
        for (DedupeCorpus.Doc d : corpus.docs()) {
            if (d.transformation() == DedupeCorpus.Transformation.ORIGINAL && d.topicDonor() == null) {
                bodies.put(d.id(), d.article().text());
            }
        }
        for (String split : new String[] {"train", "valid"}) {
            Path file = sharedDir.resolve("data/conll2003/" + split + ".txt");
            if (!Files.isRegularFile(file)) {
                continue;
            }
            List<EntityConllCorpus.Document> conll = EntityConllCorpus.read(file);
            for (int i = 0; i < conll.size(); i++) {
                String story = conllStory(conll.get(i).text());
                if (story != null) {
                    bodies.put("conll-" + split + "-" + i, story);
                }
            }
        }
        return bodies;
    }

    /**
     * A CoNLL document (one sentence per line: headline, then often a byline and a dateline) as
     * a story body in paragraphs of one or two sentences, or null when it is not prose: under
     * {@value #MIN_STORY_WORDS} words, or under 70% of its lines ending as sentences do.
     */
    static String conllStory(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        List<String> sentences = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) { // the first line is the headline
            String line = lines.get(i);
            if (line.split(" ").length >= 6) {
                sentences.add(line);
            }
        }
        long endings = sentences.stream().filter(s -> s.matches(".*[.!?\"]$")).count();
        if (sentences.size() < 4 || endings < 0.7 * sentences.size()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        int words = 0;
        for (int i = 0; i < sentences.size(); i++) {
            if (i > 0) {
                out.append(i % 2 == 1 && i > 1 ? " " : "\n\n");
            }
            out.append(sentences.get(i));
            words += sentences.get(i).split(" ").length;
        }
        return words >= MIN_STORY_WORDS ? out.toString() : null;
    }

    static int words(String text) {
        return text.isBlank() ? 0 : text.strip().split("\\s+").length;
    }

    /** The first third to half of the words, cut at a paragraph end or a sentence end. */
    static String lead(String text, int keepWords) {
        List<String> out = new ArrayList<>();
        int words = 0;
        for (String p : DedupeCorpus.paragraphs(text)) {
            int w = words(p);
            if (words + w <= keepWords) {
                out.add(p);
                words += w;
                continue;
            }
            List<String> kept = new ArrayList<>();
            for (String s : DedupeCorpus.sentences(p)) {
                if (words + words(s) > keepWords && !(out.isEmpty() && kept.isEmpty())) {
                    break;
                }
                kept.add(s);
                words += words(s);
            }
            if (!kept.isEmpty()) {
                out.add(String.join(" ", kept));
            }
            break;
        }
        return String.join("\n\n", out);
    }

    private static String partial(String text, String foreign, String otherTitle, Part part, Random r) {
        int total = words(text);
        String lead = lead(text, (int) (total * (1.0 / 3 + r.nextDouble() / 6)));
        List<String> paragraphs = DedupeCorpus.paragraphs(lead);
        String[] chrome = chrome(part);
        int lines = 2 + r.nextInt(4);
        List<String> out = new ArrayList<>();
        out.add(chrome[r.nextInt(chrome.length)]);
        lines--;
        for (int i = 0; i < paragraphs.size(); i++) {
            out.add(paragraphs.get(i));
            if (i == 0 && lines > 1) {
                out.add(readMore(part) + " " + otherTitle);
                lines--;
            }
        }
        out.add(closingParagraph(foreign, r));
        while (lines-- > 0) {
            out.add(chrome[r.nextInt(chrome.length)]);
        }
        return String.join("\n\n", out);
    }

    /** 30 to 100 words from the end of another story: the outlet's own closing paragraph. */
    static String closingParagraph(String foreign, Random r) {
        List<String> sentences = new ArrayList<>();
        for (String p : DedupeCorpus.paragraphs(foreign)) {
            sentences.addAll(DedupeCorpus.sentences(p));
        }
        int target = 30 + r.nextInt(71);
        List<String> out = new ArrayList<>();
        int words = 0;
        for (int i = sentences.size() - 1; i >= 0 && words < target; i--) {
            if (words > 0 && words + words(sentences.get(i)) > 100) {
                break;
            }
            out.add(0, sentences.get(i));
            words += words(sentences.get(i));
        }
        return String.join(" ", out);
    }

    /** Heavy synonym spin, a fifth of the sentences dropped, a third moved; null when the table changes too little. */
    public static String spinShuffle(String text, Random r) {
        int[] changed = new int[2];
        List<String> spun = DedupeCorpus.Transformer.spin(DedupeCorpus.paragraphs(text), r, 0.9, changed);
        if (changed[0] < DedupeCorpus.Transformer.MIN_SPUN_SHARE * changed[1]) {
            return null; // the table changes too little of this text for a rewrite
        }
        List<String> sentences = new ArrayList<>();
        for (String p : spun) {
            sentences.addAll(DedupeCorpus.sentences(p));
        }
        int drop = sentences.size() / 5;
        for (int i = 0; i < drop; i++) {
            sentences.remove(1 + r.nextInt(sentences.size() - 1));
        }
        int moves = Math.max(1, sentences.size() / 3);
        for (int i = 0; i < moves; i++) {
            String s = sentences.remove(r.nextInt(sentences.size()));
            sentences.add(r.nextInt(sentences.size() + 1), s);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < sentences.size(); i++) {
            out.append(i == 0 ? "" : i % 2 == 0 ? "\n\n" : " ").append(sentences.get(i));
        }
        return out.toString();
    }

    private static String roundup(Map<String, String> bodies, List<String> bases, Random r, List<String> sources) {
        List<String> picked = new ArrayList<>(bases);
        Collections.shuffle(picked, r);
        List<String> out = new ArrayList<>();
        out.add("Here are the main stories of the day.");
        for (String base : picked.subList(0, Math.min(4, picked.size()))) {
            sources.add(base);
            List<String> sentences = new ArrayList<>();
            for (String p : DedupeCorpus.paragraphs(bodies.get(base))) {
                sentences.addAll(DedupeCorpus.sentences(p));
            }
            int from = r.nextBoolean() ? 0 : r.nextInt(Math.max(1, sentences.size() - 4));
            out.add(String.join(" ", sentences.subList(from, Math.min(sentences.size(), from + 4))));
        }
        return String.join("\n\n", out);
    }

    /** Another English story of the pool (the outlets in this corpus write in English). */
    private static String otherBody(Map<String, String> bodies, List<String> pool, String base, Random r) {
        String other;
        do {
            other = pool.get(r.nextInt(pool.size()));
        } while (other.equals(base) || !latin(bodies.get(other)));
        return bodies.get(other);
    }

    /** True when at least 90% of the letters are Latin. */
    public static boolean latin(String text) {
        long letters = text.chars().filter(Character::isLetter).count();
        long latin = text.chars().filter(c -> Character.isLetter(c)
            && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN).count();
        return letters > 0 && latin >= 0.9 * letters;
    }

    private static String title(Map<String, String> bodies, List<String> pool, String base, Random r) {
        return DedupeCorpus.title(otherBody(bodies, pool, base, r));
    }

    private static String readMore(Part part) {
        return part == Part.TUNING ? "Read more:" : "ALSO READ |";
    }

    /** Chrome lines, one pool per part. */
    static String[] chrome(Part part) {
        return part == Part.TUNING ? new String[] {
            "Share this article on Facebook, Twitter or by email",
            "Advertisement",
            "Sign up for our daily newsletter to get the top stories in your inbox every morning.",
            "© 2024 Northern Gazette Media. All rights reserved.",
            "Follow us on Twitter and Instagram",
            "Related stories",
            "This article was first published by our partner news agency.",
        } : new String[] {
            "ADVERTISING",
            "Tags: world, politics, business",
            "Comments are closed for this story. Please read our community guidelines before posting.",
            "Photo: handout via agency pool",
            "Copyright Pacific Wire Services Limited; republished under licence",
            "More from this section",
            "Subscribe now for unlimited access to all our journalism, from just 1 dollar a week.",
        };
    }

    /** Agency footers of about 150 words, one pool per part. */
    static String[] footers(Part part) {
        return part == Part.TUNING ? new String[] {
            "About Continental Press: Continental Press is an independent news agency founded in 1921 "
                + "and owned by its employees. It publishes more than two thousand stories a day in eight "
                + "languages, with photographs, video and graphics, to newspapers, broadcasters and online "
                + "publishers in more than ninety countries. Its journalists work from over two hundred "
                + "bureaus on every continent. Continental Press follows its published code of ethics and "
                + "corrects errors promptly and openly. Subscribers may republish this story in full or in "
                + "part with credit to the agency. For licensing, syndication and archive requests, contact "
                + "the sales desk of the nearest bureau or visit the agency's website. To report an error in "
                + "this story, write to the standards editor, quoting the story's slug and date. Follow the "
                + "agency's live coverage of breaking news through its mobile application and its public "
                + "wire, which is free to read for individuals and schools.",
            "Editor's note: This report was produced by the Metro News Service with support from regional "
                + "member newspapers. The service is a non-profit cooperative that shares reporting among "
                + "more than four hundred local titles, radio stations and websites, so that communities "
                + "without a newsroom of their own still receive reliable news about their councils, courts, "
                + "schools and hospitals. Member outlets may edit this story for length and local style but "
                + "must keep its quotations and figures unchanged and credit the cooperative. Questions about "
                + "the content of this report should go to the news desk on the number printed in the members' "
                + "handbook. The cooperative does not accept payment for coverage, and no sponsor saw or "
                + "approved this story before publication. Readers who value this work can support it through "
                + "their local paper's membership programme. Photographs that accompany the story are "
                + "available to members at no extra charge through the shared picture service.",
            "Disclaimer: The information in this bulletin is provided by the Atlantic Business Wire for "
                + "general information only and does not constitute investment advice or an offer to buy or "
                + "sell any security. Prices and figures were correct at the time of writing and may have "
                + "changed since. The wire and its contributors may hold positions in companies mentioned in "
                + "its reports, in line with its disclosure policy. Forward-looking statements quoted in this "
                + "bulletin involve risks and uncertainties, and actual results may differ materially from "
                + "those expressed or implied. Readers should consult a qualified adviser before making any "
                + "financial decision. The wire accepts no liability for losses arising from the use of this "
                + "material. Redistribution of this bulletin, in whole or in part, is prohibited without the "
                + "prior written consent of the wire, except for brief quotation with attribution in news "
                + "reporting. Market data are supplied by third parties and are delayed.",
        } : new String[] {
            "About Southern Newswire: Southern Newswire is a regional news agency that serves daily and "
                + "weekly newspapers, public broadcasters and digital publishers across the southern states. "
                + "It was set up in 1958 by a group of editors who wanted independent coverage of their "
                + "region's politics, industry and culture. Today its reporters and photographers file from "
                + "thirty towns, and its desk edits copy around the clock. Every story is checked by two "
                + "editors before it moves on the wire. Clients may shorten or localise stories but must not "
                + "change facts or quotations, and must name the agency as the source. Corrections are "
                + "issued on the wire as soon as an error is found and are kept in a public log. For "
                + "questions about coverage, licensing or the agency's archive of photographs, write to the "
                + "client services team. The agency is funded by its clients and receives no money from "
                + "governments or political parties.",
            "This story is part of the Open Health Reporting Project, a collaboration between public "
                + "broadcasters and independent newsrooms that investigates how hospitals, clinics and health "
                + "insurers serve their patients. The project is funded by a charitable foundation, which had "
                + "no say in the choice of stories or in their content. Reporters obtained the documents cited "
                + "here through freedom of information requests, and the people named were given the chance "
                + "to respond before publication. Partner newsrooms may republish this article free of charge "
                + "under a Creative Commons licence, provided that they keep the byline, do not edit the "
                + "substance and link back to the original. Readers who have experience of the issues raised "
                + "can share it confidentially with the project team through its secure contact form. All "
                + "submissions are read by a journalist, and nothing is published without the sender's "
                + "consent. Data behind the charts can be downloaded from the project's website.",
            "Market notice: Figures in this report come from the Harbour Exchange Information Service and are "
                + "published for information purposes only. They are not a recommendation to trade, and past "
                + "performance is no guide to future returns. The service takes care to ensure that its data "
                + "are accurate but cannot guarantee them, and it is not liable for any decision taken on the "
                + "basis of this report. Quotes are delayed by at least fifteen minutes unless marked as live. "
                + "Company statements quoted here are the responsibility of the companies that issued them. "
                + "Subscribers to the full service receive real-time prices, historical series and analyst "
                + "notes through the terminal and the data feed. Reproduction of this report is allowed for "
                + "internal use by subscribers; any other use needs a licence. The service's methodology for "
                + "indices and benchmarks is published on its website and reviewed every year by an "
                + "independent committee of users.",
        };
    }
}
