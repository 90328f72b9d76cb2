package newsflow.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class ClassHintsTest {

    @Test
    void theHintOfClassAndIdTogetherIsTheStrongerOfTheirHints() {
        List<String> names = List.of("", "story-body", "share-bar", "Byline", "menu-item", "ad300", "card",
                "article-body widget", "nav", "related_links", "main", "entry-content", "x");
        for (String cls : names) {
            for (String id : names) {
                Element el = Jsoup.parse("<div class=\"" + cls + "\" id=\"" + id + "\"></div>").body().child(0);
                assertEquals(ClassHints.negative(el), Math.max(ClassHints.negative(cls), ClassHints.negative(id)),
                        "class '" + cls + "' id '" + id + "'");
            }
        }
    }

    @Test
    void namesThatOnlySayHowSomethingIsShownAreNoChromeHint() {
        // Drupal's hidden field label, Bootstrap's responsive hiding: the element itself is shown.
        assertEquals(ClassHints.NONE, ClassHints.negative("field field--name-body field--label-hidden"));
        assertEquals(ClassHints.NONE, ClassHints.negative("hidden-xs"));
    }

    @Test
    void aPublishedEntrysCategoryAndTagClassesAreTopicsNotChrome() {
        assertEquals(ClassHints.NONE, ClassHints.negative(
                "post-7972 post type-post status-publish format-standard category-newsletter tag-comments"));
        assertEquals(ClassHints.NONE, ClassHints.negative("hentry category-related-news"));
        assertEquals(ClassHints.STRONG, ClassHints.negative("category-newsletter"));
    }

    @Test
    void aPublishedEntrysOwnNamesKeepTheirHints() {
        // Themes print post_class() on related-post and archive entries too.
        assertEquals(ClassHints.STRONG, ClassHints.negative("ast-related-post post-12 type-post status-publish hentry"));
        assertEquals(ClassHints.STRONG, ClassHints.negative("prototype-sidebar status-publish"));
    }
}
