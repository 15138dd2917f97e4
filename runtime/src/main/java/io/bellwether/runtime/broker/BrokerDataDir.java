package io.bellwether.runtime.broker;

import io.bellwether.runtime.config.ConfigException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * The embedded broker's data directory: checked before use, formatted with Kafka's own storage formatter on
 * first start (new cluster id), and recognised on later starts by its {@code meta.properties}, so data and
 * cluster id survive restarts.
 */
final class BrokerDataDir {
    static final int NODE_ID = 1;
    static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String META = "meta.properties";

    private final Path dir;
    private final int nodeId;
    private final String clusterId;

    /** The single-node broker's directory: node 1, a new cluster id when formatted. */
    BrokerDataDir(Path dir) {
        this(dir, NODE_ID, null);
    }

    /** A quorum member's directory: formatted with {@code clusterId} (null = a new one) as node {@code nodeId}. */
    BrokerDataDir(Path dir, int nodeId, String clusterId) {
        this.dir = dir.toAbsolutePath().normalize();
        this.nodeId = nodeId;
        this.clusterId = clusterId;
    }

    Path path() {
        return dir;
    }

    /**
     * Returns the cluster id, formatting an empty or missing directory first.
     *
     * @throws ConfigException when the path is a file, is not writable, or holds something else
     */
    String prepare() {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw unusable("is a file, not a directory");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw unusable("cannot be created (" + e.getMessage() + ")");
        }
        if (!Files.isWritable(dir)) {
            throw unusable("is not writable");
        }
        Path meta = dir.resolve(META);
        if (Files.exists(meta)) {
            return existingClusterId(meta);
        }
        if (!isEmpty()) {
            throw unusable("is not empty and holds no Kafka data; use an empty or new directory");
        }
        return format();
    }

    private String existingClusterId(Path meta) {
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
            props.load(reader);
        } catch (IOException e) {
            throw unusable("has an unreadable " + META + " (" + e.getMessage() + ")");
        }
        String storedNode = props.getProperty("node.id");
        String storedCluster = props.getProperty("cluster.id");
        boolean ours = Integer.toString(nodeId).equals(storedNode)
                && (clusterId == null ? storedCluster != null : clusterId.equals(storedCluster));
        if (!ours) {
            throw unusable("was formatted by another Kafka cluster (node.id " + storedNode + ", cluster.id "
                    + storedCluster + "), not by an embedded broker");
        }
        return storedCluster;
    }

    private boolean isEmpty() {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw unusable("cannot be listed (" + e.getMessage() + ")");
        }
    }

    private String format() {
        String id = clusterId == null ? Uuid.randomUuid().toString() : clusterId;
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8))
                    .setNodeId(nodeId)
                    .setClusterId(id)
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(dir.toString())
                    .setDirectories(List.of(dir.toString()))
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot format " + dir, e);
        } catch (Exception e) {
            throw unusable("cannot be formatted (" + e.getMessage() + ")");
        }
        return id;
    }

    private ConfigException unusable(String why) {
        return new ConfigException("broker data dir " + dir + " " + why);
    }
}
