package newsflow.entities;

import java.util.List;
import java.util.Objects;

import newsflow.core.EntityType;

/**
 * One canonical entity of the knowledge base. Immutable.
 *
 * @param id      Wikidata QID where known with confidence, otherwise a project id {@code nf:...}
 * @param kind    what the entity is; decides its {@link EntityType} and whether the type may
 *                depend on context
 * @param name    canonical name
 * @param aliases other names it goes by, not including {@code name}
 * @param ambiguous those of its names that are also ordinary words or other kinds of names
 *                ("Chad", "Turkey", "Fed", "Xi"): such a name counts only with support from the
 *                recogniser or the context
 */
public record KbEntity(String id, Kind kind, String name, List<String> aliases, List<String> ambiguous) {

    /** Kinds of knowledge-base entities. */
    public enum Kind {
        COUNTRY(EntityType.LOCATION, true),
        TERRITORY(EntityType.LOCATION, true),
        /** A state or province often names a sports team ("Florida", "Queensland"): context decides. */
        REGION(EntityType.LOCATION, false),
        /** A city's name often stands for its sports club: context decides. */
        CITY(EntityType.LOCATION, false),
        PLACE(EntityType.LOCATION, true),
        /** A seat standing for the institution in it ("the Kremlin said"): context decides. */
        SEAT(EntityType.ORGANIZATION, false),
        ORG(EntityType.ORGANIZATION, true),
        AGENCY(EntityType.ORGANIZATION, true),
        /** A major multinational company or platform (the 2003-era recogniser often mistypes them). */
        COMPANY(EntityType.ORGANIZATION, true),
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
        ambiguous = List.copyOf(ambiguous);
        for (String a : ambiguous) {
            if (!a.equals(name) && !aliases.contains(a)) {
                throw new IllegalArgumentException("ambiguous name '" + a + "' is not a name of " + id);
            }
        }
    }

    public KbEntity(String id, Kind kind, String name, List<String> aliases) {
        this(id, kind, name, aliases, List.of());
    }

    /** Whether {@code surface} is one of this entity's ambiguous names (ignoring case). */
    public boolean isAmbiguous(String surface) {
        return ambiguous.stream().anyMatch(a -> a.equalsIgnoreCase(surface));
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
