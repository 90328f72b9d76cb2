package newsflow.cli;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * CPU time of this process, split by who spent it, for the bench: whether a phase kept the
 * cores busy, and how much of the work was the stream threads' own. Java threads are told apart
 * by their names (and the bench's own thread by its id); what no live Java thread spent is the
 * JVM's hidden threads (the JIT compiler, the garbage collector), native threads (RocksDB's
 * background flushes and compactions) and the Java threads that ended between two readings.
 * The JIT compiler's own share is read apart, from the JVM's compilation counter.
 */
final class CpuClock {

    /** Who spent the time. */
    enum Spender {
        /** Kafka Streams' stream threads and their state updaters: the topology's processors, serdes, stores, sends. */
        STREAM_THREADS("stream threads"),
        /** The producers' network threads (the stream threads'). */
        PRODUCER_NETWORK("producer network threads"),
        /** The bench's own thread, which reads the output topics (and runs the stages alone after the pipeline). */
        BENCH("bench reader"),
        /** Every other live Java thread: the embedded broker's (when it runs in this process), Kafka's other client threads. */
        BROKER_AND_OTHERS("broker and other Java threads"),
        /** Time no live Java thread spent: the JIT compiler, the garbage collector, RocksDB's native threads, threads that ended. */
        OUTSIDE("JVM and native threads (JIT, GC, RocksDB)");

        final String label;

        Spender(String label) {
            this.label = label;
        }
    }

    /** A stream thread's name ends in {@code -StreamThread-N} (its state updater's in {@code -StateUpdater-N}); its producer's network thread's does not. */
    private static final Pattern STREAM_THREAD = Pattern.compile(".*-(StreamThread|StateUpdater)-\\d+");
    /** Kafka's name for a producer's network thread, followed by the client id. */
    private static final String PRODUCER_NETWORK_PREFIX = "kafka-producer-network-thread";

    private CpuClock() {
    }

    /** One live Java thread's CPU seconds so far. */
    record ThreadCpu(Spender spender, double seconds) {
    }

    /**
     * CPU seconds used so far: the process's, each live Java thread's (by thread id), and the
     * JIT compiler's compilation time (-1 where the JVM does not count it).
     */
    record Reading(double processSeconds, Map<Long, ThreadCpu> threads, double jitSeconds) {

        /** The CPU used from {@code earlier} to this reading, by spender; a thread started in between counts in full. */
        Phase since(Reading earlier) {
            Map<Spender, Double> by = new EnumMap<>(Spender.class);
            double java = 0;
            for (Map.Entry<Long, ThreadCpu> e : threads.entrySet()) {
                ThreadCpu before = earlier.threads.get(e.getKey());
                double spent = e.getValue().seconds - (before == null ? 0 : before.seconds);
                by.merge(e.getValue().spender, spent, Double::sum);
                java += spent;
            }
            int ended = 0;
            for (Long id : earlier.threads.keySet()) {
                if (!threads.containsKey(id)) {
                    ended++;
                }
            }
            double process = processSeconds - earlier.processSeconds;
            by.put(Spender.OUTSIDE, Math.max(0, process - java));
            double jit = jitSeconds < 0 || earlier.jitSeconds < 0 ? -1 : jitSeconds - earlier.jitSeconds;
            return new Phase(process, by, jit, ended);
        }
    }

    /**
     * CPU seconds spent over a phase: the process's, by spender, the JIT compiler's compilation
     * time (-1 if unknown), and how many Java threads ended in it (their time falls outside).
     */
    record Phase(double processSeconds, Map<Spender, Double> bySpender, double jitSeconds, int threadsEnded) {

        double of(Spender s) {
            return bySpender.getOrDefault(s, 0.0);
        }
    }

    /** Whether this JVM measures each thread's CPU time (the split by spender needs it). */
    static boolean threadCpuTimeAvailable() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.isThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
    }

    /** The process's CPU time so far, in nanoseconds, all its threads together. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The process's CPU time now, each live Java thread's, and the JIT compiler's; {@code benchThread} is the bench's thread id. */
    static Reading read(long benchThread) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<Long, ThreadCpu> threads = new HashMap<>();
        for (ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (info == null) {
                continue; // ended since the ids were listed
            }
            long t = mx.getThreadCpuTime(info.getThreadId());
            if (t >= 0) {
                threads.put(info.getThreadId(), new ThreadCpu(spender(info.getThreadName(), info.getThreadId(), benchThread), t / 1e9));
            }
        }
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        double jitSeconds = jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() / 1e3 : -1;
        return new Reading(processCpuNanos() / 1e9, threads, jitSeconds);
    }

    static Spender spender(String threadName, long threadId, long benchThread) {
        if (threadId == benchThread) {
            return Spender.BENCH;
        }
        if (STREAM_THREAD.matcher(threadName).matches()) {
            return Spender.STREAM_THREADS;
        }
        if (threadName.startsWith(PRODUCER_NETWORK_PREFIX)) {
            return Spender.PRODUCER_NETWORK;
        }
        return Spender.BROKER_AND_OTHERS;
    }
}
