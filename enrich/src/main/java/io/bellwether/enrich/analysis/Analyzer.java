package io.bellwether.enrich.analysis;

import io.bellwether.avro.Article;

/**
 * Turns one article into its enrichment, or a failure value; never throws for a bad article. Implementations are
 * shared by all stream threads, so they must be safe for concurrent calls on distinct articles.
 */
public interface Analyzer {

    AnalysisResult analyze(Article article);

    /** Short hash that changes whenever models, settings or the narrative file change. */
    String pipelineVersion();
}
