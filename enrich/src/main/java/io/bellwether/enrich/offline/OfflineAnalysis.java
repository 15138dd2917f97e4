package io.bellwether.enrich.offline;

import io.bellwether.avro.Article;
import io.bellwether.enrich.analysis.AnalysisResult;
import io.bellwether.enrich.analysis.Analyzer;
import io.bellwether.enrich.story.StoryIndex;
import io.bellwether.enrich.story.StorySettings;
import io.bellwether.schemas.AvroJson;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Enrichment without Kafka: analyses articles and prints one JSON object per article, the enriched record, or
 * {"id", "failed": reason, "detail"} for an article that failed. Returns how many failed. Stories are resolved in
 * input order ({@link StoryIndex}): a copy gets the story of an earlier article that came before it in the input.
 */
public final class OfflineAnalysis {
    private static final int PROGRESS_EVERY = 100;

    private final Analyzer analyzer;
    private final int threads;
    private final PrintStream progress;
    private final AvroJson avroJson = new AvroJson();
    private final StorySettings stories;

    /** One thread, no progress lines, the default story settings. */
    public OfflineAnalysis(Analyzer analyzer) {
        this(analyzer, 1, null, StorySettings.defaults());
    }

    /**
     * @param threads articles analysed at once (the analyzer is shared: it is thread-safe); output keeps input order
     * @param progress where a line goes every 100 articles (count and rate), or null for none
     */
    public OfflineAnalysis(Analyzer analyzer, int threads, PrintStream progress, StorySettings stories) {
        this.analyzer = analyzer;
        this.threads = threads;
        this.progress = progress;
        this.stories = stories;
    }

    public int run(Iterable<Article> articles, PrintStream out) {
        int[] counts = new int[2];
        long started = System.nanoTime();
        // The callback runs in input order on one thread, so the index sees the articles in input order.
        StoryIndex index = new StoryIndex(stories);
        try (OrderedPool pool = new OrderedPool(threads)) {
            pool.map(articles.iterator(), analyzer::analyze, (article, result) -> {
                if (result instanceof AnalysisResult.Enriched enriched) {
                    if (stories.enabled()) {
                        index.resolve(enriched.article(), index.text().signature(article));
                    }
                    out.println(avroJson.write(enriched.article()));
                } else if (result instanceof AnalysisResult.Failed failed) {
                    counts[1]++;
                    out.println("{\"id\":" + quote(article.getId()) + ",\"failed\":" + quote(failed.reason())
                            + ",\"detail\":" + quote(failed.detail()) + "}");
                }
                if (++counts[0] % PROGRESS_EVERY == 0 && progress != null) {
                    double seconds = (System.nanoTime() - started) / 1e9;
                    progress.printf(Locale.ROOT, "analyze: %d articles, %.1f/s%n", counts[0], counts[0] / seconds);
                }
            });
        }
        out.flush();
        return counts[1];
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
