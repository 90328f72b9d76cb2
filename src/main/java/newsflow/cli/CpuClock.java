package newsflow.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * CPU time of this process, split by who spent it, for the bench: whether a phase kept the
 * cores busy, and how much of the work was the stream threads' own. Threads are told apart by
 * their names; a thread that ended between two readings takes its time with it, so read while
 * the pipeline runs.
 */
final class CpuClock {

    /** Who spent the time. */
    enum Spender {
        /** Kafka Streams' stream threads: the topology's processors, serdes, stores, their producers' sends. */
        STREAM_THREADS("stream threads"),
        /** The producers' network threads (the stream threads' and the bench's). */
        PRODUCER_NETWORK("producer network threads"),
        /** The bench's own thread, which reads the output topics (and runs the stages alone after the pipeline). */
        BENCH("bench reader"),
        /** Every other Java thread: in a default bench, the embedded broker's. */
        BROKER_AND_OTHERS("broker and other Java threads"),
        /** Time in no Java thread: the JIT compiler, the garbage collector, the JVM's own threads. */
        JVM("JIT compiler and garbage collector");

        final String label;

        Spender(String label) {
            this.label = label;
        }
    }

    /** A stream thread's name ends in {@code -StreamThread-N}; its producer's network thread's does not. */
    private static final Pattern STREAM_THREAD = Pattern.compile(".*-StreamThread-\\d+");

    private CpuClock() {
    }

    /** CPU seconds used so far (or between two readings, from {@link #since}), in all and by spender. */
    record Reading(double processSeconds, Map<Spender, Double> bySpender) {

        double of(Spender s) {
            return bySpender.getOrDefault(s, 0.0);
        }

        /** The CPU used from {@code earlier} to this reading. */
        Reading since(Reading earlier) {
            Map<Spender, Double> d = new EnumMap<>(Spender.class);
            for (Spender s : Spender.values()) {
                d.put(s, of(s) - earlier.of(s));
            }
            return new Reading(processSeconds - earlier.processSeconds, d);
        }
    }

    /** The process's CPU time now, split by spender. */
    static Reading read() {
        com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Spender, Double> by = new EnumMap<>(Spender.class);
        double java = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long t = threads.getThreadCpuTime(info.getThreadId());
            if (t > 0) {
                by.merge(spender(info.getThreadName()), t / 1e9, Double::sum);
                java += t / 1e9;
            }
        }
        double process = os.getProcessCpuTime() / 1e9;
        by.put(Spender.JVM, Math.max(0, process - java));
        return new Reading(process, by);
    }

    static Spender spender(String threadName) {
        if (STREAM_THREAD.matcher(threadName).matches()) {
            return Spender.STREAM_THREADS;
        }
        if (threadName.startsWith("kafka-producer-network-thread")) {
            return Spender.PRODUCER_NETWORK;
        }
        if (threadName.equals("main")) {
            return Spender.BENCH;
        }
        return Spender.BROKER_AND_OTHERS;
    }
}
