package newsflow.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.junit.jupiter.api.Test;

/** {@link TreeWalk} visits what Jsoup's {@link NodeTraversor} visits, in the same order and at the same depths. */
class TreeWalkTest {

    /** Records each visit as "head|tail depth node-identity". */
    private static final class Recorder implements NodeVisitor {
        final List<String> visits = new ArrayList<>();

        @Override
        public void head(Node node, int depth) {
            visits.add("head " + depth + " " + System.identityHashCode(node) + " " + node.nodeName());
        }

        @Override
        public void tail(Node node, int depth) {
            visits.add("tail " + depth + " " + System.identityHashCode(node) + " " + node.nodeName());
        }
    }

    private static void assertSameVisits(Node root) {
        Recorder jsoup = new Recorder();
        NodeTraversor.traverse(jsoup, root);
        Recorder ours = new Recorder();
        TreeWalk.walk(root, ours);
        assertEquals(jsoup.visits, ours.visits);
    }

    @Test
    void aPageIsVisitedAsJsoupVisitsIt() {
        Document doc = Jsoup.parse("<!doctype html><html><head><title>T</title><script>x</script></head><body>"
                + "<div id=a><p>One <a href=x>two</a> three<br>four</p><!-- c --><ul><li>a<li>b</ul></div>"
                + "<table><tr><td>cell</td></tr></table>text</body></html>");
        assertSameVisits(doc);
        assertSameVisits(doc.body());
        assertSameVisits(doc.selectFirst("ul"));
    }

    @Test
    void aLeafAloneIsVisitedOnce() {
        Document doc = Jsoup.parse("<p>only</p>");
        assertSameVisits(doc.selectFirst("p").childNode(0));
    }

    @Test
    void deeplyNestedMarkupIsWalked() {
        String deep = "<div>".repeat(20_000) + "x" + "</div>".repeat(20_000);
        Document doc = Jsoup.parse(deep);
        assertSameVisits(doc);
    }

    @Test
    void aSharedWalkVisitsTheInnerNodeAsItsOwnWalkWouldAndTheWholeTreeAsBefore() {
        Document doc = Jsoup.parse("<html><head><title>T</title></head><body><div><p>One <b>two</b></p>"
                + "<ul><li>a<li>b</ul></div><p>after</p></body></html>");
        for (Node inner : List.of(doc, doc.body(), doc.selectFirst("ul"), doc.selectFirst("b").childNode(0))) {
            Recorder whole = new Recorder();
            Recorder part = new Recorder();
            TreeWalk.walk(doc, whole, inner, part);

            Recorder wholeAlone = new Recorder();
            TreeWalk.walk(doc, wholeAlone);
            Recorder partAlone = new Recorder();
            TreeWalk.walk(inner, partAlone);
            assertEquals(wholeAlone.visits, whole.visits);
            assertEquals(partAlone.visits, part.visits);
        }
    }

    @Test
    void aSharedWalkShowsTheInnerVisitorNothingWhenItsNodeLiesElsewhere() {
        Document doc = Jsoup.parse("<p>one</p>");
        Document other = Jsoup.parse("<p>two</p>");
        Recorder part = new Recorder();

        TreeWalk.walk(doc, new Recorder(), other.body(), part);

        assertEquals(List.of(), part.visits);
    }
}
