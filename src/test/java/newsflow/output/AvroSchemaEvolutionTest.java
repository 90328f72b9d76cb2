package newsflow.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;

import newsflow.avro.Article;
import newsflow.avro.Entity;
import newsflow.avro.EntityType;
import newsflow.avro.Mention;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.SchemaStore;
import org.junit.jupiter.api.Test;

class AvroSchemaEvolutionTest {

    /** An older Article schema: no language, related or entities, and a since-removed field. */
    private static Schema olderArticleSchema() {
        try (InputStream in = AvroSchemaEvolutionTest.class.getResourceAsStream("/schemas-older/Article-v0.avsc")) {
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An article as a producer with the older schema wrote it (single-object encoding). */
    private static byte[] writtenWithOlderSchema(Schema older) throws IOException {
        GenericRecord old = new GenericData.Record(older);
        old.put("id", "a1");
        old.put("url", "https://x.org/a");
        old.put("title", "Old title");
        old.put("text", "Body.");
        old.put("wordCount", 1);
        old.put("storyId", "a1");
        old.put("crawler", "v0-crawler");
        ByteBuffer bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), older).encode(old);
        byte[] written = new byte[bytes.remaining()];
        bytes.get(written);
        return written;
    }

    @Test
    void anArticleWrittenWithAnOlderSchemaReadsWithTheCurrentOne() throws IOException {
        Schema older = olderArticleSchema();
        byte[] written = writtenWithOlderSchema(older);

        SchemaStore.Cache history = new SchemaStore.Cache();
        history.addSchema(older);
        Article read = new AvroSerde<Article>(Article.getClassSchema(), history).decode(written);

        assertEquals("a1", read.getId());
        assertEquals("Old title", read.getTitle());
        assertNull(read.getLanguage(), "a field added later reads as its default");
        assertEquals(List.of(), read.getEntities());
        assertEquals(List.of(), read.getRelated());
    }

    @Test
    void aReaderThatDoesNotKnowTheWriterSchemaFailsClearly() throws IOException {
        byte[] written = writtenWithOlderSchema(olderArticleSchema());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> AvroSerde.articles().decode(written));
        assertTrue(e.getMessage().contains("schema this reader does not know"), e.getMessage());
    }

    @Test
    void currentRecordsRoundTrip() {
        Article a = Article.newBuilder().setId("x").setUrl("u").setText("Kim met Putin.").setWordCount(3)
            .setStoryId("x").setEntities(List.of(new Entity("Q1", "Kim", EntityType.PERSON, 0.5,
                List.of(new Mention("Kim", 0, 3))))).build();
        AvroSerde<Article> serde = AvroSerde.articles();
        byte[] bytes = serde.encode(a);
        assertEquals((byte) 0xC3, bytes[0], "single-object encoding marker");
        assertEquals(a, serde.decode(bytes));
        assertTrue(bytes.length > 10);
    }
}
