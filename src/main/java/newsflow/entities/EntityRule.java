package newsflow.entities;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The rule families of the entity chain after the recogniser, each a step that can be switched
 * off to measure what it adds ({@code newsflow eval entities --without FAMILY}). A family stays
 * in the default chain only if it helps on text it was not tuned on; the ablation table in
 * BENCHMARKS.md gives the figures.
 */
public enum EntityRule {
    /** "A Ministry and B", "name/credit", "X Committee of the Y Agency" split; "Ri" + "Pyong Chol" completed. */
    SPLITS("split coordinated and slashed names; complete East Asian names cut short"),
    /**
     * The recogniser's spans trimmed (titles, bylines, credits, qualifiers, lower-case words) or
     * dropped as junk (bare titles, interface words). Knowledge-base matches and propagated
     * mentions are checked for junk whatever this switch says.
     */
    JUNK_FILTER("trim titles, credits, qualifiers; drop junk recogniser spans"),
    /** A place after "city of"; organisations by legal form or head noun; regnal numbers; name particles; "The" of publications. */
    NAME_SHAPES("place nouns, legal forms, regnal numbers, name particles, publication titles"),
    /**
     * Knowledge-base names matched, typed where the recogniser is weak, and linked to canonical
     * ids; off, the stage runs over an empty knowledge base (no matches, no fuzzy links, results
     * tables without their country check).
     */
    KNOWLEDGE_BASE("match the knowledge base: canonical ids, aliases, types where the recogniser is weak"),
    /**
     * A name in a dateline ("PARIS (Reuters) -", "CARDIFF 1996-08-31") is a place; the credit in
     * its brackets is an organisation.
     */
    DATELINES("a dateline's name is a place, its bracketed credit an organisation"),
    /**
     * Two names joined by "and" or "or" take one type where the recogniser is sure of one
     * (probability at least 0.9) and unsure of the other (below 0.9): "Donetsk and Luhansk".
     */
    COORDINATED_TYPES("coordinated names share the type the recogniser is sure of"),
    /** A city playing a match is its team; results tables, standings rows, line-ups and shirt numbers. */
    SPORTS_LAYOUT("teams in match context; results tables, standings, line-ups"),
    /** "North Korean" + "Foreign Ministry" and "Bank of England" joined into one organisation. */
    JOINS("demonym + state body, organisation of a place"),
    /** A company's short name ("Lear" for "Lear Corp") joins its full name. */
    COMPANY_ALIASES("company short names join the full name"),
    /** Unlabelled repeats of a linked name (a surname alone) become mentions too. */
    PROPAGATION("repeats of a linked name become mentions"),
    /**
     * Mentions the recogniser types with confidence are not outvoted by the entity's majority
     * type. Types a layout rule decided (datelines, sports layout) split off whatever this says.
     */
    CONFIDENT_TYPES("confident recogniser types split an entity");

    private final String summary;

    EntityRule(String summary) {
        this.summary = summary;
    }

    /** One line on what the family does, for help texts and tables. */
    public String summary() {
        return summary;
    }

    /** Every family: the default chain. */
    public static Set<EntityRule> all() {
        return EnumSet.allOf(EntityRule.class);
    }

    /** Parses a family name, case and '-' or '_' insensitive ("sports-layout"). */
    public static EntityRule parse(String name) {
        String key = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (EntityRule r : values()) {
            if (r.name().equals(key)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown rule family '" + name + "'; one of " + java.util.Arrays.toString(values()).toLowerCase(Locale.ROOT).replace('_', '-'));
    }
}
