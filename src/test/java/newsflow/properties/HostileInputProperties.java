package newsflow.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import newsflow.clean.ArticleCleaner;
import newsflow.clean.CleaningPolicy;
import newsflow.clean.UnusablePageException;
import newsflow.core.CleanArticle;
import newsflow.core.Mention;
import newsflow.core.RecordFailure;
import newsflow.core.TaggedEntity;
import newsflow.entities.SharedTagger;
import newsflow.ingest.InvalidPageException;
import newsflow.ingest.RawPage;
import newsflow.ingest.RawPageCodec;

/**
 * Careless and hostile inputs, generated: whatever a scraper sends, the codec, the cleaner and
 * the tagger each end in one of their stated outcomes (a value, or the exception that becomes a
 * dead letter with a reason), never in another exception, an {@code Error} or a hang.
 */
class HostileInputProperties {

    private static final RawPageCodec CODEC = new RawPageCodec(1_000_000);
    private static final ArticleCleaner CLEANER = new ArticleCleaner(CleaningPolicy.newsDefaults());

    // ---- the raw record codec -----------------------------------------------------------

    @Property(tries = 1000)
    void anyBytesDecodeToAPageOrAnInvalidPageReason(@ForAll("rawValues") byte[] value) {
        try {
            RawPage page = CODEC.decode(value);
            assertNotNull(page.url());
        } catch (InvalidPageException e) {
            assertNotNull(e.getMessage(), "a dead letter needs a reason");
        }
    }

    @Provide
    Arbitrary<byte[]> rawValues() {
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(2000);
        Arbitrary<byte[]> json = jsonObjects().map(s -> s.getBytes(StandardCharsets.UTF_8));
        return Arbitraries.oneOf(bytes, json, json);
    }

    /** JSON objects with the record's keys, duplicates, wrong types, nesting, lone surrogates. */
    private static Arbitrary<String> jsonObjects() {
        Arbitrary<String> keys = Arbitraries.of("url", "html", "text", "title", "source", "publishedAt",
            "fetchedAt", "language", "htmlBase64", "x", "");
        Arbitrary<String> strings = Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(80),
            Arbitraries.of("https://a.example/1", "2024-06-12T08:00:00Z", "1718179200", "\\ud800", "\\udfff x",
                "<p>" + "word ".repeat(60) + "</p>", "x".repeat(5000)),
            Arbitraries.strings().withChars('\u0000', '\r', '\n', '"', '\\', '\ud83d').ofMaxLength(20));
        Arbitrary<String> values = Arbitraries.oneOf(
            strings.map(HostileInputProperties::quote),
            Arbitraries.integers().map(String::valueOf),
            Arbitraries.of("null", "true", "[]", "{}", "[1,[2,[3]]]", "{\"a\":{\"b\":{\"c\":1}}}", "1e999"));
        Arbitrary<String> member = Combinators.combine(keys, values).as((k, v) -> quote(k) + ":" + v);
        return member.list().ofMaxSize(9).map(ms -> "{" + String.join(",", ms) + "}");
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\\\", "\\\\\\\\").replace("\"", "\\\"") + "\"";
    }

    // ---- the cleaner ---------------------------------------------------------------------

    @Property(tries = 300)
    void anyMarkupCleansToAnArticleOrAnUnusablePageReason(@ForAll("markup") String html) {
        try {
            CleanArticle a = CLEANER.clean(RawPage.ofHtml("https://h.example/p", html));
            assertNotNull(a.text());
        } catch (UnusablePageException | RecordFailure e) {
            assertNotNull(e.getMessage(), "a dead letter needs a reason");
        }
    }

    @Provide
    Arbitrary<String> markup() {
        Arbitrary<String> text = Arbitraries.oneOf(
            Arbitraries.strings().alpha().withChars(' ', '.', ',', '&', ';', '#').ofMaxLength(300),
            Arbitraries.of("The council met on Monday. The mayor said the budget was final. ".repeat(8),
                "&amp;&#0;&#xD800;&bogus;", "\ud800 lone", "x".repeat(20_000)));
        Arbitrary<String> tag = Arbitraries.of("p", "div", "article", "main", "nav", "script", "style", "table",
            "td", "li", "h1", "span", "a", "svg", "template", "noscript", "iframe", "x-unknown");
        Arbitrary<String> element = Combinators.combine(tag, text, Arbitraries.integers().between(0, 300))
            .as((t, body, depth) -> ("<" + t + " class=\"c\">").repeat(depth) + body + ("</" + t + ">").repeat(depth / 2));
        return element.list().ofMaxSize(12).map(parts -> "<html><head><title>T</title></head><body>"
            + String.join("", parts) + "</body></html>");
    }

    // ---- the entity tagger -----------------------------------------------------------------

    @Property(tries = 150)
    void anyTextIsTaggedWithMentionsThatPointIntoIt(@ForAll("texts") String text) {
        List<TaggedEntity> entities = SharedTagger.get().tag(null, text);
        for (TaggedEntity e : entities) {
            assertTrue(!e.mentions().isEmpty(), "an entity has a mention");
            for (Mention m : e.mentions()) {
                assertTrue(m.start() >= 0 && m.end() <= text.length() && m.start() < m.end(), m.toString());
                assertEquals(m.text(), text.substring(m.start(), m.end()));
            }
        }
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> word = Arbitraries.oneOf(
            Arbitraries.of("Angela", "Merkel", "Paris", "Reuters", "said", "the", "of", "Inc", "Ltd", "van", "der",
                "Mr", "Dr", "U.S.", "al-Assad", "O'Neill", "Kim", "Jong", "Un", "BERLIN", "(Reuters)", "-", "--",
                "\"", "'s", "&", "...", "\n", "\n\n", ".", ",", "?", "!", ":", ";", "(", ")", "Share", "Facebook"),
            Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12),
            Arbitraries.strings().withCharRange('\u0400', '\u04ff').ofMinLength(1).ofMaxLength(8),
            Arbitraries.of("\ud800", "\udc00", "\ud83d\ude00", "\u200b", "\u00a0", "x".repeat(150), "A".repeat(3000)));
        return word.list().ofMaxSize(400).map(ws -> String.join(" ", ws));
    }
}
