package newsflow.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class RawPageCodecTest {

    private final RawPageCodec codec = new RawPageCodec(1000);

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private String reasonFor(byte[] value) {
        return assertThrows(InvalidPageException.class, () -> codec.decode(value)).getMessage();
    }

    @Test
    void decodesAnHtmlPageWithMetadata() {
        RawPage page = codec.decode(utf8("{\"url\":\"https://x.org/a\",\"html\":\"<p>hi</p>\",\"title\":\"T\",\"publishedAt\":\"2024-01-02\",\"extra\":1}"));
        assertEquals("https://x.org/a", page.url());
        assertEquals("<p>hi</p>", page.html());
        assertNull(page.text());
        assertEquals("T", page.title());
        assertEquals("2024-01-02", page.publishedAt());
    }

    @Test
    void prefersHtmlWhenBothBodiesAreGiven() {
        RawPage page = codec.decode(utf8("{\"url\":\"u\",\"html\":\"<p>h</p>\",\"text\":\"t\"}"));
        assertTrue(page.isHtml());
    }

    @Test
    void roundTripsThroughEncode() {
        RawPage page = new RawPage("u", null, "body “quoted” 한국", "T", "S", "2024-01-01", null, "en");
        assertEquals(page, codec.decode(RawPageCodec.encode(page)));
    }

    @Test
    void rejectsMalformedJsonWithItsPosition() {
        assertTrue(reasonFor(utf8("{\"url\": \"u\", \"html\": \"<p>")).startsWith("malformed JSON"));
    }

    @Test
    void rejectsAMissingUrl() {
        assertEquals("missing required field 'url'", reasonFor(utf8("{\"html\":\"<p>x</p>\"}")));
    }

    @Test
    void rejectsAMissingBody() {
        assertEquals("missing body: one of 'html', 'htmlBase64' or 'text' is required", reasonFor(utf8("{\"url\":\"u\"}")));
    }

    @Test
    void rejectsABlankBody() {
        assertEquals("empty body: 'text' is blank", reasonFor(utf8("{\"url\":\"u\",\"text\":\"  \"}")));
    }

    @Test
    void rejectsInvalidUtf8() {
        byte[] bad = utf8("{\"url\":\"u\",\"text\":\"abc\"}");
        bad[bad.length - 4] = (byte) 0xC3; // a lead byte followed by an ASCII quote
        assertTrue(reasonFor(bad).startsWith("invalid UTF-8"));
    }

    @Test
    void rejectsAnOversizedRecordNamingTheLimit() {
        byte[] big = utf8("{\"url\":\"u\",\"text\":\"" + "x".repeat(2000) + "\"}");
        assertTrue(reasonFor(big).startsWith("page too large: " + big.length + " bytes > limit 1000"));
    }

    @Test
    void rejectsNonObjectsAndNonStringFields() {
        assertEquals("not a JSON object: got array", reasonFor(utf8("[1,2]")));
        assertEquals("field 'url' must be a string, got number", reasonFor(utf8("{\"url\":5,\"text\":\"t\"}")));
    }

    @Test
    void rejectsAnEmptyRecord() {
        assertTrue(reasonFor(new byte[0]).startsWith("empty record"));
    }

    @Test
    void readsANumericPublicationTimeAsEpochSecondsOrMilliseconds() {
        assertEquals("2026-03-14T09:30:00Z", codec.decode(utf8("{\"url\":\"u\",\"text\":\"t\",\"publishedAt\":1773480600}")).publishedAt());
        assertEquals("2026-03-14T09:30:00Z", codec.decode(utf8("{\"url\":\"u\",\"text\":\"t\",\"publishedAt\":1773480600000}")).publishedAt());
        assertEquals("2026-03-14T09:30:00.500Z", codec.decode(utf8("{\"url\":\"u\",\"text\":\"t\",\"fetchedAt\":1773480600.5}")).fetchedAt());
    }

    @Test
    void rejectsANumericTimeThatIsNoTimeWithTheReason() {
        assertTrue(reasonFor(utf8("{\"url\":\"u\",\"text\":\"t\",\"publishedAt\":-1}")).startsWith("field 'publishedAt': -1 is no time"));
        assertTrue(reasonFor(utf8("{\"url\":\"u\",\"text\":\"t\",\"publishedAt\":99999999999999999}")).startsWith("field 'publishedAt'"));
    }

    @Test
    void rejectsAFieldGivenTwiceRatherThanGuessingWhichCounts() {
        String reason = reasonFor(utf8("{\"url\":\"u\",\"text\":\"first\",\"text\":\"second\"}"));
        assertTrue(reason.startsWith("malformed JSON: Duplicate field 'text'"), reason);
    }

    @Test
    void rejectsJsonNestedTooDeeplyWithAClearReason() {
        RawPageCodec roomy = new RawPageCodec(1_000_000);
        String reason = assertThrows(InvalidPageException.class,
            () -> roomy.decode(utf8("[".repeat(100_000) + "]".repeat(100_000)))).getMessage();
        assertTrue(reason.startsWith("malformed JSON: Document nesting depth"), reason);
    }

    @Test
    void undecodedPageBytesAreReadWithTheDeclaredCharset() {
        byte[] latin1 = "<p>caf\u00e9 cr\u00e8me</p>".getBytes(java.nio.charset.Charset.forName("windows-1252"));
        String b64 = java.util.Base64.getEncoder().encodeToString(latin1);
        RawPage p = codec.decode(utf8("{\"url\":\"u\",\"htmlBase64\":\"" + b64 + "\",\"charset\":\"ISO-8859-1\"}"));
        assertEquals("<p>caf\u00e9 cr\u00e8me</p>", p.html());
    }

    @Test
    void rejectsHtmlBase64ThatIsNotBase64() {
        assertTrue(reasonFor(utf8("{\"url\":\"u\",\"htmlBase64\":\"not base64!\"}")).startsWith("field 'htmlBase64' is not base64"));
    }
}
