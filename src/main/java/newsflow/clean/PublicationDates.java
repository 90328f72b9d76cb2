package newsflow.clean;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the date formats news pages use into ISO-8601 strings and rejects dates in the
 * future relative to the fetch time. Stateless and thread-safe.
 *
 * <p>Output forms: {@code 2024-06-12T08:30:00Z} / {@code 2024-06-12T08:30:00+02:00} when a time
 * and zone are given, {@code 2024-06-12T08:30:00} for a local time, {@code 2024-06-12} for a
 * date alone.
 */
final class PublicationDates {

    /** Earliest plausible publication date of a web page. */
    private static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);
    /** Time zones run to UTC+14: a date-only value may be that far ahead of UTC. */
    private static final long MAX_ZONE_LEAD_HOURS = 14;

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?"
                    + "\\s*(Z|[+-]\\d{2}:?\\d{2}|[+-]\\d{2}|UTC|GMT)?)?");
    private static final Pattern SLASHED = Pattern.compile("\\b(\\d{4})[/.](\\d{1,2})[/.](\\d{1,2})\\b");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "\\b([A-Za-z]{3,9})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "\\b(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+(?:of\\s+)?([A-Za-z]{3,9})\\.?,?\\s+(\\d{4})\\b");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
            Map.entry("sep", 9), Map.entry("sept", 9), Map.entry("oct", 10), Map.entry("nov", 11),
            Map.entry("dec", 12));

    private PublicationDates() {
    }

    /**
     * The ISO form of the first date found in {@code raw}, if it is a valid date not after
     * {@code reference} (the fetch time; {@code null} means now).
     */
    static Optional<String> parse(String raw, Instant reference) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String s = raw.strip();
        Instant ref = reference != null ? reference : Instant.now();
        try {
            Optional<String> iso = parseIso(s, ref);
            if (iso.isPresent()) {
                return iso;
            }
            Matcher m = SLASHED.matcher(s);
            if (m.find()) {
                return dateOnly(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)), ref);
            }
            m = MONTH_DAY_YEAR.matcher(s);
            while (m.find()) {
                if (month(m.group(1)) > 0) {
                    return dateOnly(Integer.parseInt(m.group(3)), month(m.group(1)),
                            Integer.parseInt(m.group(2)), ref);
                }
            }
            m = DAY_MONTH_YEAR.matcher(s);
            while (m.find()) {
                if (month(m.group(2)) > 0) {
                    return dateOnly(Integer.parseInt(m.group(3)), month(m.group(2)),
                            Integer.parseInt(m.group(1)), ref);
                }
            }
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The fetch time as an instant, or {@code null} when absent or unreadable. */
    static Instant instantOf(String iso) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(iso.strip()).toInstant();
        } catch (DateTimeException e) {
            try {
                return Instant.parse(iso.strip());
            } catch (DateTimeException e2) {
                try {
                    return LocalDate.parse(iso.strip()).atTime(23, 59, 59).toInstant(ZoneOffset.UTC);
                } catch (DateTimeException e3) {
                    return null;
                }
            }
        }
    }

    private static Optional<String> parseIso(String s, Instant ref) {
        Matcher m = ISO.matcher(s);
        if (!m.find()) {
            return Optional.empty();
        }
        int y = Integer.parseInt(m.group(1));
        int mo = Integer.parseInt(m.group(2));
        int d = Integer.parseInt(m.group(3));
        if (m.group(4) == null) {
            return dateOnly(y, mo, d, ref);
        }
        LocalDateTime local = LocalDateTime.of(y, mo, d, Integer.parseInt(m.group(4)),
                Integer.parseInt(m.group(5)), m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
        String zone = m.group(7);
        if (zone == null) {
            return dateOnly(y, mo, d, ref).map(ignored -> local.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
        }
        ZoneOffset offset = offset(zone);
        OffsetDateTime odt = local.atOffset(offset);
        if (odt.toInstant().isAfter(ref) || odt.toLocalDate().isBefore(EARLIEST)) {
            return Optional.empty();
        }
        return Optional.of(odt.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }

    private static ZoneOffset offset(String zone) {
        if (zone.equals("Z") || zone.equals("UTC") || zone.equals("GMT")) {
            return ZoneOffset.UTC;
        }
        String z = zone.replace(":", "");
        if (z.length() == 3) {
            z = z + "00";
        }
        return ZoneOffset.of(z.substring(0, 3) + ":" + z.substring(3));
    }

    private static Optional<String> dateOnly(int y, int mo, int d, Instant ref) {
        LocalDate date = LocalDate.of(y, mo, d);
        LocalDate latest = ZonedDateTime.ofInstant(ref, ZoneOffset.UTC)
                .plusHours(MAX_ZONE_LEAD_HOURS).toLocalDate();
        if (date.isAfter(latest) || date.isBefore(EARLIEST)) {
            return Optional.empty();
        }
        return Optional.of(date.toString());
    }

    private static int month(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        if (key.length() > 3 && !key.equals("sept")) {
            key = key.substring(0, 3);
        }
        Integer m = MONTHS.get(key);
        return m == null ? -1 : m;
    }
}
