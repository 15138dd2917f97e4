package io.bellwether.enrich.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bellwether.enrich.text.Sentiment;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class SentenceCacheTest {
    private final AtomicInteger computed = new AtomicInteger();

    private Supplier<Sentiment> parse(int sentimentClass) {
        return () -> {
            computed.incrementAndGet();
            return new Sentiment(sentimentClass, List.of(0.1, 0.2, 0.4, 0.2, 0.1), true);
        };
    }

    @Test
    void computesARepeatedSentenceOnceAndCountsTheHit() {
        SentenceCache cache = new SentenceCache(10);
        Sentiment first = cache.get(List.of("Open", "models", "win", "."), parse(3));

        Sentiment again = cache.get(List.of("Open", "models", "win", "."), parse(1));

        assertThat(again).isEqualTo(first);
        assertThat(computed).hasValue(1);
        assertThat(cache.stats()).isEqualTo(new SentenceCache.Stats(1, 1, 1));
    }

    @Test
    void keepsSentencesWithOtherWordsApart() {
        SentenceCache cache = new SentenceCache(10);
        cache.get(List.of("Open", "models", "win"), parse(3));

        Sentiment other = cache.get(List.of("Closed", "models", "win"), parse(1));

        assertThat(other.sentimentClass()).isEqualTo(1);
        assertThat(computed).hasValue(2);
    }

    @Test
    void evictsTheLeastRecentlyUsedSentenceBeyondCapacity() {
        SentenceCache cache = new SentenceCache(2);
        cache.get(List.of("a"), parse(1));
        cache.get(List.of("b"), parse(2));
        cache.get(List.of("a"), parse(1));
        cache.get(List.of("c"), parse(3));

        cache.get(List.of("a"), parse(1));
        cache.get(List.of("b"), parse(2));

        assertThat(computed).hasValue(4);
        assertThat(cache.stats().size()).isEqualTo(2);
    }

    @Test
    void disabledCacheParsesEveryTimeAndStoresNothing() {
        SentenceCache cache = SentenceCache.disabled();
        cache.get(List.of("Open", "models"), parse(3));
        cache.get(List.of("Open", "models"), parse(3));

        assertThat(computed).hasValue(2);
        assertThat(cache.stats()).isEqualTo(new SentenceCache.Stats(0, 0, 0));
    }

    @Test
    void clearForgetsEntriesAndCounts() {
        SentenceCache cache = new SentenceCache(10);
        cache.get(List.of("Open", "models"), parse(3));
        cache.get(List.of("Open", "models"), parse(3));

        cache.clear();
        cache.get(List.of("Open", "models"), parse(3));

        assertThat(computed).hasValue(2);
        assertThat(cache.stats()).isEqualTo(new SentenceCache.Stats(0, 1, 1));
    }

    @Test
    void rejectsANegativeCapacity() {
        assertThatThrownBy(() -> new SentenceCache(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
