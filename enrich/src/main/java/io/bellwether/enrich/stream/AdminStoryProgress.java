package io.bellwether.enrich.stream;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The enrich application's progress read from the broker on a thread of its own, every {@link #LOOK_MS} while some
 * band task has asked within the last {@link #IDLE_MS} (a query is waiting for a partition behind it), so a stream
 * thread never waits for the broker. Each look reads the application's committed offsets, then the committed ends
 * of the input topic and of the story probe topic. Input partition {@code i} counts as drained for band partition
 * {@code p} when the previous look saw {@code i} committed to its end, and the latest look sees {@code p} committed
 * past the probe topic's end of the previous look: enrich commits an input record in the same transaction as its
 * queries, so by then every query of {@code i} is in {@code p} and consumed. One instance per application
 * instance, shared by its stream threads; the admin client and the thread are made on the first question.
 */
public final class AdminStoryProgress implements StoryProgress, AutoCloseable {
    static final long LOOK_MS = 200;
    static final long IDLE_MS = 2000;
    private static final long TIMEOUT_SECONDS = 5;

    private final Logger log = LoggerFactory.getLogger(AdminStoryProgress.class);
    private final Properties adminProps;
    private final String applicationId;
    private final String inputTopic;
    private final String probeTopic;
    private final int partitions;
    private volatile Looks looks = new Looks(null, null);
    private volatile long lastAsked = Long.MIN_VALUE / 2;
    private ScheduledExecutorService looker;
    private Admin admin;
    private boolean failing;
    private boolean closed;

    /** One look: input partitions committed to their end, the probe topic's ends and committed offsets. */
    private record Look(boolean[] inputDrained, long[] probeEnds, long[] probeCommitted) {
    }

    /** The last two looks, published together. */
    private record Looks(Look previous, Look latest) {
    }

    public AdminStoryProgress(Properties adminProps, String applicationId, String inputTopic, int partitions) {
        this.adminProps = adminProps;
        this.applicationId = applicationId;
        this.inputTopic = inputTopic;
        this.probeTopic = applicationId + "-" + StoryStage.BANDS_TOPIC + "-repartition";
        this.partitions = partitions;
    }

    @Override
    public boolean drained(int input, int band, long now) {
        lastAsked = System.currentTimeMillis();
        startLooking();
        Looks seen = looks;
        return seen.previous() != null && seen.latest() != null && input < partitions && band < partitions
                && seen.previous().inputDrained()[input]
                && seen.latest().probeCommitted()[band] >= seen.previous().probeEnds()[band];
    }

    private synchronized void startLooking() {
        if (looker == null && !closed) {
            looker = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, applicationId + "-story-progress");
                thread.setDaemon(true);
                return thread;
            });
            looker.scheduleWithFixedDelay(this::lookIfAsked, 0, LOOK_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void lookIfAsked() {
        if (System.currentTimeMillis() - lastAsked > IDLE_MS) {
            // Nobody waits: the next question starts from two fresh looks.
            looks = new Looks(null, null);
            return;
        }
        Look look = look();
        looks = new Looks(look == null ? null : looks.latest(), look);
    }

    private Look look() {
        try {
            if (admin == null) {
                admin = Admin.create(adminProps);
            }
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            for (int partition = 0; partition < partitions; partition++) {
                ends.put(new TopicPartition(inputTopic, partition), OffsetSpec.latest());
                ends.put(new TopicPartition(probeTopic, partition), OffsetSpec.latest());
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end = admin.listOffsets(ends,
                    new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            boolean[] inputDrained = new boolean[partitions];
            long[] probeEnds = new long[partitions];
            long[] probeCommitted = new long[partitions];
            for (int partition = 0; partition < partitions; partition++) {
                TopicPartition in = new TopicPartition(inputTopic, partition);
                TopicPartition probe = new TopicPartition(probeTopic, partition);
                inputDrained[partition] = offset(committed, in) >= end.get(in).offset();
                probeEnds[partition] = end.get(probe).offset();
                probeCommitted[partition] = offset(committed, probe);
            }
            failing = false;
            return new Look(inputDrained, probeEnds, probeCommitted);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (!failing) {
                log.warn("story order: cannot read the progress of {} ({}); waiting queries wait for newer ones or"
                        + " enrich.story.order-wait", applicationId, e.toString());
            }
            failing = true;
            return null;
        }
    }

    private static long offset(Map<TopicPartition, OffsetAndMetadata> committed, TopicPartition partition) {
        OffsetAndMetadata offset = committed.get(partition);
        return offset == null ? 0 : offset.offset();
    }

    @Override
    public void close() throws InterruptedException {
        ScheduledExecutorService running;
        synchronized (this) {
            closed = true;
            running = looker;
        }
        if (running != null) {
            running.shutdownNow();
            running.awaitTermination(TIMEOUT_SECONDS * 3, TimeUnit.SECONDS);
        }
        if (admin != null) {
            admin.close();
        }
    }
}
