package newsflow.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Stable article ids derived from the normalised URL, so that a page fetched twice, or with
 * tracking parameters, gets the same id.
 *
 * <p>Normalisation: scheme and host in lower case, default ports, a leading {@code www.} and
 * the fragment dropped, tracking parameters ({@code utm_*}, {@code fbclid}, {@code gclid}, ...)
 * removed, the remaining query parameters sorted, a trailing slash removed. Strings that are
 * not URLs (such as {@code file:} names of local files) are used as they are, trimmed.
 */
public final class ArticleIds {

    private ArticleIds() {
    }

    /** The article id of a URL: 16 hex digits of the SHA-256 of its normalised form. */
    public static String idOf(String url) {
        return sha256Hex(normalise(url)).substring(0, 16);
    }

    /** The normalised form of a URL (see the class comment). */
    public static String normalise(String url) {
        String trimmed = url.trim();
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            return trimmed;
        }
        if (uri.getHost() == null || uri.getScheme() == null) {
            return trimmed;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80)
            || (scheme.equals("https") && port == 443);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String query = uri.getRawQuery() == null ? "" : Arrays.stream(uri.getRawQuery().split("&"))
            .filter(p -> !p.isEmpty() && !isTrackingParameter(p))
            .sorted()
            .collect(Collectors.joining("&"));
        return scheme + "://" + host + (defaultPort ? "" : ":" + port) + path
            + (query.isEmpty() ? "" : "?" + query);
    }

    /** A short hex digest of arbitrary text (used for body hashes and story ids). */
    public static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }

    private static boolean isTrackingParameter(String parameter) {
        String name = parameter.split("=", 2)[0].toLowerCase(Locale.ROOT);
        return name.startsWith("utm_") || name.equals("fbclid") || name.equals("gclid")
            || name.equals("mc_cid") || name.equals("mc_eid") || name.equals("ocid")
            || name.equals("cmpid") || name.equals("ref_src");
    }
}
