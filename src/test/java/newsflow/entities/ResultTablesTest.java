package newsflow.entities;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;

/** The cheap checks that let results-layout expressions skip lines they cannot match. */
class ResultTablesTest {

    private static boolean row(String line) {
        return ResultTables.mayBeTableRow(line, 0, line.length());
    }

    @Test
    void scoreLinesAndStandingsRowsPassTheRowCheck() {
        assertTrue(row("Arsenal 2 Chelsea 1"));
        assertTrue(row("Red Star 3 Partizan 0   "));
        assertTrue(row("Bayern Munich 10 7 2 1 24 9 23"));
        assertTrue(row("Dinamo 5 1 - -"));
        assertTrue(row("\u00c9toile 2 Nice 2"));
    }

    @Test
    void proseAndLowerCaseLinesFailTheRowCheck() {
        assertFalse(row("Arsenal beat Chelsea 2-1 on Saturday."));
        assertFalse(row("results: Arsenal 2 Chelsea 1"));
        assertFalse(row(""));
    }

    @Test
    void theRowCheckReadsOnlyItsLine() {
        String text = "Arsenal 2 Chelsea 1\nThe match ended.";
        assertTrue(ResultTables.mayBeTableRow(text, 0, text.indexOf('\n')));
        assertFalse(ResultTables.mayBeTableRow(text, text.indexOf('\n') + 1, text.length()));
    }

    @Test
    void lineUpsHaveANumberBeforeADash() {
        String lineUp = "France - 1 - Bernard Lama, 10 -Youri Djorkaeff, 6- Reynald Pedros";
        assertTrue(ResultTables.hasNumberDash(lineUp, 0, lineUp.length()));
        assertTrue(ResultTables.hasNumberDash("16 - Zinedine Zidane", 0, 20));
        assertFalse(ResultTables.hasNumberDash("A well-known 2026 award - and more", 0, 34));
        assertFalse(ResultTables.hasNumberDash("3\n- Zidane", 2, 10), "the digit is on the line before");
    }

    @Test
    void competitorsNeedABracketAfterASpace() {
        String line = "2. Venuste Niyongabo (Burundi) 3:51.01";
        assertTrue(ResultTables.hasBracketAfterSpace(line, 0, line.length()));
        assertFalse(ResultTables.hasBracketAfterSpace("Niyongabo(Burundi)", 0, 18));
        String two = "No brackets here\nKhan (Pakistan)";
        assertFalse(ResultTables.hasBracketAfterSpace(two, 0, two.indexOf('\n')), "the bracket is on the next line");
    }

    @Test
    void eachCheckHoldsWheneverItsExpressionMatches() {
        // Random lines of names, figures, dashes and brackets, between other lines: an expression
        // that matches a line its check turned away would be a result lost to the shortcut.
        String[] parts = {"Arsenal", "Red Star", "\u00c9toile", "\ud835\udc00bc", "Venuste Niyongabo", "(Burundi)",
            "(ENG)", "de", "of", "2", "10", "3.5", "1/2", "-", " - ", "- ", "12-", "7 -", ",", ";", ":", ".", " ", "  ",
            "\r", "beat", "the", "(", ")", "\u2019s", "a"};
        Random random = new Random(20261206);
        int matched = 0;
        for (int i = 0; i < 50_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(9); k >= 0; k--) {
                b.append(parts[random.nextInt(parts.length)]);
                if (random.nextBoolean()) {
                    b.append(' ');
                }
            }
            String line = b.toString();
            String text = "Before, 3 -\n" + line + "\n(after) 4 - X";
            int from = text.indexOf('\n') + 1;
            int to = from + line.length();
            Matcher score = ResultTables.SCORE_LINE.matcher(text).region(from, to);
            Matcher row = ResultTables.STANDINGS_ROW.matcher(text).region(from, to);
            if (score.matches() || row.matches()) {
                matched++;
                assertTrue(ResultTables.mayBeTableRow(text, from, to), line);
            }
            if (ResultTables.COMPETITOR.matcher(text).region(from, to).find()) {
                matched++;
                assertTrue(ResultTables.hasBracketAfterSpace(text, from, to), line);
            }
            if (ResultTables.SHIRT_NUMBER.matcher(text).region(from, to).find()) {
                matched++;
                assertTrue(ResultTables.hasNumberDash(text, from, to), line);
            }
        }
        assertTrue(matched > 1_000, "lines an expression matched: " + matched);
    }
}
