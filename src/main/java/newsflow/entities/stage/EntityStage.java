package newsflow.entities.stage;

import java.util.Objects;

import newsflow.core.DedupeVerdict;
import newsflow.core.TaggedArticle;
import newsflow.entities.EntityTagger;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * The entity stage in the stream: tags each kept article. Stateless (the tagger's model and
 * knowledge base are read-only), so it runs in whichever task holds the article.
 */
public final class EntityStage {

    private EntityStage() {
    }

    public static KStream<String, TaggedArticle> build(KStream<String, DedupeVerdict> kept,
                                                       EntityTagger tagger) {
        Objects.requireNonNull(tagger, "tagger");
        return kept.mapValues(v -> new TaggedArticle(v, tagger.tag(v.article().title(), v.article().text())),
            Named.as("entities-tag"));
    }
}
