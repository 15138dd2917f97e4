package io.bellwether.cli.demo;

import io.bellwether.ingest.ArticleIngest;
import io.bellwether.ingest.article.ParseResult;
import io.bellwether.ingest.source.FileSource;
import java.nio.file.Path;
import java.util.ArrayList;
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
        List<ParseResult> results = new ArrayList<>();
        new FileSource().read(corpus, results::add);
        ingest.acceptInEventTimeOrder(results, () -> {
            // Commit the previous article so the streams can see it, then wait until they have caught up.
            ingest.flush();
            while (ingest.summary().published() - processedDownstream.getAsLong() >= inFlight) {
                awaitProgress();
            }
        });
        ingest.flush();
        markDone.run();
    }

    private static void awaitProgress() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("demo ingest interrupted");
        }
    }
}
