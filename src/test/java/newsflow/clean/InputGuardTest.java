package newsflow.clean;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InputGuardTest {

    private static final String TEXT = "<p>Ministers met on Tuesday to agree the budget.</p>\n";

    private static String textOf(int chars) {
        return TEXT.repeat(chars / TEXT.length() + 1).substring(0, chars);
    }

    @Test
    void aNulByteInTheFirst8000CharactersMarksAPageBinary() {
        assertTrue(InputGuard.looksBinary(textOf(7_000) + "\u0000" + textOf(20_000)));
    }

    @Test
    void controlBytesAboveOnePercentOfTheSampleMarkAPageBinary() {
        assertTrue(InputGuard.looksBinary("\u0001\u0002\u0003\u0004".repeat(25) + textOf(7_000)));
        assertFalse(InputGuard.looksBinary("\u0001\u0002\u0003\u0004".repeat(10) + textOf(7_000)));
    }

    @Test
    void onlyTheFirst8000CharactersAreRead() {
        // As Git tells binary from text by the first 8,000 bytes: a text preamble that long
        // carries the page to the parser, which bounds its own work.
        assertFalse(InputGuard.looksBinary(textOf(InputGuard.SAMPLE_CHARS) + "\u0000\u0001\u0002".repeat(1_000)));
    }

    @Test
    void tabsLineBreaksAndFormFeedsAreText() {
        assertFalse(InputGuard.looksBinary("a\tb\r\nc\fd\n".repeat(1_000)));
    }
}
