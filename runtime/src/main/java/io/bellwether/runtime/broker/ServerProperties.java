package io.bellwether.runtime.broker;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/** The {@code server.properties} of an embedded node: the single-node broker, or one member of a {@link Quorum}. */
final class ServerProperties {
    private ServerProperties() {
    }

    static Properties of(int clientPort, int controllerPort, Path dataDir) {
        return of(clientPort, BrokerDataDir.NODE_ID, new Quorum(Map.of(BrokerDataDir.NODE_ID, controllerPort)),
                dataDir);
    }

    static Properties of(int clientPort, int nodeId, Quorum quorum, Path dataDir) {
        String host = Ports.HOST;
        int controllerPort = quorum.controllerPort(nodeId);
        String replicas = Integer.toString(quorum.internalReplication());
        String minInsync = Integer.toString(Math.max(1, quorum.internalReplication() - 1));
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(nodeId));
        props.put("controller.quorum.voters", quorum.voters());
        props.put("controller.listener.names", BrokerDataDir.CONTROLLER_LISTENER);
        props.put("listeners", "PLAINTEXT://" + host + ":" + clientPort + ","
                + BrokerDataDir.CONTROLLER_LISTENER + "://" + host + ":" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://" + host + ":" + clientPort);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", dataDir.toString());
        props.put("metadata.log.dir", dataDir.toString());
        props.put("offsets.topic.replication.factor", replicas);
        props.put("transaction.state.log.replication.factor", replicas);
        props.put("transaction.state.log.min.isr", minInsync);
        props.put("share.coordinator.state.topic.replication.factor", replicas);
        props.put("share.coordinator.state.topic.min.isr", minInsync);
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "false");
        props.put("num.partitions", "1");
        return props;
    }
}
