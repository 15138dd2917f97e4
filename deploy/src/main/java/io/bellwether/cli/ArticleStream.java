package io.bellwether.cli;

import io.bellwether.avro.Article;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The articles of files in the ingest formats, read in file order on a thread of their own into a small queue, so
 * an archive of any size (a directory tree, a JSON Lines file of 100 000 articles) passes through with bounded
 * memory. Rejected inputs are reported on {@code err} as they are met and counted. One pass only.
 */
final class ArticleStream implements Iterable<Article> {
    private static final int QUEUE = 64;

    private final List<Path> paths;
    private final PrintWriter err;
    private final ArticleFiles files;
    private final BlockingQueue<Optional<Article>> queue = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicInteger skipped = new AtomicInteger();
    private volatile RuntimeException failure;
    private boolean started;

    ArticleStream(List<Path> paths, PrintWriter err, ArticleFiles files) {
        this.paths = paths;
        this.err = err;
        this.files = files;
    }

    /** Inputs skipped so far (malformed files or lines). */
    int skipped() {
        return skipped.get();
    }

    @Override
    public Iterator<Article> iterator() {
        if (started) {
            throw new IllegalStateException("an article stream is read once");
        }
        started = true;
        Thread reader = new Thread(this::readAll, "bellwether-files");
        reader.setDaemon(true);
        reader.start();
        return new Iterator<>() {
            private Optional<Article> next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    next = take();
                }
                if (next.isEmpty() && failure != null) {
                    throw failure;
                }
                return next.isPresent();
            }

            @Override
            public Article next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Article article = next.get();
                next = null;
                return article;
            }
        };
    }

    private void readAll() {
        try {
            files.each(paths, this::put, rejected -> {
                skipped.incrementAndGet();
                err.println("skipped " + rejected);
            });
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            put(Optional.empty());
        }
    }

    private void put(Article article) {
        put(Optional.of(article));
    }

    private void put(Optional<Article> item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading articles", e);
        }
    }

    private Optional<Article> take() {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for articles", e);
        }
    }
}
