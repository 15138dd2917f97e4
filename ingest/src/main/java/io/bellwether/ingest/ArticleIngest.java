package io.bellwether.ingest;

import io.bellwether.avro.Article;
import io.bellwether.ingest.article.ArticleAssembler;
import io.bellwether.ingest.article.ArticleDraft;
import io.bellwether.ingest.article.Assembly;
import io.bellwether.ingest.article.ParseResult;
import io.bellwether.ingest.article.Parsed;
import io.bellwether.ingest.article.RawInput;
import io.bellwether.ingest.article.Ready;
import io.bellwether.ingest.article.RejectReason;
import io.bellwether.ingest.article.Rejected;
import io.bellwether.ingest.identity.ArticleIds;
import io.bellwether.ingest.identity.UrlCanonicalizer;
import io.bellwether.ingest.publish.Admission;
import io.bellwether.ingest.publish.ArticlePublisher;
import io.bellwether.ingest.publish.DeadLetters;
import io.bellwether.ingest.publish.PredecessorTransactions;
import io.bellwether.ingest.publish.SeenIds;
import io.bellwether.runtime.kafka.KafkaSettings;
import io.bellwether.schemas.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The path every source feeds: parse results in, articles to the publisher out. Rejections are reported as
 * {@code file:line: reason}, counted, and sent as dead letters in the same transactions as the articles;
 * progress (count and rate) is reported every N articles or interval.
 */
public final class ArticleIngest implements AutoCloseable {
    /** Generous: a seen topic of millions of ids is read at tens of MB/s. */
    private static final Duration SEEN_LOAD_TIMEOUT = Duration.ofMinutes(5);
    private final ArticleAssembler assembler;
    private final ArticlePublisher publisher;
    private final DeadLetters deadLetters;
    private final IngestMetrics metrics;
    private final ProgressSink progress;
    private final Clock clock;
    private final int progressEvery;
    private final Duration progressInterval;
    private final Instant started;
    private Instant lastReport;
    private long published;
    private long duplicates;
    private long skipped;

    public ArticleIngest(ArticleAssembler assembler, ArticlePublisher publisher, IngestMetrics metrics,
            ProgressSink progress, Clock clock, int progressEvery, Duration progressInterval) {
        this.assembler = assembler;
        this.publisher = publisher;
        this.deadLetters = new DeadLetters(publisher.maxRecordBytes());
        this.metrics = metrics;
        this.progress = progress;
        this.clock = clock;
        this.progressEvery = progressEvery;
        this.progressInterval = progressInterval;
        this.started = clock.instant();
        this.lastReport = started;
    }

    /**
     * Wires the real collaborators: binds the meters, completes the transactions an earlier ingest with the same
     * transactional id left in flight, loads the seen ids from Kafka (read_committed) and opens the transactional
     * publisher, with the Kafka clients {@code kafka} builds (bootstrap, security, defaults).
     */
    public static ArticleIngest open(IngestConfig config, KafkaSettings kafka, MeterRegistry registry, Clock clock,
            ProgressSink progress) {
        return open(config, new Topics(), kafka, registry, clock, progress);
    }

    /** As above, publishing with {@code topics}' serdes (e.g. the schema-registry encoding). */
    public static ArticleIngest open(IngestConfig config, Topics topics, KafkaSettings kafka, MeterRegistry registry,
            Clock clock, ProgressSink progress) {
        IngestMetrics metrics = new IngestMetrics(config.channel());
        metrics.bindTo(registry);
        // The ids a predecessor with this transactional id committed last are in the seen topic only once its
        // commit markers are: complete its transactions first, then read.
        new PredecessorTransactions(kafka.producer(config.publish().transactionalId()))
                .complete(SEEN_LOAD_TIMEOUT, progress);
        SeenIds seen = SeenIds.load(kafka.reader(), topics.ingestSeen(), SEEN_LOAD_TIMEOUT, progress);
        progress.line("dedup: " + seen.size() + " ids already published");
        SeenIds.requireTopic(kafka.reader(), topics.deadLetter().name(), SEEN_LOAD_TIMEOUT, progress);
        ArticlePublisher publisher = new ArticlePublisher(
                kafka.producer(config.publish().transactionalId()), config.publish(), topics.articles(),
                topics.ingestSeen(), topics.deadLetter(), seen, metrics, clock, progress);
        ArticleAssembler assembler = new ArticleAssembler(config.time(), config.channel(), clock,
                new UrlCanonicalizer(), new ArticleIds());
        return new ArticleIngest(assembler, publisher, metrics, progress, clock, config.progressEvery(),
                config.progressInterval());
    }

