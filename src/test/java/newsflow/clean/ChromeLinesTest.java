package newsflow.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class ChromeLinesTest {

    /** The definition the loop replaced. */
    private static final Pattern PUNCTUATION_ONLY = Pattern.compile("^[\\p{P}\\p{S}\\s]*$");

    @Test
    void aLineOfPunctuationSymbolsAndSpacesIsPunctuationOnlyAndAnyLetterDigitOrOtherSpaceIsNot() {
        for (String s : List.of("", " ", "***", "— • —", "« » | / \\", "© ® ™ € $ 😀", "...\t\n", "\u00A0",
                "* a *", "1.", "->", "§§ 12", "«Zitat»", "· · ·\r\n", "\u2028", "中文。")) {
            assertEquals(PUNCTUATION_ONLY.matcher(s).matches(), ChromeLines.isPunctuationOnly(s), "'" + s + "'");
        }
    }
}
