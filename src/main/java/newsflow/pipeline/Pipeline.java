package newsflow.pipeline;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;

/**
 * A running newsflow instance: the topology under a {@link KafkaStreams} client.
 * {@link #start} returns once the instance is RUNNING (or fails after a timeout with the
 * reason); {@link #close} stops it cleanly, committing what it processed.
 */
public final class Pipeline implements AutoCloseable {

    private final KafkaStreams streams;

    private Pipeline(KafkaStreams streams) {
        this.streams = streams;
    }

    /** Starts the topology and waits until it is RUNNING. */
    public static Pipeline start(Topology topology, Properties streamsConfig, Duration timeout) {
        KafkaStreams streams = new KafkaStreams(topology, streamsConfig);
        CountDownLatch running = new CountDownLatch(1);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING || now == KafkaStreams.State.ERROR) {
                running.countDown();
            }
        });
        // A thread that dies of an unexpected error is replaced; its tasks resume from the last
        // committed transaction, so nothing is lost or emitted twice.
        streams.setUncaughtExceptionHandler(e -> StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD);
        streams.start();
        try {
            if (!running.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                streams.close(Duration.ofSeconds(10));
                throw new IllegalStateException("Kafka Streams did not reach RUNNING within " + timeout
                    + " (state " + streams.state() + "); is the broker at "
                    + streamsConfig.getProperty("bootstrap.servers") + " reachable?");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            streams.close(Duration.ofSeconds(10));
            throw new IllegalStateException("interrupted while starting", e);
        }
        if (streams.state() == KafkaStreams.State.ERROR) {
            streams.close(Duration.ofSeconds(10));
            throw new IllegalStateException("Kafka Streams failed to start; see the log above");
        }
        return new Pipeline(streams);
    }

    /** The underlying client, for interactive queries and metrics. */
    public KafkaStreams streams() {
        return streams;
    }

    /**
     * Stops the instance: finishes the current transaction and leaves the consumer group, so
     * the other instances (or a restarted one) take over its partitions at once instead of
     * after the session timeout.
     */
    @Override
    public void close() {
        streams.close(CloseOptions.timeout(Duration.ofSeconds(30))
            .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    }
}
