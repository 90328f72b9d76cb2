package newsflow.core.headers;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Where the raw record an article came from sits on the raw topic. The clean stage puts it in
 * the header {@value #HEADER} ({@code topic/partition/offset}) of the article's records, and
 * the stages after it carry it along, so that a record one of them cannot handle is
 * dead-lettered with the scraper's original bytes (read back from the raw topic) rather than
 * newsflow's internal form. Records about another article (a dedupe notice) drop it, and the
 * output stage removes it.
 */
public record RawSource(String topic, int partition, long offset) {

    public static final String HEADER = "newsflow.raw-source";

    /** The raw source named in {@code headers}, or null when there is none or it is unreadable. */
    public static RawSource of(Headers headers) {
        Header h = headers == null ? null : headers.lastHeader(HEADER);
        if (h == null || h.value() == null) {
            return null;
        }
        String[] parts = new String(h.value(), StandardCharsets.UTF_8).split("/");
        if (parts.length != 3 || parts[0].isEmpty()) {
            return null;
        }
        try {
            return new RawSource(parts[0], Integer.parseInt(parts[1]), Long.parseLong(parts[2]));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Names this source in {@code headers}, replacing any source named there before. */
    public void addTo(Headers headers) {
        headers.remove(HEADER);
        headers.add(HEADER, (topic + "/" + partition + "/" + offset).getBytes(StandardCharsets.UTF_8));
    }

    /** A copy of {@code headers} without a raw source. */
    public static Headers without(Headers headers) {
        Headers copy = new RecordHeaders(headers.toArray());
        copy.remove(HEADER);
        return copy;
    }

    @Override
    public String toString() {
        return topic + "-" + partition + "@" + offset;
    }
}
