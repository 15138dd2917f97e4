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
import java.util.function.Consumer;

/** Reads articles from files in the ingest formats without Kafka, for the offline commands; reports rejects. */
final class ArticleFiles {
    private final ArticleAssembler assembler = new ArticleAssembler(TimeRules.defaults(), IngestChannel.FILES,
            Clock.systemUTC(), new UrlCanonicalizer(), new ArticleIds());

    /** The articles in {@code paths}; each malformed file or line is reported on {@code err} as file:line: reason. */
    List<Article> read(List<Path> paths, PrintWriter err) {
        List<Article> articles = new ArrayList<>();
        each(paths, articles::add, rejected -> err.println("skipped " + rejected));
        return articles;
    }

    /** Each article of {@code paths} in file order to {@code sink}; each reject, described, to {@code rejects}. */
    void each(List<Path> paths, Consumer<Article> sink, Consumer<String> rejects) {
        new FileSource().read(paths, result -> {
            Assembly assembly = assembler.assemble(result);
            if (assembly instanceof Ready ready) {
                sink.accept(ready.article());
            } else {
                rejects.accept(((Rejected) assembly).describe());
            }
        });
    }
}
