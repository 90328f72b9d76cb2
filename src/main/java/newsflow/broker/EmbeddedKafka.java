package newsflow.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) running in this
 * JVM: the zero-setup default of newsflow and the broker of its integration tests.
 *
 * <p>It is the same broker code as a production cluster, not a mock: {@link #start} formats
 * a log directory with {@code StorageTool} and starts {@code KafkaRaftServer} on two free
 * loopback ports (about 3 s). Internal topics use replication factor 1, so transactions and
 * {@code exactly_once_v2} work on one node.
 *
 * <p>Lifecycle: {@link #start} once, then {@link #close} (idempotent). When the data directory
 * was created by {@link #start(Path)} with {@code null}, close deletes it.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Path dataDir;
    private final boolean deleteOnClose;
    private boolean closed;

    private EmbeddedKafka(KafkaRaftServer server, String bootstrapServers, Path dataDir,
                          boolean deleteOnClose) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.dataDir = dataDir;
        this.deleteOnClose = deleteOnClose;
    }

    /** Starts a broker with its data in a fresh temporary directory, deleted on close. */
    public static EmbeddedKafka start() {
        return start(null);
    }

    /**
     * Starts a broker.
     *
     * @param dataDir where the broker keeps its logs; {@code null} for a temporary directory
     *                that {@link #close} deletes. An existing directory is reused with its
     *                configuration, so a broker restarts on its old data and its old address.
     */
    public static EmbeddedKafka start(Path dataDir) {
        try {
            boolean temporary = dataDir == null;
            Path dir = temporary ? Files.createTempDirectory("newsflow-kafka-") : dataDir;
            Path logDir = dir.resolve("logs");
            Path configFile = dir.resolve("server.properties");
            Properties props;
            int brokerPort;
            if (Files.exists(configFile)) {
                // A restart on old data: the same ports, so clients reconnect to the same address.
                props = new Properties();
                try (var in = Files.newBufferedReader(configFile)) {
                    props.load(in);
                }
                String listener = props.getProperty("advertised.listeners");
                brokerPort = Integer.parseInt(listener.substring(listener.lastIndexOf(':') + 1));
            } else {
                brokerPort = freePort();
                props = brokerProperties(logDir, brokerPort, freePort());
                Files.createDirectories(logDir);
                try (var out = Files.newBufferedWriter(configFile)) {
                    props.store(out, "newsflow embedded broker");
                }
            }
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                format(configFile);
            }
            KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props), Time.SYSTEM);
            server.startup();
            return new EmbeddedKafka(server, "127.0.0.1:" + brokerPort, dir, temporary);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded Kafka broker", e);
        }
    }

    /** The {@code bootstrap.servers} string of this broker. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The directory holding the broker's configuration and logs. */
    public Path dataDir() {
        return dataDir;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdown();
        server.awaitShutdown();
        if (deleteOnClose) {
            deleteRecursively(dataDir);
        }
    }

    private static Properties brokerProperties(Path logDir, int brokerPort, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "3");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // Raw pages may be several megabytes; the clean stage enforces its own limit.
        p.put("message.max.bytes", String.valueOf(16 * 1024 * 1024));
        p.put("auto.create.topics.enable", "false");
        return p;
    }

    private static void format(Path configFile) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        String[] args = {"format", "-t", Uuid.randomUuid().toString(), "-c", configFile.toString(),
            "--standalone"};
        int rc = StorageTool.execute(args, new PrintStream(buffer, true, StandardCharsets.UTF_8));
        if (rc != 0) {
            throw new IllegalStateException("formatting the broker storage failed: "
                + buffer.toString(StandardCharsets.UTF_8));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Best effort: a leftover temporary directory is harmless.
        }
    }
}
