package io.bellwether.cli.demo;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;

/**
 * A snapshot of how far the corpus has flowed, read from the pipeline's own meters in the shared registry:
 * ingested, duplicates, enriched, dead-lettered (ingest and enrich), and read by the aggregation.
 */
record PipelineCounts(long published, long duplicates, long enriched, long deadLettered, long enrichDeadLetters,
                      long scored) {

    static PipelineCounts read(MeterRegistry registry) {
        return new PipelineCounts(
                count(registry, "ingest.articles.published"),
                count(registry, "ingest.articles.duplicates"),
                count(registry, "bellwether.enrich.articles"),
                count(registry, "ingest.articles.dead.letters") + enrichDeadLetters(registry),
                enrichDeadLetters(registry),
                count(registry, "bellwether.aggregate.articles"));
    }

    /** Every published article is enriched or dead-lettered, and the aggregation has read every enriched one. */
    boolean caughtUp() {
        return enriched + enrichDeadLetters >= published && scored >= enriched;
    }

    /**
     * Articles both streams have finished with: dead-lettered by the enrichment, or enriched and read by the
     * aggregation (whichever of the two is behind).
     */
    static long processedDownstream(MeterRegistry registry) {
        long enriched = count(registry, "bellwether.enrich.articles");
        long scored = count(registry, "bellwether.aggregate.articles");
        return Math.min(enriched, scored) + enrichDeadLetters(registry);
    }

    private static long enrichDeadLetters(MeterRegistry registry) {
        return count(registry, "bellwether.enrich.dead.letters");
    }

    private static long count(MeterRegistry registry, String name) {
        Search search = registry.find(name);
        double counters = search.counters().stream().mapToDouble(c -> c.count()).sum();
        double functions = search.functionCounters().stream().mapToDouble(FunctionCounter::count).sum();
        return Math.round(counters + functions);
    }
}
