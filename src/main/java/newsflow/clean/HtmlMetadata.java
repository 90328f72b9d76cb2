package newsflow.clean;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeVisitor;

/**
 * Page metadata read from an HTML document before pruning: JSON-LD, meta tags, microdata and
 * the title. Fields are {@code null} when the page does not state them. Immutable.
 *
 * @param title        headline without the site-name suffix
 * @param byline       cleaned authors
 * @param publishedAt  ISO publication date, never after the fetch time
 * @param siteName     publisher or site name
 * @param language     declared language (ISO 639-1), a fallback for detection
 * @param articleBody  JSON-LD articleBody, the publisher's own copy of the text
 * @param domDepth     deepest node nesting of the page, measured in the same walk
 */
record HtmlMetadata(String title, String byline, String publishedAt, String siteName,
                    String language, String articleBody, int domDepth) {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.ALLOW_UNQUOTED_CONTROL_CHARS)
            .enable(JsonParser.Feature.ALLOW_SINGLE_QUOTES)
            .enable(JsonParser.Feature.ALLOW_COMMENTS)
            .build();
    private static final Set<String> ARTICLE_TYPES = Set.of("newsarticle", "article", "blogposting",
            "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle", "reviewnewsarticle",
            "backgroundnewsarticle", "socialmediaposting", "liveblogposting", "techarticle",
            "scholarlyarticle", "report", "posting", "blog");
    private static final String[] DATE_META = {"article:published_time", "og:published_time",
        "published_time", "article.published", "pubdate", "publishdate", "publish-date", "publish_date",
        "date", "dc.date", "dc.date.issued", "dcterms.created", "dcterms.date", "sailthru.date",
        "parsely-pub-date", "citation_publication_date", "datepublished", "article_date_original",
        "original-publish-date", "cxenseparse:recs:publishtime"};
    private static final String[] AUTHOR_META = {"author", "article:author", "byl", "parsely-author",
        "sailthru.author", "dc.creator", "citation_author", "twitter:creator:name"};
    private static final Pattern URL_DATE = Pattern.compile("/((?:19|20)\\d{2})[/-](\\d{1,2})[/-](\\d{1,2})(?:/|-|$)");
    private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+[|\\-–—:·»]\\s+");
    private static final String[] META_KEYS = {"property", "name", "itemprop", "http-equiv"};
    private static final int MAX_DATE_ELEMENTS = 20;
    private static final int MAX_JSON_LD_CHARS = 2_000_000;

    /**
     * What one walk over the page collects for the metadata readers: a visitor of the whole
     * document, which {@link #read(Signals, String, Instant)} reads once the walk has ended.
     * One instance reads one page; not thread-safe.
     */
    static final class Signals implements NodeVisitor {
        final Map<String, String> metas = new HashMap<>();
        final List<String> jsonLd = new ArrayList<>();
        final List<Element> dates = new ArrayList<>();
        Element articleH1;
        Element headline;
        Element firstH1;
        Element author;
        String lang;
        String title;
        int depth;

        @Override
        public void head(Node node, int depth) {
            if (depth > this.depth) {
                this.depth = depth;
            }
            if (node instanceof Element el) {
                see(el);
            }
        }

        private void see(Element el) {
            switch (el.normalName()) {
                case "meta" -> addMeta(el);
                case "script" -> {
                    if (Attrs.get(el, "type").equalsIgnoreCase("application/ld+json")) {
                        jsonLd.add(el.data());
                    }
                }
                case "html" -> lang = el.attr("lang");
                case "title" -> {
                    if (title == null && el.closest("svg") == null) {
                        title = el.text();
                    }
                }
                case "h1" -> {
                    if (firstH1 == null) {
                        firstH1 = el;
                    }
                    if (articleH1 == null && el.closest("article") != null) {
                        articleH1 = el;
                    }
                }
                case "time" -> {
                    if ((el.hasAttr("datetime") || el.hasAttr("pubdate")) && dates.size() < MAX_DATE_ELEMENTS) {
                        dates.add(el);
                    }
                }
                default -> {
                }
            }
            Attributes attrs = Attrs.of(el);
            if (attrs == null) {
                return; // most elements: nothing more to read
            }
            String itemprop = attrs.get("itemprop");
            if (!itemprop.isEmpty()) {
                if (itemprop.equalsIgnoreCase("headline") && headline == null) {
                    headline = el;
                } else if (itemprop.equalsIgnoreCase("datePublished") && dates.size() < MAX_DATE_ELEMENTS) {
                    dates.add(0, el);
                } else if (itemprop.equalsIgnoreCase("author") && author == null) {
                    Element name = el.selectFirst("[itemprop=name]");
                    author = name != null ? name : el;
                }
            }
            if (author == null && (attrs.get("rel").equalsIgnoreCase("author") || isBylineClass(Attrs.className(attrs)))) {
                author = el;
            }
        }

        private static boolean isBylineClass(String cls) {
            if (cls.isEmpty()) {
                return false;
            }
            String c = cls.toLowerCase(Locale.ROOT);
            return c.contains("byline") || c.contains("author-name") || c.contains("article-author");
        }

        private void addMeta(Element m) {
            String v = m.attr("content").strip();
            if (v.isEmpty()) {
                return;
            }
            for (String attr : META_KEYS) {
                String k = m.attr(attr);
                if (!k.isBlank()) {
                    metas.putIfAbsent(k.strip().toLowerCase(Locale.ROOT), v);
                }
            }
        }
    }

    /**
     * Reads metadata from the signals a walk of the whole page collected
     * ({@code TreeWalk.walk(page, signals)}, or a walk shared with another reader);
     * {@code fetchedAt} bounds publication dates.
     */
    static HtmlMetadata read(Signals signals, String url, Instant fetchedAt) {
        List<JsonNode> ld = jsonLd(signals.jsonLd);
        Map<String, String> metas = signals.metas;
        JsonNode article = firstArticle(ld);
        String siteName = firstNonBlank(meta(metas, "og:site_name"), publisherName(article),
                meta(metas, "application-name"), siteNameFromLd(ld));
        String title = title(signals, metas, article, siteName);
        String byline = byline(signals, metas, article);
        String published = published(signals, metas, article, url, fetchedAt);
        String lang = declaredLanguage(signals, metas);
        String body = article == null ? null : text(article.get("articleBody"));
        return new HtmlMetadata(title, byline, published, siteName, lang, body, signals.depth);
    }

    // ---- JSON-LD ----

    private static List<JsonNode> jsonLd(List<String> scripts) {
        List<JsonNode> out = new ArrayList<>();
        for (String data : scripts) {
            if (data.length() > MAX_JSON_LD_CHARS) {
                continue;
            }
            try {
                JsonNode node = JSON.readTree(withoutTrailingSemicolon(data.strip()));
                if (node != null) {
                    flatten(node, out);
                }
            } catch (IOException e) {
                // Broken structured data is common; the other signals still apply.
            }
        }
        return out;
    }

    /**
     * {@code t.replaceAll(";\s*$", "")} for a stripped {@code t}, reading only its end: a
     * script that ends in "};" (JSON-LD written as a JavaScript statement). The pattern could
     * only match the last ';', followed by {@code \s} (ASCII white space) up to where
     * {@code $} matches ({@link TextNormalizer#regexEnd}).
     */
    static String withoutTrailingSemicolon(String t) {
        int end = TextNormalizer.regexEnd(t);
        int i = end - 1;
        while (i >= 0 && TextNormalizer.isRegexSpace(t.charAt(i))) {
            i--;
        }
        if (i < 0 || t.charAt(i) != ';') {
            return t;
        }
        return t.substring(0, i) + t.substring(end);
    }


    /** Collects every object of the tree (arrays, @graph, nested) without recursion. */
    private static void flatten(JsonNode root, List<JsonNode> out) {
        Deque<JsonNode> todo = new ArrayDeque<>();
        todo.push(root);
        int seen = 0;
        while (!todo.isEmpty() && seen++ < 10_000) {
            JsonNode n = todo.pop();
            if (n.isArray()) {
                for (int i = n.size() - 1; i >= 0; i--) {
                    todo.push(n.get(i));
                }
            } else if (n.isObject()) {
                out.add(n);
                JsonNode graph = n.get("@graph");
                if (graph != null) {
                    todo.push(graph);
                }
                JsonNode main = n.get("mainEntity");
                if (main != null && (main.isObject() || main.isArray())) {
                    todo.push(main);
                }
            }
        }
    }

    private static JsonNode firstArticle(List<JsonNode> nodes) {
        for (JsonNode n : nodes) {
            if (hasType(n, ARTICLE_TYPES)) {
                return n;
            }
        }
        return null;
    }

    private static boolean hasType(JsonNode n, Set<String> types) {
        JsonNode t = n.get("@type");
        if (t == null) {
            return false;
        }
        if (t.isArray()) {
            for (JsonNode x : t) {
                if (types.contains(x.asText().toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
            return false;
        }
        return types.contains(t.asText().toLowerCase(Locale.ROOT));
    }

    private static String publisherName(JsonNode article) {
        if (article == null) {
            return null;
        }
        JsonNode p = article.get("publisher");
        if (p != null && p.isArray() && p.size() > 0) {
            p = p.get(0);
        }
        return p == null ? null : p.isTextual() ? p.asText() : text(p.get("name"));
    }

    private static String siteNameFromLd(List<JsonNode> nodes) {
        for (JsonNode n : nodes) {
            if (hasType(n, Set.of("website", "newsmediaorganization", "organization"))) {
                String name = text(n.get("name"));
                if (name != null) {
                    return name;
                }
            }
        }
        return null;
    }

    private static List<String> authorNames(JsonNode article) {
        List<String> names = new ArrayList<>();
        JsonNode a = article == null ? null : article.get("author");
        if (a == null) {
            return names;
        }
        Iterable<JsonNode> all = a.isArray() ? a : List.of(a);
        for (JsonNode x : all) {
            String name = x.isTextual() ? x.asText() : text(x.get("name"));
            if (name != null) {
                names.add(name);
            }
        }
        return names;
    }

    private static String text(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isArray()) {
            return n.size() == 0 ? null : text(n.get(0));
        }
        String s = n.isTextual() ? n.asText() : n.isValueNode() ? n.asText() : null;
        return s == null || s.isBlank() ? null : s.strip();
    }

    // ---- fields ----

    private static String title(Signals page, Map<String, String> metas, JsonNode article, String siteName) {
        String headline = article == null ? null : text(article.get("headline"));
        String og = meta(metas, "og:title");
        String twitter = meta(metas, "twitter:title");
        Element h1 = page.articleH1 != null ? page.articleH1 : page.headline != null ? page.headline : page.firstH1;
        String raw = firstNonBlank(headline, og, twitter, h1 == null ? null : h1.text(), page.title);
        if (raw == null) {
            return null;
        }
        String t = TextNormalizer.paragraph(org.jsoup.parser.Parser.unescapeEntities(raw, false));
        return t.isEmpty() ? null : stripSiteSuffix(t, siteName);
    }

    /** Cuts "Headline | Site" down to "Headline" when the tail is the site name or short. */
    static String stripSiteSuffix(String title, String siteName) {
        Matcher m = TITLE_SEPARATOR.matcher(title);
        int lastStart = -1;
        int lastEnd = -1;
        while (m.find()) {
            lastStart = m.start();
            lastEnd = m.end();
        }
        if (lastStart <= 0) {
            return title;
        }
        String tail = title.substring(lastEnd).strip();
        String head = title.substring(0, lastStart).strip();
        boolean isSite = siteName != null && (tail.equalsIgnoreCase(siteName)
                || tail.toLowerCase(Locale.ROOT).contains(siteName.toLowerCase(Locale.ROOT)));
        boolean shortTail = tail.split("\\s+").length <= 3 && head.split("\\s+").length >= 4;
        return (isSite || shortTail) && !head.isEmpty() ? head : title;
    }

    private static String byline(Signals page, Map<String, String> metas, JsonNode article) {
        List<String> names = authorNames(article);
        if (names.isEmpty()) {
            for (String name : AUTHOR_META) {
                String v = meta(metas, name);
                if (v != null && !v.startsWith("http")) {
                    names.add(v);
                    break;
                }
            }
        }
        if (names.isEmpty()) {
            Element el = page.author;
            if (el != null && el.text().length() <= 200) {
                names.add(el.text());
            }
        }
        return Bylines.join(names);
    }

    private static String published(Signals page, Map<String, String> metas, JsonNode article, String url,
                                    Instant fetchedAt) {
        List<String> candidates = new ArrayList<>();
        if (article != null) {
            candidates.add(text(article.get("datePublished")));
            candidates.add(text(article.get("dateCreated")));
        }
        for (String name : DATE_META) {
            candidates.add(meta(metas, name));
        }
        for (Element el : page.dates) {
            candidates.add(firstNonBlank(el.attr("content"), el.attr("datetime")));
            candidates.add(el.text());
            if (candidates.size() > 60) {
                break;
            }
        }
        for (String c : candidates) {
            Optional<String> iso = PublicationDates.parse(c, fetchedAt);
            if (iso.isPresent()) {
                return iso.get();
            }
        }
        Matcher m = URL_DATE.matcher(url);
        if (m.find()) {
            return PublicationDates.parse(m.group(1) + "-" + m.group(2) + "-" + m.group(3), fetchedAt)
                    .orElse(null);
        }
        return null;
    }

    private static String declaredLanguage(Signals page, Map<String, String> metas) {
        String lang = firstNonBlank(page.lang,
                meta(metas, "og:locale"), meta(metas, "content-language"), meta(metas, "language"));
        if (lang == null) {
            return null;
        }
        String code = lang.strip().toLowerCase(Locale.ROOT).split("[-_]")[0];
        return code.matches("[a-z]{2}") ? code : null;
    }

    /** The content of a meta tag by property, name or http-equiv (case-insensitive). */
    static String meta(Map<String, String> metas, String key) {
        return metas.get(key);
    }

    static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    /** Host name without "www.", a last-resort site name. */
    static String hostOf(String url) {
        try {
            String host = URI.create(url.strip()).getHost();
            return host == null ? null : host.replaceFirst("^www\\.", "");
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
