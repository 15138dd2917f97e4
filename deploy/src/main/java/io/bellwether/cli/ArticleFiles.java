package io.bellwether.cli;

import io.bellwether.avro.Article;
import io.bellwether.ingest.IngestChannel;
import io.bellwether.ingest.TimeRules;
import io.bellwether.ingest.article.ArticleAssembler;
import io.bellwether.ingest.article.Assembly;
import io.bellwether.ingest.article.Ready;
import io.bellwether.ingest.article.Rejected;
import io.bellwether.ingest.identity.ArticleIds;
import io.bellwether.ingest.identity.UrlCanonicalizer;
import io.bellwether.ingest.source.FileSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Reads articles from files in the ingest formats without Kafka, for the offline commands; reports rejects. */
final class ArticleFiles {
    private final ArticleAssembler assembler = new ArticleAssembler(TimeRules.defaults(), IngestChannel.FILES,
            Clock.systemUTC(), new UrlCanonicalizer(), new ArticleIds());

    /** The articles in {@code paths}; each malformed file or line is reported on {@code err} as file:line: reason. */
    List<Article> read(List<Path> paths, PrintWriter err) {
        List<Article> articles = new ArrayList<>();
        new FileSource().read(paths, result -> {
            Assembly assembly = assembler.assemble(result);
            if (assembly instanceof Ready ready) {
                articles.add(ready.article());
            } else {
                err.println("skipped " + ((Rejected) assembly).describe());
            }
        });
        return articles;
    }
}
