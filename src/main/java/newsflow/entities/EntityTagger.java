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
}
