package newsflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

/** {@link CpuClock}: the bench's CPU time, split by who spent it. */
class CpuClockTest {

    private static final String CLIENT = "newsflow-bench-1-9f0c2a1e-7d3b-4c52-a0f1-2b6c1d9e8a77";

    @Test
    void threadsAreToldApartByTheNamesKafkaGivesThemAndTheBenchByItsId() {
        assertEquals(CpuClock.Spender.STREAM_THREADS, CpuClock.spender(CLIENT + "-StreamThread-2", 7, 1));
        assertEquals(CpuClock.Spender.STREAM_THREADS, CpuClock.spender(CLIENT + "-StateUpdater-1", 8, 1));
        assertEquals(CpuClock.Spender.PRODUCER_NETWORK,
            CpuClock.spender(KafkaProducer.NETWORK_THREAD_PREFIX + " | " + CLIENT + "-StreamThread-2-producer", 9, 1));
        assertEquals(CpuClock.Spender.BENCH, CpuClock.spender("whatever the launcher named it", 1, 1));
        assertEquals(CpuClock.Spender.BROKER_AND_OTHERS, CpuClock.spender("main", 2, 1));
        assertEquals(CpuClock.Spender.BROKER_AND_OTHERS, CpuClock.spender("data-plane-kafka-request-handler-0", 3, 1));
    }

    @Test
    void aPhaseCountsAThreadStartedInItInFullAndLeavesTheTimeOfOneThatEndedOutsideTheJavaThreads() {
        CpuClock.Reading before = new CpuClock.Reading(10.0, Map.of(
            1L, new CpuClock.ThreadCpu(CpuClock.Spender.STREAM_THREADS, 4.0),
            2L, new CpuClock.ThreadCpu(CpuClock.Spender.BROKER_AND_OTHERS, 3.0)), 5.0);
        CpuClock.Reading after = new CpuClock.Reading(13.0, Map.of(
            1L, new CpuClock.ThreadCpu(CpuClock.Spender.STREAM_THREADS, 5.5),
            3L, new CpuClock.ThreadCpu(CpuClock.Spender.BROKER_AND_OTHERS, 0.5)), 5.4);
        CpuClock.Phase phase = after.since(before);
        assertEquals(3.0, phase.processSeconds(), 1e-9);
        assertEquals(1.5, phase.of(CpuClock.Spender.STREAM_THREADS), 1e-9);
        assertEquals(0.5, phase.of(CpuClock.Spender.BROKER_AND_OTHERS), 1e-9, "thread 3 started in the phase: all of its time");
        assertEquals(1.0, phase.of(CpuClock.Spender.OUTSIDE), 1e-9, "thread 2 ended: its last second is outside the live threads");
        assertEquals(1, phase.threadsEnded());
        assertEquals(0.4, phase.jitSeconds(), 1e-9);
    }

    @Test
    void aStreamThreadsWorkIsCountedAsTheStreamThreadsAndWithinTheProcess() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<CpuClock.Phase> phase = new AtomicReference<>();
        AtomicReference<Double> ownSeconds = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long bench = Thread.currentThread().getId();
        Thread worker = new Thread(() -> {
            try {
                var mx = ManagementFactory.getThreadMXBean();
                CpuClock.Reading start = CpuClock.read(bench);
                long cpu0 = mx.getCurrentThreadCpuTime();
                long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                double sink = 0;
                while (mx.getCurrentThreadCpuTime() - cpu0 < 300_000_000L && System.nanoTime() < giveUp) {
                    for (int i = 0; i < 10_000; i++) {
                        sink += Math.sqrt(sink + i);
                    }
                }
                long cpu1 = mx.getCurrentThreadCpuTime();
                phase.set(CpuClock.read(bench).since(start));
                ownSeconds.set((cpu1 - cpu0) / 1e9);
                if (sink < 0) {
                    System.out.println(sink);
                }
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                done.countDown();
            }
        }, "app-0b1c-StreamThread-1");
        worker.start();
        assertTrue(done.await(60, TimeUnit.SECONDS), "the worker did not finish");
        if (failure.get() != null) {
            throw new AssertionError("the worker failed", failure.get());
        }
        CpuClock.Phase spent = phase.get();
        double own = ownSeconds.get();
        assertTrue(own >= 0.29, "the worker spun for " + own + " s of CPU");
        // The stream-thread share is this worker's own time (and any other stream thread of the JVM, none here).
        assertEquals(own, spent.of(CpuClock.Spender.STREAM_THREADS), 0.05, spent.toString());
        double java = 0;
        for (CpuClock.Spender s : CpuClock.Spender.values()) {
            if (s != CpuClock.Spender.OUTSIDE) {
                java += spent.of(s);
            }
        }
        // The process's CPU time is counted in clock ticks (10 ms): the Java threads' sum may exceed it by about one.
        assertTrue(java <= spent.processSeconds() + 0.03, "Java threads " + java + " s against the process's " + spent);
    }
}
