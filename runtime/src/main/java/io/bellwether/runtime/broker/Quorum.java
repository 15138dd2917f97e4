package io.bellwether.runtime.broker;

import io.bellwether.runtime.config.ConfigException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.common.Uuid;

/**
 * A static KRaft quorum of combined broker+controller nodes on 127.0.0.1, written {@code 1@9093,2@9095,3@9097}
 * (node id @ controller port): the voters every member is configured with, the cluster id they all derive from
 * the same spec (so they can be formatted apart), and the replication of the internal topics.
 */
public record Quorum(Map<Integer, Integer> controllerPorts) {

    public Quorum {
        controllerPorts = Collections.unmodifiableSortedMap(new TreeMap<>(controllerPorts));
    }

    /** Parses {@code ID@PORT[,ID@PORT...]}; a malformed spec is a one-line {@link ConfigException}. */
    public static Quorum parse(String spec) {
        Map<Integer, Integer> ports = new TreeMap<>();
        try {
            for (String voter : spec.split(",")) {
                String[] parts = voter.trim().split("@");
                if (parts.length != 2 || ports.put(Integer.parseInt(parts[0]), Integer.parseInt(parts[1])) != null) {
                    throw new IllegalArgumentException(voter);
                }
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigException("invalid controller quorum '" + spec
                    + "': must be NODE-ID@CONTROLLER-PORT[,...] with distinct node ids, e.g. 1@9093,2@9095,3@9097");
        }
        return new Quorum(ports);
    }

    /** {@code controller.quorum.voters}. */
    String voters() {
        return controllerPorts.entrySet().stream()
                .map(voter -> voter.getKey() + "@" + Ports.HOST + ":" + voter.getValue())
                .collect(Collectors.joining(","));
    }

    /** The controller port of {@code nodeId}; a node outside the quorum is a {@link ConfigException}. */
    int controllerPort(int nodeId) {
        Integer port = controllerPorts.get(nodeId);
        if (port == null) {
            throw new ConfigException("node id " + nodeId + " is not in the controller quorum " + voters());
        }
        return port;
    }

    /** The same id for every member of this quorum: a hash of the voters. */
    String clusterId() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(voters().getBytes(StandardCharsets.UTF_8));
            ByteBuffer bits = ByteBuffer.wrap(hash);
            return new Uuid(bits.getLong(), bits.getLong()).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Replicas of the offsets and transaction state topics: every node, up to three. */
    int internalReplication() {
        return Math.min(3, controllerPorts.size());
    }
}
