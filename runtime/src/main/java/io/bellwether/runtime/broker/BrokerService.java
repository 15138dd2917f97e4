package io.bellwether.runtime.broker;

import io.bellwether.runtime.kafka.TopicSummary;
import io.bellwether.runtime.service.FailureListener;
import io.bellwether.runtime.service.Health;
import io.bellwether.runtime.service.Service;
import io.bellwether.schemas.Topic;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@link EmbeddedBroker} as the first {@link Service} of a process ({@code bellwether broker}, the demo):
 * starting it starts the broker and creates the given catalog topics; closing it shuts the broker down.
 */
public final class BrokerService implements Service {
    private final int port;
    private final Path dataDir;
    private final List<? extends Topic<?, ?>> topics;
    private final int partitions;
    private volatile EmbeddedBroker broker;
    private volatile TopicSummary topicSummary;

    /** {@code partitions} 0 keeps each catalog topic's default. */
    public BrokerService(int port, Path dataDir, List<? extends Topic<?, ?>> topics, int partitions) {
        this.port = port;
        this.dataDir = dataDir;
        this.topics = List.copyOf(topics);
        this.partitions = partitions;
    }

    @Override
    public String name() {
        return "broker";
    }

    @Override
    public void start(FailureListener failures) {
        broker = EmbeddedBroker.start(port, dataDir);
        topicSummary = broker.createTopics(topics, partitions);
    }

    /** The running broker; only after {@link #start}. */
    public EmbeddedBroker broker() {
        if (broker == null) {
            throw new IllegalStateException("broker not started");
        }
        return broker;
    }

    /** What the start did with each catalog topic; only after {@link #start}. */
    public TopicSummary topicSummary() {
        return topicSummary;
    }

    @Override
    public Health health() {
        EmbeddedBroker running = broker;
        return running == null ? Health.down("not started") : Health.up("serving " + running.bootstrapServers());
    }

    @Override
    public void close() {
        EmbeddedBroker running = broker;
        if (running != null) {
            running.close();
            broker = null;
        }
    }
}
