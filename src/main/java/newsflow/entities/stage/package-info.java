/**
 * The entity stage in the topology: a thin adapter that runs an
 * {@link newsflow.entities.EntityTagger} over each kept article's title and text.
 */
package newsflow.entities.stage;
