package newsflow.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
 * superset; a {@code utf-16} label in a {@code <meta>} means UTF-8 (the page's bytes were read as
 * ASCII to find it). An unknown label is ignored.
 */
public final class HtmlCharsets {

    /** How far into the page a {@code <meta>} declaration is looked for (browsers: 1,024 bytes; pages put long scripts first). */
    static final int PRESCAN_BYTES = 4096;

    private static final Pattern META_CHARSET = Pattern.compile(
        "<meta\\b[^>]*?\\bcharset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:+-]+)", Pattern.CASE_INSENSITIVE);

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static final Map<String, String> LABELS = Map.ofEntries(
        Map.entry("iso-8859-1", "windows-1252"), Map.entry("iso8859-1", "windows-1252"),
        Map.entry("latin1", "windows-1252"), Map.entry("l1", "windows-1252"),
        Map.entry("us-ascii", "windows-1252"), Map.entry("ascii", "windows-1252"),
        Map.entry("cp1252", "windows-1252"), Map.entry("x-cp1252", "windows-1252"),
        Map.entry("gb2312", "GB18030"), Map.entry("gbk", "GB18030"), Map.entry("x-gbk", "GB18030"),
        Map.entry("csgb2312", "GB18030"), Map.entry("chinese", "GB18030"), Map.entry("gb18030", "GB18030"),
        Map.entry("utf8", "UTF-8"), Map.entry("unicode-1-1-utf-8", "UTF-8"),
        Map.entry("shift-jis", "Shift_JIS"), Map.entry("sjis", "Shift_JIS"), Map.entry("x-sjis", "Shift_JIS"),
        Map.entry("euc-kr", "EUC-KR"), Map.entry("ks_c_5601-1987", "EUC-KR"));

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
        Charset declared = byLabel(transportLabel, false);
        if (declared != null) {
            return declared;
        }
        String head = new String(bytes, 0, Math.min(bytes.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
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
        if (inMeta && l.startsWith("utf-16")) {
            return StandardCharsets.UTF_8;
        }
        String name = LABELS.getOrDefault(l, l);
        try {
            return Charset.isSupported(name) ? Charset.forName(name) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
