package newsflow.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import newsflow.clean.ArticleCleaner;
import newsflow.clean.CleaningPolicy;
import newsflow.core.CleanArticle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pages are decoded as a browser decodes them, whatever their encoding. */
class HtmlCharsetsTest {

    private static final Path WEB = Path.of("../shared/bench/extraction-web");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static byte[] page(String id) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(WEB.resolve("html").resolve(id + ".html.gz")))) {
            return in.readAllBytes();
        }
    }

    private static String normalised(String s) {
        return s.replaceAll("\\s+", " ");
    }

    /**
     * Real pages of the second benchmark in ISO-8859-1, windows-1252, GB2312, UTF-8 with a
     * byte-order mark and UTF-8 without: decoded, each holds a segment with non-ASCII letters
     * that its gold says the article contains, and its article is the same as that of its UTF-8
     * twin (the page converted to UTF-8 with its declaration updated, as a converter would), sent
     * as a file, as undecoded bytes in {@code htmlBase64}, or as the twin's text.
     */
    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource({"0371, ISO-8859-1, Maßnahmen", "0542, windows-1252, Haussegen hängt schief",
        "0489, GB2312, 一个约定，信守15年", "0635, UTF-8 with a byte-order mark, für den in Dallas geborenen",
        "0000, UTF-8, völlig am Zeiger"})
    void aPageInItsOwnEncodingComesOutAsItsUtf8Twin(String id, String encoding, String segment, @org.junit.jupiter.api.io.TempDir Path tmp)
            throws IOException {
        assumeTrue(Files.isDirectory(WEB), "../shared/bench/extraction-web is absent");
        byte[] raw = page(id);
        String decoded = HtmlCharsets.decode(raw, null);
        assertTrue(normalised(decoded).contains(segment), "decoded as " + HtmlCharsets.charsetOf(raw, null));

        Charset declared = HtmlCharsets.charsetOf(raw, null);
        String twinHtml = decoded.replaceAll("(?i)(<meta[^>]*charset\\s*=\\s*[\"']?)[A-Za-z0-9_-]+", "$1utf-8");
        byte[] twinBytes = twinHtml.getBytes(StandardCharsets.UTF_8);

        ArticleCleaner cleaner = new ArticleCleaner(CleaningPolicy.newsDefaults());
        RawPageCodec codec = new RawPageCodec(10_000_000);
        CleanArticle twin = cleaner.clean(RawPage.ofHtml("https://twin.example/" + id, twinHtml));

        Path file = tmp.resolve(id + ".html");
        Files.write(file, raw);
        byte[][] fromFile = new byte[1][];
        PageFiles.records(file, r -> fromFile[0] = r);
        RawPage viaFile = codec.decode(fromFile[0]);
        assertEquals(twin.text(), cleaner.clean(viaFile).text(), "a file in " + declared + " reads as its UTF-8 twin");

        RawPage viaBytes = codec.decode(bytesRecord(id, raw, null));
        CleanArticle fromBytes = cleaner.clean(viaBytes);
        assertEquals(twin.text(), fromBytes.text(), "htmlBase64 in " + declared + " reads as its UTF-8 twin");
        assertEquals(twin.title(), fromBytes.title());
        assertEquals(twin.text(), cleaner.clean(codec.decode(bytesRecord(id, twinBytes, null))).text());
    }

    private static byte[] bytesRecord(String id, byte[] html, String charset) throws IOException {
        ObjectNode record = JSON.createObjectNode();
        record.put("url", "https://bytes.example/" + id);
        record.put("htmlBase64", Base64.getEncoder().encodeToString(html));
        if (charset != null) {
            record.put("charset", charset);
        }
        return JSON.writeValueAsBytes(record);
    }

    @Test
    void aByteOrderMarkWinsOverTheMetaDeclaration() {
        byte[] page = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
            "<meta charset=\"iso-8859-1\"><p>caf\u00e9</p>".getBytes(StandardCharsets.UTF_8));
        assertEquals("<meta charset=\"iso-8859-1\"><p>caf\u00e9</p>", HtmlCharsets.decode(page, null));
    }

    @Test
    void theTransportCharsetWinsOverTheMetaDeclaration() {
        byte[] page = "<meta charset=\"utf-8\"><p>caf\u00e9</p>".getBytes(Charset.forName("windows-1252"));
        assertEquals("<meta charset=\"utf-8\"><p>caf\u00e9</p>", HtmlCharsets.decode(page, "ISO-8859-1"));
    }

    @Test
    void anHttpEquivDeclarationIsRead() {
        byte[] page = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"><p>\u201cquoted\u201d</p>"
            .getBytes(Charset.forName("windows-1252"));
        assertTrue(HtmlCharsets.decode(page, null).contains("\u201cquoted\u201d"));
    }

    @Test
    void latin1LabelsReadAsWindows1252AsBrowsersDo() {
        byte[] page = "<meta charset=iso-8859-1><p>\u2013 dash</p>".getBytes(Charset.forName("windows-1252"));
        assertTrue(HtmlCharsets.decode(page, null).contains("\u2013 dash"));
    }

    @Test
    void withoutADeclarationValidUtf8IsUtf8AndTheRestWindows1252() {
        assertEquals("<p>caf\u00e9</p>", HtmlCharsets.decode("<p>caf\u00e9</p>".getBytes(StandardCharsets.UTF_8), null));
        assertEquals("<p>caf\u00e9</p>", HtmlCharsets.decode("<p>caf\u00e9</p>".getBytes(Charset.forName("windows-1252")), null));
    }

    @Test
    void anUnknownLabelIsIgnored() {
        assertEquals("<meta charset=\"klingon\"><p>caf\u00e9</p>",
            HtmlCharsets.decode("<meta charset=\"klingon\"><p>caf\u00e9</p>".getBytes(StandardCharsets.UTF_8), null));
    }

    @Test
    void aDeclarationInsideACommentIsSkipped() {
        byte[] page = "<!-- <meta charset=gb2312> --><meta charset=\"utf-8\"><p>caf\u00e9</p>".getBytes(StandardCharsets.UTF_8);
        assertEquals(StandardCharsets.UTF_8, HtmlCharsets.charsetOf(page, null));
    }

    @Test
    void aLateDeclarationInTheHeadIsStillRead() {
        String head = "<head><script>" + "var x = 1;\n".repeat(1_000) + "</script><meta charset=\"gbk\"></head><body><p>\u4e2d\u6587</p>";
        byte[] page = head.getBytes(Charset.forName("GBK"));
        assertTrue(HtmlCharsets.decode(page, null).contains("\u4e2d\u6587"));
    }

    @Test
    void aUtf16LabelInAMetaMeansUtf8() {
        byte[] page = "<meta charset=\"utf-16\"><p>caf\u00e9</p>".getBytes(StandardCharsets.UTF_8);
        assertEquals(StandardCharsets.UTF_8, HtmlCharsets.charsetOf(page, null));
    }

    @Test
    void shiftJisPagesKeepTheirMicrosoftCharacters() {
        byte[] page = "<meta charset=\"shift_jis\"><p>\u2460 \u65e5\u672c</p>".getBytes(Charset.forName("windows-31j"));
        assertTrue(HtmlCharsets.decode(page, null).contains("\u2460 \u65e5\u672c"));
    }

    @Test
    void theTransportCharsetMayBeAWholeContentTypeValue() {
        byte[] page = "<p>caf\u00e9</p>".getBytes(Charset.forName("windows-1252"));
        assertEquals("<p>caf\u00e9</p>", HtmlCharsets.decode(page, "text/html; charset=\"ISO-8859-1\""));
    }

    @Test
    void aUtf8PageCutOffInsideACharacterIsStillUtf8() {
        byte[] whole = "<p>\u4e2d\u6587</p><p>\u4e2d".getBytes(StandardCharsets.UTF_8);
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 1);
        assertEquals(StandardCharsets.UTF_8, HtmlCharsets.charsetOf(cut, null));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
