package newsflow.clean;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/**
 * Jsoup's HTML parse with one parser per thread, reused from page to page.
 *
 * <p>{@link Jsoup#parse(String, String)} builds a new {@link Parser} for every page, and each new
 * parser starts from an empty copy of Jsoup's tag set: every tag a page uses is cloned into it
 * again (about a twentieth of the parse on news pages, measured on Jsoup 1.21.2). A reused
 * parser keeps the tags it has met (Jsoup's documented behaviour: its
 * {@link Parser#tagSet() tag set} "will contain any new tags that were found in the document"),
 * so later pages find them. The tree is the one {@link Jsoup#parse(String, String)} builds:
 * Jsoup (checked on 1.21.2 and 1.24.1, by {@code HtmlParsersTest}) resets every other part of
 * the parser's state at the start of a parse, and the only state a tag carries from an earlier
 * page is whether it was once written self-closing, which matters only when a tree is written
 * back out as HTML; the clean stage never does that, nor changes the parser through a
 * document's {@code parser()}.
 *
 * <p>Bounded: a page full of invented tag names adds each to the tag set, so a thread's parser
 * is replaced before it would read more than {@value #RENEW_AFTER_CHARS} characters of HTML,
 * and a longer page gets a parser of its own; a tag set so holds the tags of at most that much
 * markup. After each page the parser reads an empty one, so it does not keep the last page's
 * tree alive while its thread waits for work. Thread-safe (each thread uses its own parser).
 */
final class HtmlParsers {

    /** HTML read by one parser before it is replaced: about twenty news pages. */
    static final long RENEW_AFTER_CHARS = 4_000_000;

    private static final ThreadLocal<Reused> PARSERS = ThreadLocal.withInitial(() -> new Reused(RENEW_AFTER_CHARS));

    private HtmlParsers() {
    }

    /** The page parsed as {@link Jsoup#parse(String, String)} parses it. */
    static Document parse(String html, String baseUri) {
        return PARSERS.get().parse(html, baseUri);
    }

    /** This thread's parser, for tests. */
    static Parser parserOfThisThread() {
        return PARSERS.get().parser();
    }

    /** A parser reused until it would have read {@code renewAfterChars} of HTML, then replaced. Confined to one thread. */
    static final class Reused {
        private final long renewAfterChars;
        private Parser parser = Parser.htmlParser();
        private long chars;

        Reused(long renewAfterChars) {
            this.renewAfterChars = renewAfterChars;
        }

        /** The parser the next page goes to, unless that page would take it over its share. */
        Parser parser() {
            return parser;
        }

        Document parse(String html, String baseUri) {
            if (html.length() > renewAfterChars) {
                return Jsoup.parse(html, baseUri); // a parser of its own, dropped after
            }
            if (chars + html.length() > renewAfterChars) {
                parser = Parser.htmlParser();
                chars = 0;
            }
            chars += html.length();
            Document doc = parser.parseInput(html, baseUri);
            parser.parseInput("", ""); // the parser lets go of the page's tree
            return doc;
        }
    }
}
