package newsflow.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import newsflow.dedupe.DedupeTuning;
import newsflow.dedupe.MatchKind;
import org.junit.jupiter.api.Test;

class InMemoryDeduplicatorTest {

    private static final long DAY = 86_400_000L;
    private static final String STORY = String.join("\n\n",
            "The regional water board voted on Thursday to raise rates by 6 percent starting in January.",
            "Board chair Helen Marsh said the increase would pay for replacing pipes installed in the 1950s.",
            "Several residents spoke against the plan, saying pensioners could not absorb another rise in bills.",
            "The board also approved a relief programme for low-income households that will cover 2,000 homes.",
            "A review of the rates is scheduled for next autumn, after the first phase of the works is finished.");

    private final DedupeTuning tuning = DedupeTuning.defaults();

    @Test
    void copyWithinTheHorizonIsDroppedAsDuplicateOfTheOriginal() {
        InMemoryDeduplicator dedupe = new InMemoryDeduplicator(tuning);
        dedupe.accept(dedupe.fingerprinter().fingerprint("orig", STORY, 0));
        InMemoryDeduplicator.Outcome copy = dedupe.accept(
                dedupe.fingerprinter().fingerprint("copy", "Share this story.\n\n" + STORY, 2 * DAY));
        assertEquals("orig", copy.duplicateOf());
        assertEquals("orig", copy.storyId());
    }

    @Test
    void copyBeyondTheHorizonIsNotCompared() {
        InMemoryDeduplicator dedupe = new InMemoryDeduplicator(tuning);
        dedupe.accept(dedupe.fingerprinter().fingerprint("orig", STORY, 0));
        InMemoryDeduplicator.Outcome late = dedupe.accept(
                dedupe.fingerprinter().fingerprint("late", "Share this story.\n\n" + STORY, 8 * DAY));
        assertNull(late.duplicateOf());
        assertEquals("late", late.storyId());
    }

    @Test
    void copyOfACopyPointsToTheEarliestOfEquallyCloseOriginals() {
        InMemoryDeduplicator dedupe = new InMemoryDeduplicator(tuning.withHorizon(Duration.ofDays(30)));
        dedupe.accept(dedupe.fingerprinter().fingerprint("orig", STORY, 0));
        dedupe.accept(dedupe.fingerprinter().fingerprint("copy1", STORY + "\n\nUpdated at noon.", DAY));
        InMemoryDeduplicator.Outcome second = dedupe.accept(
                dedupe.fingerprinter().fingerprint("copy2", STORY + "\n\nUpdated at noon. Corrected spelling.", 2 * DAY));
        assertEquals("orig", second.duplicateOf());
    }

    @Test
    void lateOriginalIsKeptAndNamesTheEarlierArrivedCopy() {
        InMemoryDeduplicator dedupe = new InMemoryDeduplicator(tuning);
        dedupe.accept(dedupe.fingerprinter().fingerprint("copy", STORY + "\n\nRead more on our site.", DAY));
        InMemoryDeduplicator.Outcome original = dedupe.accept(dedupe.fingerprinter().fingerprint("orig", STORY, 0));
        assertNull(original.duplicateOf());
        assertEquals("copy", original.matches().get(0).copyId());
        assertEquals(MatchKind.NEAR, original.matches().get(0).kind());
    }

    @Test
    void acceptingTheSameIdTwiceIsRefused() {
        InMemoryDeduplicator dedupe = new InMemoryDeduplicator(tuning);
        dedupe.accept(dedupe.fingerprinter().fingerprint("a", STORY, 0));
        assertThrows(IllegalArgumentException.class,
                () -> dedupe.accept(dedupe.fingerprinter().fingerprint("a", STORY, 0)));
    }
}
