package newsflow.core;

import java.util.List;

/** A kept article with its entities: what the output stage turns into an {@code Article}. */
public record TaggedArticle(DedupeVerdict verdict, List<TaggedEntity> entities) {

    public TaggedArticle {
        entities = List.copyOf(entities);
    }
}
