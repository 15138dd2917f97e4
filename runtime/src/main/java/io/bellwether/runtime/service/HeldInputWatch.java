package io.bellwether.runtime.service;

import io.bellwether.runtime.kafka.HeldPartitions;
import io.bellwether.runtime.kafka.HeldPartitions.Held;
import io.bellwether.runtime.kafka.KafkaUnavailableException;
import io.bellwether.runtime.kafka.PartitionEnds;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says when a partition of a service's input is held by a transaction that does not end. A read_committed reader
 * stops at the first offset of an open transaction; the coordinator aborts every transaction it knows of once it
 * times out (after the broker's {@code transaction.max.timeout.ms} at most, 15 min by default), so an input
 * partition held at the same offset for longer than that holds a transaction the coordinator has lost, as Kafka
 * 4.3.1 can after a broker restart (KAFKA-20734; deploy/README.md, Known broker issues). What follows it in the
 * partition is withheld from the service until the transaction is ended by hand.
 *
 * <p>Reads both ends of every input partition every quarter of {@code after} (at most a minute and at least 10 ms
 * apart). A held partition is logged once at WARN when it becomes held and at INFO when it is released, counted by
 * the gauge {@code bellwether.input.held.partitions}, and named in this check's detail, which stays UP: restarting
 * the service would not release the partition.
 */
public final class HeldInputWatch implements Service {
    private static final Logger LOG = LoggerFactory.getLogger(HeldInputWatch.class);
    private static final Duration LONGEST_INTERVAL = Duration.ofMinutes(1);
    private static final Duration SHORTEST_INTERVAL = Duration.ofMillis(10);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final Properties adminProperties;
    private final List<String> topics;
    private final HeldPartitions partitions;
    private final Duration interval;
    private volatile List<Held> held = List.of();
    private ScheduledExecutorService scheduler;
    private PartitionEnds ends;

    /** Watches {@code topics} (the service's input); {@code after} is how long a partition may stay held. */
    public HeldInputWatch(Properties adminProperties, List<String> topics, Duration after, MeterRegistry registry) {
        this.adminProperties = adminProperties;
        this.topics = List.copyOf(topics);
        this.partitions = new HeldPartitions(after);
        Duration quarter = after.dividedBy(4);
        this.interval = quarter.compareTo(LONGEST_INTERVAL) > 0 ? LONGEST_INTERVAL
                : quarter.compareTo(SHORTEST_INTERVAL) < 0 ? SHORTEST_INTERVAL : quarter;
        Gauge.builder("bellwether.input.held.partitions", this, watch -> watch.held.size())
                .description("input partitions held by a transaction that has not ended within input.held-after")
                .register(registry);
    }

    @Override
    public String name() {
        return "input-transactions";
    }

    @Override
    public void start(FailureListener failures) {
        ends = new PartitionEnds(adminProperties, READ_TIMEOUT);
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "bellwether-held-input");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::look, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One reading of the input's ends; a broker that does not answer is left to the other checks. */
    private void look() {
        try {
            List<Held> now = partitions.observe(ends.read(topics), System.nanoTime());
            report(held, now);
            held = now;
        } catch (KafkaUnavailableException e) {
            LOG.debug("held input: no reading this time: {}", e.getMessage());
        }
    }

    private static void report(List<Held> before, List<Held> now) {
        Set<TopicPartition> was = before.stream().map(Held::partition).collect(Collectors.toSet());
        Set<TopicPartition> is = now.stream().map(Held::partition).collect(Collectors.toSet());
        now.stream().filter(h -> !was.contains(h.partition())).forEach(h -> LOG.warn("input {} is held by a "
                + "transaction that has not ended: read_committed readers cannot pass it, so what follows is "
                + "withheld from this service (a transaction its coordinator lost; deploy/README.md, Known broker "
                + "issues)", h));
        before.stream().filter(h -> !is.contains(h.partition()))
                .forEach(h -> LOG.info("input {} is no longer held", h.partition()));
    }

    @Override
    public Health health() {
        List<Held> current = held;
        return Health.up(current.isEmpty() ? "no input partition held by an open transaction"
                : "held by a transaction that does not end: " + current);
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(READ_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (ends != null) {
            ends.close();
        }
    }
}
