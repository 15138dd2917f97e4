package io.bellwether.aggregate.query;

import io.bellwether.aggregate.AggregateConfig;
import io.bellwether.aggregate.tally.Scoring;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Builds the query API's {@link ScoreHttpHandler} for a running Kafka Streams instance, or for any
 * {@link TallyStores} and {@link IndexStores} when one instance holds everything.
 */
public final class ScoreApi {
    private static final Duration PEER_TIMEOUT = Duration.ofSeconds(5);

    private ScoreApi() {
    }

    /**
     * The handler of a live instance. With {@code self} (this instance's {@code application.server}) queries are
     * routed by Streams metadata and forwarded to peers; without it every query is answered locally.
     */
    public static ScoreHttpHandler forStreams(KafkaStreams streams, AggregateConfig config,
                                              Optional<HostInfo> self) {
        Placement placement = self.<Placement>map(host -> new StreamsPlacement(streams, host))
                .orElseGet(Placement::singleInstance);
        return new ScoreHttpHandler(new ScoreQueries(TallyStores.of(streams), new Scoring(config.topEntities())),
                new IndexQueries(IndexStores.of(streams)), placement, new PeerClient(PEER_TIMEOUT), config.windows(),
                config.topEntities());
    }

    /** A handler answering everything from {@code stores} and {@code index}. */
    public static ScoreHttpHandler forStores(TallyStores stores, IndexStores index, AggregateConfig config) {
        return new ScoreHttpHandler(new ScoreQueries(stores, new Scoring(config.topEntities())),
                new IndexQueries(index), Placement.singleInstance(), new PeerClient(PEER_TIMEOUT), config.windows(),
                config.topEntities());
    }
}
