package io.bellwether.runtime.broker;

import java.nio.file.Path;
import java.util.Properties;

/** The {@code server.properties} of the embedded single-node broker. */
final class ServerProperties {
    private ServerProperties() {
    }

    static Properties of(int clientPort, int controllerPort, Path dataDir) {
        String host = Ports.HOST;
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(BrokerDataDir.NODE_ID));
        props.put("controller.quorum.voters", BrokerDataDir.NODE_ID + "@" + host + ":" + controllerPort);
        props.put("controller.listener.names", BrokerDataDir.CONTROLLER_LISTENER);
        props.put("listeners", "PLAINTEXT://" + host + ":" + clientPort + ","
                + BrokerDataDir.CONTROLLER_LISTENER + "://" + host + ":" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://" + host + ":" + clientPort);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", dataDir.toString());
        props.put("metadata.log.dir", dataDir.toString());
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "false");
        props.put("num.partitions", "1");
        return props;
    }
}
