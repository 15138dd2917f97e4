package io.bellwether.aggregate.query;

import io.bellwether.aggregate.stream.ArticleIndex;
import io.bellwether.avro.DeadLetter;
import io.bellwether.avro.EnrichedArticle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueIterator;

/** Answers from this instance's article index and dead-letter counts; routing is the HTTP layer's job. */
public final class IndexQueries {
    private final IndexStores stores;

    public IndexQueries(IndexStores stores) {
        this.stores = stores;
    }

    /** One kind of dead letter: how many there were and the latest one (without its original bytes). */
    public record DeadLetterCount(String stage, String reason, long count, DeadLetter latest) {
    }

    /** The articles of {@code narrative} published in [from, to), oldest first (ties by id). */
    public List<EnrichedArticle> articles(String narrative, Instant from, Instant to) {
        List<EnrichedArticle> articles = new ArrayList<>();
        // The store's time range is inclusive; an article at exactly `to` belongs to the next window.
        Instant last = to.minusMillis(1);
        if (last.isBefore(from)) {
            return articles;
        }
        try (KeyValueIterator<?, EnrichedArticle> it = stores.articles()
                .fetch(ArticleIndex.first(narrative), ArticleIndex.last(narrative), from, last)) {
            it.forEachRemaining(entry -> articles.add(entry.value));
        }
        articles.sort(Comparator.comparing(EnrichedArticle::getPublishedAt).thenComparing(EnrichedArticle::getId));
        return articles;
    }

    /** Every kind of dead letter counted here. */
    public List<DeadLetterCount> deadLetters() {
        List<DeadLetterCount> counts = new ArrayList<>();
        try (KeyValueIterator<String, Long> it = stores.deadLetterCounts().all()) {
            it.forEachRemaining(entry -> {
                DeadLetter latest = stores.latestDeadLetters().get(entry.key);
                int slash = entry.key.indexOf('/');
                counts.add(new DeadLetterCount(entry.key.substring(0, slash), entry.key.substring(slash + 1),
                        entry.value, latest));
            });
        }
        return counts;
    }
}
