package io.bellwether.replay;

import io.bellwether.aggregate.AggregateConfig;
import io.bellwether.aggregate.AggregateTopology;
import io.bellwether.enrich.EnrichApp;
import io.bellwether.enrich.EnrichConfig;
import io.bellwether.enrich.analysis.Analyzer;
import io.bellwether.enrich.story.StorySettings;
import io.bellwether.enrich.stream.EnrichMetrics;
import io.bellwether.enrich.stream.EnrichTopology;
import io.bellwether.runtime.kafka.KafkaSettings;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;

/**
 * The two Kafka Streams applications of one replay, with fresh application ids so the live services' offsets and
 * state stay untouched: the enrich topology reading the replay's input, and the aggregate topology reading the
 * replay's enriched topic. Exactly-once like the services.
 */
final class ReplayStreams implements AutoCloseable {
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaStreams enrich;
    private final KafkaStreams aggregate;

    ReplayStreams(KafkaSettings kafka, ReplayTopics topics, String name, Analyzer analyzer, EnrichConfig enrichConfig,
                  StorySettings stories, AggregateConfig aggregateConfig) {
        this.enrich = new KafkaStreams(new EnrichTopology(topics.outputs(), analyzer, enrichConfig, new EnrichMetrics(),
                stories).build(topics.input(), ReplayTopics.INPUT_PARTITIONS), EnrichApp.streamsProperties(kafka, enrichId(name)));
        AggregateConfig replayConfig = aggregateConfig.withApplicationId(aggregateId(name));
        this.aggregate = new KafkaStreams(new AggregateTopology(topics.outputs(), replayConfig).build(),
                kafka.streams(replayConfig.applicationId()));
        for (KafkaStreams streams : List.of(enrich, aggregate)) {
            streams.setUncaughtExceptionHandler(failure ->
                    StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        }
    }

    static String enrichId(String name) {
        return "bellwether-enrich-replay-" + name;
    }

    static String aggregateId(String name) {
        return "bellwether-aggregate-replay-" + name;
    }

    void start() {
        enrich.start();
        aggregate.start();
    }

    boolean running() {
        return enrich.state() == KafkaStreams.State.RUNNING && aggregate.state() == KafkaStreams.State.RUNNING;
    }

    /** A description of the first application that stopped or failed, if any. */
    Optional<String> failure() {
        for (KafkaStreams streams : List.of(enrich, aggregate)) {
            KafkaStreams.State state = streams.state();
            if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR
                    || state == KafkaStreams.State.NOT_RUNNING || state == KafkaStreams.State.PENDING_SHUTDOWN) {
                String which = streams == enrich ? "enrich" : "aggregate";
                return Optional.of("replay " + which + " stopped (" + state + "); see the log");
            }
        }
        return Optional.empty();
    }

    /** Closes both applications and deletes their local state: the results are in the topics. */
    @Override
    public void close() {
        for (KafkaStreams streams : List.of(enrich, aggregate)) {
            if (streams.close(CLOSE_TIMEOUT)) {
                streams.cleanUp();
            }
        }
    }
}
