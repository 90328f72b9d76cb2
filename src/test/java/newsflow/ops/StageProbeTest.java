package newsflow.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class StageProbeTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void fetchedAtIsReadFromTheTopLevelWhereverItStands() {
        assertEquals(Instant.parse("2026-03-15T07:05:00Z"), StageProbe.fetchedAt(utf8(
            "{\"url\":\"u\",\"html\":\"<p>{\\\"fetchedAt\\\":1}</p>\",\"meta\":{\"fetchedAt\":\"2020-01-01\"},"
                + "\"fetchedAt\":\"2026-03-15T07:05:00Z\"}")));
        assertEquals(Instant.parse("2026-03-15T05:05:00Z"), StageProbe.fetchedAt(utf8(
            "{\"fetchedAt\":\"2026-03-15T07:05:00+02:00\",\"url\":\"u\",\"text\":\"t\"}")));
    }

    @Test
    void aNumericFetchedAtIsEpochSecondsOrMilliseconds() {
        assertEquals(Instant.parse("2026-03-14T09:30:00Z"), StageProbe.fetchedAt(utf8("{\"url\":\"u\",\"fetchedAt\":1773480600}")));
        assertEquals(Instant.parse("2026-03-14T09:30:00Z"), StageProbe.fetchedAt(utf8("{\"url\":\"u\",\"fetchedAt\":1773480600000}")));
    }

    @Test
    void absentOrUnreadableFetchedAtIsNull() {
        assertNull(StageProbe.fetchedAt(utf8("{\"url\":\"u\",\"text\":\"t\"}")));
        assertNull(StageProbe.fetchedAt(utf8("{\"url\":\"u\",\"fetchedAt\":\"yesterday\"}")));
        assertNull(StageProbe.fetchedAt(utf8("{\"url\":\"u\",\"fetchedAt\":-5}")));
        assertNull(StageProbe.fetchedAt(utf8("{\"url\":\"u\",\"fetchedAt\":[1]}")));
        assertNull(StageProbe.fetchedAt(utf8("{\"url\": \"u\", \"html\": \"<p>")));
        assertNull(StageProbe.fetchedAt(utf8("[1,2]")));
        assertNull(StageProbe.fetchedAt(null));
    }
}
