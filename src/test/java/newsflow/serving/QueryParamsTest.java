package newsflow.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class QueryParamsTest {

    private static QueryParams of(String query) {
        return new QueryParams(URI.create("http://h/api/x" + query));
    }

    @Test
    void valuesAreDecodedAndDefaultsApplyWhenAbsent() {
        QueryParams q = of("?entity=nf%3Aperson%3Aelena%20marsh&limit=5");
        assertEquals("nf:person:elena marsh", q.required("entity"));
        assertEquals(5, q.integer("limit", 10, 1, 100));
        assertEquals(24, q.integer("hours", 24, 1, 168));
        assertNull(q.string("at"));
        assertEquals(Instant.EPOCH, q.instant("at", Instant.EPOCH));
    }

    @Test
    void badValuesFailAs400NamingTheValue() {
        ApiException e = assertThrows(ApiException.class, () -> of("?limit=ten").integer("limit", 10, 1, 100));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("'ten'") && e.getMessage().contains("limit"), e.getMessage());
        assertEquals(400, assertThrows(ApiException.class, () -> of("?limit=101").integer("limit", 10, 1, 100)).status());
        assertEquals(400, assertThrows(ApiException.class, () -> of("?entity=").required("entity")).status());
        assertEquals(400, assertThrows(ApiException.class, () -> of("").required("entity")).status());
        assertEquals(400, assertThrows(ApiException.class, () -> of("?at=monday").instant("at", Instant.EPOCH)).status());
    }
}
