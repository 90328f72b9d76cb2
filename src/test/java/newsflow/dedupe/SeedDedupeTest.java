package newsflow.dedupe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import newsflow.core.CleanArticle;
import newsflow.eval.DedupeCorpus;
import newsflow.eval.InMemoryDeduplicator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The five seed articles through the simulated stream, in publication order and reversed. */
class SeedDedupeTest {

    private static final Path SHARED = Path.of("../shared");
    private static final String[] PUBLICATION_ORDER = {"004", "002", "001", "000", "003"};
    private static Map<String, DedupeCorpus.SeedArticle> seeds;

    @BeforeAll
    static void readSeeds() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(SHARED.resolve("seeds")),
                "../shared/seeds is absent: seed dedupe test skipped");
        seeds = DedupeCorpus.seeds(SHARED);
    }

    @Test
    void publicationOrderYieldsExactlyTheExpectedRelations() {
        assertEquals(List.of("000<-NEAR-003", "004<-REWRITE-002"), relations(PUBLICATION_ORDER));
    }

    @Test
    void reversedArrivalOrderYieldsTheSameRelations() {
        String[] reversed = {"003", "000", "001", "002", "004"};
        assertEquals(List.of("000<-NEAR-003", "004<-REWRITE-002"), relations(reversed));
    }

    @Test
    void nearDuplicateSeedIsDroppedInFavourOfItsOriginal() {
        InMemoryDeduplicator dedupe = new InMemoryDeduplicator(DedupeTuning.defaults());
        InMemoryDeduplicator.Outcome last = null;
        for (int i = 0; i < PUBLICATION_ORDER.length; i++) {
            last = dedupe.accept(fingerprint(dedupe, PUBLICATION_ORDER[i], i));
        }
        assertEquals("000", last.duplicateOf());
        assertEquals(MatchKind.NEAR, last.kind());
    }

    @Test
    void rewriteSeedIsKeptAndSharesTheStoryOfItsOriginal() {
        InMemoryDeduplicator dedupe = new InMemoryDeduplicator(DedupeTuning.defaults());
        dedupe.accept(fingerprint(dedupe, "004", 0));
        InMemoryDeduplicator.Outcome rewrite = dedupe.accept(fingerprint(dedupe, "002", 1));
        assertEquals(null, rewrite.duplicateOf());
        assertEquals(MatchKind.REWRITE, rewrite.kind());
        assertEquals("004", rewrite.storyId());
        assertEquals("004", rewrite.related().get(0).originalId());
    }

    private static List<String> relations(String[] arrival) {
        InMemoryDeduplicator dedupe = new InMemoryDeduplicator(DedupeTuning.defaults());
        TreeSet<String> found = new TreeSet<>();
        for (int i = 0; i < arrival.length; i++) {
            for (Match m : dedupe.accept(fingerprint(dedupe, arrival[i], indexOf(arrival[i]))).matches()) {
                found.add(m.originalId() + "<-" + m.kind() + "-" + m.copyId());
            }
        }
        return new ArrayList<>(found);
    }

    private static int indexOf(String seed) {
        for (int i = 0; i < PUBLICATION_ORDER.length; i++) {
            if (PUBLICATION_ORDER[i].equals(seed)) {
                return i;
            }
        }
        throw new IllegalArgumentException(seed);
    }

    /**
     * Undated seeds (002, 003) get a fetch time just after the previous seed in publication
     * order, as a crawler that fetched them in that order would.
     */
    private static Fingerprint fingerprint(InMemoryDeduplicator dedupe, String seed, int position) {
        CleanArticle article = seeds.entrySet().stream()
                .filter(e -> e.getKey().startsWith(seed + "_")).findFirst().orElseThrow().getValue().article();
        long fetchTime = Instant.parse("2024-06-12T00:00:00Z").toEpochMilli();
        if (position > 0 && article.publishedAt() == null) {
            String previous = PUBLICATION_ORDER[position - 1];
            CleanArticle before = seeds.entrySet().stream()
                    .filter(e -> e.getKey().startsWith(previous + "_")).findFirst().orElseThrow().getValue().article();
            fetchTime = newsflow.core.EventTime.millis(before.publishedAt(), fetchTime) + 3_600_000L;
        }
        return dedupe.fingerprinter().fingerprint(seed, article, fetchTime);
    }
}
