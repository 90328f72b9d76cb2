package newsflow.ingest;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Turns files into {@code news.raw} record values.
 *
 * <ul>
 *   <li>{@code .txt}: scraped plain text; url {@code file:<name>}</li>
 *   <li>{@code .html}, {@code .htm}: HTML in the page's own encoding, decoded as a browser does
 *       ({@link HtmlCharsets}); url {@code file:<name>}</li>
 *   <li>{@code .jsonl}: one raw JSON object per line, sent as it is (a malformed line becomes a
 *       dead letter, as it would from a scraper)</li>
 *   <li>any of these with {@code .gz} appended: gunzipped first</li>
 * </ul>
 * Directories are walked recursively in name order; other files are skipped and reported.
 * Text files are read as UTF-8 (malformed bytes become U+FFFD), HTML files in their own
 * encoding ({@link HtmlCharsets}); JSON lines are sent byte for byte.
 */
public final class PageFiles {

    private PageFiles() {
    }

    /** The supported input files under the given paths, in the order they will be sent. */
    public static List<Path> list(List<Path> paths, Consumer<String> skipped) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new IllegalArgumentException("no such file or directory: " + path);
            }
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(f -> {
                        if (isSupported(f)) {
                            files.add(f);
                        } else {
                            skipped.accept(f.toString());
                        }
                    });
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read directory " + path, e);
                }
            } else if (isSupported(path)) {
                files.add(path);
            } else {
                throw new IllegalArgumentException("unsupported file type: " + path
                    + " (expected .txt, .html, .htm or .jsonl, optionally .gz)");
            }
        }
        return files;
    }

    /** Whether a file is one {@link #records} can read. */
    public static boolean isSupported(Path file) {
        String name = baseName(file);
        return name.endsWith(".txt") || name.endsWith(".html") || name.endsWith(".htm")
            || name.endsWith(".jsonl");
    }

    /**
     * The raw record values of one file: one for a page, one per line for JSON lines. JSON lines
     * are split at {@code \n} only (a {@code \r} before it is dropped; a bare {@code \r} elsewhere
     * stays in its line), on the bytes, so every line reaches the raw topic exactly as the file
     * holds it, invalid UTF-8 included, and the record count equals the count of non-blank lines.
     */
    public static void records(Path file, Consumer<byte[]> sink) {
        String name = baseName(file);
        try (InputStream in = open(file)) {
            if (name.endsWith(".jsonl")) {
                jsonLines(new BufferedInputStream(in), sink);
                return;
            }
            byte[] bytes = in.readAllBytes();
            String url = "file:" + file.getFileName();
            // Text files are UTF-8; HTML files are decoded as a browser does (HtmlCharsets).
            RawPage page = name.endsWith(".txt") ? RawPage.ofText(url, new String(bytes, StandardCharsets.UTF_8))
                : RawPage.ofHtml(url, HtmlCharsets.decode(bytes, null));
            sink.accept(RawPageCodec.encode(page));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void jsonLines(InputStream in, Consumer<byte[]> sink) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                emitLine(line, sink);
                line.reset();
            } else {
                line.write(b);
            }
        }
        emitLine(line, sink);
    }

    private static void emitLine(ByteArrayOutputStream line, Consumer<byte[]> sink) {
        byte[] bytes = line.toByteArray();
        int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        boolean blank = true;
        for (int i = 0; i < end && blank; i++) {
            blank = bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r';
        }
        if (!blank) {
            sink.accept(end == bytes.length ? bytes : Arrays.copyOf(bytes, end));
        }
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
            return in;
        }
        try {
            return new GZIPInputStream(in);
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    }
}
