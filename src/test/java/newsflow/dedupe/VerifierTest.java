package newsflow.dedupe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerifierTest {

    private static final String STORY = String.join("\n\n",
            "The city council approved a new budget on Tuesday after a long debate over school funding and road repairs.",
            "Mayor Linda Okafor said the plan would add 40 teachers and repave 12 miles of streets in the eastern districts.",
            "Opponents argued that the property tax increase of 3 percent would hurt families already struggling with rent.",
            "The vote was seven to four, with two members absent because of a scheduling conflict with a regional conference.",
            "Council member Rafael Duarte proposed an amendment to delay the tax increase until next spring, but it failed.",
            "The budget takes effect on July 1, and the first road projects are expected to begin in August near Riverside Park.",
            "Residents who attended the meeting were divided, with some praising the investment and others warning about costs.",
            "A final public hearing on the capital plan is scheduled for next month at the central library auditorium.");

    private static final String OTHER_STORY_SAME_PEOPLE = String.join("\n\n",
            "Mayor Linda Okafor opened a new community garden in Riverside Park on Saturday morning with dozens of volunteers.",
            "Rafael Duarte, who represents the district, said the garden had been planned for three years by local families.",
            "Children planted tomatoes and sunflowers while a brass band from the high school played on a small stage.",
            "The garden will host cooking classes and a weekly market for growers from the surrounding neighbourhoods.",
            "Organisers hope to open two more gardens in the eastern districts before the end of the year if donations allow.");

    private final DedupeTuning tuning = DedupeTuning.defaults();
    private final Fingerprinter fingerprinter = new Fingerprinter(tuning);
    private final Verifier verifier = new Verifier(tuning);

    private Fingerprint fp(String id, String text, long time) {
        return fingerprinter.fingerprint(id, text, time);
    }

    private static final String THIRD_STORY = String.join("\n\n",
            "Heavy rain flooded dozens of homes in the northern valley overnight, forcing families to leave by boat before dawn.",
            "Emergency crews said the river rose by two metres in six hours, the fastest rise recorded at the gauge since 1998.",
            "Schools in four villages will stay closed until Friday while engineers inspect bridges and clear debris from roads.",
            "Forecasters expect more showers on Thursday but say the worst of the storm has moved east toward the coast.");

    private static final String AGENCY_FOOTER = "About Harbour Press: Harbour Press is an independent news agency that "
            + "serves newspapers, broadcasters and websites in more than forty countries with text, pictures and video. "
            + "Subscribers may republish this story in full or in part with credit to the agency and without changing "
            + "its facts or quotations. Corrections are issued on the wire as soon as an error is found and are kept in "
            + "a public log on the agency's website. For licensing and archive requests, write to the sales desk of the "
            + "nearest bureau, quoting the story's slug and date.";

    /** The first third of STORY in another outlet's template, with the outlet's own closing paragraph. */
    private static String partialCopy() {
        String lead = STORY.substring(0, STORY.indexOf("The vote was"));
        return "Share this article on Facebook, Twitter or by email\n\n" + lead
                + "\n\nIn a separate decision, the county board delayed a vote on a new waste plant until the autumn session.";
    }

    @Test
    void partialSyndicationOfTheOpeningIsNearDuplicateOfTheOriginal() {
        Match m = verifier.verify(fp("original", STORY, 1), fp("partial", partialCopy(), 2));
        assertEquals(MatchKind.NEAR, m.kind(), "the lead of the story with chrome and a closing paragraph of its own");
        assertEquals("original", m.originalId());
    }

    @Test
    void partialCopyWithoutTheOriginalsLeadIsNotANearDuplicate() {
        String middle = STORY.substring(STORY.indexOf("Opponents argued"), STORY.indexOf("The budget takes"))
                + "\n\n" + THIRD_STORY.substring(0, THIRD_STORY.indexOf("Schools in"));
        Match m = verifier.verify(fp("original", STORY, 1), fp("middle", middle, 2));
        assertNotEquals(MatchKind.NEAR, m.kind(), "shared sentences away from the opening are quotation, not syndication");
    }

    @Test
    void roundupQuotingTheOpeningsOfSeveralStoriesIsNotLinkedToThem() {
        String roundup = "Here are the main stories of the day.\n\n"
                + STORY.substring(0, STORY.indexOf("Opponents argued")) + "\n\n"
                + THIRD_STORY.substring(0, THIRD_STORY.indexOf("Schools in")) + "\n\n"
                + OTHER_STORY_SAME_PEOPLE.substring(0, OTHER_STORY_SAME_PEOPLE.indexOf("Children planted"));
        assertEquals(MatchKind.NONE, verifier.verify(fp("story", STORY, 1), fp("roundup", roundup, 2)).kind());
        assertEquals(MatchKind.NONE, verifier.verify(fp("third", THIRD_STORY, 1), fp("roundup", roundup, 2)).kind());
    }

    @Test
    void shortStoriesSharingAnAgencyFooterAreNotLinked() {
        Match m = verifier.verify(fp("a", THIRD_STORY + "\n\n" + AGENCY_FOOTER, 1),
                fp("b", OTHER_STORY_SAME_PEOPLE + "\n\n" + AGENCY_FOOTER, 2));
        assertEquals(MatchKind.NONE, m.kind(), "a shared footer is not a shared story");
    }

    @Test
    void sameTextWithOtherPunctuationAndCaseIsExact() {
        Match m = verifier.verify(fp("a", STORY, 1), fp("b", STORY.toUpperCase(java.util.Locale.ROOT).replace(",", ""), 2));
        assertEquals(MatchKind.EXACT, m.kind());
    }

    @Test
    void aLongerLaterArticleContainingAnEarlierStubIsNotDropped() {
        String stub = STORY.substring(0, STORY.indexOf("Council member"));
        Match m = verifier.verify(fp("stub", stub, 1), fp("full", STORY, 2));
        assertNotEquals(MatchKind.NEAR, m.kind(), "the full story published after its stub is kept");
        assertNotEquals(MatchKind.EXACT, m.kind());
    }

    @Test
    void aPartialCopyDatedTheSameDayAsItsSourceIsTheCopyWhateverTheIds() {
        Match m = verifier.verify(fp("a-partial", partialCopy(), 5), fp("z-original", STORY, 5));
        assertEquals(MatchKind.NEAR, m.kind());
        assertEquals("z-original", m.originalId(), "the longer text, whose opening the copy holds, is the source");
    }

    @Test
    void truncatedCopyIsNearDuplicateOfTheFullText() {
        String truncated = STORY.substring(0, STORY.indexOf("Council member")) + "Continue reading.";
        Match m = verifier.verify(fp("full", STORY, 1), fp("cut", truncated, 2));
        assertEquals(MatchKind.NEAR, m.kind());
        assertEquals("full", m.originalId());
    }

    @Test
    void copyWithChromeAroundItIsNearDuplicate() {
        String wrapped = "Home | News | Sport | Weather | Sign in\n\nShare this article: Facebook Twitter Email\n\n"
                + STORY + "\n\nSign up for our newsletter. © 2024 Example Media. All rights reserved.";
        assertEquals(MatchKind.NEAR, verifier.verify(fp("a", STORY, 1), fp("b", wrapped, 2)).kind());
    }

    @Test
    void movedParagraphIsNearDuplicate() {
        List<String> paragraphs = new ArrayList<>(List.of(STORY.split("\n\n")));
        paragraphs.add(paragraphs.remove(1));
        assertEquals(MatchKind.NEAR, verifier.verify(fp("a", STORY, 1), fp("b", String.join("\n\n", paragraphs), 2)).kind());
    }

    @Test
    void synonymSpunCopyIsRewrite() {
        String spun = STORY.replace("approved", "passed").replace("new", "fresh").replace("long", "lengthy")
                .replace("said", "stated").replace("plan", "scheme").replace("add", "include")
                .replace("argued", "contended").replace("increase", "rise").replace("hurt", "harm")
                .replace("families", "households").replace("proposed", "put forward").replace("delay", "postpone")
                .replace("expected", "anticipated").replace("begin", "start").replace("attended", "joined")
                .replace("divided", "split").replace("warning", "cautioning").replace("scheduled", "planned")
                .replace("members", "councillors").replace("vote", "ballot").replace("budget", "spending plan");
        Match m = verifier.verify(fp("orig", STORY, 1), fp("spun", spun, 2));
        assertEquals(MatchKind.REWRITE, m.kind(), () -> "got " + m);
    }

    @Test
    void differentStoryAboutTheSamePeopleIsNotRelated() {
        assertEquals(MatchKind.NONE, verifier.verify(fp("a", STORY, 1), fp("b", OTHER_STORY_SAME_PEOPLE, 2)).kind());
    }

    @Test
    void verdictDoesNotDependOnArgumentOrder() {
        Fingerprint a = fp("a", STORY, 5);
        Fingerprint b = fp("b", STORY.substring(0, STORY.length() / 2), 3);
        assertEquals(verifier.verify(a, b), verifier.verify(b, a));
        assertEquals("b", verifier.verify(a, b).originalId());
    }

    @Test
    void equalTimesFallBackToTheSmallerIdAsOriginal() {
        Match m = verifier.verify(fp("z", STORY, 7), fp("k", STORY + " Updated.", 7));
        assertEquals("k", m.originalId());
    }

    @Test
    void preparedFingerprintsGiveTheSameVerdictAsBareOnes() {
        Fingerprint a = fp("a", STORY, 1);
        Fingerprint b = fp("b", STORY.substring(0, STORY.length() / 2), 2);
        Verifier.Prepared pa = verifier.prepare(a);
        assertEquals(verifier.verify(a, b), verifier.verify(pa, verifier.prepare(b)));
        assertEquals(verifier.verify(b, a), verifier.verify(verifier.prepare(b), pa));
    }

    @Test
    void veryShortTextsAreOnlyEverExact() {
        Fingerprint a = fp("a", "Photo: Associated Press. All rights reserved.", 1);
        Fingerprint b = fp("b", "Photo: Reuters. All rights reserved.", 2);
        assertEquals(0, fingerprinter.candidateKeys(a).length);
        assertEquals(MatchKind.NONE, verifier.verify(a, b).kind());
        assertEquals(MatchKind.EXACT, verifier.verify(a, fp("c", "photo associated press all rights reserved", 3)).kind());
    }

    @Test
    void nearDuplicatesShareCandidateKeys() {
        String truncated = STORY.substring(0, STORY.indexOf("Opponents"));
        long[] full = fingerprinter.candidateKeys(fp("a", STORY, 1));
        long[] cut = fingerprinter.candidateKeys(fp("b", truncated, 2));
        assertTrue(java.util.Arrays.stream(cut).anyMatch(k -> java.util.Arrays.stream(full).anyMatch(f -> f == k)));
    }

    @Test
    void contentContainmentCountsEachDistinctContentWordOnceOnEitherSide() {
        java.util.Random random = new java.util.Random(20261206);
        for (int round = 0; round < 1_000; round++) {
            short[] a = randomTokens(random);
            short[] b = randomTokens(random);
            Fingerprint fa = new Fingerprint("a", 0, a.length, 1, new int[0], new long[0], a, new int[] {0, a.length});
            Fingerprint fb = new Fingerprint("b", 0, b.length, 2, new int[0], new long[0], b, new int[] {0, b.length});
            java.util.Set<Integer> wa = contentWordSet(a);
            java.util.Set<Integer> wb = contentWordSet(b);
            int smaller = Math.min(wa.size(), wb.size());
            wa.retainAll(wb);
            double expected = smaller == 0 ? 0 : (double) wa.size() / smaller;
            assertEquals(expected, Verifier.contentContainment(verifier.prepare(fa), verifier.prepare(fb)), "round " + round);
            assertEquals(expected, Verifier.contentContainment(verifier.prepare(fb), verifier.prepare(fa)), "round " + round);
        }
    }

    /**
     * Codes below 256 are function words and marks, from 256 on content words, up to 65,535
     * (negative as shorts); a small vocabulary at either end of the range repeats words often.
     */
    private static short[] randomTokens(java.util.Random random) {
        short[] t = new short[random.nextInt(400)];
        int vocabulary = 1 + random.nextInt(random.nextBoolean() ? 50 : 65_000);
        boolean low = random.nextBoolean();
        for (int i = 0; i < t.length; i++) {
            int content = low ? 256 + random.nextInt(vocabulary) : 65_535 - random.nextInt(vocabulary);
            t[i] = (short) (random.nextInt(8) == 0 ? 255 : random.nextBoolean() ? random.nextInt(256) : content);
        }
        return t;
    }

    private static java.util.Set<Integer> contentWordSet(short[] tokens) {
        java.util.Set<Integer> out = new java.util.HashSet<>();
        for (short t : tokens) {
            if ((t & 0xFFFF) >= 256) {
                out.add(t & 0xFFFF);
            }
        }
        return out;
    }
}
