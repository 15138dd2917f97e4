package io.bellwether.enrich.offline;

import io.bellwether.avro.Article;
import io.bellwether.enrich.analysis.AnalysisResult;
import io.bellwether.enrich.analysis.Analyzer;
import io.bellwether.schemas.AvroJson;
import java.io.PrintStream;

/**
 * Enrichment without Kafka: analyses articles and prints one JSON object per article, the enriched record, or
 * {"id", "failed": reason, "detail"} for an article that failed. Returns how many failed.
 */
public final class OfflineAnalysis {
    private final Analyzer analyzer;
    private final AvroJson avroJson = new AvroJson();

    public OfflineAnalysis(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    public int run(Iterable<Article> articles, PrintStream out) {
        int failures = 0;
        for (Article article : articles) {
            AnalysisResult result = analyzer.analyze(article);
            if (result instanceof AnalysisResult.Enriched enriched) {
                out.println(avroJson.write(enriched.article()));
            } else if (result instanceof AnalysisResult.Failed failed) {
                failures++;
                out.println("{\"id\":" + quote(article.getId()) + ",\"failed\":" + quote(failed.reason())
                        + ",\"detail\":" + quote(failed.detail()) + "}");
            }
        }
        out.flush();
        return failures;
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
