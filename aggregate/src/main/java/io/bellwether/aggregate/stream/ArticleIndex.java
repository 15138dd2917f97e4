package io.bellwether.aggregate.stream;

import io.bellwether.aggregate.AggregateConfig;
import io.bellwether.aggregate.WindowSpec;
import io.bellwether.avro.EnrichedArticle;
import io.bellwether.schemas.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Keeps the articles behind the windows, so a window's articles can be listed: each record of the repartition
 * topic (key = narrative, the article reduced to that narrative's signal) is put into {@value #STORE} under
 * {@link #key}{@code (narrative, article id)} at the article's event time, without its entities. A re-delivered
 * article overwrites itself. Kept as long as the longest-kept window family.
 */
public final class ArticleIndex implements ProcessorSupplier<String, EnrichedArticle, Void, Void> {
    public static final String STORE = "aggregate-articles";
    private static final char SEPARATOR = '\u0000';

    private final Duration retention;
    private final Topic<String, EnrichedArticle> input;

    public ArticleIndex(AggregateConfig config, Topic<String, EnrichedArticle> input) {
        this.retention = config.windows().stream().map(WindowSpec::retention).max(Duration::compareTo).orElseThrow();
        this.input = input;
    }

    /** The store key of one article of one narrative; the narrative's keys lie in [{@link #first}, {@link #last}]. */
    public static String key(String narrative, String articleId) {
        return narrative + SEPARATOR + articleId;
    }

    public static String first(String narrative) {
        return narrative + SEPARATOR;
    }

    public static String last(String narrative) {
        return narrative + (char) (SEPARATOR + 1);
    }

    @Override
    public Processor<String, EnrichedArticle, Void, Void> get() {
        return new Processor<>() {
            private WindowStore<String, EnrichedArticle> store;

            @Override
            public void init(ProcessorContext<Void, Void> context) {
                store = context.getStateStore(STORE);
            }

            @Override
            public void process(Record<String, EnrichedArticle> record) {
                EnrichedArticle article = EnrichedArticle.newBuilder(record.value()).setEntities(List.of()).build();
                store.put(key(record.key(), article.getId()), article, article.getPublishedAt().toEpochMilli());
            }
        };
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
        // Compacted like the window stores (see WindowScoring): the changelog carries event time, not append time.
        return Set.of(Stores.windowStoreBuilder(
                        Stores.persistentWindowStore(STORE, retention, Duration.ofMillis(1), false),
                        Serdes.String(), input.valueSerde())
                .withLoggingEnabled(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
    }
}
