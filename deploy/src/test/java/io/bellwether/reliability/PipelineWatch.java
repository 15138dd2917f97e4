package io.bellwether.reliability;

import io.bellwether.aggregate.AggregateTopology;
import io.bellwether.enrich.stream.EnrichTopology;
import io.bellwether.runtime.kafka.GroupDrain;
import io.bellwether.schemas.Topic;
import io.bellwether.schemas.Topics;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.IntSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;

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
    /**
     * While an output partition still has an open transaction, its records above it are not yet visible: the
     * coordinator aborts a transaction its producer abandoned once the transaction times out (10 s for Streams).
     */
    private static final Duration OPEN_TRANSACTION = Duration.ofMinutes(3);

    private final Properties client;
    private final CommittedRecords committed;
    private final OutputInspection inspection;

    PipelineWatch(Properties client) {
        this.client = client;
        this.committed = new CommittedRecords(client);
        this.inspection = new OutputInspection(client);
    }

    /**
     * Waits until {@code topic} holds at least {@code atLeast} committed records; returns how many it held then.
     * Fails if {@code needed} (the writer, or the broker) dies first or {@code timeout} passes.
     */
    int awaitCommitted(Topic<String, ?> topic, int atLeast, CliJvm needed, Duration timeout)
            throws InterruptedException {
        return awaitCount(topic.name() + " committed records", () -> committed.keys(topic).size(), atLeast, needed,
                timeout);
    }

    /** Polls {@code count} until it reaches {@code atLeast}; fails if {@code needed} exits or the time runs out. */
    int awaitCount(String what, IntSupplier count, int atLeast, CliJvm needed, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            int seen = count.getAsInt();
            if (seen >= atLeast) {
                return seen;
            }
            if (!needed.alive() || System.nanoTime() > deadline) {
                throw new IllegalStateException(what + ": " + seen + " of " + atLeast + "; " + needed
                        + (needed.alive() ? " still running" : " exited") + ":\n" + needed.output());
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /**
     * Waits until no transaction is between its coordinator's decision and its last marker (the coordinator lists
     * none as PREPARE_COMMIT or PREPARE_ABORT). Kafka 4.3.1 drops the markers of such a transaction when its broker
     * restarts after a kill: the restarted coordinator resends them while the broker is not yet serving, the retry
     * finds the partitions leaderless for the moment the controller takes the new incarnation's leadership away,
     * and leaderless counts as deleted (KAFKA-20734). The transaction then stays open on those partitions for good.
     * Returns how many transactions were sending markers at the first look.
     */
    int awaitNoMarkersInFlight(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ListTransactionsOptions deciding = new ListTransactionsOptions()
                .filterStates(List.of(TransactionState.PREPARE_COMMIT, TransactionState.PREPARE_ABORT));
        int atFirst = -1;
        try (Admin admin = Admin.create(client)) {
            while (true) {
                Collection<TransactionListing> open = admin.listTransactions(deciding).all().get();
                if (atFirst < 0) {
                    atFirst = open.size();
                }
                if (open.isEmpty()) {
                    return atFirst;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("transactions still sending their markers after " + timeout
                            + ": " + open);
                }
                Thread.sleep(POLL.toMillis() / 4);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot list the transactions", e.getCause());
        }
    }

    /**
     * How {@code output} delivered {@code inputIds}, read once every id is there or a grace period has passed: a
     * transaction's commit markers reach the partitions a moment after the commit returns, and until then
     * read_committed readers do not see its records; the grace grows to {@link #OPEN_TRANSACTION} while an output
     * partition holds an open transaction. Waiting never hides a duplicate.
     */
    Delivery awaitDelivery(List<String> inputIds, Topic<String, ?> output) throws InterruptedException {
        long start = System.nanoTime();
        boolean openSeen = inspection.hasOpenTransaction(output.name());
        Delivery delivery = Delivery.of(inputIds, committed.keys(output));
        int missingAtFirst = delivery.missing().size();
        while (!delivery.missing().isEmpty() && waitMore(start, output)) {
            openSeen |= inspection.hasOpenTransaction(output.name());
            Thread.sleep(POLL.toMillis());
            delivery = Delivery.of(inputIds, committed.keys(output));
        }
        // The figures the outage drill's loop is judged by: how long the last records took to become visible.
        System.out.printf(Locale.ROOT, "delivery to %s: %d of %d ids visible at the first read, %d missing after "
                + "%.1f s; an open transaction on the output seen: %s%n", output.name(),
                inputIds.size() - missingAtFirst, inputIds.size(), delivery.missing().size(),
                (System.nanoTime() - start) / 1e9, openSeen);
        return delivery;
    }

    private boolean waitMore(long start, Topic<String, ?> output) {
        long waited = System.nanoTime() - start;
        return waited < MARKERS.toNanos()
                || waited < OPEN_TRANSACTION.toNanos() && inspection.hasOpenTransaction(output.name());
    }

    /**
     * For a failure message: where the ids a delivery misses are in the uncommitted log of {@code output}, the
     * partitions' high watermarks and last stable offsets, and which of the ids went to {@code deadLetter}.
     */
    String explain(Delivery delivery, Topic<String, ?> output, Topic<String, ?> deadLetter) {
        List<String> dead = committed.keys(deadLetter).stream().filter(delivery.missing()::contains).toList();
        return inspection.describe(output.name(), delivery.missing()) + "dead-lettered among them: " + dead;
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
            while (!(drain.drained(ENRICH_GROUP,
                    drain.inputs(Topics.ARTICLES, ENRICH_GROUP, EnrichTopology.STORY_REPARTITIONS))
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
