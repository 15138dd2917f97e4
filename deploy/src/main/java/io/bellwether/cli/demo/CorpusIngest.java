package io.bellwether.cli.demo;

import io.bellwether.ingest.ArticleIngest;
import io.bellwether.runtime.service.FailureListener;
import io.bellwether.runtime.service.Health;
import io.bellwether.runtime.service.Service;
import java.util.function.Supplier;

/**
 * Feeds the demo on its own thread: a corpus of files in event-time order, or feeds polled on their interval
 * (done after the first round). The ingest is opened on start (it reads the dedup state from Kafka), so a
 * failure to reach the broker is a service failure.
 */
final class CorpusIngest implements Service {
    /** What the ingest thread does with an open ingest; calls {@code markDone} once the first pass is in. */
    interface Feeder {
        void feed(ArticleIngest ingest, Runnable markDone);
    }

    private final Feeder feeder;
    private final Supplier<ArticleIngest> opener;
    private volatile boolean done;
    private volatile ArticleIngest ingest;
    private Thread thread;

    CorpusIngest(Feeder feeder, Supplier<ArticleIngest> opener) {
        this.feeder = feeder;
        this.opener = opener;
    }

    @Override
    public String name() {
        return "ingest";
    }

    @Override
    public void start(FailureListener failures) {
        thread = new Thread(() -> {
            try {
                ingest = opener.get();
                feeder.feed(ingest, () -> done = true);
            } catch (RuntimeException e) {
                failures.failed(name(), e.getMessage());
            }
        }, "demo-ingest");
        thread.start();
    }

    boolean done() {
        return done;
    }

    @Override
    public Health health() {
        return done ? Health.up("corpus ingested") : Health.up("ingesting");
    }

    @Override
    public void close() {
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (ingest != null) {
            ingest.close();
        }
    }
}
