package newsflow.output;

import java.util.List;

import newsflow.avro.Article;
import newsflow.avro.Duplicate;
import newsflow.avro.Entity;
import newsflow.avro.EntityType;
import newsflow.avro.Mention;
import newsflow.avro.Related;
import newsflow.avro.Relation;
import newsflow.core.CleanArticle;
import newsflow.core.DedupeVerdict;
import newsflow.core.TaggedArticle;
import newsflow.core.TaggedEntity;

/** Maps the stages' records to the Avro records of the output topics. */
public final class OutputRecords {

    private OutputRecords() {
    }

    /** The {@code news.articles} record of a kept, tagged article. */
    public static Article article(TaggedArticle tagged) {
        DedupeVerdict v = tagged.verdict();
        CleanArticle a = v.article();
        return Article.newBuilder()
            .setId(v.id())
            .setUrl(a.url())
            .setSource(a.source())
            .setTitle(a.title())
            .setByline(a.byline())
            .setPublishedAt(a.publishedAt())
            .setLanguage(a.language())
            .setText(a.text())
            .setWordCount(wordCount(a.text()))
            .setStoryId(v.storyId())
            .setRelated(v.related().stream()
                .map(r -> new Related(r.id(), relation(r.relation()), r.score())).toList())
            .setEntities(tagged.entities().stream().map(OutputRecords::entity).toList())
            .build();
    }

    /** The {@code news.duplicates} record of a dropped duplicate. */
    public static Duplicate duplicate(DedupeVerdict v) {
        return Duplicate.newBuilder()
            .setId(v.id())
            .setUrl(v.article().url())
            .setDuplicateOf(v.duplicateOf())
            .setKind(newsflow.avro.DuplicateKind.valueOf(v.kind().name()))
            .setSimilarity(v.similarity())
            .setTitle(v.article().title())
            .setPublishedAt(v.article().publishedAt())
            .build();
    }

    /** Words as runs of letters or digits. */
    public static int wordCount(String text) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean wordChar = Character.isLetterOrDigit(cp);
            if (wordChar && !inWord) {
                count++;
            }
            inWord = wordChar;
            i += Character.charCount(cp);
        }
        return count;
    }

    private static Entity entity(TaggedEntity e) {
        List<Mention> mentions = e.mentions().stream()
            .map(m -> new Mention(m.text(), m.start(), m.end())).toList();
        return new Entity(e.id(), e.name(), EntityType.valueOf(e.type().name()), e.salience(), mentions);
    }

    private static Relation relation(String name) {
        try {
            return Relation.valueOf(name);
        } catch (IllegalArgumentException e) {
            return Relation.UNKNOWN;
        }
    }
}
