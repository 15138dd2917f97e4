package io.bellwether.enrich.analysis;

import io.bellwether.enrich.text.Sentiment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A bounded, least-recently-used cache of sentence sentiment keyed by the sentence's token words: in goes a
 * sentence's words and a way to compute its sentiment, out comes the cached or freshly computed result. Syndicated
 * copies and boilerplate repeat sentences word for word, and the parse + sentiment of a sentence depends on its
 * words only, so a hit gives exactly what a parse would. Safe for concurrent use; a capacity of 0 caches nothing.
 */
public final class SentenceCache {
    private final int capacity;
    private final Map<String, Sentiment> entries;
    private long hits;
    private long misses;

    public SentenceCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("sentence cache capacity must not be negative: " + capacity);
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Sentiment> eldest) {
                return size() > SentenceCache.this.capacity;
            }
        };
    }

    /** A cache that stores nothing. */
    public static SentenceCache disabled() {
        return new SentenceCache(0);
    }

    /** Lookups and hits so far, for metrics and benchmarks. */
    public record Stats(long hits, long misses, int size) {
    }

    /**
     * The sentiment of the sentence with these words, computed by {@code compute} on a miss. The lock is not held
     * while computing, so two threads may parse the same new sentence once each; both get the same answer.
     */
    public Sentiment get(List<String> words, Supplier<Sentiment> compute) {
        if (capacity == 0) {
            return compute.get();
        }
        String key = String.join(" ", words);
        synchronized (this) {
            Sentiment cached = entries.get(key);
            if (cached != null) {
                hits++;
                return cached;
            }
            misses++;
        }
        Sentiment computed = compute.get();
        synchronized (this) {
            entries.put(key, computed);
        }
        return computed;
    }

    public synchronized Stats stats() {
        return new Stats(hits, misses, entries.size());
    }

    /** Forgets every entry and the counts, e.g. between benchmark phases that must each start cold. */
    public synchronized void clear() {
        entries.clear();
        hits = 0;
        misses = 0;
    }
}
