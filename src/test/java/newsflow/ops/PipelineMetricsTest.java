package newsflow.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class PipelineMetricsTest {

    @Test
    void metersAreRegisteredInTheGivenRegistryWithTheirTags() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        PipelineMetrics m = new PipelineMetrics(registry);
        m.stageRecord("clean", 1500);
        m.stageRecord("clean", -1);
        m.duplicate("EXACT");
        m.deadLetter("malformed json");
        m.endToEnd("fetched", 2000);
        assertEquals(2.0, registry.get("newsflow.stage.records").tag("stage", "clean").counter().count());
        assertEquals(1, registry.get("newsflow.stage.latency").tag("stage", "clean").timer().count());
        assertEquals(1.0, registry.get("newsflow.duplicates").tag("kind", "EXACT").counter().count());
        assertEquals(1.0, registry.get("newsflow.deadletters").tag("reason", "malformed json").counter().count());
        assertEquals(2.0, registry.get("newsflow.end.to.end.latency").tag("from", "fetched").timer()
            .totalTime(java.util.concurrent.TimeUnit.SECONDS), 1e-9);
    }

    @Test
    void deadLetterReasonsBeyondTheCapShareOneLabel() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        PipelineMetrics m = new PipelineMetrics(registry);
        for (int i = 0; i < PipelineMetrics.MAX_REASONS + 10; i++) {
            m.deadLetter("reason " + i);
        }
        m.deadLetter("reason 0");
        assertEquals(PipelineMetrics.MAX_REASONS + 1, registry.find("newsflow.deadletters").counters().size());
        assertEquals(10.0, registry.get("newsflow.deadletters").tag("reason", "other").counter().count());
        assertEquals(2.0, registry.get("newsflow.deadletters").tag("reason", "reason 0").counter().count());
    }
}
