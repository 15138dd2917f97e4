package io.bellwether.aggregate.query;

import io.bellwether.aggregate.stream.ArticleIndex;
import io.bellwether.aggregate.stream.DeadLetterCounts;
import io.bellwether.avro.DeadLetter;
import io.bellwether.avro.EnrichedArticle;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * Read access to this instance's article index and dead-letter counts. Live, Kafka Streams' interactive queries;
 * tests pass a {@code TopologyTestDriver}'s stores. Each method may throw
 * {@link org.apache.kafka.streams.errors.InvalidStateStoreException} while the store migrates.
 */
public interface IndexStores {

    ReadOnlyWindowStore<String, EnrichedArticle> articles();

    ReadOnlyKeyValueStore<String, Long> deadLetterCounts();

    ReadOnlyKeyValueStore<String, DeadLetter> latestDeadLetters();

    /** The local stores of a running Kafka Streams instance. */
    static IndexStores of(KafkaStreams streams) {
        return new IndexStores() {
            @Override
            public ReadOnlyWindowStore<String, EnrichedArticle> articles() {
                return streams.store(StoreQueryParameters.fromNameAndType(ArticleIndex.STORE,
                        QueryableStoreTypes.<String, EnrichedArticle>windowStore()));
            }

            @Override
            public ReadOnlyKeyValueStore<String, Long> deadLetterCounts() {
                return streams.store(StoreQueryParameters.fromNameAndType(DeadLetterCounts.COUNTS,
                        QueryableStoreTypes.<String, Long>keyValueStore()));
            }

            @Override
            public ReadOnlyKeyValueStore<String, DeadLetter> latestDeadLetters() {
                return streams.store(StoreQueryParameters.fromNameAndType(DeadLetterCounts.LATEST,
                        QueryableStoreTypes.<String, DeadLetter>keyValueStore()));
            }
        };
    }
}
