package io.bellwether.enrich.analysis;

import io.bellwether.avro.EnrichedArticle;

/** What analysing one article gave: the enriched record with its run statistics, or a failure with a reason code. */
public sealed interface AnalysisResult {

    /** Wall-clock cost of the analysis; kept out of the Avro value so replays stay byte-identical. */
    long processingMs();

    record Enriched(EnrichedArticle article, RunStats stats, long processingMs) implements AnalysisResult {
    }

    /**
     * @param reason bounded reason code for the dead-letter topic and metrics, e.g. {@code analysis-failed}
     */
    record Failed(String reason, String detail, long processingMs) implements AnalysisResult {
    }

    /** How many sentences the article had, how many got a parse + sentiment pass and how many fell back. */
    record RunStats(int sentences, int parsed, int fallback, boolean budgetExceeded) {
    }
}
