package io.bellwether.cli.bench;

import io.bellwether.avro.Article;
import io.bellwether.enrich.EnrichApp;
import io.bellwether.enrich.EnrichConfig;
import io.bellwether.enrich.EnrichKeys;
import io.bellwether.enrich.analysis.Analyzer;
import io.bellwether.runtime.config.ConfigSources;
import io.bellwether.runtime.config.RuntimeKeys;
import io.bellwether.runtime.config.Settings;
import io.bellwether.runtime.kafka.KafkaSettings;
import io.bellwether.runtime.metrics.ServiceMetrics;
import io.bellwether.schemas.Topics;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The enrich stream end to end on an embedded broker: the articles are published to {@code news.articles} first,
 * then {@link EnrichApp}'s Kafka Streams runs with {@code threads} stream threads sharing one analyzer, and a
 * {@code read_committed} reader waits for every article on the enriched or dead-letter topic.
 */
public final class StreamRun {
    private final Analyzer analyzer;
    private final int threads;

    public StreamRun(Analyzer analyzer, int threads) {
        this.analyzer = analyzer;
        this.threads = threads;
    }

    /**
     * The figures of one run: the clock runs from the streams reaching RUNNING to the last record read back;
     * processing is the analyzer time from the {@code bellwether.processing-ms} header, endToEnd is read time minus
     * the input record's append time (all input is appended up front, so it includes queueing).
     */
    public record Result(int enriched, int deadLetters, long nanos, Percentiles processingMs,
                         Percentiles endToEndMs, long peakHeapBytes, long peakAfterGcBytes, ThreadCpu.Usage cpu,
                         Map<Integer, Long> processingMsByPartition) {
    }

    public Result run(List<Article> articles, PrintWriter progress) throws InterruptedException {
        Topics topics = new Topics();
        try (BenchBroker broker = new BenchBroker(); HeapSampler heap = new HeapSampler()) {
            broker.broker().createTopics(List.of(topics.articles(), topics.enriched(), topics.deadLetter()), 0);
            Settings settings = settings(broker);
            publish(articles, topics, new KafkaSettings(settings));
            progress.println("  stream: published " + articles.size() + " articles; starting enrich streams with "
                    + threads + " thread(s)");
            progress.flush();
            try (ServiceMetrics metrics = new ServiceMetrics("bench")) {
                EnrichApp app = new EnrichApp(settings, EnrichKeys.config(settings), analyzer, topics, metrics);
                KafkaStreams streams = app.streams();
                RunningClock clock = new RunningClock();
                streams.setStateListener(clock);
                ThreadCpu cpu = new ThreadCpu();
                streams.start();
                try {
                    EnrichedReader.Read read = new EnrichedReader(new KafkaSettings(settings), topics)
                            .await(articles.size(), progress);
                    return new Result(read.enriched(), read.deadLetters(), read.lastReadNanos() - clock.runningAt(),
                            Percentiles.of(read.processingMs()), Percentiles.of(read.endToEndMs()), heap.peakBytes(),
                            heap.peakAfterGcBytes(), cpu.since(), read.processingMsByPartition());
                } finally {
                    streams.close();
                }
            }
        }
    }

    private Settings settings(BenchBroker broker) {
        return RuntimeKeys.definition().plus(EnrichKeys.all()).resolve(ConfigSources.flagsOnly(Map.of(
                RuntimeKeys.BOOTSTRAP_SERVERS.name(), broker.broker().bootstrapServers(),
                RuntimeKeys.STATE_DIR.name(), broker.stateDir().toString(),
                RuntimeKeys.STREAMS_THREADS.name(), Integer.toString(threads))));
    }

    private static void publish(List<Article> articles, Topics topics, KafkaSettings kafka) {
        var topic = topics.articles();
        try (KafkaProducer<String, Article> producer = new KafkaProducer<>(kafka.producer(null),
                topic.keySerde().serializer(), topic.valueSerde().serializer())) {
            articles.forEach(article -> producer.send(new ProducerRecord<>(topic.name(), article.getId(), article)));
            producer.flush();
        }
    }

    /** Notes when the streams first reach RUNNING (after the first rebalance). */
    private static final class RunningClock implements KafkaStreams.StateListener {
        private volatile long runningAt = System.nanoTime();
        private volatile boolean seen;

        @Override
        public void onChange(KafkaStreams.State newState, KafkaStreams.State oldState) {
            if (newState == KafkaStreams.State.RUNNING && !seen) {
                seen = true;
                runningAt = System.nanoTime();
            }
        }

        long runningAt() {
            return runningAt;
        }
    }
}
