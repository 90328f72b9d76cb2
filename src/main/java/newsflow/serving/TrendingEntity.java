package newsflow.serving;

/**
 * An entity's number of unique articles over a window of hours. Immutable.
 *
 * @param id       entity id
 * @param name     canonical name (the latest seen)
 * @param type     entity type
 * @param articles unique articles mentioning it in the window
 */
public record TrendingEntity(String id, String name, String type, long articles) {
}
