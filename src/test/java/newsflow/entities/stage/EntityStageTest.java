package newsflow.entities.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import newsflow.core.CleanArticle;
import newsflow.core.DedupeVerdict;
import newsflow.core.EntityType;
import newsflow.core.Mention;
import newsflow.core.TaggedArticle;
import newsflow.core.TaggedEntity;
import newsflow.core.serde.JsonSerde;
import newsflow.entities.EntityTagger;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** The entity stage alone: each kept article is tagged by the tagger it is given. */
class EntityStageTest {

    /** The record the stage emits for one kept article with body {@code text}. */
    private static TestRecord<String, TaggedArticle> tag(EntityTagger tagger, String text) {
        return tag(tagger, text, null);
    }

    /** As {@link #tag(EntityTagger, String)}, for an article the clean stage found to be in {@code language}. */
    private static TestRecord<String, TaggedArticle> tag(EntityTagger tagger, String text, String language) {
        return run(tagger, List.of(new CleanArticle("u", "T", null, null, null, language, text))).get(0);
    }

    /** The records the stage emits for kept articles {@code id1, id2, ...} with these titles and bodies (title, text, title, text, ...). */
    private static List<TestRecord<String, TaggedArticle>> tagAll(EntityTagger tagger, String... titlesAndTexts) {
        List<CleanArticle> articles = new ArrayList<>();
        for (int i = 0; i < titlesAndTexts.length; i += 2) {
            articles.add(new CleanArticle("u" + i, titlesAndTexts[i], null, null, null, null, titlesAndTexts[i + 1]));
        }
        return run(tagger, articles);
    }

