package newsflow.core;

import java.util.List;

/**
 * One entity of an article after linking: every mention of it, resolved to one canonical id.
 *
 * @param id       canonical id: a knowledge-base id (Wikidata QID where known) or, for entities
 *                 not in the knowledge base, a stable id derived from type and normalised name
 * @param name     canonical name
 * @param type     entity type
 * @param salience how central the entity is to the article, in [0, 1]
 * @param mentions every mention in the article text, in order of position
 */
public record TaggedEntity(String id, String name, EntityType type, double salience,
                           List<Mention> mentions) {

    public TaggedEntity {
        mentions = List.copyOf(mentions);
    }
}
