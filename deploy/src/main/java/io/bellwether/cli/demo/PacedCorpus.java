package io.bellwether.cli.demo;

import io.bellwether.avro.Article;
import io.bellwether.ingest.ArticleIngest;
import io.bellwether.ingest.article.Assembly;
import io.bellwether.ingest.article.ParseResult;
import io.bellwether.ingest.article.Ready;
import io.bellwether.ingest.article.Rejected;
import io.bellwether.ingest.publish.Admission;
import io.bellwether.ingest.source.FileSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Feeds a corpus in event-time order, at most {@code inFlight} articles ahead of the streams. A replayed archive
 * is weeks of event time in a minute: published all at once, the tasks of different partitions drift apart by
 * days and the windows downstream see articles days late. Paced by the streams' own progress (enrich and
 * aggregate), the partitions stay within a few articles of each other on any machine.
 */
final class PacedCorpus implements CorpusIngest.Feeder {
    private final List<Path> corpus;
    private final LongSupplier processedDownstream;
    private final int inFlight;

    PacedCorpus(List<Path> corpus, LongSupplier processedDownstream, int inFlight) {
        this.corpus = List.copyOf(corpus);
        this.processedDownstream = processedDownstream;
        this.inFlight = inFlight;
    }

    @Override
    public void feed(ArticleIngest ingest, Runnable markDone) {
        long published = 0;
        for (Article article : inEventTimeOrder(ingest)) {
            long before = processedDownstream.getAsLong();
            while (published - before >= inFlight && awaitProgress()) {
                before = processedDownstream.getAsLong();
            }
            if (ingest.publish(article).status() == Admission.Status.QUEUED) {
                ingest.flush();
                published++;
            }
        }
        ingest.flush();
        markDone.run();
    }

    private List<Article> inEventTimeOrder(ArticleIngest ingest) {
        List<ParseResult> results = new ArrayList<>();
        new FileSource().read(corpus, results::add);
        List<Article> ready = new ArrayList<>();
        for (ParseResult result : results) {
            Assembly assembly = ingest.assemble(result);
            if (assembly instanceof Ready r) {
                ready.add(r.article());
            } else {
                ingest.skip((Rejected) assembly);
            }
        }
        ready.sort(Comparator.comparing(Article::getPublishedAt).thenComparing(Article::getId));
        return ready;
    }

    private static boolean awaitProgress() {
        try {
            Thread.sleep(50);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("demo ingest interrupted");
        }
    }
}
