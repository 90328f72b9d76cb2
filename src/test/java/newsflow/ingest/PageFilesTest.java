package newsflow.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageFilesTest {

    @TempDir
    Path dir;

    private List<byte[]> records(Path file) {
        List<byte[]> out = new ArrayList<>();
        PageFiles.records(file, out::add);
        return out;
    }

    @Test
    void walksDirectoriesRecursivelyInNameOrderAndReportsSkippedFiles() throws IOException {
        Files.createDirectories(dir.resolve("b"));
        Files.writeString(dir.resolve("b/2.txt"), "two");
        Files.writeString(dir.resolve("a.html"), "<p>one</p>");
        Files.writeString(dir.resolve("notes.md"), "not a page");
        List<String> skipped = new ArrayList<>();
        List<Path> files = PageFiles.list(List.of(dir), skipped::add);
        assertEquals(List.of(dir.resolve("a.html"), dir.resolve("b/2.txt")), files);
        assertEquals(List.of(dir.resolve("notes.md").toString()), skipped);
    }

    @Test
    void aTextFileBecomesATextPageNamedAfterTheFile() {
        Path f = dir.resolve("seed.txt");
        writeQuietly(f, "Scraped text “quoted”");
        RawPage page = new RawPageCodec(1000).decode(records(f).get(0));
        assertEquals("file:seed.txt", page.url());
        assertEquals("Scraped text “quoted”", page.text());
    }

    @Test
    void gzippedHtmlIsUnpacked() throws IOException {
        Path f = dir.resolve("page.html.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
            out.write("<p>zipped</p>".getBytes(StandardCharsets.UTF_8));
        }
        RawPage page = new RawPageCodec(1000).decode(records(f).get(0));
        assertTrue(page.isHtml());
        assertEquals("<p>zipped</p>", page.html());
    }

    @Test
    void jsonLinesAreSentByteForByteOnePerLine() {
        Path f = dir.resolve("batch.jsonl");
        writeQuietly(f, "{\"url\":\"u1\",\"text\":\"a\"}\n\n{broken\n");
        List<byte[]> values = records(f);
        assertEquals(2, values.size());
        assertEquals("{broken", new String(values.get(1), StandardCharsets.UTF_8));
    }

    @Test
    void jsonLinesSplitAtLineFeedsOnlySoABareCarriageReturnStaysInItsLine() throws IOException {
        Path f = dir.resolve("cr.jsonl");
        Files.writeString(f, "{\"url\":\"u1\",\r\"text\":\"a\"}\r\n{\"url\":\"u2\",\"text\":\"b\rc\"}\n");
        List<byte[]> values = records(f);
        assertEquals(2, values.size(), "one record per line");
        assertEquals("{\"url\":\"u1\",\r\"text\":\"a\"}", new String(values.get(0), StandardCharsets.UTF_8),
            "the CR of a CRLF ending is dropped, a bare CR kept");
        assertEquals("{\"url\":\"u2\",\"text\":\"b\rc\"}", new String(values.get(1), StandardCharsets.UTF_8));
    }

    @Test
    void jsonLinesKeepTheirOriginalBytesEvenWhenTheyAreNotUtf8() throws IOException {
        Path f = dir.resolve("latin1.jsonl");
        byte[] line = {'{', '"', 'u', 'r', 'l', '"', ':', '"', (byte) 0xE9, '"', '}'};
        byte[] file = new byte[line.length + 1];
        System.arraycopy(line, 0, file, 0, line.length);
        file[line.length] = '\n';
        Files.write(f, file);
        List<byte[]> values = records(f);
        assertEquals(1, values.size());
        assertArrayEquals(line, values.get(0), "the dead letter of such a line must carry the scraper's bytes");
    }

    @Test
    void anUnsupportedFileNamedDirectlyIsAnError() {
        Path f = dir.resolve("x.pdf");
        writeQuietly(f, "%PDF");
        assertThrows(IllegalArgumentException.class, () -> PageFiles.list(List.of(f), s -> { }));
        assertThrows(IllegalArgumentException.class, () -> PageFiles.list(List.of(dir.resolve("missing")), s -> { }));
    }

    private static void writeQuietly(Path f, String s) {
        try {
            Files.writeString(f, s);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
