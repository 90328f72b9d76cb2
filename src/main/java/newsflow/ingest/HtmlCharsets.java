package newsflow.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes the bytes of an HTML page as a browser does (the WHATWG encoding sniffing algorithm,
 * simplified): a byte-order mark first; then the charset the transport declared (an HTTP
 * {@code Content-Type}); then a {@code <meta charset>} or {@code <meta http-equiv="Content-Type">}
 * near the top of the page; else UTF-8 when the bytes are valid UTF-8, and windows-1252 (the web's
 * legacy default) when they are not.
 *
 * <p>Labels are read as browsers read them: {@code iso-8859-1}, {@code latin1} and
 * {@code us-ascii} mean windows-1252 (they differ only in 0x80-0x9F, where pages labelled
 * Latin-1 use windows-1252's quotes and dashes); {@code gb2312} and {@code gbk} mean GB18030, their
 * superset; Shift_JIS and EUC-KR labels mean Microsoft's supersets (windows-31j, windows-949);
 * a UTF-16 or UTF-32 label in a {@code <meta>} means UTF-8 (the page's bytes were read as ASCII
 * to find it). Declarations inside comments are skipped. An unknown label is ignored.
 */
public final class HtmlCharsets {

    /**
     * How far into the page a {@code <meta>} declaration is looked for: up to {@code <body}, at
     * most this many bytes (the spec's prescan reads 1,024; pages put long scripts first, and
     * browsers still honour a late declaration in the head).
     */
    static final int PRESCAN_BYTES = 65_536;

    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern BODY = Pattern.compile("<body[\\s>]", Pattern.CASE_INSENSITIVE);

    private static final Pattern META_CHARSET = Pattern.compile(
        "<meta\\b[^>]*?\\bcharset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:+-]+)", Pattern.CASE_INSENSITIVE);

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static final Map<String, String> LABELS = labels();

    /** WHATWG labels (the ones pages use) to the Java charset that decodes as browsers do. */
    private static Map<String, String> labels() {
        Map<String, String> m = new java.util.HashMap<>();
        for (String l : List.of("iso-8859-1", "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987", "iso-ir-100",
                "latin1", "l1", "cp819", "ibm819", "csisolatin1", "us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us",
                "cp367", "ibm367", "csascii", "cp1252", "x-cp1252", "windows-1252", "x-user-defined")) {
            m.put(l, "windows-1252");
        }
        for (String l : List.of("gb2312", "gbk", "x-gbk", "csgb2312", "chinese", "gb18030", "iso-ir-58", "gb_2312-80")) {
            m.put(l, "GB18030");
        }
        for (String l : List.of("shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "ms932", "csshiftjis", "windows-31j")) {
            m.put(l, "windows-31j");
        }
        for (String l : List.of("euc-kr", "ks_c_5601-1987", "ks_c_5601-1989", "ksc5601", "ksc_5601", "korean",
                "cseuckr", "windows-949")) {
            m.put(l, "x-windows-949");
        }
        for (String l : List.of("iso-8859-9", "iso8859-9", "latin5", "l5", "windows-1254")) {
            m.put(l, "windows-1254");
        }
        for (String l : List.of("tis-620", "iso-8859-11", "windows-874", "dos-874")) {
            m.put(l, "x-windows-874");
        }
        m.put("utf8", "UTF-8");
        m.put("unicode-1-1-utf-8", "UTF-8");
        return Map.copyOf(m);
    }

    private HtmlCharsets() {
    }

    /**
     * The text of an HTML page.
     *
     * @param bytes           the page as it was fetched
     * @param transportLabel  the charset the HTTP response declared, or null
     */
    public static String decode(byte[] bytes, String transportLabel) {
        String text = new String(bytes, charsetOf(bytes, transportLabel));
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** The charset {@link #decode} reads {@code bytes} with. */
    public static Charset charsetOf(byte[] bytes, String transportLabel) {
        Charset bom = byteOrderMark(bytes);
        if (bom != null) {
            return bom;
        }
        Charset declared = byLabel(charsetParameter(transportLabel), false);
        if (declared != null) {
            return declared;
        }
        String head = new String(bytes, 0, Math.min(bytes.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher body = BODY.matcher(head);
        if (body.find()) {
            head = head.substring(0, body.start());
        }
        Matcher m = META_CHARSET.matcher(COMMENT.matcher(head).replaceAll(" "));
        while (m.find()) {
            Charset meta = byLabel(m.group(1), true);
            if (meta != null) {
                return meta;
            }
        }
        return isUtf8(bytes) ? StandardCharsets.UTF_8 : WINDOWS_1252;
    }

    private static Charset byteOrderMark(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    /** The charset a label names as browsers read it, or null when unknown. */
    static Charset byLabel(String label, boolean inMeta) {
        if (label == null || label.isBlank()) {
            return null;
        }
        String l = label.trim().toLowerCase(Locale.ROOT);
        String name = LABELS.getOrDefault(l, l);
        Charset c;
        try {
            c = Charset.isSupported(name) ? Charset.forName(name) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (c == null) {
            return null;
        }
        String n = c.name().toUpperCase(Locale.ROOT);
        if (n.startsWith("UTF-16") || n.startsWith("UTF-32") || n.startsWith("X-UTF-32")) {
            // A <meta> was read as ASCII, so the page is not UTF-16: browsers take UTF-8. From the
            // transport, "utf-16" means little-endian, and UTF-32 is not a web encoding.
            return inMeta ? StandardCharsets.UTF_8
                : n.equals("UTF-16") ? StandardCharsets.UTF_16LE : n.startsWith("UTF-16") ? c : null;
        }
        return c;
    }

    /** The charset in an HTTP header value ({@code text/html; charset="utf-8"}) or a bare label. */
    static String charsetParameter(String value) {
        if (value == null) {
            return null;
        }
        int at = value.toLowerCase(Locale.ROOT).indexOf("charset=");
        String label = at < 0 ? value : value.substring(at + "charset=".length());
        int end = label.indexOf(';');
        label = (end < 0 ? label : label.substring(0, end)).trim();
        return label.replace("\"", "").replace("'", "").trim();
    }

    /** Whether the bytes are UTF-8, a sequence cut off at the very end (a truncated fetch) allowed. */
    private static boolean isUtf8(byte[] bytes) {
        int end = bytes.length;
        int back = 0;
        while (back < 3 && end - back - 1 >= 0 && (bytes[end - back - 1] & 0xC0) == 0x80) {
            back++;
        }
        if (end - back - 1 >= 0 && (bytes[end - back - 1] & 0xC0) == 0xC0) {
            end = end - back - 1; // a lead byte whose sequence may be incomplete: not judged
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
