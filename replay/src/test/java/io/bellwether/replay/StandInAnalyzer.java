package io.bellwether.replay;

import io.bellwether.avro.Article;
import io.bellwether.avro.EnrichedArticle;
import io.bellwether.avro.Entity;
import io.bellwether.avro.NarrativeSignal;
import io.bellwether.enrich.analysis.AnalysisResult;
import io.bellwether.enrich.analysis.Analyzer;
import java.util.List;

/**
 * A deterministic stand-in for CoreNLP: the stance and entity mentions follow from the article id, every article
 * signals open-vs-closed-ai and names Meta; an article titled "boom" fails.
 */
final class StandInAnalyzer implements Analyzer {
    @Override
    public AnalysisResult analyze(Article article) {
        if ("boom".equals(article.getTitle())) {
            return new AnalysisResult.Failed("analysis-failed", "stand-in failure", 1);
        }
        int seed = Math.floorMod(article.getId().hashCode(), 5);
        double stance = (seed - 2) / 4.0;
        NarrativeSignal signal = NarrativeSignal.newBuilder().setId("open-vs-closed-ai").setStance(stance)
                .setConfidence(seed % 2 == 0 ? 1.0 : 0.5).setLabel(stance > 0 ? "open" : stance < 0 ? "closed" : "neutral")
                .setRelevance(1.0).setEvidence(List.of()).build();
        Entity meta = Entity.newBuilder().setName("Meta").setType("ORGANIZATION").setMentions(1 + seed)
                .setFirstSentence(0).setRelevance(50).setSentiment(stance / 2).setCamp("closed").build();
        EnrichedArticle out = EnrichedArticle.newBuilder().setId(article.getId()).setSource(article.getSource())
                .setUrl(article.getUrl()).setTitle(article.getTitle()).setPublishedAt(article.getPublishedAt())
                .setLanguage("en").setWordCount(article.getBody().split(" ").length).setSentiment(stance / 2)
                .setEntities(List.of(meta)).setSentences(List.of()).setNarratives(List.of(signal))
                .setPipelineVersion(pipelineVersion()).build();
        return new AnalysisResult.Enriched(out, new AnalysisResult.RunStats(1, 0, 0, false), 3);
    }

    @Override
    public String pipelineVersion() {
        return "stand-in-1";
    }
}
