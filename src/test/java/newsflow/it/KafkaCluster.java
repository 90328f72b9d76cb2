package newsflow.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real Kafka cluster of several KRaft nodes (each a combined broker and controller, with a
 * static controller quorum) in this JVM, for tests that lose a broker: replication factor 3 and
 * {@code min.insync.replicas} 2 everywhere, so writes carry on with one node down.
 */
final class KafkaCluster implements AutoCloseable {

    private final List<KafkaRaftServer> servers = new ArrayList<>();
    private final List<Boolean> running = new ArrayList<>();
    private final Path dir;
    private final String bootstrapServers;

    KafkaCluster(int nodes) {
        try {
            dir = Files.createTempDirectory("newsflow-cluster-");
            int[] brokerPorts = new int[nodes];
            int[] controllerPorts = new int[nodes];
            for (int i = 0; i < nodes; i++) {
                brokerPorts[i] = freePort();
                controllerPorts[i] = freePort();
            }
            String voters = IntStream.range(0, nodes)
                .mapToObj(i -> (i + 1) + "@127.0.0.1:" + controllerPorts[i]).collect(Collectors.joining(","));
            String clusterId = Uuid.randomUuid().toString();
            List<Properties> configs = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                Properties p = nodeProperties(i + 1, dir.resolve("node-" + (i + 1)), brokerPorts[i], controllerPorts[i], voters, nodes);
                Path configFile = dir.resolve("node-" + (i + 1) + ".properties");
                try (var out = Files.newBufferedWriter(configFile)) {
                    p.store(out, "newsflow test cluster node");
                }
                format(configFile, clusterId);
                configs.add(p);
            }
            // Controllers wait for a quorum: start the nodes together.
            List<CompletableFuture<KafkaRaftServer>> starting = configs.stream()
                .map(p -> CompletableFuture.supplyAsync(() -> {
                    KafkaRaftServer s = new KafkaRaftServer(new KafkaConfig(p), Time.SYSTEM);
                    s.startup();
                    return s;
                })).toList();
            for (CompletableFuture<KafkaRaftServer> s : starting) {
                servers.add(s.join());
                running.add(true);
            }
            bootstrapServers = IntStream.of(brokerPorts).mapToObj(port -> "127.0.0.1:" + port)
                .collect(Collectors.joining(","));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    /** Shuts node {@code index} (0-based) down, as a broker that dies or is taken out would. */
    synchronized void stop(int index) {
        if (running.get(index)) {
            running.set(index, false);
            servers.get(index).shutdown();
            servers.get(index).awaitShutdown();
        }
    }

    @Override
    public synchronized void close() {
        // Together: a node stopped alone after the others waits for a quorum that is gone.
        List<CompletableFuture<Void>> stopping = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            if (running.get(i)) {
                running.set(i, false);
                KafkaRaftServer s = servers.get(i);
                stopping.add(CompletableFuture.runAsync(() -> {
                    s.shutdown();
                    s.awaitShutdown();
                }));
            }
        }
        stopping.forEach(CompletableFuture::join);
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }

    private static Properties nodeProperties(int id, Path logDir, int brokerPort, int controllerPort,
                                             String voters, int nodes) {
        String rf = String.valueOf(Math.min(3, nodes));
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(id));
        p.put("controller.quorum.voters", voters);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("default.replication.factor", rf);
        p.put("min.insync.replicas", "2");
        p.put("offsets.topic.replication.factor", rf);
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", rf);
        p.put("transaction.state.log.min.isr", "2");
        p.put("transaction.state.log.num.partitions", "3");
        p.put("share.coordinator.state.topic.replication.factor", rf);
        p.put("share.coordinator.state.topic.min.isr", "2");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("message.max.bytes", String.valueOf(16 * 1024 * 1024));
        p.put("replica.fetch.max.bytes", String.valueOf(16 * 1024 * 1024));
        p.put("auto.create.topics.enable", "false");
        // A stopped node leaves as a crashed one would (its partitions move after the broker
        // session timeout), and the last nodes stop without waiting for a controller quorum.
        p.put("controlled.shutdown.enable", "false");
        return p;
    }

    private static void format(Path configFile, String clusterId) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int rc = StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", configFile.toString()},
            new PrintStream(buffer, true, StandardCharsets.UTF_8));
        if (rc != 0) {
            throw new IllegalStateException("formatting " + configFile + " failed: " + buffer.toString(StandardCharsets.UTF_8));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
