package newsflow.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import newsflow.core.EntityType;
import newsflow.core.Mention;
import newsflow.core.TaggedEntity;
import newsflow.entities.EntityTagger;
import newsflow.entities.NewsEntityTagger;
import org.junit.jupiter.api.Test;

class EntityEvaluationTest {

    private static final List<String> IOB1 = List.of(
            "-DOCSTART- -X- O O", "",
            "EU NNP I-NXP I-ORG", "rejects VBZ I-VP O", "German JJ I-NP I-MISC", "call NN I-NP O", "",
            "Peter NNP I-NP I-PER", "Blackburn NNP I-NP I-PER", "met VBD I-VP O", "Peter NNP I-NP I-PER",
            "in IN I-PP O", "Brussels NNP I-NP I-LOC", ". . O O", "",
            "-DOCSTART- -X- O O", "",
            "Anna B-PER", "Lee I-PER", "B-PER B-PER", "Smith B-PER", "visited O", "Brussels B-LOC");

    @Test
    void readsIob1AndIob2IntoDocumentsWithOffsets() {
        List<EntityConllCorpus.Document> docs = EntityConllCorpus.parse(IOB1);
        assertEquals(2, docs.size());
        EntityConllCorpus.Document first = docs.get(0);
        assertEquals("EU rejects German call\nPeter Blackburn met Peter in Brussels.", first.text());
        assertEquals(List.of("EU/ORGANIZATION", "German/MISC", "Peter Blackburn/PERSON", "Peter/PERSON", "Brussels/LOCATION"),
                spans(first));
        assertEquals(List.of("Anna Lee/PERSON", "B-PER/PERSON", "Smith/PERSON", "Brussels/LOCATION"), spans(docs.get(1)));
    }

    @Test
    void rebuildsPlainTextFromTokens() {
        List<EntityConllCorpus.Document> docs = EntityConllCorpus.parse(List.of(
                "Shearer B-PER", "'s O", "club O", "( O", "Newcastle B-ORG", ") O", "paid O", "$ O", "23 O",
                "million O", ", O", "\" O", "I O", "'m O", "sure O", ", O", "\" O", "Hoddle B-PER", "said O", ". O"));
        EntityConllCorpus.Document doc = docs.get(0);
        assertEquals("Shearer's club (Newcastle) paid $23 million, \"I'm sure,\" Hoddle said.", doc.text());
        assertEquals(List.of("Shearer/PERSON", "Newcastle/ORGANIZATION", "Hoddle/PERSON"), spans(doc));
    }

    private static List<String> spans(EntityConllCorpus.Document doc) {
        return doc.gold().stream().map(g -> doc.text().substring(g.start(), g.end()) + "/" + g.type()).toList();
    }

    @Test
    void badTagFailsNamingTheLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EntityConllCorpus.parse(List.of("Paris X-LOC")));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void scoresSpanAndDocumentLevelAgainstKnownTagger() {
        List<EntityConllCorpus.Document> docs = EntityConllCorpus.parse(List.of(
                "Kim B-PER", "met O", "Kim B-PER", "in O", "Seoul B-LOC", "and O", "Tokyo B-LOC"));
        // Finds both "Kim" (one as LOCATION, wrongly), Seoul, and a spurious "met" ORGANIZATION.
        EntityTagger fake = (title, text) -> List.of(
                new TaggedEntity("a", "Kim", EntityType.PERSON, 1, List.of(new Mention("Kim", 0, 3))),
                new TaggedEntity("b", "Kim", EntityType.LOCATION, 1, List.of(new Mention("Kim", 8, 11))),
                new TaggedEntity("c", "Seoul", EntityType.LOCATION, 1, List.of(new Mention("Seoul", 15, 20))),
                new TaggedEntity("d", "met", EntityType.ORGANIZATION, 1, List.of(new Mention("met", 4, 7))));
        EntityEvaluation.Result r = EntityEvaluation.evaluate(docs, fake);
        EntityEvaluation.Counts span = r.overall(r.span());
        assertEquals(2, span.tp);
        assertEquals(2, span.fp);
        assertEquals(2, span.fn);
        // Document level: gold {Kim/PER, Seoul/LOC, Tokyo/LOC}; predicted {Kim/PER, Kim/LOC, Seoul/LOC, met/ORG}.
        EntityEvaluation.Counts doc = r.overall(r.document());
        assertEquals(2, doc.tp);
        assertEquals(2, doc.fp);
        assertEquals(1, doc.fn);
        assertEquals(0.5, doc.precision(), 1e-9);
    }

    @Test
    void runsTheRealTaggerOnTheSanityFileAndPrintsBothLevels() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Path sanity = Path.of(EntityEvaluationTest.class.getResource("/newsflow/eval/sanity.conll").toURI());
        int code = EntityEvaluation.run(sanity, NewsEntityTagger.load(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String report = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, code);
        assertTrue(report.contains("10 documents") && report.contains("span level") && report.contains("document level"), report);
        assertTrue(report.contains("OVERALL(P/O/L)") && report.contains("MISC"), report);
    }

    /**
     * Regression guard on the hand-annotated dev set (20 short passages written for it, not the
     * seeds). The set was used while developing the rules, so this guards against regressions; it
     * does not estimate accuracy on unseen news. Measured 0.945 when added (0.875 before the
     * review fixes).
     */
    @Test
    void devSetDocumentLevelF1StaysAboveRegressionFloor() throws Exception {
        Path dev = Path.of(EntityEvaluationTest.class.getResource("/newsflow/eval/dev.conll").toURI());
        EntityEvaluation.Result r = EntityEvaluation.evaluate(EntityConllCorpus.read(dev), NewsEntityTagger.load());
        double f1 = r.overall(r.document()).f1();
        assertTrue(f1 >= 0.93, "document-level F1 over PER/ORG/LOC on dev.conll: " + f1);
    }
}
