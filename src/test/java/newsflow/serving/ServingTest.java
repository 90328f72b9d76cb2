package newsflow.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Properties;

import newsflow.ops.PipelineMetrics;
import org.junit.jupiter.api.Test;

class ServingTest {

    @Test
    void configureAdvertisesTheBoundPortAndPassesTheMetrics() {
        try (Serving s = Serving.start(0, "node-7")) {
            Properties p = s.configure(new Properties());
            assertEquals("node-7:" + s.port(), p.getProperty("application.server"));
            assertTrue(p.get(PipelineMetrics.CONFIG_KEY) instanceof PipelineMetrics);
        }
    }

    @Test
    void anApplicationServerOnAnotherPortIsRefused() {
        try (Serving s = Serving.start(0, "localhost")) {
            Properties p = new Properties();
            p.setProperty("application.server", "localhost:" + (s.port() == 1 ? 2 : 1));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.configure(p));
            assertTrue(e.getMessage().contains(String.valueOf(s.port())), e.getMessage());
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
