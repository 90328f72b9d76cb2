package newsflow.core;

import java.util.Objects;

/**
 * The output of the clean stage: the article's main content and metadata.
 *
 * <p>{@code text} holds the body only (the title is not repeated in it), Unicode NFC,
 * paragraphs separated by one blank line ({@code "\n\n"}), no leading or trailing whitespace.
 * Metadata fields are {@code null} when the page does not state them.
 *
 * @param url         the page URL, as given
 * @param title       the headline, or {@code null}
 * @param byline      the authors, without "By" and without dates, or {@code null}
 * @param publishedAt publication time, ISO-8601 ({@code 2024-06-12} or
 *                    {@code 2024-06-12T08:30:00Z}), or {@code null}
 * @param source      site or publisher name, or {@code null}
 * @param language    ISO 639-1 code, or {@code null} when undetermined
 * @param text        the clean body
 */
public record CleanArticle(String url, String title, String byline, String publishedAt,
                           String source, String language, String text) {

    public CleanArticle {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(text, "text");
    }
}
