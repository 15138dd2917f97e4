package io.bellwether.ingest.source;

import io.bellwether.ingest.ArticleIngest;
import io.bellwether.ingest.FeedOptions;
import io.bellwether.ingest.IngestMetrics;
import io.bellwether.ingest.ProgressSink;
import io.bellwether.ingest.article.ParseResult;
import io.bellwether.ingest.article.Parsed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Polls RSS and Atom feeds on an interval with conditional GETs and hands their items to the ingest path.
 * A feed that fails is retried after an exponentially growing pause, capped by the configured maximum;
 * the other feeds go on at their own pace.
 */
public final class FeedPoller {
    private static final Duration IDLE_STEP = Duration.ofSeconds(1);
    private final Map<FeedSpec, FeedState> feeds = new LinkedHashMap<>();
    private final FeedOptions options;
    private final FeedFetcher fetcher;
    private final Optional<FullTextFetcher> fullText;
    private final ArticleIngest ingest;
    private final IngestMetrics metrics;
    private final Clock clock;
    private final ProgressSink progress;
    private final FeedItems items = new FeedItems();

    public FeedPoller(List<FeedSpec> specs, FeedOptions options, FeedFetcher fetcher,
            Optional<FullTextFetcher> fullText, ArticleIngest ingest, IngestMetrics metrics, Clock clock,
            ProgressSink progress) {
        specs.forEach(spec -> feeds.put(spec, FeedState.initial(clock.instant())));
        this.options = options;
        this.fetcher = fetcher;
        this.fullText = options.fetchFullText() ? fullText : Optional.empty();
        this.ingest = ingest;
        this.metrics = metrics;
        this.clock = clock;
        this.progress = progress;
    }

    /** Polls until the thread is interrupted. */
    public void run() {
        while (!Thread.currentThread().isInterrupted()) {
            pollDue();
            try {
                Thread.sleep(untilNextPoll().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Polls every feed whose time has come, then commits what they brought. */
    public void pollDue() {
        for (Map.Entry<FeedSpec, FeedState> feed : feeds.entrySet()) {
            if (!clock.instant().isBefore(feed.getValue().nextPoll())) {
                feed.setValue(poll(feed.getKey(), feed.getValue()));
            }
        }
        ingest.flush();
    }

    private Duration untilNextPoll() {
        Instant next = feeds.values().stream().map(FeedState::nextPoll).min(Instant::compareTo)
                .orElse(clock.instant().plus(IDLE_STEP));
        Duration wait = Duration.between(clock.instant(), next);
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    private FeedState poll(FeedSpec feed, FeedState state) {
        FeedFetch fetch = fetcher.fetch(feed.url(), state.etag(), state.lastModified());
        Instant now = clock.instant();
        if (fetch instanceof FeedFetch.NotModified) {
            metrics.feedPoll(feed.name(), "not_modified");
            return state.succeeded(now.plus(options.pollInterval()), state.etag(), state.lastModified());
        }
        if (fetch instanceof FeedFetch.Fetched fetched) {
            List<ParseResult> results = items.parse(feed, fetched.body(), now);
            if (results.size() != 1 || results.get(0) instanceof Parsed) {
                metrics.feedPoll(feed.name(), "fetched");
                metrics.feedItems(feed.name(), results.size());
                results.forEach(result -> ingest.accept(withFullText(result)));
                return state.succeeded(now.plus(options.pollInterval()), fetched.etag(), fetched.lastModified());
            }
            ingest.accept(results.get(0));
            return failed(feed, state, now, "unreadable feed");
        }
        return failed(feed, state, now, ((FeedFetch.Failed) fetch).reason());
    }

    private FeedState failed(FeedSpec feed, FeedState state, Instant now, String reason) {
        metrics.feedPoll(feed.name(), "failed");
        int failures = state.failures() + 1;
        Duration backoff = options.pollInterval().multipliedBy(1L << Math.min(failures, 20));
        if (backoff.compareTo(options.maxBackoff()) > 0) {
            backoff = options.maxBackoff();
        }
        progress.line("feed " + feed.name() + " failed (" + failures + " in a row), next try in " + backoff
                + ": " + reason);
        return state.failed(failures, now.plus(backoff));
    }

    private ParseResult withFullText(ParseResult result) {
        if (fullText.isEmpty() || !(result instanceof Parsed parsed) || parsed.draft().url() == null) {
            return result;
        }
        String body = parsed.draft().body() == null ? "" : parsed.draft().body();
        if (body.length() >= options.fullTextBelowChars()) {
            return result;
        }
        FullText page = fullText.get().fetch(parsed.draft().url());
        if (page instanceof FullText.Found found && found.text().length() > body.length()) {
            return parsed.withDraft(parsed.draft().withBody(found.text()));
        }
        if (page instanceof FullText.Missing missing) {
            progress.line("full text of " + parsed.draft().url() + " not used, the summary is kept: "
                    + missing.reason());
        }
        return result;
    }

    /** Validators and schedule of one feed. */
    private record FeedState(Optional<String> etag, Optional<String> lastModified, int failures, Instant nextPoll) {
        static FeedState initial(Instant now) {
            return new FeedState(Optional.empty(), Optional.empty(), 0, now);
        }

        FeedState succeeded(Instant next, Optional<String> newEtag, Optional<String> newLastModified) {
            return new FeedState(newEtag, newLastModified, 0, next);
        }

        FeedState failed(int count, Instant next) {
            return new FeedState(etag, lastModified, count, next);
        }
    }
}
