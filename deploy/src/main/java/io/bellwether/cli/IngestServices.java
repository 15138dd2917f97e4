package io.bellwether.cli;

import io.bellwether.ingest.ArticleIngest;
import io.bellwether.ingest.source.FeedPoller;
import io.bellwether.ingest.source.PushEndpoint;
import io.bellwether.runtime.service.FailureListener;
import io.bellwether.runtime.service.Health;
import io.bellwether.runtime.service.Service;

/** Adapts the long-running ingest sources to the runtime's {@link Service} lifecycle. */
final class IngestServices {
    private IngestServices() {
    }

    /** Polls feeds on its own thread; closing stops polling and commits what is queued. */
    static Service feeds(FeedPoller poller, ArticleIngest ingest) {
        return new Service() {
            private final Thread thread = new Thread(poller::run, "feed-poller");

            @Override
            public String name() {
                return "ingest-rss";
            }

            @Override
            public void start(FailureListener failures) {
                thread.setUncaughtExceptionHandler((t, e) -> failures.failed(name(), e.toString()));
                thread.start();
            }

            @Override
            public Health health() {
                return thread.isAlive() ? Health.up("polling") : Health.down("poller stopped");
            }

            @Override
            public void close() {
                thread.interrupt();
                try {
                    thread.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ingest.close();
            }
        };
    }

    /** Serves POST /articles; closing stops the endpoint and commits what is queued. */
    static Service push(PushEndpoint endpoint, ArticleIngest ingest) {
        return new Service() {
            @Override
            public String name() {
                return "ingest-http";
            }

            @Override
            public void start(FailureListener failures) {
                endpoint.start();
            }

            @Override
            public Health health() {
                return Health.up("accepting on port " + endpoint.port());
            }

            @Override
            public void close() {
                endpoint.close();
                ingest.close();
            }
        };
    }
}