    /** The records the stage emits for {@code articles}, kept as {@code id1, id2, ...} in that order. */
    private static List<TestRecord<String, TaggedArticle>> run(EntityTagger tagger, List<CleanArticle> articles) {
        StreamsBuilder b = new StreamsBuilder();
        EntityStage.build(b.stream("in", Consumed.with(Serdes.String(), JsonSerde.of(DedupeVerdict.class))), tagger)
            .to("out", Produced.with(Serdes.String(), JsonSerde.of(TaggedArticle.class)));
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "entities-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        try (TopologyTestDriver d = new TopologyTestDriver(b.build(), p)) {
            var in = d.createInputTopic("in", Serdes.String().serializer(), JsonSerde.of(DedupeVerdict.class).serializer());
            var out = d.createOutputTopic("out", Serdes.String().deserializer(), JsonSerde.of(TaggedArticle.class).deserializer());
            for (int i = 0; i < articles.size(); i++) {
                String id = "id" + (i + 1);
                in.pipeInput(id, DedupeVerdict.unique(id, articles.get(i)));
            }
            return out.readRecordsToList();
        }
    }

    /** A tagger that finds nothing and keeps each text it was given in {@code seen}. */
    private static EntityTagger recording(List<String> seen) {
        return (title, text) -> {
            seen.add(text);
            return List.of();
        };
    }

    private static String warning(TestRecord<String, TaggedArticle> r) {
        return new String(r.headers().lastHeader(EntityStage.WARNING_HEADER).value(), StandardCharsets.UTF_8);
    }

    @Test
    void tagsEachArticleWithTheTaggersEntities() {
        EntityTagger fixed = (title, text) -> List.of(new TaggedEntity("Q1", "Elena Marsh", EntityType.PERSON, 1.0,
            List.of(new Mention("Elena Marsh", text.indexOf("Elena"), text.indexOf("Elena") + 11))));
        TaggedArticle tagged = tag(fixed, "Mayor Elena Marsh opened the bridge.").value();
        assertEquals("id1", tagged.verdict().id());
        assertEquals("Elena Marsh", tagged.entities().get(0).name());
        assertEquals(6, tagged.entities().get(0).mentions().get(0).start());
    }

    @Test
    void anArticleInALanguageWithoutAModelGetsNoEntitiesAndSaysWhy() {
        List<String> tagged = new ArrayList<>();
        TestRecord<String, TaggedArticle> record = tag(recording(tagged), "Bürgermeisterin Elena Marsh eröffnete die Brücke.", "de");
        assertTrue(tagged.isEmpty(), "the English model is not run over German text");
        assertEquals("id1", record.value().verdict().id(), "the article is not lost");
        assertTrue(record.value().entities().isEmpty());
        assertEquals("no entity model for language 'de'", warning(record));
    }

    @Test
    void anEnglishArticleIsTagged() {
        List<String> tagged = new ArrayList<>();
        tag(recording(tagged), "Mayor Elena Marsh opened the bridge.", "en");
        assertEquals(1, tagged.size());
    }

    @Test
    void aTaggerFailureLeavesTheArticleWithoutEntitiesAndSaysWhy() {
        EntityTagger overflowing = (title, text) -> {
            throw new StackOverflowError();
        };
        TestRecord<String, TaggedArticle> record = tag(overflowing, "Mayor Elena Marsh opened the bridge.");
        assertEquals("id1", record.value().verdict().id(), "the article is not lost");
        assertTrue(record.value().entities().isEmpty());
        assertTrue(warning(record).startsWith("entities skipped: entity tagging overflowed the stack"), warning(record));
    }

    @Test
    void aVeryLongBodyIsTaggedUpToTheCapAndTheArticleSaysSo() {
        List<String> seen = new ArrayList<>();
        String body = "The council met again today. ".repeat(10_000).strip();
        TestRecord<String, TaggedArticle> record = tag(recording(seen), body);
        int tagged = seen.get(0).length();
        assertTrue(tagged <= EntityStage.MAX_TAGGED_CHARS, "tagged " + tagged);
        assertTrue(warning(record).startsWith("entities from the first " + tagged + " of "), warning(record));
        assertEquals(body, record.value().verdict().article().text(), "the article keeps its whole body");
    }

    @Test
    void anArticleThatOutlastsTheTimeBudgetKeepsTheNamesFoundAndSaysHowMuchWasTagged() {
        EntityTagger slow = new EntityTagger() {
            @Override
            public List<TaggedEntity> tag(String title, String text) {
                throw new AssertionError("the stage tags within its budget");
            }

            @Override
            public Result tag(String title, String text, java.time.Duration budget) {
                assertEquals(EntityStage.TIME_BUDGET, budget);
                return new Result(List.of(new TaggedEntity("Q1", "Elena Marsh", EntityType.PERSON, 1.0,
                    List.of(new Mention("Elena Marsh", 6, 17)))), 36);
            }
        };
        String body = "Mayor Elena Marsh opened the bridge. The council met again today.";
        TestRecord<String, TaggedArticle> record = tag(slow, body);
        assertEquals("Elena Marsh", record.value().entities().get(0).name());
        assertEquals("entities from the first 36 of " + body.length() + " characters (time budget of "
            + EntityStage.TIME_BUDGET.toSeconds() + " s)", warning(record));
    }

    @Test
    void anExactCopyTakesTheEntitiesOfItsTwinTaggedBeforeInsteadOfBeingTaggedAgain() {
        List<String> seen = new ArrayList<>();
        EntityTagger fixed = (title, text) -> {
            seen.add(text);
            return List.of(new TaggedEntity("Q1", "Elena Marsh", EntityType.PERSON, 1.0,
                List.of(new Mention("Elena Marsh", text.indexOf("Elena"), text.indexOf("Elena") + 11))));
        };
        String text = "Mayor Elena Marsh opened the bridge.";
        List<TestRecord<String, TaggedArticle>> out = tagAll(fixed, "Bridge opens", text, "Bridge opens", text);
        assertEquals(1, seen.size(), "tagged once");
        assertEquals(2, out.size());
        assertEquals("id2", out.get(1).value().verdict().id());
        assertEquals(out.get(0).value().entities(), out.get(1).value().entities());
    }

    @Test
    void theSameTextUnderAnotherTitleIsTaggedAgain() {
        List<String> seen = new ArrayList<>();
        String text = "Mayor Elena Marsh opened the bridge.";
        tagAll(recording(seen), "Bridge opens", text, "Marsh opens bridge", text, null, text);
        assertEquals(3, seen.size(), "the title is evidence for the tagger, so it is part of what is reused");
    }

    @Test
    void aTaggingCutShortByTheLengthCapIsNotReused() {
        List<String> seen = new ArrayList<>();
        String body = "The council met again today. ".repeat(10_000).strip();
        List<TestRecord<String, TaggedArticle>> out = tagAll(recording(seen), "Council", body, "Council", body);
        assertEquals(2, seen.size());
        assertTrue(warning(out.get(1)).startsWith("entities from the first "), warning(out.get(1)));
    }

    @Test
    void aFailedTaggingIsNotReused() {
        int[] calls = {0};
        EntityTagger failingOnce = (title, text) -> {
            if (calls[0]++ == 0) {
                throw new IllegalStateException("model not ready");
            }
            return List.of();
        };
        String text = "Mayor Elena Marsh opened the bridge.";
        List<TestRecord<String, TaggedArticle>> out = tagAll(failingOnce, "T", text, "T", text);
        assertEquals(2, calls[0]);
        assertTrue(out.get(1).headers().lastHeader(EntityStage.WARNING_HEADER) == null);
    }
}
