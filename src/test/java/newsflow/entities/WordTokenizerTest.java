package newsflow.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class WordTokenizerTest {

    private static List<List<String>> words(String text) {
        return WordTokenizer.sentences(text).stream()
            .map(s -> s.stream().map(t -> t.text(text)).toList())
            .toList();
    }

    @Test
    void punctuationAndCliticsStandApartFromWords() {
        assertEquals(List.of(List.of("Germany", "'s", "chancellor", "did", "n't", "say", ",", "aides", "said", ".")),
            words("Germany's chancellor didn't say, aides said."));
    }

    @Test
    void abbreviationsInitialsAndNumbersStayWhole() {
        assertEquals(List.of(List.of("Mr.", "J.", "Smith", "of", "the", "U.S.", "paid", "1,250.50", "on", "3-2", "odds", ".")),
            words("Mr. J. Smith of the U.S. paid 1,250.50 on 3-2 odds."));
    }

    @Test
    void aShortCapitalisedWordKeepsItsPeriodWhereNoSentenceCouldEnd() {
        assertEquals(List.of(List.of("Tampa", ",", "Fla.", ",", "said", "Ala.", "officials", "met", ".")),
            words("Tampa, Fla., said Ala. officials met."));
        assertEquals(List.of(List.of("They", "met", "in", "Oslo", "."), List.of("Talks", "ended", ".")),
            words("They met in Oslo. Talks ended."));
    }

    @Test
    void sentencesEndAtFinalMarksAndLineBreaks() {
        assertEquals(List.of(List.of("Rain", "fell", "."), List.of("Why", "?"), List.of("GENEVA", "1996-08-22"),
                List.of("(", "Reuters", ")", "-", "Talks", "ended")),
            words("Rain fell. Why?\nGENEVA 1996-08-22\n(Reuters) - Talks ended"));
    }

    @Test
    void offsetsPointIntoTheText() {
        String text = "  \"Hello,\" she said.";
        for (List<WordTokenizer.Token> s : WordTokenizer.sentences(text)) {
            for (WordTokenizer.Token t : s) {
                assertTrue(t.start() >= 0 && t.end() <= text.length() && t.start() < t.end());
                assertTrue(!t.text(text).isBlank());
            }
        }
        assertEquals(List.of(List.of("\"", "Hello", ",", "\"", "she", "said", ".")), words(text));
    }

    @Test
    void aRunWithoutPunctuationIsCutIntoBoundedSentences() {
        String text = "word ".repeat(1_000);
        List<List<WordTokenizer.Token>> sentences = WordTokenizer.sentences(text);
        assertTrue(sentences.stream().allMatch(s -> s.size() <= WordTokenizer.MAX_SENTENCE_TOKENS));
        assertEquals(1_000, sentences.stream().mapToInt(List::size).sum());
    }
}
