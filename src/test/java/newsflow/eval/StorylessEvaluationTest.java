package newsflow.eval;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** How a page is made story-less: its story's paragraphs (and their container) go, its chrome stays. */
class StorylessEvaluationTest {

    private static final String P1 = "The harbour authority said on Friday that the new quay would open in the spring.";
    private static final String P2 = "Fishing crews said the delay would cost them another season of higher fees.";
    private static final String FOOTER = "Registration on or use of this site constitutes acceptance of our terms.";

    @Test
    void theStoryAndTheContainerThatHoldsLittleElseAreTakenOutAndTheChromeStays() {
        String html = "<html><head><script type=\"application/ld+json\">{\"articleBody\":\"" + P1 + "\"}</script></head>"
                + "<body><nav><a href=\"/\">Home</a></nav><div class=\"story\"><p>" + P1 + "</p><p>" + P2 + "</p>"
                + "<span>Photo: port office</span></div><div class=\"legal\">" + FOOTER + "</div></body></html>";

        String storyless = StorylessEvaluation.withoutStory(html, P1 + "\n\n" + P2);

        assertFalse(storyless.contains("harbour authority"), storyless);
        assertFalse(storyless.contains("Fishing crews"), storyless);
        assertFalse(storyless.contains("Photo: port office"), "the emptied container goes with its caption: " + storyless);
        assertFalse(storyless.contains("ld+json"), storyless);
        assertTrue(storyless.contains(FOOTER), storyless);
        assertTrue(storyless.contains("Home"), storyless);
    }

    @Test
    void aPageThatIsOneParagraphLosesItAndKeepsItsBody() {
        String storyless = StorylessEvaluation.withoutStory("<html><body><p>" + P1 + "</p></body></html>", P1);

        assertFalse(storyless.contains("harbour authority"), storyless);
        assertTrue(storyless.contains("<body>"), storyless);
    }

    @Test
    void paragraphsStraightInTheBodyGoOneByOneAndTheirNeighboursStay() {
        String aside = "Our newsroom has covered the port and its people for more than ninety years, from the great "
                + "storm of the fifties to the container terminal that opened last spring, and it will go on doing so.";
        String html = "<html><body><p>" + P1 + "</p><div>" + aside + "</div><p>" + P2 + "</p></body></html>";

        String storyless = StorylessEvaluation.withoutStory(html, P1 + "\n\n" + P2);

        assertFalse(storyless.contains("harbour authority"), storyless);
        assertFalse(storyless.contains("Fishing crews"), storyless);
        assertTrue(storyless.contains("Our newsroom"), storyless);
    }
}
