package io.bellwether.cli;

import io.bellwether.runtime.broker.EmbeddedBroker;
import io.bellwether.runtime.broker.Quorum;
import io.bellwether.schemas.Topics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Runs the embedded KRaft broker (the real Apache Kafka server) until Ctrl-C or SIGTERM: a single node, or with
 * {@code --controller-quorum} one node of a cluster on this host.
 */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = {"Run a real single-node Kafka broker (KRaft) in this process, for local development.",
            "Formats DATA-DIR on first start and keeps its data across restarts; creates the pipeline topics."})
final class BrokerCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "PORT", defaultValue = "9092", description = "client port on 127.0.0.1 (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data/broker", description = "log and metadata directory (default ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(names = "--no-topics", description = "do not create the pipeline topics after start")
    boolean noTopics;

    @Option(names = "--controller-quorum", paramLabel = "ID@PORT,...",
            description = {"run as one node of a cluster on this host: the static KRaft quorum of combined nodes,"
                    + " node id @ controller port, e.g. 1@19093,2@19095,3@19097. Topics are then left to"
                    + " `topics create --set topics.replication=N`"})
    String controllerQuorum;

    @Option(names = "--node-id", paramLabel = "N", defaultValue = "1",
            description = "this node's id in --controller-quorum (default ${DEFAULT-VALUE})")
    int nodeId;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stopped = new CountDownLatch(1);
        try (EmbeddedBroker broker = controllerQuorum == null ? EmbeddedBroker.start(port, dataDir)
                : EmbeddedBroker.startMember(port, dataDir, nodeId, Quorum.parse(controllerQuorum))) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                broker.close();
                stopped.countDown();
            }, "broker-shutdown"));
            out.println("broker: cluster " + broker.clusterId() + " listening on " + broker.bootstrapServers()
                    + ", data in " + broker.dataDir().toAbsolutePath());
            if (!noTopics && controllerQuorum == null) {
                broker.createTopics(new Topics().all(), 0).lines().forEach(line -> out.println("topics: " + line));
            }
            out.println("broker: ready; Ctrl-C stops it");
            out.flush();
            stopped.await();
        }
        return 0;
    }
}
