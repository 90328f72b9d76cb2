package newsflow.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The event time of an article: its publication time when the page states one, else the time
 * the raw record was produced.
 *
 * <p>newsflow keeps event time inside record values and leaves Kafka record timestamps at
 * ingestion time. Output topics then age by ingestion time (a backfill of 2019 articles is not
 * deleted by retention on arrival), while dedupe horizons and trend hours use publication time
 * deliberately.
 */
public final class EventTime {

    private EventTime() {
    }

    /**
     * @param publishedAt      ISO-8601 date or date-time, or {@code null}
     * @param recordTimestamp  the Kafka record timestamp, used when {@code publishedAt} is absent
     *                         or unparseable
     */
    public static long millis(String publishedAt, long recordTimestamp) {
        Instant parsed = parse(publishedAt);
        return parsed == null ? recordTimestamp : parsed.toEpochMilli();
    }

    /** Numbers of 10^11 and more are epoch milliseconds (10^11 seconds is the year 5138; 10^11 ms, 1973). */
    public static final double EPOCH_MILLIS_FROM = 1e11;

    /** After 9999-12-31, even read as milliseconds: no time a page states. */
    private static final double LATEST_MILLIS = 253_402_300_800_000d;

    /**
     * A time given as a number since the epoch: seconds, or milliseconds from
     * {@link #EPOCH_MILLIS_FROM} on; {@code null} when it is no such time (not positive, or past
     * the year 9999).
     */
    public static Instant ofEpochNumber(double n) {
        if (!(n > 0) || n >= LATEST_MILLIS) {
            return null;
        }
        return Instant.ofEpochMilli(n >= EPOCH_MILLIS_FROM ? (long) n : (long) (n * 1000));
    }

    /** Parses an ISO-8601 date ({@code 2024-06-12}) or date-time; {@code null} if it is neither. */
    public static Instant parse(String iso) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        String s = iso.trim();
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }
}
