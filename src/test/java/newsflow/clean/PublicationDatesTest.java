package newsflow.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Date formats of news pages to ISO, never after the fetch time. */
class PublicationDatesTest {

    private static final Instant FETCHED = Instant.parse("2024-06-13T00:00:00Z");

    @Test
    void keepsOffsetOfIsoDateTime() {
        assertEquals(Optional.of("2024-06-12T08:30:00+02:00"), PublicationDates.parse("2024-06-12T08:30:00+0200", FETCHED));
        assertEquals(Optional.of("2024-06-12T08:30:00Z"), PublicationDates.parse("2024-06-12T08:30:00.000Z", FETCHED));
    }

    @Test
    void readsWrittenDates() {
        assertEquals(Optional.of("2024-06-12"), PublicationDates.parse("June 12th, 2024", FETCHED));
        assertEquals(Optional.of("2024-06-12"), PublicationDates.parse("Wed 12 Jun 2024", FETCHED));
        assertEquals(Optional.of("2024-06-12"), PublicationDates.parse("2024/06/12", FETCHED));
    }

    @Test
    void rejectsDatesAfterFetchTime() {
        assertTrue(PublicationDates.parse("2024-06-14", FETCHED).isEmpty());
        assertTrue(PublicationDates.parse("2024-06-13T09:00:00Z", FETCHED).isEmpty());
    }

    @Test
    void acceptsDateAheadOnlyByTimeZone() {
        assertEquals(Optional.of("2024-06-13"), PublicationDates.parse("2024-06-13", FETCHED));
    }

    @Test
    void rejectsNonsense() {
        assertTrue(PublicationDates.parse("2024-13-45", FETCHED).isEmpty());
        assertTrue(PublicationDates.parse("soon", FETCHED).isEmpty());
    }
}
