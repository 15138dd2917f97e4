package io.bellwether.enrich.story;

import io.bellwether.avro.Article;
import io.bellwether.avro.EnrichedArticle;
import io.bellwether.enrich.analysis.AnalysisResult;
import io.bellwether.enrich.analysis.Analyzer;
import java.util.List;

/**
 * An analyzer without NLP for the story tests: each article comes back as itself with no entities or signals.
 * The story stage reads the text from the article, not from the analysis, so this is all it needs.
 */
public final class EchoAnalyzer implements Analyzer {
    private final long processingMs;

    public EchoAnalyzer() {
        this(5);
    }

    /** Reports {@code processingMs} as each article's processing time. */
    public EchoAnalyzer(long processingMs) {
        this.processingMs = processingMs;
    }

    @Override
    public AnalysisResult analyze(Article article) {
        EnrichedArticle out = EnrichedArticle.newBuilder().setId(article.getId()).setSource(article.getSource())
                .setUrl(null).setTitle(article.getTitle()).setPublishedAt(article.getPublishedAt())
                .setLanguage("en").setWordCount(2).setSentiment(0.0).setEntities(List.of())
                .setSentences(List.of()).setNarratives(List.of()).setPipelineVersion(pipelineVersion()).build();
        return new AnalysisResult.Enriched(out, new AnalysisResult.RunStats(1, 0, 0, false), processingMs);
    }

    @Override
    public String pipelineVersion() {
        return "echo";
    }
}
