package io.bellwether.aggregate.query;

import io.bellwether.aggregate.WindowSpec;
import io.bellwether.aggregate.tally.NarrativeTally;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * Read access to this instance's window stores, one per window family. Live, it is Kafka Streams' interactive
 * queries; tests pass a {@code TopologyTestDriver}'s stores.
 */
@FunctionalInterface
public interface TallyStores {

    /**
     * The named window store of {@code spec}.
     *
     * @throws org.apache.kafka.streams.errors.InvalidStateStoreException while the store is migrating
     */
    ReadOnlyWindowStore<String, NarrativeTally> narratives(WindowSpec spec);

    /** The local stores of a running Kafka Streams instance (all its active tasks). */
    static TallyStores of(KafkaStreams streams) {
        return spec -> streams.store(StoreQueryParameters.fromNameAndType(spec.storeName(),
                QueryableStoreTypes.<String, NarrativeTally>windowStore()));
    }
}
