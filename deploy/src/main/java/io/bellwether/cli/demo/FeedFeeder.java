package io.bellwether.cli.demo;

import io.bellwether.ingest.FeedOptions;
import io.bellwether.ingest.source.FeedFetcher;
import io.bellwether.ingest.source.FeedHttp;
import io.bellwether.ingest.source.FeedPoller;
import io.bellwether.ingest.source.FeedSpec;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Feeds the demo from RSS/Atom feeds: one round of polls marks it done, then polling goes on until shutdown. */
final class FeedFeeder {
    private FeedFeeder() {
    }

    static CorpusIngest.Feeder of(List<String> urls, Consumer<String> progress) {
        return (ingest, markDone) -> {
            FeedOptions options = FeedOptions.defaults();
            FeedPoller poller = new FeedPoller(urls.stream().map(FeedSpec::of).toList(), options,
                    new FeedFetcher(FeedHttp.of(HttpClient.newHttpClient(), options)), Optional.empty(), ingest, ingest.metrics(),
                    Clock.systemUTC(), progress::accept);
            poller.pollDue();
            ingest.flush();
            markDone.run();
            poller.run();
        };
    }
}
