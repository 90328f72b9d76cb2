package newsflow.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/** {@link HtmlParsers}: a reused parser builds the tree a fresh {@link Jsoup#parse(String, String)} builds, and is replaced in time. */
class HtmlParsersTest {

    /** Every node, in document order: its name, namespace, attributes in order, and its own text, data or comment. */
    private static String tree(Node root) {
        StringBuilder out = new StringBuilder();
        TreeWalk.walk(root, (node, depth) -> {
            out.append(depth).append(' ').append(node.nodeName());
            if (node instanceof Element el) {
                out.append(' ').append(el.tag().namespace());
                for (Attribute a : el.attributes()) {
                    out.append(' ').append(a.getKey()).append('=').append(a.getValue());
                }
            } else if (node instanceof TextNode t) {
                out.append(' ').append(t.getWholeText());
            } else if (node instanceof DataNode d) {
                out.append(' ').append(d.getWholeData());
            } else if (node instanceof Comment c) {
                out.append(' ').append(c.getData());
            } else if (node instanceof DocumentType d) {
                out.append(' ').append(d.name()).append(' ').append(d.publicId()).append(' ').append(d.systemId());
            }
            out.append('\n');
        });
        return out.toString();
    }

    private static void assertParsedAsJsoupDoes(HtmlParsers.Reused reused, String html) {
        assertEquals(tree(Jsoup.parse(html, "https://example.org/a")), tree(reused.parse(html, "https://example.org/a")));
    }

    @Test
    void parsesEveryPageOfBothBenchmarksAsAFreshParseDoes() throws IOException {
        List<String> pages = BenchmarkPages.all();
        // One parser for all 732 pages: each page meets the tags the pages before it left behind.
        HtmlParsers.Reused reused = new HtmlParsers.Reused(Long.MAX_VALUE);
        for (String html : pages) {
            assertParsedAsJsoupDoes(reused, html);
        }
    }

    @Test
    void whatAnEarlierPageLeftOpenOrSelfClosedDoesNotChangeTheNextPagesTree() {
        HtmlParsers.Reused reused = new HtmlParsers.Reused(Long.MAX_VALUE);
        // Self-closed tags, and a page that ends inside formatting, a table, a select, a template and SVG.
        assertParsedAsJsoupDoes(reused, "<p><my-widget/><div/><span/><svg><path/></svg></p>");
        assertParsedAsJsoupDoes(reused, "<b><i>open <table><tr><td>cell<select><option>o"
            + "<template><p>t<svg><g><title>x");
        assertParsedAsJsoupDoes(reused, "<div><my-widget><b>x</b></my-widget><span>y</span></div><p>z"
            + "<svg><path>w</path></svg><table><td>c</table>");
    }

    @Test
    void aParserIsReplacedBeforeItWouldReadMoreThanItsShareOfHtml() {
        HtmlParsers.Reused reused = new HtmlParsers.Reused(100);
        Parser first = reused.parser();
        reused.parse(page(60), "");
        reused.parse(page(40), "");
        assertSame(first, reused.parser(), "exactly 100 characters read: kept");
        reused.parse(page(1), "");
        assertNotSame(first, reused.parser(), "101 would be more than 100: replaced before that page");
    }

    @Test
    void aPageLongerThanAParsersShareGetsAParserOfItsOwn() {
        HtmlParsers.Reused reused = new HtmlParsers.Reused(100);
        Parser first = reused.parser();
        String longPage = page(500);
        assertEquals(tree(Jsoup.parse(longPage, "")), tree(reused.parse(longPage, "")));
        reused.parse(page(100), "");
        assertSame(first, reused.parser(), "the long page counted nothing against the reused parser");
    }

    /** A page of exactly {@code chars} characters. */
    private static String page(int chars) {
        String html = "<p>" + "x".repeat(Math.max(0, chars - 7)) + "</p>";
        return html.length() == chars ? html : "x".repeat(chars);
    }

    @Test
    void eachThreadParsesWithAParserOfItsOwn() throws InterruptedException {
        String html = "<article><h1>T</h1><p>Body</p></article>";
        String[] other = new String[1];
        Parser[] otherParser = new Parser[1];
        Thread t = new Thread(() -> {
            other[0] = tree(HtmlParsers.parse(html, ""));
            otherParser[0] = HtmlParsers.parserOfThisThread();
        });
        t.start();
        t.join();
        assertEquals(tree(Jsoup.parse(html, "")), tree(HtmlParsers.parse(html, "")));
        assertEquals(tree(Jsoup.parse(html, "")), other[0]);
        assertNotSame(HtmlParsers.parserOfThisThread(), otherParser[0]);
    }
}
