package io.bellwether.reliability;

import io.bellwether.aggregate.AggregateTopology;
import io.bellwether.cli.replay.GroupDrain;
import io.bellwether.schemas.Topic;
import io.bellwether.schemas.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * Watches a running pipeline from outside its processes, read_committed: how much a stage has committed (so a drill
 * can strike mid-stream rather than after a sleep), and whether the live applications have consumed all their input.
 */
final class PipelineWatch {
    static final String ENRICH_GROUP = "bellwether-enrich";
    static final String AGGREGATE_GROUP = "bellwether-aggregate";
    private static final Duration POLL = Duration.ofMillis(200);
    /** Commit markers reach the partitions a moment after the commit returns; far longer than that. */
    private static final Duration MARKERS = Duration.ofSeconds(30);

    private final Properties client;
    private final CommittedRecords committed;

    PipelineWatch(Properties client) {
        this.client = client;
        this.committed = new CommittedRecords(client);
    }

    /**
     * Waits until {@code topic} holds at least {@code atLeast} committed records; returns how many it held then.
     * Fails if {@code needed} (the writer, or the broker) dies first or {@code timeout} passes.
     */
    int awaitCommitted(Topic<String, ?> topic, int atLeast, CliJvm needed, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            int count = committed.keys(topic).size();
            if (count >= atLeast) {
                return count;
            }
            if (!needed.alive() || System.nanoTime() > deadline) {
                throw new IllegalStateException(topic.name() + " reached " + count + " of " + atLeast
                        + " committed records; " + needed + (needed.alive() ? " still running" : " exited")
                        + ":\n" + needed.output());
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /**
     * How {@code output} delivered {@code inputIds}, read once every id is there or a grace period has passed: a
     * transaction's commit markers reach the partitions a moment after the commit returns, and until then
     * read_committed readers do not see its records. Waiting never hides a duplicate.
     */
    Delivery awaitDelivery(List<String> inputIds, Topic<String, ?> output) throws InterruptedException {
        long deadline = System.nanoTime() + MARKERS.toNanos();
        Delivery delivery = Delivery.of(inputIds, committed.keys(output));
        while (!delivery.missing().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(POLL.toMillis());
            delivery = Delivery.of(inputIds, committed.keys(output));
        }
        return delivery;
    }

    /**
     * Waits until the enrich group (and, with {@code aggregate}, then the aggregate group, its repartition topic
     * included) has no committed input record left to consume.
     */
    void awaitDrained(boolean aggregate, Duration timeout) throws InterruptedException {
        List<String> aggregateInputs = List.of(Topics.ENRICHED,
                AGGREGATE_GROUP + "-" + AggregateTopology.BY_NARRATIVE + "-repartition");
        long deadline = System.nanoTime() + timeout.toNanos();
        try (GroupDrain drain = new GroupDrain(client, client)) {
            while (!(drain.drained(ENRICH_GROUP, List.of(Topics.ARTICLES))
                    && (!aggregate || drain.drained(AGGREGATE_GROUP, aggregateInputs)))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("pipeline not drained within " + timeout + "; enrich offsets "
                            + drain.committed(ENRICH_GROUP) + ", aggregate offsets " + drain.committed(AGGREGATE_GROUP));
                }
                Thread.sleep(POLL.toMillis() * 5);
            }
        }
    }
}
