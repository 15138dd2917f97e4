package io.bellwether.runtime.broker;

import io.bellwether.runtime.config.ConfigException;
import io.bellwether.runtime.kafka.TopicCreator;
import io.bellwether.runtime.kafka.TopicSummary;
import io.bellwether.schemas.Topic;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) running in this process on
 * 127.0.0.1, its data in a directory that is formatted on first start and reused afterwards; or one node of a
 * small cluster on this host ({@link #startMember}).
 *
 * <p>The client listener is on the given port; the controller listener takes a free loopback port chosen at
 * each start (a static single voter, so nothing about it is stored). Internal topics have one replica,
 * consumer groups start without delay and topics are never auto-created: they come from the catalog, see
 * {@link #createTopics}.
 */
public final class EmbeddedBroker implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaRaftServer server;
    private final int port;
    private final String clusterId;
    private final Path dataDir;
    private final Map<String, String> clientProps;

    private EmbeddedBroker(KafkaRaftServer server, int port, String clusterId, Path dataDir,
                           Map<String, String> clientProps) {
        this.clientProps = Map.copyOf(clientProps);
        this.server = server;
        this.port = port;
        this.clusterId = clusterId;
        this.dataDir = dataDir;
    }

    /** Starts on {@code port} (0 = any free port) with data in {@code dataDir}; blocks until it serves clients. */
    public static EmbeddedBroker start(int port, Path dataDir) {
        return start(port, dataDir, Map.of());
    }

    /**
     * As {@link #start(int, Path)}, with extra broker settings ({@code server.properties} keys) applied last.
     *
     * @throws ConfigException when the port is taken or the directory cannot be used, in one line
     */
    public static EmbeddedBroker start(int port, Path dataDir, Map<String, String> overrides) {
        return start(port, dataDir, overrides, Map.of());
    }

    /**
     * As {@link #start(int, Path, Map)} for a broker whose client listener needs credentials: {@code clientProps}
     * (e.g. {@code security.protocol}, {@code sasl.jaas.config}) are what the readiness check and
     * {@link #createTopics} connect with.
     */
    public static EmbeddedBroker start(int port, Path dataDir, Map<String, String> overrides,
                                       Map<String, String> clientProps) {
        int clientPort = port == 0 ? Ports.anyFree() : port;
        Ports.requireFree(clientPort);
        BrokerDataDir dir = new BrokerDataDir(dataDir);
        String clusterId = dir.prepare();
        Properties props = ServerProperties.of(clientPort, Ports.anyFree(), dir.path());
        props.putAll(overrides);
        return launch(props, clientPort, clusterId, dir, clientProps);
    }

    /**
     * Starts node {@code nodeId} of a multi-node cluster on this host: broker and controller of the static
     * {@code quorum}, formatted with the cluster id every member derives from it; offsets and transaction state
     * replicated to up to three nodes. Blocks until it serves clients, which needs a majority of the quorum up.
     * Topics are left to {@code bellwether topics create} with {@code topics.replication}.
     */
    public static EmbeddedBroker startMember(int port, Path dataDir, int nodeId, Quorum quorum) {
        Ports.requireFree(port);
        BrokerDataDir dir = new BrokerDataDir(dataDir, nodeId, quorum.clusterId());
        String clusterId = dir.prepare();
        return launch(ServerProperties.of(port, nodeId, quorum, dir.path()), port, clusterId, dir, Map.of());
    }

    private static EmbeddedBroker launch(Properties props, int clientPort, String clusterId, BrokerDataDir dir,
                                         Map<String, String> clientProps) {
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
        EmbeddedBroker broker = new EmbeddedBroker(server, clientPort, clusterId, dir.path(), clientProps);
        try {
            server.startup();
            broker.awaitReady();
        } catch (RuntimeException e) {
            broker.close();
            throw new IllegalStateException("embedded broker failed to start: " + e.getMessage(), e);
        }
        return broker;
    }

    public String bootstrapServers() {
        return Ports.HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    public String clusterId() {
        return clusterId;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Creates the given catalog topics (one replica; {@code partitions} 0 = catalog default) unless they exist. */
    public TopicSummary createTopics(List<? extends Topic<?, ?>> topics, int partitions) {
        return new TopicCreator(clientProperties(), partitions, 1, TopicCreator.DEFAULT_TIMEOUT).create(topics);
    }

    private void awaitReady() {
        try (Admin admin = Admin.create(clientProperties())) {
            admin.describeCluster().nodes().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("broker did not become ready within " + READY_TIMEOUT.toSeconds()
                    + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        }
    }

    private Properties clientProperties() {
        Properties props = new Properties();
        props.putAll(clientProps);
        props.put("bootstrap.servers", bootstrapServers());
        return props;
    }

    /** Shuts the broker down cleanly and waits until it has stopped. */
    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
