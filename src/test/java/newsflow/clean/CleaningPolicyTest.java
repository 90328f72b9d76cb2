package newsflow.clean;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import newsflow.ingest.RawPage;
import org.junit.jupiter.api.Test;

class CleaningPolicyTest {

    @Test
    void everySignalIsOnByDefaultAndCanBeSwitchedOffAlone() {
        for (CleaningSignal signal : CleaningSignal.values()) {
            CleaningPolicy policy = CleaningPolicy.newsDefaults().without(signal);
            assertFalse(policy.uses(signal), signal.name());
            for (CleaningSignal other : CleaningSignal.values()) {
                assertTrue(CleaningPolicy.newsDefaults().uses(other));
                assertTrue(other == signal || policy.uses(other), other + " without " + signal);
            }
        }
        assertFalse(CleaningPolicy.newsDefaults().without(CleaningSignal.PARAGRAPH_MODEL).paragraphModel());
        assertTrue(CleaningPolicy.newsDefaults().withParagraphModel(false).withParagraphModel(true).paragraphModel());
    }

    @Test
    void withoutClassHintsARelatedStoriesBlockInsideTheArticleIsKept() {
        String related = "Mayors across the region said the new transit plan would cost far more than the council "
                + "had admitted, and asked for an independent review of the figures before any work begins.";
        String html = "<html><head><title>Council approves transit plan</title></head><body><article>"
                + "<p>The city council approved a new transit plan on Monday after months of debate about its "
                + "cost and the routes it would serve across the northern districts of the city.</p>"
                + "<p>Under the plan, bus service will expand to three new districts next spring, and the "
                + "council will review the timetable after six months of service.</p>"
                + "<div class=\"related-stories\"><p>" + related + "</p></div></article></body></html>";
        RawPage page = RawPage.ofHtml("https://news.example/transit", html);
        String withHints = new ArticleCleaner(CleaningPolicy.newsDefaults()).clean(page).text();
        String without = new ArticleCleaner(CleaningPolicy.newsDefaults().without(CleaningSignal.CLASS_HINTS)).clean(page).text();
        assertFalse(withHints.contains("Mayors across the region"), withHints);
        assertTrue(without.contains("Mayors across the region"), without);
        assertNotEquals(withHints, without);
    }
}
