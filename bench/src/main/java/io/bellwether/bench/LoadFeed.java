package io.bellwether.bench;

import io.bellwether.avro.Article;
import io.bellwether.ingest.ArticleIngest;
import java.time.Instant;

/** Generated articles in, ingest out: hands each to the real ingest publisher and notes it with the watch. */
final class LoadFeed {
    private final LoadArticles articles;
    private final ArticleIngest ingest;
    private final EnrichWatch watch;
    private long sent;

    LoadFeed(LoadArticles articles, ArticleIngest ingest, EnrichWatch watch) {
        this.articles = articles;
        this.ingest = ingest;
        this.watch = watch;
    }

    /** Submits articles until {@code total} have been submitted in all; commits when the batch is due. */
    void upTo(long total) {
        while (sent < total) {
            Article article = articles.next(sent, Instant.now());
            watch.submitted(article.getId());
            ingest.publish(article);
            sent++;
        }
        ingest.flushIfDue();
    }

    /** Commits everything submitted so far. */
    void flush() {
        ingest.flush();
    }

    long sent() {
        return sent;
    }
}
