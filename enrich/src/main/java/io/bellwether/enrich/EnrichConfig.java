package io.bellwether.enrich;

import io.bellwether.enrich.analysis.AnalyzerSettings;
import io.bellwether.enrich.narrative.NarrativeFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The enrich service's settings, validated once: body length cap ({@code enrich.max.chars}), parse length cap
 * ({@code enrich.parse.maxlen}, tokens), per-article time budget ({@code enrich.time-budget-ms}, default 10 s, at
 * most {@link #MAX_TIME_BUDGET_MS}; held inside every CoreNLP call by the analyzer's watchdog), the narrative
 * file ({@code enrich.narratives}, parsed once here so a broken file is a config error at start, before Kafka is
 * reached or CoreNLP loads; the shipped default otherwise), the number of stream threads ({@code streams.threads})
 * and the capacity of the sentence cache ({@code enrich.sentence-cache.size}; 0 turns it off).
 */
public record EnrichConfig(int maxChars, int parseMaxLen, long timeBudgetMs, NarrativeFile narratives,
                           int threads, int sentenceCacheSize) {

    /** Sentences kept by default: a few days of a busy feed's parsed sentences, a few MB of heap. */
    public static final int DEFAULT_SENTENCE_CACHE_SIZE = 20_000;
    /**
     * Longest per-article budget: Kafka Streams polls again once half of {@code max.poll.interval.ms} (default
     * 300 s) has passed since the last poll, so one article may add at most this much to that half and the
     * thread still polls in time.
     */
    public static final long MAX_TIME_BUDGET_MS = 120_000;

    public EnrichConfig {
        require(maxChars >= 100, "enrich.max.chars must be at least 100: " + maxChars);
        require(parseMaxLen >= 5 && parseMaxLen <= 400, "enrich.parse.maxlen must be in 5..400: " + parseMaxLen);
        require(timeBudgetMs >= 1 && timeBudgetMs <= MAX_TIME_BUDGET_MS,
                "enrich.time-budget-ms must be in 1.." + MAX_TIME_BUDGET_MS + ": " + timeBudgetMs);
        require(threads >= 1 && threads <= 64, "streams.threads must be in 1..64: " + threads);
        require(sentenceCacheSize >= 0, "enrich.sentence-cache.size must not be negative: " + sentenceCacheSize);
        require(narratives != null, "no narrative file");
    }

    /** The narrative file at {@code path}, or the shipped one. */
    public static NarrativeFile narratives(Optional<Path> path) {
        path.ifPresent(file -> require(Files.isReadable(file), "enrich.narratives is not readable: " + file));
        return NarrativeFile.load(path);
    }

    public static EnrichConfig defaults() {
        return new EnrichConfig(AnalyzerSettings.DEFAULT_MAX_CHARS, AnalyzerSettings.DEFAULT_PARSE_MAX_TOKENS,
                AnalyzerSettings.DEFAULT_TIME_BUDGET_MS, NarrativeFile.defaults(),
                Math.max(1, Runtime.getRuntime().availableProcessors()), DEFAULT_SENTENCE_CACHE_SIZE);
    }

    /** The analysis part of these settings, with the scoring defaults. */
    public AnalyzerSettings analyzerSettings() {
        AnalyzerSettings defaults = AnalyzerSettings.defaults();
        return new AnalyzerSettings(maxChars, parseMaxLen, timeBudgetMs, defaults.minCueHits(),
                defaults.labelThreshold(), defaults.reportThreshold());
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
