package newsflow.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import newsflow.core.EventTime;

/**
 * Reads and writes the {@code news.raw} record format: a UTF-8 JSON object with {@code url}
 * (required), one body (required; the first present of {@code html}, {@code htmlBase64} with
 * an optional {@code charset}, and {@code text}), and optional {@code title}, {@code source}, {@code publishedAt}, {@code fetchedAt},
 * {@code language}. Unknown fields are ignored, so scrapers may send more.
 *
 * <p>Thread-safe. {@link #decode} never returns a partial page: it either returns a valid
 * {@link RawPage} or throws {@link InvalidPageException} naming the problem.
 */
public final class RawPageCodec {

    /** Two values for one field ({@code "text"} twice) make a record ambiguous: it is refused, not guessed. */
    private static final ObjectMapper JSON = JsonMapper.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final int maxPageBytes;

    /** @param maxPageBytes records larger than this are rejected as "page too large" */
    public RawPageCodec(int maxPageBytes) {
        if (maxPageBytes <= 0) {
            throw new IllegalArgumentException("maxPageBytes must be positive, got " + maxPageBytes);
        }
        this.maxPageBytes = maxPageBytes;
    }

    /** Decodes one raw record value. */
    public RawPage decode(byte[] value) {
        if (value == null || value.length == 0) {
            throw new InvalidPageException("empty record: expected a JSON object");
        }
        if (value.length > maxPageBytes) {
            throw new InvalidPageException("page too large: " + value.length + " bytes > limit "
                + maxPageBytes + " (max.page.bytes)");
        }
        JsonNode node = parse(strictUtf8(value));
        if (!node.isObject()) {
            throw new InvalidPageException("not a JSON object: got " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        String url = field(node, "url");
        if (url == null || url.isBlank()) {
            throw new InvalidPageException("missing required field 'url'");
        }
        String html = field(node, "html");
        String htmlField = "html";
        if (html == null) {
            html = htmlFromBytes(node);
            htmlField = "htmlBase64";
        }
        String text = html == null ? field(node, "text") : null;
        if (html == null && text == null) {
            throw new InvalidPageException("missing body: one of 'html', 'htmlBase64' or 'text' is required");
        }
        if ((html != null ? html : text).isBlank()) {
            throw new InvalidPageException("empty body: '" + (html != null ? htmlField : "text") + "' is blank");
        }
        return new RawPage(url.trim(), html, text, field(node, "title"), field(node, "source"),
            time(node, "publishedAt"), time(node, "fetchedAt"), field(node, "language"));
    }

    /** Encodes a page as the JSON object scrapers send; fields that are null are omitted. */
    public static byte[] encode(RawPage page) {
        Objects.requireNonNull(page, "page");
        ObjectNode node = JSON.createObjectNode();
        node.put("url", page.url());
        putIfPresent(node, "html", page.html());
        putIfPresent(node, "text", page.text());
        putIfPresent(node, "title", page.title());
        putIfPresent(node, "source", page.source());
        putIfPresent(node, "publishedAt", page.publishedAt());
        putIfPresent(node, "fetchedAt", page.fetchedAt());
        putIfPresent(node, "language", page.language());
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String strictUtf8(byte[] value) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(value)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidPageException("invalid UTF-8: the record is not UTF-8 text (" + e.getMessage() + ")");
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            // Limits (nesting depth, number length) are reported without a location.
            throw new InvalidPageException("malformed JSON: " + e.getOriginalMessage() + (e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()));
        }
    }

    private static String field(JsonNode node, String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new InvalidPageException("field '" + name + "' must be a string, got "
                + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return v.asText();
    }

    /**
     * The page carried as undecoded bytes: {@code htmlBase64} (standard base64), decoded as a
     * browser does ({@link HtmlCharsets}) with the optional {@code charset} the HTTP response
     * declared. Null when the record has no {@code htmlBase64}.
     */
    private static String htmlFromBytes(JsonNode node) {
        String base64 = field(node, "htmlBase64");
        if (base64 == null) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = java.util.Base64.getDecoder().decode(base64.replaceAll("\\s+", ""));
        } catch (IllegalArgumentException e) {
            throw new InvalidPageException("field 'htmlBase64' is not base64: " + e.getMessage());
        }
        return HtmlCharsets.decode(bytes, field(node, "charset"));
    }

    /**
     * A time field: an ISO-8601 string as written, or a number of seconds or milliseconds since
     * the epoch ({@link EventTime#ofEpochNumber}), turned into ISO-8601.
     */
    private static String time(JsonNode node, String name) {
        JsonNode v = node.get(name);
        if (v != null && !v.isNull() && !v.isNumber() && !v.isTextual()) {
            throw new InvalidPageException("field '" + name + "' must be a string or a number, got "
                + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (v == null || !v.isNumber()) {
            return field(node, name);
        }
        java.time.Instant t = EventTime.ofEpochNumber(v.asDouble());
        if (t == null) {
            throw new InvalidPageException("field '" + name + "': " + v.asText() + " is no time since the epoch "
                + "(seconds, or milliseconds from " + (long) EventTime.EPOCH_MILLIS_FROM + ")");
        }
        return t.toString();
    }

    private static void putIfPresent(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }
}
