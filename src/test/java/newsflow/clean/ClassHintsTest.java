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
}
