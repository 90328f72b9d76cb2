package newsflow.serving;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Calls another instance's internal endpoints ({@code /api/internal/...}) over HTTP and reads
 * the JSON answer. A 404 stays a 404; anything else that is not a 200 (or no answer within
 * the timeout) becomes a 503 naming the instance. Thread-safe.
 */
final class RemoteInstances {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ObjectMapper json;
    private final String secret;

    /** @param secret the application's shared secret, sent to every instance asked, or null */
    RemoteInstances(ObjectMapper json, String secret) {
        this.json = json;
        this.secret = secret;
    }

    <T> T get(HostInfo host, String pathAndQuery, TypeReference<T> type) {
        URI uri = URI.create("http://" + host.host() + ":" + host.port() + pathAndQuery);
        HttpResponse<byte[]> response;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET();
            if (secret != null) {
                request.header(ApiServer.SECRET_HEADER, secret);
            }
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw ApiException.unavailable("instance " + host.host() + ":" + host.port() + " did not answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("interrupted while asking " + host.host() + ":" + host.port());
        }
        try {
            if (response.statusCode() == 200) {
                return json.readValue(response.body(), type);
            }
            String message = json.readTree(response.body()).path("error").asText("status " + response.statusCode());
            if (response.statusCode() == 404) {
                throw ApiException.notFound(message);
            }
            throw ApiException.unavailable("instance " + host.host() + ":" + host.port() + " answered "
                + response.statusCode() + ": " + message);
        } catch (IOException e) {
            throw ApiException.unavailable("instance " + host.host() + ":" + host.port() + " sent unreadable JSON: " + e.getMessage());
        }
    }

    JsonNode getTree(HostInfo host, String pathAndQuery) {
        return get(host, pathAndQuery, new TypeReference<JsonNode>() { });
    }
}
