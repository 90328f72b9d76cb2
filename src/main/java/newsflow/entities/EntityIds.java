package newsflow.entities;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;

import newsflow.core.EntityType;

/**
 * Stable ids for entities outside the knowledge base: {@code nf:<type>:<slug>}, so the same name
 * of the same type gets the same id in every article. The knowledge base uses the same scheme for
 * entities without a Wikidata id. Stateless and thread-safe.
 */
public final class EntityIds {

    private EntityIds() {
    }

    /** {@code nf:per:vladimir-putin} for (PERSON, "Vladimír Putin"). */
    public static String of(EntityType type, String name) {
        Objects.requireNonNull(type, "type");
        String slug = slug(Objects.requireNonNull(name, "name"));
        if (slug.isEmpty()) {
            throw new IllegalArgumentException("name has no letters or digits: '" + name + "'");
        }
        return "nf:" + prefix(type) + ":" + slug;
    }

    /**
     * {@code nf:<type>:<folded slug>} for an entity outside the knowledge base: the slug folds
     * romanisation variants ({@link Transliteration#idSlug}), so "Sergey Ivanov" and "Sergei
     * Ivanov" get one id in every article.
     */
    public static String ofFolded(EntityType type, String name) {
        Objects.requireNonNull(type, "type");
        String slug = Transliteration.idSlug(Objects.requireNonNull(name, "name"));
        if (slug.isEmpty()) {
            throw new IllegalArgumentException("name has no letters or digits: '" + name + "'");
        }
        return "nf:" + prefix(type) + ":" + slug;
    }

    static String prefix(EntityType type) {
        return switch (type) {
            case PERSON -> "per";
            case ORGANIZATION -> "org";
            case LOCATION -> "loc";
            case MISC -> "misc";
        };
    }

    /** Accents folded, lower case, every run of other characters one hyphen. */
    static String slug(String name) {
        String folded = fold(name);
        StringBuilder sb = new StringBuilder(folded.length());
        boolean hyphen = false;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (hyphen && sb.length() > 0) {
                    sb.append('-');
                }
                sb.append(c);
                hyphen = false;
            } else {
                hyphen = true;
            }
        }
        return sb.toString();
    }

    /** Lower case (Locale.ROOT) without diacritics. */
    static String fold(String s) {
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFKD);
        StringBuilder sb = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                sb.append(c);
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
