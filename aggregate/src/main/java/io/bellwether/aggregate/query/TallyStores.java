package io.bellwether.aggregate.query;

import io.bellwether.aggregate.WindowSpec;
import io.bellwether.aggregate.tally.NarrativeTally;
import java.util.function.Function;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * Read access to this instance's window tallies, one view per window family over its pane and closed-window
 * stores. Live, it is Kafka Streams' interactive queries; tests pass a {@code TopologyTestDriver}'s stores.
 */
@FunctionalInterface
public interface TallyStores {

    /**
     * The windows of {@code spec}.
     *
     * @throws org.apache.kafka.streams.errors.InvalidStateStoreException while the stores are migrating
     */
    WindowTallies narratives(WindowSpec spec);

    /** The views over window stores looked up by name ({@link WindowSpec#paneStoreName()}, {@code storeName()}). */
    static TallyStores byName(Function<String, ReadOnlyWindowStore<String, NarrativeTally>> store) {
        return spec -> new WindowTallies(spec, store.apply(spec.paneStoreName()), store.apply(spec.storeName()));
    }

    /** The local stores of a running Kafka Streams instance (all its active tasks). */
    static TallyStores of(KafkaStreams streams) {
        return byName(name -> streams.store(StoreQueryParameters.fromNameAndType(name,
                QueryableStoreTypes.<String, NarrativeTally>windowStore())));
    }
}
