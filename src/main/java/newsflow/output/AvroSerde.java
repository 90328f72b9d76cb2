package newsflow.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

import newsflow.avro.Article;
import newsflow.avro.Duplicate;
import newsflow.avro.EntityTrend;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde for the Avro records of the output topics, in Avro's single-object encoding: a
 * two-byte marker, the 8-byte fingerprint of the writer schema, then the binary body. No
 * schema registry is needed: a reader resolves the fingerprint against the schemas it knows
 * (the current one and every older one registered in {@link SchemaHistory}), so records
 * written with an older schema still read, with defaults for new fields.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {

    static {
        // Avro 1.12 refuses to instantiate generated classes outside trusted packages.
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(
            ClassSecurityValidator.getGlobal(),
            c -> c.getName().startsWith("newsflow.avro.")));
    }

    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;

    private AvroSerde(Schema schema) {
        this(schema, SchemaHistory.olderVersionsOf(schema));
    }

    /** A serde whose reader also knows the writer schemas in {@code history}. */
    AvroSerde(Schema schema, SchemaStore.Cache history) {
        SpecificData model = SpecificData.getForSchema(schema);
        this.encoder = new BinaryMessageEncoder<>(model, schema);
        this.decoder = new BinaryMessageDecoder<>(model, schema, history);
    }

    public static AvroSerde<Article> articles() {
        return new AvroSerde<>(Article.getClassSchema());
    }

    public static AvroSerde<Duplicate> duplicates() {
        return new AvroSerde<>(Duplicate.getClassSchema());
    }

    public static AvroSerde<EntityTrend> entityTrends() {
        return new AvroSerde<>(EntityTrend.getClassSchema());
    }

    /** Encodes one record (single-object encoding). */
    public byte[] encode(T record) {
        try {
            ByteBuffer buffer = encoder.encode(record);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes one record written with the current schema or any registered older one. */
    public T decode(byte[] bytes) {
        try {
            return decoder.decode(bytes);
        } catch (MissingSchemaException e) {
            throw new IllegalStateException("record written with a schema this reader does not know ("
                + e.getMessage() + "); register the writer schema as described in schemas/README.md", e);
        } catch (IOException e) {
            throw new UncheckedIOException("not a readable Avro single-object record", e);
        }
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, record) -> record == null ? null : encode(record);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> bytes == null ? null : decode(bytes);
    }
}
