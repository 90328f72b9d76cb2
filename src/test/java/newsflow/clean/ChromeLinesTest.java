package newsflow.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void relatedStoryHeadingsAreChromeInTheOtherNewsLanguagesToo() {
        for (String s : List.of("Ähnliche Beiträge", "Auch interessant:", "Schon gelesen?", "Mehr zum Thema:",
                "Articles liés", "À lire aussi", "Noticias relacionadas", "Leggi anche", "Veja também:", "Lees ook",
                "Czytaj także", "Читайте также")) {
            assertTrue(ChromeLines.isChrome(s), s);
        }
    }

    @Test
    void noticesAreFoundThroughEachKindOfKeyword() {
        for (String s : List.of("Please enable JavaScript to view the comments.",
                "© Example Media",
                "© 2024 Example Media. All rights reserved.",
                "We use cookies to improve your experience.",
                "Your email address will not be published. Required fields are marked *",
                "Sign up for our daily newsletter",
                "Download our News app",
                "Please disable your ad blocker to support us.",
                // Not opening with the sign (which the label pattern takes): found by the notices only.
                "Text and images \u00a9 Example Media 2024",
                "Photos (c) 2024 Example Media",
                "Read our privacy policy and terms of use before you comment.",
                "Email Jane Doe at jane.doe@example.com with tips.")) {
            assertTrue(ChromeLines.isChrome(s), s);
        }
    }

    @Test
    void aKeywordWithoutItsNoticeIsStoryText() {
        for (String s : List.of("The council said the cookie factory would close in March.",
                "He signed the contract on Tuesday, the club said.",
                "The app was downloaded two million times in its first week.")) {
            assertFalse(ChromeLines.isChrome(s), s);
        }
    }

    @Test
    void aSentenceThatOpensWithSuchWordsIsStoryText() {
        assertFalse(ChromeLines.isChrome("Lesen Sie auch die Begründung des Gerichts, die am Montag veröffentlicht wurde."));
        assertFalse(ChromeLines.isChrome("Weitere Artikel des Gesetzes regeln die Haftung der Betreiber."));
    }

    /** Phrases of every notice and newsletter plea, near misses, and noise, for random lines. */
    private static final String[] NOTICE_PIECES = {"Please disable your ad blocker", "AdBlock", "ad-block", "whitelist us",
        "allow list us", "allowlisting our", "Your email address will not be published.", "Required fields are marked *",
        "Log in to comment", "sign in to read", "Register to reply", "We use cookies", "accept all cookies",
        "privacy policy and terms", "terms of service", "© 2024", "(c) 2019", "All rights reserved", "Follow us on",
        "FOLLOW HER @", "Email Jane Doe at jane@example.com", "Contact John Smith at js@x.org", "Please enable JavaScript",
        "your browser does not support", "is available to you thanks to", "Get the BBC app", "Download our news app",
        "support independent journalism", "Donate now", "Sign up for our free newsletter", "signing up to your inbox",
        "Subscribe now", "daily newsletters", "you", "read", "already", "happen", "apply", "contact", "mail", "thanks",
        "block", "allowed", "design", "the", " ", " ", "", "app", "ſ", "İ", "\u212a",
        // Phrases in letters that case-blind matching takes for ASCII ones.
        "Please allowlıst us", "SİGN İN TO COMMENT", "Sıgn up for our daily newsletter", "Support independent journalısm",
        "enable JAVAſCRIPT", "we uſe cookies", "ALL RİGHTS RESERVED", "Follow uſ on", "Donate Now", "reſerved"};

    @Test
    void everyNoticeAndPleaThatMatchesHasOneOfItsKeywords() {
        java.util.Random random = new java.util.Random(15);
        for (int i = 0; i < 100_000; i++) {
            StringBuilder line = new StringBuilder();
            for (int p = 1 + random.nextInt(4); p > 0; p--) {
                line.append(NOTICE_PIECES[random.nextInt(NOTICE_PIECES.length)]).append(random.nextBoolean() ? " " : "");
            }
            String s = line.toString().strip();
            int keywords = ChromeLines.keywordGroupsIn(s);
            for (int n = 0; n < ChromeLines.NOTICES.size(); n++) {
                if (ChromeLines.NOTICES.get(n).pattern().matcher(s).find()) {
                    assertTrue((keywords & (1 << n)) != 0, "notice " + n + " matches without its keywords: " + s);
                }
            }
            if (ChromeLines.NEWSLETTER.matcher(s).find()) {
                assertTrue((keywords & ChromeLines.NEWSLETTER_GROUP) != 0, "newsletter plea without its keywords: " + s);
            }
        }
    }

    /** Case-blind matching takes a character for an ASCII letter exactly when folding makes it that letter. */
    @Test
    void foldingReadsCharactersAsCaseBlindPatternsDo() {
        for (char letter = 'a'; letter <= 'z'; letter++) {
            Pattern p = Pattern.compile("(?iu)" + letter);
            for (int c = 0; c <= Character.MAX_VALUE; c++) {
                String s = String.valueOf((char) c);
                boolean folded = ChromeLines.folded(s).equals(String.valueOf(letter));
                assertEquals(p.matcher(s).matches(), folded, "U+" + Integer.toHexString(c) + " as " + letter);
            }
        }
    }
}