    /** Publishes a parsed input, or reports, counts and dead-letters a rejected one. */
    public synchronized void accept(ParseResult result) {
        Assembly assembly = assemble(result);
        if (assembly instanceof Ready ready) {
            publish(ready.article(), (Parsed) result);
        } else {
            skip((Rejected) assembly);
        }
        maybeReport();
    }

    /**
     * Publishes a whole batch in event-time order (then by id), reporting rejects as {@link #accept} does. A
     * replayed archive then reaches the event-time windows downstream in order instead of in file-name order.
     */
    public synchronized void acceptInEventTimeOrder(List<ParseResult> results) {
        acceptInEventTimeOrder(results, () -> { });
    }

    /**
     * As {@link #acceptInEventTimeOrder(List)}, running {@code beforeEach} before each article is published: a
     * caller can pace the import there (flush, then wait for downstream progress).
     */
    public synchronized void acceptInEventTimeOrder(List<ParseResult> results, Runnable beforeEach) {
        List<Assembled> ready = new ArrayList<>();
        for (ParseResult result : results) {
            Assembly assembly = assemble(result);
            if (assembly instanceof Ready r) {
                ready.add(new Assembled(r.article(), (Parsed) result));
            } else {
                skip((Rejected) assembly);
            }
        }
        ready.sort(Comparator.comparing((Assembled a) -> a.article().getPublishedAt())
                .thenComparing(a -> a.article().getId()));
        for (Assembled each : ready) {
            beforeEach.run();
            publish(each.article(), each.input());
            maybeReport();
        }
    }

    /** Applies identity and time rules without publishing, so a caller can validate a whole request first. */
    public Assembly assemble(ArticleDraft draft) {
        return assembler.assemble(draft);
    }

    /**
     * Applies identity and time rules to a parse result without publishing; a rejection keeps the raw bytes of
     * its input, so {@link #skip} can dead-letter them.
     */
    public Assembly assemble(ParseResult result) {
        return assembler.assemble(result);
    }

    /** Publishes an assembled article; one too large to send is skipped under its id, without raw bytes. */
    public Admission publish(Article article) {
        return publish(article, article.getId(), 0, RawInput.NONE);
    }

    /**
     * Publishes an assembled article; one too large to send is skipped and dead-lettered under {@code file}
     * (a path, feed name or {@code http}) with {@code raw}, the input it came from.
     */
    public synchronized Admission publish(Article article, String file, int line, RawInput raw) {
        Admission admission = publisher.submit(article);
        switch (admission.status()) {
            case QUEUED -> published++;
            case DUPLICATE -> duplicates++;
            case TOO_LARGE -> skip(new Rejected(file, line, RejectReason.TOO_LARGE, "article " + article.getId()
                    + ": encoded article exceeds the producer's max.request.size", raw));
        }
        return admission;
    }

    /** Reports and counts a rejected input, and queues its dead letter into the open transaction. */
    public synchronized void skip(Rejected rejected) {
        skipped++;
        metrics.skipped();
        progress.line("skipped " + rejected.describe());
        publisher.deadLetter(DeadLetters.origin(rejected), deadLetters.of(rejected, clock.instant()));
    }

    /** Commits everything queued; returns once the broker has it. */
    public void flush() {
        publisher.flush();
    }

    /** Commits the open batch if it is older than the batch interval. */
    public void flushIfDue() {
        publisher.flushIfDue();
    }

    /** The bound meters, for sources that add their own (feed polls, push requests). */
    public IngestMetrics metrics() {
        return metrics;
    }

    public synchronized IngestSummary summary() {
        return new IngestSummary(published, duplicates, skipped);
    }

    private Admission publish(Article article, Parsed input) {
        return publish(article, input.draft().file(), input.draft().line(), input.raw());
    }

    /** An article with the input it was assembled from, so a late rejection can still name and carry it. */
    private record Assembled(Article article, Parsed input) {
    }

    private void maybeReport() {
        long handled = published + duplicates + skipped;
        Instant now = clock.instant();
        if (handled % progressEvery == 0 || !now.isBefore(lastReport.plus(progressInterval))) {
            lastReport = now;
            double seconds = Math.max(Duration.between(started, now).toMillis(), 1) / 1000.0;
            progress.line(String.format(Locale.ROOT, "%d articles read (%.0f/s): %s", handled, handled / seconds,
                    summary().describe()));
        }
    }

    /** Commits what is queued and closes the producer. */
    @Override
    public void close() {
        publisher.close();
    }
}
