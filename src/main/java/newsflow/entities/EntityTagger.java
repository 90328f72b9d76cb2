package newsflow.entities;

import java.util.List;

import newsflow.core.TaggedEntity;

/**
 * Recognises and links the entities of one article.
 *
 * <p>Implementations are thread-safe after construction (one instance may serve every stream
 * thread) and never modify their input. Mentions are offsets into {@code text}; the title is
 * used as evidence (salience, casing) but its mentions are not reported.
 */
public interface EntityTagger {

    /**
     * Tags one article.
     *
     * @param title the headline, or {@code null}
     * @param text  the clean body
     * @return the article's entities, most salient first
     */
    List<TaggedEntity> tag(String title, String text);

    /** Entities found within a time budget: those of the first {@code taggedChars} characters. */
    record Result(List<TaggedEntity> entities, int taggedChars) {

        public Result {
            entities = List.copyOf(entities);
        }
    }

    /**
     * Tags one article within {@code budget}: where the budget runs out, the rest of the text
     * is left untagged and {@link Result#taggedChars} says where tagging stopped. By default
     * the whole text, whatever the time.
     */
    default Result tag(String title, String text, java.time.Duration budget) {
        return new Result(tag(title, text), text == null ? 0 : text.length());
    }

    /**
     * Whether this tagger has a model for text in {@code language} (an ISO 639-1 code; {@code
     * null} when the clean stage could not tell). The stage does not run a tagger over text in
     * a language it has no model for: such articles get no entities and are counted. By default
     * English, and undetermined text, which is tagged as English.
     */
    default boolean supportsLanguage(String language) {
        return language == null || language.equals("en");
    }
}
