package newsflow.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The pruner's reading of class names. */
class DomPrunerTest {

    private static final Set<String> HIDDEN = Set.of("hidden", "hide", "invisible", "sr-only", "visually-hidden",
            "visuallyhidden", "screen-reader-text", "screen-reader-only", "offscreen", "d-none", "display-none");

    @Test
    void aHiddenUtilityClassIsFoundAmongOtherNames() {
        assertTrue(DomPruner.hasHiddenClass("nav sr-only"));
        assertTrue(DomPruner.hasHiddenClass("d-none\td-md-block"));
        assertFalse(DomPruner.hasHiddenClass("field--label-hidden"), "a name that only contains one");
        assertFalse(DomPruner.hasHiddenClass("hidden\u00a0menu"), "a no-break space joins names, as \\s does not split it");
    }

    @Test
    void namesAreSplitAsTheRegularExpressionWhiteSpaceSplitsThem() {
        List<String> parts = List.of("hidden", "hide", "sr-only", "d-none", "menu", "hidden-xs", "x", "", " ", "\t", "\n",
                "\u000B", "\f", "\r", "\u00a0", "\u2003", "  ");
        Random random = new Random(20261206);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(6); k >= 0; k--) {
                b.append(parts.get(random.nextInt(parts.size())));
            }
            String cls = b.toString();
            boolean expected = Arrays.stream(cls.split("\\s+")).anyMatch(HIDDEN::contains);
            assertEquals(expected, DomPruner.hasHiddenClass(cls), "'" + cls + "'");
        }
    }
}
