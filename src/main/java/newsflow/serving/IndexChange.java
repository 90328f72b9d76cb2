package newsflow.serving;

/**
 * A change to the entity index, sent from the article views (partitioned by article) to the
 * index (partitioned by entity): file {@code entry} under its entity, or take it out because
 * the article no longer names the entity (an update) or was retracted.
 *
 * @param entry  the entry, keyed in the index by entity, event time and article id
 * @param remove whether the entry leaves the index
 */
record IndexChange(IndexedArticle entry, boolean remove) {
}
