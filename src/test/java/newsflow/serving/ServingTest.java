package newsflow.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Properties;

import newsflow.core.Topics;
import newsflow.ops.PipelineMetrics;
import newsflow.pipeline.StreamsSettings;
import org.junit.jupiter.api.Test;

class ServingTest {

    @Test
    void processingSettingsCarryThePipelineMeters() {
        try (Serving s = Serving.start(0, "node-7")) {
            Properties p = s.processingOverrides(new Properties());
            assertTrue(p.get(PipelineMetrics.CONFIG_KEY) instanceof PipelineMetrics);
            assertNull(p.getProperty("application.server"), "only the serving client is queried");
        }
    }

    @Test
    void servingSettingsAdvertiseTheBoundPortUnderTheirOwnApplicationId() {
        try (Serving s = Serving.start(0, "node-7")) {
            Properties processing = StreamsSettings.streamsConfig("localhost:9092", Path.of("state"),
                Topics.DEFAULT, s.processingOverrides(new Properties()));
            Properties p = s.servingConfig(processing);
            assertEquals("node-7:" + s.port(), p.getProperty("application.server"));
            assertEquals("newsflow-serving", p.getProperty("application.id"));
            assertNull(p.get(PipelineMetrics.CONFIG_KEY));
        }
    }

    @Test
    void servingErrorsAreLoggedNotDeadLetteredIntoTheTopicTheViewsCount() {
        Properties processing = StreamsSettings.streamsConfig("localhost:9092", Path.of("state"),
            Topics.DEFAULT, new Properties());
        processing.setProperty("client.id", "node-7");
        Properties p = ServingSettings.fromProcessing(processing);
        assertNull(p.getProperty("errors.dead.letter.queue.topic.name"));
        assertEquals("node-7-serving", p.getProperty("client.id"), "the two clients' metrics stay apart");
        assertEquals(processing.getProperty("processing.guarantee"), p.getProperty("processing.guarantee"));
    }

    @Test
    void anApplicationServerOnAnotherPortIsRefused() {
        try (Serving s = Serving.start(0, "localhost")) {
            Properties p = new Properties();
            p.setProperty("application.server", "localhost:" + (s.port() == 1 ? 2 : 1));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.servingConfig(p));
            assertTrue(e.getMessage().contains(String.valueOf(s.port())), e.getMessage());
        }
    }

    @Test
    void internalEndpointsRefuseCallersWithoutTheSharedSecret() throws Exception {
        try (Serving s = Serving.start("127.0.0.1", 0, "localhost", "s3cret")) {
            HttpClient http = HttpClient.newHttpClient();
            URI internal = URI.create("http://127.0.0.1:" + s.port() + "/api/internal/counts");
            HttpResponse<String> stranger = http.send(HttpRequest.newBuilder(internal).build(),
                HttpResponse.BodyHandlers.ofString());
            assertEquals(403, stranger.statusCode(), stranger.body());
            HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(internal)
                .header(ApiServer.SECRET_HEADER, "guess").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(403, wrong.statusCode());
            HttpResponse<String> peer = http.send(HttpRequest.newBuilder(internal)
                .header(ApiServer.SECRET_HEADER, "s3cret").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(503, peer.statusCode(), "past the secret; the views are not attached yet");
            HttpResponse<String> publicApi = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + s.port() + "/api/stats")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(503, publicApi.statusCode(), "the public API needs no secret");
        }
    }

    @Test
    void theServerListensOnTheAddressItIsGiven() {
        try (Serving s = Serving.start("127.0.0.1", 0, "localhost", null)) {
            assertTrue(s.address().getAddress().isLoopbackAddress(), String.valueOf(s.address()));
        }
    }

    @Test
    void beforeThePipelineRunsTheApiAnswers503AndTheDashboardLoads() throws Exception {
        try (Serving s = Serving.start(0, "localhost")) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + s.port()
                + "/api/stats")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(503, api.statusCode());
            assertTrue(api.body().contains("starting"), api.body());
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + s.port()
                + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + s.port()
                + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, metrics.statusCode());
            assertTrue(metrics.body().contains("jvm_memory_used_bytes"), "JVM meters are exported");
        }
    }
}
