package newsflow.serving;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/** The query parameters of a request, with validation that fails as a 400 naming the value. */
final class QueryParams {

    private final Map<String, String> values = new HashMap<>();

    QueryParams(URI uri) {
        String q = uri.getRawQuery();
        if (q == null || q.isEmpty()) {
            return;
        }
        for (String pair : q.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            values.putIfAbsent(name, value);
        }
    }

    /** The value of {@code name}, or null when absent. */
    String string(String name) {
        return values.get(name);
    }

    /** A required, non-blank value of at most 512 characters. */
    String required(String name) {
        String v = values.get(name);
        if (v == null || v.isBlank()) {
            throw ApiException.badRequest("parameter '" + name + "' is required");
        }
        if (v.length() > 512) {
            throw ApiException.badRequest("parameter '" + name + "' is too long (" + v.length() + " characters, at most 512)");
        }
        return v;
    }

    /** An integer in [min, max], {@code fallback} when absent. */
    int integer(String name, int fallback, int min, int max) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw ApiException.badRequest("parameter '" + name + "' must be an integer from " + min + " to " + max
            + ", got '" + v + "'");
    }

    /** An ISO-8601 instant, {@code fallback} when absent. */
    Instant instant(String name, Instant fallback) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Instant.parse(v.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("parameter '" + name + "' must be an ISO-8601 instant such as "
                + "2026-03-15T07:00:00Z, got '" + v + "'");
        }
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("malformed query string: " + e.getMessage());
        }
    }
}
