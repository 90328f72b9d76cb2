package newsflow.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import newsflow.core.EntityType;

/**
 * Short names of companies: once an article names "Magna International Inc", "Lear Corp" or
 * "Jones Medical Industries Inc", a later (or earlier) "Magna", "Lear" or "Jones" is that
 * company, whatever type the recogniser gave the short form ("Magna" and "Lear" look like
 * surnames to it). Stateless and thread-safe.
 *
 * <p>The full name must end in a legal form ({@link #isLegalForm}); its short forms are the name
 * without legal forms and generic company words ("Magna International Inc" gives "Magna"), and
 * the first word of that core when it has two words or more and the first is capitalised and no
 * ordinary word of the article; a place or a nationality joins only by the core ("Wuxi" stays the
 * city beside "Wuxi Tong Ling Company Ltd", "British" stays MISC beside "British Airways Plc").
 * A cluster joins the company only if every one of its mentions is
 * such a short form, it is not a person with a full name, and it has no knowledge-base link of
 * another type.
 */
final class OrganisationAliases {

    /** Legal forms that end a company's full name. */
    private static final Set<String> LEGAL_FORMS = Set.of(
            "inc", "corp", "co", "ltd", "plc", "llc", "lp", "ag", "sa", "nv", "bv", "gmbh", "spa", "ab", "asa",
            "oyj", "kk", "pte", "bhd", "corporation", "incorporated", "limited", "bancorp", "bancshares", "cos");

    /** Words a short name drops after the distinctive part ("Magna International Inc"). */
    private static final Set<String> GENERIC_COMPANY_WORDS = Set.of(
            "international", "group", "holdings", "holding", "industries", "company", "companies", "corporation",
            "enterprises", "the", "&");

    private OrganisationAliases() {
    }

    /** Whether {@code word} is a legal form that ends a company's name ("Inc", "Corp.", "AG"). */
    static boolean isLegalForm(String word) {
        return LEGAL_FORMS.contains(JunkFilter.norm(word));
    }

    static List<MentionLinker.Cluster> merge(String text, List<MentionLinker.Cluster> clusters) {
        Set<MentionLinker.Cluster> merged = new java.util.HashSet<>(); // clusters compare by identity
        for (MentionLinker.Cluster company : clusters) {
            if (company.type() != EntityType.ORGANIZATION || merged.contains(company)) {
                continue;
            }
            Set<String> cores = new java.util.HashSet<>();
            Set<String> firstWords = new java.util.HashSet<>();
            for (String surface : company.surfaces) {
                collectShortForms(text, surface, cores, firstWords);
            }
            if (cores.isEmpty()) {
                continue;
            }
            Set<String> all = new java.util.HashSet<>(cores);
            all.addAll(firstWords);
            for (MentionLinker.Cluster c : clusters) {
                // Only a name read as a person or organisation joins by its first word: a place
                // ("Wuxi" beside "Wuxi Tong Ling Ltd") or a nationality ("British" beside "British
                // Airways Plc") keeps its own reading.
                EntityType type = c.type();
                Set<String> forms = type == EntityType.PERSON || type == EntityType.ORGANIZATION ? all : cores;
                if (c == company || merged.contains(c) || !joins(c, forms)) {
                    continue;
                }
                for (int i = 0; i < c.spans.size(); i++) {
                    company.add(c.spans.get(i).withType(EntityType.ORGANIZATION).withKb(null), c.surfaces.get(i));
                }
                merged.add(c);
            }
        }
        List<MentionLinker.Cluster> out = new ArrayList<>(clusters);
        out.removeIf(merged::contains);
        return out;
    }

    private static boolean joins(MentionLinker.Cluster c, Set<String> shortForms) {
        if (c.kb != null && c.kb.type() != EntityType.ORGANIZATION) {
            return false;
        }
        for (String surface : c.surfaces) {
            if (!shortForms.contains(surface)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Adds the short forms of a company's full name: its core to {@code cores}, its first word to
     * {@code firstWords}; nothing if the name does not end in a legal form.
     */
    static void collectShortForms(String text, String fullName, Set<String> cores, Set<String> firstWords) {
        List<String> words = new ArrayList<>(List.of(fullName.trim().split("\\s+")));
        if (words.size() < 2 || !isLegalForm(words.get(words.size() - 1))) {
            return;
        }
        while (!words.isEmpty() && (isLegalForm(words.get(words.size() - 1))
                || GENERIC_COMPANY_WORDS.contains(words.get(words.size() - 1).toLowerCase(Locale.ROOT))
                || words.get(words.size() - 1).equals(","))) {
            words.remove(words.size() - 1);
        }
        if (words.isEmpty()) {
            return;
        }
        String core = String.join(" ", words);
        cores.add(core);
        cores.add(core.toUpperCase(Locale.ROOT));
        String first = words.get(0);
        if (words.size() >= 2 && first.length() >= 3 && Character.isUpperCase(first.charAt(0))
                && !KbMatcher.writtenInLowerCase(text, first)) {
            firstWords.add(first);
            firstWords.add(first.toUpperCase(Locale.ROOT));
        }
    }

}
