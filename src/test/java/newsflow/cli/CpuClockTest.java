package newsflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** {@link CpuClock}: the bench's CPU time, split by who spent it. */
class CpuClockTest {

    @Test
    void threadsAreToldApartByTheNamesKafkaGivesThem() {
        assertEquals(CpuClock.Spender.STREAM_THREADS,
            CpuClock.spender("newsflow-bench-1-9f0c2a1e-7d3b-4c52-a0f1-2b6c1d9e8a77-StreamThread-2"));
        assertEquals(CpuClock.Spender.PRODUCER_NETWORK, CpuClock.spender(
            "kafka-producer-network-thread | newsflow-bench-1-9f0c2a1e-7d3b-4c52-a0f1-2b6c1d9e8a77-StreamThread-2-producer"));
        assertEquals(CpuClock.Spender.BENCH, CpuClock.spender("main"));
        assertEquals(CpuClock.Spender.BROKER_AND_OTHERS, CpuClock.spender("data-plane-kafka-request-handler-0"));
        assertEquals(CpuClock.Spender.BROKER_AND_OTHERS,
            CpuClock.spender("newsflow-bench-1-9f0c2a1e-7d3b-4c52-a0f1-2b6c1d9e8a77-StateUpdater-1"));
    }

    @Test
    void aStreamThreadsWorkIsCountedAsTheStreamThreadsAndWithinTheProcess() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        CpuClock.Reading[] readings = new CpuClock.Reading[2];
        Thread worker = new Thread(() -> {
            readings[0] = CpuClock.read();
            long until = System.nanoTime() + 300_000_000L;
            double sink = 0;
            while (System.nanoTime() < until) {
                sink += Math.sqrt(sink + 1);
            }
            readings[1] = CpuClock.read();
            if (sink < 0) {
                System.out.println(sink);
            }
            done.countDown();
        }, "app-0b1c-StreamThread-1");
        worker.start();
        done.await();
        CpuClock.Reading spent = readings[1].since(readings[0]);
        double stream = spent.of(CpuClock.Spender.STREAM_THREADS);
        assertTrue(stream > 0.1, "a 0.3 s busy loop on a stream thread counted " + stream + " s");
        assertTrue(spent.processSeconds() >= stream - 0.02, spent.toString());
        double sum = 0;
        for (CpuClock.Spender s : CpuClock.Spender.values()) {
            sum += spent.of(s);
        }
        assertEquals(spent.processSeconds(), sum, 0.05, "the spenders add up to the process: " + spent);
    }
}
