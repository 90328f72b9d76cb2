package newsflow.serving;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server of an instance (JDK {@code com.sun.net.httpserver}): the query API, the
 * internal endpoints other instances call, {@code /metrics} and the dashboard. Thin: it parses
 * and validates parameters, calls {@link QueryService} or {@link LocalStores}, and writes JSON.
 *
 * <p>The server binds at construction, so its port is known before Kafka Streams starts (it
 * goes into {@code application.server}); until {@link #attach} the API answers 503.
 *
 * <p>Exposure: it binds the address it is given ({@code --http-bind}; loopback in
 * {@code demo}). The internal endpoints ({@code /api/internal/...}), which answer from one
 * instance's local stores, answer only callers that present the application's shared secret
 * in {@value #SECRET_HEADER} when one is configured. A failure answers with a generic message
 * and an error number that the instance logs with the exception; exception text never
 * reaches a response.
 */
public final class ApiServer implements AutoCloseable {

    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 100;
    public static final int MAX_HOURS = 7 * 24;

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final String WEB = "/newsflow/web/";
    private static final Map<String, String> STATIC = Map.of(
        "/", "index.html", "/index.html", "index.html", "/app.js", "app.js", "/style.css", "style.css");

    private final ObjectMapper json;
    private final HttpServer server;
    private final ExecutorService pool;
    private final Supplier<String> metrics;
    /** The header that carries the shared secret on calls between instances. */
    public static final String SECRET_HEADER = "X-Newsflow-Secret";

    private final byte[] internalSecret;
    private final AtomicLong errors = new AtomicLong();
    private volatile QueryService queries;
    private volatile String instance = "";

    private ApiServer(HttpServer server, ObjectMapper json, Supplier<String> metrics, String internalSecret) {
        this.server = server;
        this.json = json;
        this.metrics = metrics;
        this.internalSecret = internalSecret == null ? null : internalSecret.getBytes(StandardCharsets.UTF_8);
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "newsflow-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", this::handle);
    }

    /**
     * Binds to {@code bind}:{@code port} (0: a free port) and starts serving.
     *
     * @param bind           the address to listen on ({@code 0.0.0.0}: every interface)
     * @param metrics        the Prometheus text of {@code /metrics}
     * @param internalSecret the secret callers of {@code /api/internal/...} must present, or
     *                       null to leave them open (a trusted network)
     */
    public static ApiServer start(String bind, int port, Supplier<String> metrics, String internalSecret) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("HTTP port must be 0..65535, got " + port);
        }
        if (internalSecret != null && internalSecret.isBlank()) {
            throw new IllegalArgumentException("the internal API secret must not be blank");
        }
        InetSocketAddress address = new InetSocketAddress(bind, port);
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("cannot resolve HTTP bind address '" + bind + "'");
        }
        try {
            HttpServer s = HttpServer.create(address, 64);
            ApiServer api = new ApiServer(s, Json.mapper(), metrics, internalSecret);
            s.start();
            return api;
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on HTTP " + bind + ":" + port + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The address the server listens on. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** Enables the API with {@code service}; {@code instance} names this instance in responses. */
    void attach(QueryService service, String instance) {
        this.instance = instance;
        this.queries = service;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getRawPath();
            if (!"GET".equals(ex.getRequestMethod()) && !"HEAD".equals(ex.getRequestMethod())) {
                send(ex, 405, "application/json", error("only GET is supported"));
                return;
            }
            try {
                if (STATIC.containsKey(path)) {
                    serveStatic(ex, STATIC.get(path));
                } else if (path.equals("/metrics")) {
                    send(ex, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.get().getBytes(StandardCharsets.UTF_8));
                } else if (path.startsWith("/api/")) {
                    if (path.startsWith("/api/internal/")) {
                        requireSecret(ex);
                    }
                    Object body = api(path, new QueryParams(ex.getRequestURI()));
                    send(ex, 200, "application/json", json.writeValueAsBytes(body));
                } else {
                    send(ex, 404, "application/json", error("no such resource: " + path));
                }
            } catch (ApiException e) {
                send(ex, e.status(), "application/json", error(e.getMessage()));
            } catch (InvalidStateStoreException e) {
                send(ex, 503, "application/json", error("state store not queryable now (" + e.getMessage() + "); retry shortly"));
            } catch (RuntimeException e) {
                long id = errors.incrementAndGet();
                LOG.warn("request {} failed (error {})", ex.getRequestURI(), id, e);
                send(ex, 500, "application/json", error("internal error " + id + "; the instance's log has the details"));
            }
        }
    }

    private void requireSecret(HttpExchange ex) {
        if (internalSecret == null) {
            return;
        }
        String presented = ex.getRequestHeaders().getFirst(SECRET_HEADER);
        if (presented == null || !MessageDigest.isEqual(internalSecret, presented.getBytes(StandardCharsets.UTF_8))) {
            throw ApiException.forbidden("internal endpoints answer only the application's instances");
        }
    }

    private Object api(String path, QueryParams q) {
        QueryService service = queries;
        if (service == null) {
            throw ApiException.unavailable("newsflow is starting; the API answers once the pipeline runs");
        }
        LocalStores local = service.local();
        switch (path) {
            case "/api/articles" -> {
                int limit = q.integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
                if (q.string("entity") == null) {
                    return Map.of("articles", service.latestArticles(limit));
                }
                String entity = q.required("entity");
                return ordered("entity", entity, "articles", service.entityArticles(entity, limit));
            }
            case "/api/entities/trending" -> {
                int hours = q.integer("hours", 24, 1, MAX_HOURS);
                int limit = q.integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
                Instant at = q.instant("at", Instant.now());
                return ordered("hours", hours, "from", QueryService.fromHour(hours, at),
                    "entities", service.trending(hours, limit, at));
            }
            case "/api/duplicates/recent" -> {
                return Map.of("duplicates", service.recentDuplicates(q.integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT)));
            }
            case "/api/stats" -> {
                return service.stats();
            }
            case "/api/internal/entity-articles" -> {
                return local.entityArticles(q.required("entity"), q.integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT));
            }
            case "/api/internal/latest-articles" -> {
                return local.latestArticles(q.integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT));
            }
            case "/api/internal/trending" -> {
                return local.trending(q.required("from"), q.integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT));
            }
            case "/api/internal/duplicates" -> {
                return local.recentDuplicates(q.integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT));
            }
            case "/api/internal/counts" -> {
                return local.counts();
            }
            default -> {
                if (path.startsWith("/api/articles/")) {
                    return service.article(idOf(path, "/api/articles/"));
                }
                if (path.startsWith("/api/internal/articles/")) {
                    String id = idOf(path, "/api/internal/articles/");
                    ArticleView v = local.article(id);
                    if (v == null) {
                        throw ApiException.notFound("no article with id '" + id + "'");
                    }
                    return v;
                }
                throw ApiException.notFound("no such resource: " + path);
            }
        }
    }

    private static String idOf(String rawPath, String prefix) {
        String raw = rawPath.substring(prefix.length());
        if (raw.isEmpty() || raw.contains("/")) {
            throw ApiException.badRequest("expected " + prefix + "{id}, got '" + rawPath + "'");
        }
        String id = URLDecoder.decode(raw, StandardCharsets.UTF_8);
        if (id.isBlank() || id.length() > 512) {
            throw ApiException.badRequest("article id must be 1 to 512 characters");
        }
        return id;
    }

    private static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private void serveStatic(HttpExchange ex, String name) throws IOException {
        try (InputStream in = ApiServer.class.getResourceAsStream(WEB + name)) {
            if (in == null) {
                send(ex, 404, "application/json", error("dashboard file missing: " + name));
                return;
            }
            String type = name.endsWith(".html") ? "text/html; charset=utf-8"
                : name.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8";
            send(ex, 200, type, in.readAllBytes());
        }
    }

    private byte[] error(String message) {
        try {
            return json.writeValueAsBytes(Map.of("error", message));
        } catch (IOException e) {
            return "{\"error\":\"unprintable error\"}".getBytes(StandardCharsets.UTF_8);
        }
    }

    private void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        // No inline script or style can run, whatever text ends up in the page.
        ex.getResponseHeaders().set("Content-Security-Policy",
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'");
        if (!instance.isEmpty()) {
            ex.getResponseHeaders().set("X-Newsflow-Instance", instance);
        }
        boolean head = "HEAD".equals(ex.getRequestMethod());
        ex.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
