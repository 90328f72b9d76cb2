package newsflow.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FragmentSetTest {

    @Test
    void reportsEachGroupWithAFragmentInTheString() {
        FragmentSet set = FragmentSet.of(new String[] {"share", "related"}, new String[] {"caption"},
                new String[] {"article-body"});

        assertEquals(0b001, set.groupsIn("social-share-bar"));
        assertEquals(0b010, set.groupsIn("photo-caption"));
        assertEquals(0b100, set.groupsIn("c-article-body"));
        assertEquals(0b101, set.groupsIn("article-body related"));
        assertEquals(0, set.groupsIn("story"));
        assertEquals(0, set.groupsIn(""));
    }

    @Test
    void findsAFragmentThatStartsInsideAFailedLongerOne() {
        // "shar" of "sharp" fails at "p"; "harpoon" begins inside it.
        FragmentSet set = FragmentSet.of(new String[] {"share"}, new String[] {"harpoon"});

        assertEquals(0b10, set.groupsIn("sharpoon"));
        assertEquals(0b01, set.groupsIn("shshare"));
    }

    @Test
    void aCharacterInNoFragmentBreaksAMatch() {
        FragmentSet set = FragmentSet.of(new String[] {"ad-slot"});

        assertEquals(0, set.groupsIn("ad-\u00e9slot"));
        assertEquals(0, set.groupsIn("ad slot"));
        assertEquals(1, set.groupsIn("\u00e9ad-slot\u00e9"));
    }

    @Test
    void agreesWithStringContainsOnRandomStrings() {
        String[][] groups = {{"ad", "adv", "advert", "dvert", "share", "hare", "re"}, {"area", "era", "rear"},
            {"a-b", "-b-", "b"}};
        FragmentSet set = FragmentSet.of(groups);
        Random random = new Random(7);
        String alphabet = "adverthsbi- \u00e9";
        for (int trial = 0; trial < 20_000; trial++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(14);
            for (int i = 0; i < length; i++) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            int expected = 0;
            for (int g = 0; g < groups.length; g++) {
                for (String f : groups[g]) {
                    if (s.indexOf(f) >= 0) {
                        expected |= 1 << g;
                    }
                }
            }
            assertEquals(expected, set.groupsIn(s), () -> "in \"" + s + "\"");
        }
    }

    @Test
    void refusesFragmentsItCannotMatch() {
        assertThrows(IllegalArgumentException.class, () -> FragmentSet.of(new String[] {""}));
        assertThrows(IllegalArgumentException.class, () -> FragmentSet.of(new String[] {"caf\u00e9"}));
    }
}
