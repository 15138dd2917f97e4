package io.bellwether.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The meters of one ingest service, all tagged with its channel: articles published, duplicates and skips,
 * dead letters by reason, transactions and broker retries, the size of the dedup set, and per-feed polls and
 * per-status push requests. Feed tags are the configured feed names, push tags HTTP status codes and reasons
 * the fixed reject codes, so every tag stays bounded.
 */
public final class IngestMetrics implements MeterBinder {
    private final String channel;
    private final AtomicLong seenIds = new AtomicLong();
    private MeterRegistry registry;
    private Counter published;
    private Counter duplicates;
    private Counter skipped;
    private Counter committed;
    private Counter brokerRetries;

    public IngestMetrics(IngestChannel channel) {
        this.channel = channel.wireName();
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        this.registry = meters;
        published = counter("ingest.articles.published", "Articles published to news.articles");
        duplicates = counter("ingest.articles.duplicates", "Articles recognised as already published and dropped");
        skipped = counter("ingest.articles.skipped", "Inputs skipped as malformed, with a reported reason");
        committed = counter("ingest.transactions.committed", "Kafka transactions committed (articles + seen ids)");
        brokerRetries = counter("ingest.broker.retries", "Batch or commit attempts retried after a Kafka error");
        Gauge.builder("ingest.seen.ids", seenIds, AtomicLong::get)
                .description("Article ids held in memory for deduplication")
                .tag("channel", channel)
                .register(meters);
    }

    public void published(int count) {
        bound().published.increment(count);
    }

    public void duplicate() {
        bound().duplicates.increment();
    }

    public void skipped() {
        bound().skipped.increment();
    }

    /** A dead letter committed to the dead-letter topic; {@code reason} is a {@code RejectReason} code. */
    public void deadLetter(String reason) {
        Counter.builder("ingest.articles.dead.letters").description("Rejected inputs committed as dead letters")
                .tags("channel", channel, "reason", reason)
                .register(bound().registry).increment();
    }

    public void committed() {
        bound().committed.increment();
    }

    public void brokerRetry() {
        bound().brokerRetries.increment();
    }

    public void seenIds(long size) {
        seenIds.set(size);
    }

    /** One poll of a configured feed; {@code outcome} is fetched, not_modified or failed. */
    public void feedPoll(String feed, String outcome) {
        Counter.builder("ingest.feed.polls").description("Feed polls by configured feed and outcome")
                .tags("channel", channel, "feed", feed, "outcome", outcome)
                .register(bound().registry).increment();
    }

    public void feedItems(String feed, int count) {
        Counter.builder("ingest.feed.items").description("Items read from a configured feed")
                .tags("channel", channel, "feed", feed)
                .register(bound().registry).increment(count);
    }

    public void pushRequest(int status) {
        Counter.builder("ingest.push.requests").description("HTTP push requests by response status")
                .tags("channel", channel, "status", Integer.toString(status))
                .register(bound().registry).increment();
    }

    private Counter counter(String name, String description) {
        return Counter.builder(name).description(description).tag("channel", channel).register(registry);
    }

    private IngestMetrics bound() {
        if (registry == null) {
            throw new IllegalStateException("IngestMetrics used before bindTo(registry)");
        }
        return this;
    }
}
