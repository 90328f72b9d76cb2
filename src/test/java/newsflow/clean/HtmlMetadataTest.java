package newsflow.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The metadata reader's helpers answer as the expressions they replace. */
class HtmlMetadataTest {

    @Test
    void aTrailingSemicolonIsDroppedAsTheRegularExpressionDropsIt() {
        String[] pieces = {"{\"a\":1}", ";", " ", "\t", "\n", "\u0085", "\u2028", "x", "};", "; ", "\u000B"};
        Random random = new Random(15);
        for (int i = 0; i < 100_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int p = random.nextInt(6); p > 0; p--) {
                s.append(pieces[random.nextInt(pieces.length)]);
            }
            String t = s.toString().strip();
            assertEquals(t.replaceAll(";\\s*$", ""), HtmlMetadata.withoutTrailingSemicolon(t), t);
        }
        assertEquals("{\"@type\":\"NewsArticle\"}", HtmlMetadata.withoutTrailingSemicolon("{\"@type\":\"NewsArticle\"};"));
    }
}
