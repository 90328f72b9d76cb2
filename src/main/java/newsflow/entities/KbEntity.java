package newsflow.entities;

import java.util.List;
import java.util.Objects;

/**
 * One canonical entity of the knowledge base. Immutable.
 *
 * @param id      Wikidata QID where known with confidence, otherwise a project id {@code nf:...}
 * @param kind    what the entity is; decides its {@link EntityType} and whether the type may
 *                depend on context
 * @param name    canonical name
 * @param aliases other names it goes by, not including {@code name}
 */
public record KbEntity(String id, Kind kind, String name, List<String> aliases) {

    /** Kinds of knowledge-base entities. */
    public enum Kind {
        COUNTRY(EntityType.LOCATION, true),
        TERRITORY(EntityType.LOCATION, true),
        REGION(EntityType.LOCATION, true),
        /** A city's name often stands for its sports club: context decides. */
        CITY(EntityType.LOCATION, false),
        PLACE(EntityType.LOCATION, true),
        ORG(EntityType.ORGANIZATION, true),
        AGENCY(EntityType.ORGANIZATION, true),
        PERSON(EntityType.PERSON, true);

        private final EntityType type;
        private final boolean typeFixed;

        Kind(EntityType type, boolean typeFixed) {
            this.type = type;
            this.typeFixed = typeFixed;
        }

        public EntityType type() {
            return type;
        }

        /** Whether this kind's type holds in any context, so it may override the recogniser's. */
        public boolean typeFixed() {
            return typeFixed;
        }
    }

    public KbEntity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        aliases = List.copyOf(aliases);
    }

    public EntityType type() {
        return kind.type();
    }

    /** The canonical name followed by every alias. */
    public List<String> names() {
        var all = new java.util.ArrayList<String>(aliases.size() + 1);
        all.add(name);
        all.addAll(aliases);
        return all;
    }
}
