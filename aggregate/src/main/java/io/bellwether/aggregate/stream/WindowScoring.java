package io.bellwether.aggregate.stream;

import io.bellwether.aggregate.AggregateConfig;
import io.bellwether.aggregate.AggregateMetrics;
import io.bellwether.aggregate.WindowSpec;
import io.bellwether.aggregate.tally.NarrativeTally;
import io.bellwether.aggregate.tally.TallySerde;
import io.bellwether.avro.EnrichedArticle;
import io.bellwether.schemas.Topic;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Supplies the window processor together with its named stores: per window family a pane store
 * ({@link WindowSpec#paneStoreName()}), a store of closed windows ({@link WindowSpec#storeName()}) and one of story
 * panes ({@link WindowSpec#storyStoreName()}, compacted like the tallies for the same reason), and
 * {@value #PROGRESS_STORE} for the task's stream time.
 */
public final class WindowScoring implements ProcessorSupplier<String, EnrichedArticle, String, Emission> {
    public static final String PROGRESS_STORE = "aggregate-progress";

    private final AggregateConfig config;
    private final AggregateMetrics metrics;
    private final Topic<String, EnrichedArticle> input;

    public WindowScoring(AggregateConfig config, AggregateMetrics metrics, Topic<String, EnrichedArticle> input) {
        this.config = config;
        this.metrics = metrics;
        this.input = input;
    }

    @Override
    public Processor<String, EnrichedArticle, String, Emission> get() {
        return new WindowScoreProcessor(config, metrics, input);
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
        Set<StoreBuilder<?>> stores = new HashSet<>();
        stores.add(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PROGRESS_STORE),
                Serdes.String(), Serdes.Long()));
        for (WindowSpec spec : config.windows()) {
            stores.add(tallies(spec.paneStoreName(), spec, spec.advance()));
            stores.add(tallies(spec.storeName(), spec, spec.size()));
            stores.add(Stores.windowStoreBuilder(Stores.persistentWindowStore(spec.storyStoreName(), spec.retention(),
                            spec.advance(), false), Serdes.String(), new NamesSerde()).withCachingEnabled()
                    .withLoggingEnabled(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        }
        return stores;
    }

    /**
     * A cached window store of tallies, changelogged. Changelog records carry the articles' event time, and the
     * broker deletes by comparing it with its wall clock: with Streams' default compact,delete, a backfill or replay
     * of articles older than the retention lost its open windows on the next restore (kill -9, task migration).
     * Compaction alone keeps the last tally of every pane and window, so a restore rebuilds what stream time still
     * needs.
     */
    private static StoreBuilder<WindowStore<String, NarrativeTally>> tallies(String name, WindowSpec spec,
                                                                             Duration size) {
        return Stores.windowStoreBuilder(Stores.persistentWindowStore(name, spec.retention(), size, false),
                        Serdes.String(), new TallySerde()).withCachingEnabled()
                .withLoggingEnabled(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }
}
