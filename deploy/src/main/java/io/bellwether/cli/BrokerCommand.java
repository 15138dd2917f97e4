package io.bellwether.cli;

import io.bellwether.runtime.broker.EmbeddedBroker;
import io.bellwether.schemas.Topics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Runs the embedded single-node KRaft broker (the real Apache Kafka server) until Ctrl-C or SIGTERM. */
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

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stopped = new CountDownLatch(1);
        try (EmbeddedBroker broker = EmbeddedBroker.start(port, dataDir)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                broker.close();
                stopped.countDown();
            }, "broker-shutdown"));
            out.println("broker: cluster " + broker.clusterId() + " listening on " + broker.bootstrapServers()
                    + ", data in " + broker.dataDir().toAbsolutePath());
            if (!noTopics) {
                broker.createTopics(new Topics().all(), 0).lines().forEach(line -> out.println("topics: " + line));
            }
            out.println("broker: ready; Ctrl-C stops it");
            out.flush();
            stopped.await();
        }
        return 0;
    }
}
