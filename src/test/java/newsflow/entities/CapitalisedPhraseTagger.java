package newsflow.entities;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import newsflow.core.EntityType;
import newsflow.core.Mention;
import newsflow.core.TaggedEntity;
import newsflow.ingest.ArticleIds;

/**
 * A first, deliberately simple tagger: runs of capitalised words that do not start a sentence,
 * typed {@code PERSON} after an honorific and {@code MISC} otherwise. It exists so the pipeline
 * runs end to end; the statistical tagger replaces it.
 */
public final class CapitalisedPhraseTagger implements EntityTagger {

    private static final Pattern PHRASE = Pattern.compile("(?<![.!?]\\s)(?<!^)\\b(\\p{Lu}\\p{Ll}+(?:\\s\\p{Lu}\\p{Ll}+)*)");
    private static final Pattern HONORIFIC = Pattern.compile("(?:Mr|Mrs|Ms|Dr)\\.?\\s$");

    @Override
    public List<TaggedEntity> tag(String title, String text) {
        Map<String, List<Mention>> mentions = new LinkedHashMap<>();
        Map<String, EntityType> types = new LinkedHashMap<>();
        Matcher m = PHRASE.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            if (name.length() < 3) {
                continue;
            }
            boolean person = HONORIFIC.matcher(text.substring(Math.max(0, m.start() - 4), m.start())).find();
            mentions.computeIfAbsent(name, k -> new ArrayList<>()).add(new Mention(name, m.start(1), m.end(1)));
            types.merge(name, person ? EntityType.PERSON : EntityType.MISC, (a, b) -> a == EntityType.PERSON ? a : b);
        }
        List<TaggedEntity> result = new ArrayList<>();
        int total = mentions.values().stream().mapToInt(List::size).sum();
        for (Map.Entry<String, List<Mention>> e : mentions.entrySet()) {
            EntityType type = types.get(e.getKey());
            result.add(new TaggedEntity(localId(type, e.getKey()), e.getKey(), type,
                (double) e.getValue().size() / total, e.getValue()));
        }
        result.sort((a, b) -> Double.compare(b.salience(), a.salience()));
        return result;
    }

    /** A stable id for an entity outside any knowledge base: type and normalised name. */
    public static String localId(EntityType type, String name) {
        String normalised = name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-");
        return "nf:" + type.name().toLowerCase(Locale.ROOT) + ":" + ArticleIds.sha256Hex(normalised).substring(0, 12);
    }
}
