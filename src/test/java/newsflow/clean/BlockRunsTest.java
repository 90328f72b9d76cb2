package newsflow.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class BlockRunsTest {

    /** What a listener saw of one run, copied during the call. */
    private record Seen(String text, int chars, int linkChars, int words, boolean endsSentence) {
    }

    private static List<Seen> runs(String html) {
        List<Seen> seen = new ArrayList<>();
        Element body = Jsoup.parse(html).body();
        BlockRuns.walk(body, (block, run) -> seen.add(new Seen(run.text().toString(), run.chars(), run.linkChars(),
                run.words(), run.endsSentence())), Deadline.start(Duration.ofSeconds(10)));
        return seen;
    }

    @Test
    void splitsTextAtBlockBoundariesAndCountsLinkCharacters() {
        List<Seen> seen = runs("<p>Read <a href=x>the full story</a> here.</p><p>Second <br>line</p>");

        assertEquals(List.of("Read the full story here.", "Second ", "line"), seen.stream().map(Seen::text).toList());
        assertEquals(21, seen.get(0).chars());
        assertEquals(12, seen.get(0).linkChars());
        assertEquals(5, seen.get(0).words());
        assertEquals(true, seen.get(0).endsSentence());
    }

    @Test
    void anIdeographSplitAcrossTwoTextNodesCountsWithItsNeighbour() {
        List<Seen> seen = runs("<p>\u6771<b>\u4eac</b></p>");

        assertEquals(1, seen.get(0).words());
    }

    @Test
    void countsAsTheWordAndSentenceRulesDoOnTheJoinedText() {
        String[] pieces = {"word", "a", " ", "  ", "\u00a0", "\n", "\u6771", "\u4eac", "\u0e44\u0e17\u0e22", ".", "!",
            "\u201d", "\u3002", "\u00e9t\u00e9", "\ud840\udc00"};
        String[] inline = {"b", "i", "a", "span"};
        Random random = new Random(11);
        for (int page = 0; page < 300; page++) {
            StringBuilder html = new StringBuilder("<p>");
            int parts = 1 + random.nextInt(12);
            for (int i = 0; i < parts; i++) {
                String text = pieces[random.nextInt(pieces.length)];
                switch (random.nextInt(4)) {
                    case 0 -> {
                        String tag = inline[random.nextInt(inline.length)];
                        html.append('<').append(tag).append('>').append(text).append("</").append(tag).append('>');
                    }
                    case 1 -> html.append("<img src=x>").append(text);
                    default -> html.append(text);
                }
            }
            for (Seen run : runs(html.append("</p>").toString())) {
                String t = run.text();
                assertEquals(Prose.words(t), run.words(), () -> "words of \"" + t + "\"");
                assertEquals(Prose.endsSentence(t), run.endsSentence(), () -> "sentence end of \"" + t + "\"");
                assertEquals(t.codePoints().filter(c -> !Character.isWhitespace(c) && c != 0xA0).count(),
                        (long) run.chars() - surrogatePairs(t), () -> "characters of \"" + t + "\"");
            }
        }
    }

    @Test
    void aListenerThatReadsNoTextCannotAskForIt() {
        BlockRuns.Listener countsOnly = new BlockRuns.Listener() {
            @Override
            public void run(Element block, BlockRuns.Run run) {
                run.text();
            }

            @Override
            public boolean readsText() {
                return false;
            }
        };

        assertThrows(IllegalStateException.class, () -> BlockRuns.walk(Jsoup.parse("<p>Text</p>").body(), countsOnly,
                Deadline.start(Duration.ofSeconds(10))));
    }

    /** Records every report of a walk as a line: enters, exits and runs with their counts. */
    private static final class Reports implements BlockRuns.Listener {
        final List<String> lines = new ArrayList<>();

        @Override
        public void enter(Element block) {
            lines.add("enter " + System.identityHashCode(block) + " " + block.normalName());
        }

        @Override
        public void exit(Element block) {
            lines.add("exit " + System.identityHashCode(block));
        }

        @Override
        public void run(Element block, BlockRuns.Run run) {
            lines.add("run " + System.identityHashCode(block) + " [" + run.text() + "] " + run.chars() + " "
                    + run.linkChars() + " " + run.words() + " " + run.endsSentence());
        }
    }

    @Test
    void aReplayedBlockReportsWhatAWalkOfItWould() {
        Element body = Jsoup.parse("<div>lead text<h1>Title</h1><p>One <a href=x>linked words</a> here.</p><ul><li>a<li>b"
                + "<br>c</ul><section><p>\u6771<b>\u4eac</b></p>tail <img src=x> text</section> trailing</div>"
                + "<p>last <a href=y><span><div>in a link</div></span></a></p>").body();
        BlockRuns.Recording recording = new BlockRuns.Recording();
        BlockRuns.walk(body, new Reports(), Deadline.start(Duration.ofSeconds(10)), recording);

        for (Element block : body.getAllElements()) {
            if (!BlockRuns.BLOCKS.contains(block.normalName()) || block.closest("a") != null) {
                continue;
            }
            Reports walked = new Reports();
            BlockRuns.walk(block, walked, Deadline.start(Duration.ofSeconds(10)));
            Reports replayed = new Reports();

            assertEquals(true, recording.replay(block, replayed, Deadline.start(Duration.ofSeconds(10))), block::cssSelector);
            assertEquals(walked.lines, replayed.lines, block::cssSelector);
        }
    }

    @Test
    void aBlockInsideALinkOrAnInlineElementIsNotReplayed() {
        Element body = Jsoup.parse("<a href=x><div>card text</div></a><p>A <span>span</span></p>").body();
        BlockRuns.Recording recording = new BlockRuns.Recording();
        BlockRuns.walk(body, new Reports(), Deadline.start(Duration.ofSeconds(10)), recording);
        Reports replayed = new Reports();

        assertEquals(false, recording.replay(body.selectFirst("div"), replayed, Deadline.start(Duration.ofSeconds(10))));
        assertEquals(false, recording.replay(body.selectFirst("span"), replayed, Deadline.start(Duration.ofSeconds(10))));
        assertEquals(List.of(), replayed.lines);
    }

    /** Characters counts chars, so a surrogate pair is two of them. */
    private static long surrogatePairs(String t) {
        return t.chars().filter(c -> Character.isHighSurrogate((char) c)).count();
    }
}
