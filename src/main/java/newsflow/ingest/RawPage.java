package newsflow.ingest;

import java.util.Objects;

/**
 * One raw news page as a scraper published it to {@code news.raw}: a URL and either HTML or
 * scraped plain text, plus whatever metadata the scraper already knew.
 *
 * <p>Exactly one of {@link #html()} and {@link #text()} is non-null. Optional fields are
 * {@code null} when absent. Instances are immutable.
 *
 * @param url         the page's URL (required)
 * @param html        the page's HTML, or {@code null} if the scraper sent plain text
 * @param text        scraped plain text (site chrome included), or {@code null} for HTML
 * @param title       a title the scraper already knew, or {@code null}
 * @param source      the site or publisher name, or {@code null}
 * @param publishedAt publication time as the scraper gave it (ISO-8601), or {@code null}
 * @param fetchedAt   fetch time (ISO-8601), or {@code null}
 * @param language    ISO 639-1 language code, or {@code null}
 */
public record RawPage(String url, String html, String text, String title, String source,
                      String publishedAt, String fetchedAt, String language) {

    public RawPage {
        Objects.requireNonNull(url, "url");
        if ((html == null) == (text == null)) {
            throw new IllegalArgumentException("exactly one of html and text must be given");
        }
    }

    /** A page of HTML with no scraper metadata. */
    public static RawPage ofHtml(String url, String html) {
        return new RawPage(url, html, null, null, null, null, null, null);
    }

    /** A page of scraped plain text with no scraper metadata. */
    public static RawPage ofText(String url, String text) {
        return new RawPage(url, null, text, null, null, null, null, null);
    }

    /** Whether the body is HTML (otherwise it is scraped plain text). */
    public boolean isHtml() {
        return html != null;
    }

    /** The body, HTML or text. */
    public String body() {
        return html != null ? html : text;
    }
}
