package io.bellwether.runtime.service;

import java.time.Duration;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Runs a {@link KafkaStreams} instance as a {@link Service}: UP while RUNNING or REBALANCING, a failure once it
 * reaches ERROR (see {@link StreamsFailurePolicy} for when that happens), closed with a bounded timeout.
 */
public final class StreamsService implements Service {
    public static final int MAX_THREAD_REPLACEMENTS = 3;

    private final String name;
    private final KafkaStreams streams;
    private final Duration closeTimeout;
    private final StreamsFailurePolicy policy;
    private final AutoCloseable alsoClosed;

    public StreamsService(String name, KafkaStreams streams, Duration closeTimeout) {
        this(name, streams, closeTimeout, MAX_THREAD_REPLACEMENTS, () -> { });
    }

    /** As the three-argument constructor, closing {@code alsoClosed} (a client the topology uses) after Streams. */
    public StreamsService(String name, KafkaStreams streams, Duration closeTimeout, AutoCloseable alsoClosed) {
        this(name, streams, closeTimeout, MAX_THREAD_REPLACEMENTS, alsoClosed);
    }

    /** As the three-argument constructor, with the number of stream-thread replacements allowed per process. */
    public StreamsService(String name, KafkaStreams streams, Duration closeTimeout, int maxThreadReplacements) {
        this(name, streams, closeTimeout, maxThreadReplacements, () -> { });
    }

    private StreamsService(String name, KafkaStreams streams, Duration closeTimeout, int maxThreadReplacements,
                           AutoCloseable alsoClosed) {
        this.name = name;
        this.streams = streams;
        this.closeTimeout = closeTimeout;
        this.policy = new StreamsFailurePolicy(maxThreadReplacements);
        this.alsoClosed = alsoClosed;
    }

    @Override
    public String name() {
        return name;
    }

    /** The running instance, e.g. for interactive queries. */
    public KafkaStreams streams() {
        return streams;
    }

    @Override
    public void start(FailureListener failures) {
        streams.setUncaughtExceptionHandler(policy);
        streams.setStateListener((newState, oldState) -> {
            if (newState == KafkaStreams.State.ERROR) {
                String cause = policy.lastFailure();
                failures.failed(name, "Kafka Streams stopped with an error"
                        + (cause == null ? "" : ": " + cause));
            }
        });
        streams.start();
    }

    @Override
    public Health health() {
        KafkaStreams.State state = streams.state();
        boolean up = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
        String cause = policy.lastFailure();
        String detail = state == KafkaStreams.State.ERROR && cause != null ? state + ": " + cause : state.toString();
        return new Health(up, detail);
    }

    @Override
    public void close() {
        streams.close(CloseOptions.timeout(closeTimeout));
        try {
            alsoClosed.close();
        } catch (Exception e) {
            throw new IllegalStateException(name + ": closing " + alsoClosed + " failed: " + e.getMessage(), e);
        }
    }
}
