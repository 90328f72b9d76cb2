package newsflow.core;

/**
 * One mention of an entity: the surface text and its character offsets into the article
 * text ({@code text.substring(start, end).equals(this.text)}).
 */
public record Mention(String text, int start, int end) {
}
