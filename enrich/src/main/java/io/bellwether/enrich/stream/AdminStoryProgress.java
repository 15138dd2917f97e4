package io.bellwether.enrich.stream;

import io.bellwether.runtime.kafka.GroupDrain;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The enrich application's progress read from the broker on a thread of its own, every {@link #LOOK_MS} while some
 * band task has asked within the last {@link #IDLE_MS} (a query is waiting for a partition behind it), so a stream
 * thread never waits for the broker. Each look reads the application's committed offsets, whether each input
 * partition holds a data record past them, and the end of each story probe partition. Input partition {@code i}
 * counts as drained for band partition {@code p} when the previous look found {@code i} drained, and this look finds
 * no data record of {@code p} between its committed offset and the previous look's end: enrich commits an input
 * record in the same transaction as its queries, so by then every query of {@code i} is in {@code p} and consumed.
 * The previous look must have begun after the waiting query reached its band task: ingest publishes in event-time
 * order, so every earlier article was visible by then, where a look from before the query may have found {@code i}
 * empty just before the query's original was published into it.
 * Records, not offsets, are compared ({@link GroupDrain}): a transaction marker after the last record a task
 * committed leaves its committed offset one short of the end for good. One instance per application instance,
 * shared by its stream threads; the clients and the thread are made on the first question.
 */
public final class AdminStoryProgress implements StoryProgress, AutoCloseable {
    static final long LOOK_MS = 50;
    static final long IDLE_MS = 2000;
    private static final long CLOSE_SECONDS = 30;

    private final Logger log = LoggerFactory.getLogger(AdminStoryProgress.class);
    private final Properties adminProps;
    private final Properties readerProps;
    private final String applicationId;
    private final String inputTopic;
    private final String probeTopic;
    private final int partitions;
    private volatile Looks looks = new Looks(null, null);
    private volatile long lastAsked = Long.MIN_VALUE / 2;
    private ScheduledExecutorService looker;
    private GroupDrain drain;
    private boolean failing;
    private boolean closed;

    /**
     * One look: the input partitions with no data record past their committed offsets, the probe partitions' ends,
     * and the probe partitions consumed up to the previous look's ends (all false on a first look).
     */
    private record Look(long started, boolean[] inputDrained, long[] probeEnds, boolean[] probeConsumed) {
    }

    /** The last two looks, published together. */
    private record Looks(Look previous, Look latest) {
    }

    public AdminStoryProgress(Properties adminProps, Properties readerProps, String applicationId, String inputTopic,
                              int partitions) {
        this.adminProps = adminProps;
        this.readerProps = readerProps;
        this.applicationId = applicationId;
        this.inputTopic = inputTopic;
        this.probeTopic = applicationId + "-" + StoryStage.BANDS_TOPIC + "-repartition";
        this.partitions = partitions;
    }

    @Override
    public boolean drained(int input, int band, long heldSince) {
        lastAsked = System.currentTimeMillis();
        startLooking();
        Looks seen = looks;
        return seen.previous() != null && seen.latest() != null && input < partitions && band < partitions
                && seen.previous().started() > heldSince
                && seen.previous().inputDrained()[input]
                && seen.latest().probeConsumed()[band];
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
        Look previous = looks.latest();
        Look look = look(previous);
        looks = new Looks(look == null ? null : previous, look);
    }

    private Look look(Look previous) {
        try {
            long started = System.currentTimeMillis();
            if (drain == null) {
                drain = new GroupDrain(adminProps, readerProps);
            }
            Map<TopicPartition, Long> committed = drain.committed(applicationId);
            boolean[] inputDrained = new boolean[partitions];
            long[] probeEnds = new long[partitions];
            boolean[] probeConsumed = new boolean[partitions];
            for (int partition = 0; partition < partitions; partition++) {
                TopicPartition in = new TopicPartition(inputTopic, partition);
                TopicPartition probe = new TopicPartition(probeTopic, partition);
                inputDrained[partition] = !drain.hasDataFrom(in, committed.get(in));
                probeEnds[partition] = drain.endOffset(probe);
                probeConsumed[partition] = previous != null
                        && !drain.hasDataBetween(probe, committed.get(probe), previous.probeEnds()[partition]);
            }
            failing = false;
            return new Look(started, inputDrained, probeEnds, probeConsumed);
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("story order: cannot read the progress of {} ({}); waiting queries wait for newer ones or"
                        + " enrich.story.order-wait", applicationId, e.toString());
            }
            failing = true;
            return null;
        }
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
            running.awaitTermination(CLOSE_SECONDS, TimeUnit.SECONDS);
        }
        if (drain != null) {
            drain.close();
        }
    }
}
