package newsflow.output;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.avro.Schema;
import org.apache.avro.message.SchemaStore;

/**
 * Older versions of the output schemas, kept as resources
 * ({@code /newsflow/schemas/<Name>-v<N>.avsc}), so readers can decode records written before
 * a schema change. See {@code schemas/README.md} for the evolution rules.
 */
final class SchemaHistory {

    private static final int MAX_VERSIONS = 100;

    private SchemaHistory() {
    }

    static SchemaStore.Cache olderVersionsOf(Schema current) {
        SchemaStore.Cache cache = new SchemaStore.Cache();
        for (int v = 1; v <= MAX_VERSIONS; v++) {
            String resource = "/newsflow/schemas/" + current.getName() + "-v" + v + ".avsc";
            try (InputStream in = SchemaHistory.class.getResourceAsStream(resource)) {
                if (in == null) {
                    break;
                }
                cache.addSchema(new Schema.Parser().parse(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
        return cache;
    }
}
