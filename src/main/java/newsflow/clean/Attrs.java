package newsflow.clean;

import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Element;

/**
 * Attribute reads for parsed HTML, whose attribute names Jsoup's HTML parser has lower-cased:
 * a lookup by the exact lower-case name gives what Jsoup's case-blind {@code attr} gives, at a
 * string comparison per attribute instead of a case-folding one. The pruner, the scorer and
 * the metadata reader ask several attributes of every element of every page. Stateless.
 */
final class Attrs {

    private Attrs() {
    }

    /** The value of attribute {@code name} (lower case), or "" when the element has none. */
    static String get(Element el, String name) {
        return el.attributesSize() == 0 ? "" : el.attributes().get(name);
    }

    /**
     * The element's attributes, or null when it has none: read once for several attributes
     * ({@link Element#attributesSize()} counts them, and {@link Element#attributes()} would
     * give an attribute-less element an empty set).
     */
    static Attributes of(Element el) {
        return el.attributesSize() == 0 ? null : el.attributes();
    }

    /** The value of attribute {@code name} (lower case) in {@code attrs}, or "" when {@code attrs} is null. */
    static String get(Attributes attrs, String name) {
        return attrs == null ? "" : attrs.get(name);
    }

    /** {@link Element#className()}: the class attribute, trimmed. */
    static String className(Element el) {
        return get(el, "class").trim();
    }

    /** As {@link #className(Element)}, from attributes already read ({@link #of}). */
    static String className(Attributes attrs) {
        return get(attrs, "class").trim();
    }

    /** {@link Element#id()}. */
    static String id(Element el) {
        return get(el, "id");
    }
}
