package io.bellwether.bench;

import io.bellwether.avro.Article;
import io.bellwether.enrich.EnrichApp;
import io.bellwether.enrich.EnrichKeys;
import io.bellwether.enrich.analysis.Analyzer;
import io.bellwether.enrich.analysis.SentenceCache;
import io.bellwether.runtime.config.ConfigSources;
import io.bellwether.runtime.config.RuntimeKeys;
import io.bellwether.runtime.config.Settings;
import io.bellwether.runtime.kafka.KafkaSettings;
import io.bellwether.runtime.metrics.ServiceMetrics;
import io.bellwether.schemas.Topics;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;

/**
 * The enrich stream end to end on an embedded broker: {@link EnrichApp}'s Kafka Streams runs with {@code threads}
 * stream threads sharing one analyzer, enriches a few warm-up copies untimed, then the articles are published to
 * {@code news.articles} at once and a {@code read_committed} reader waits for each on the enriched or dead-letter
 * topic.
 */
public final class StreamRun {
    /** Key prefix of the untimed warm-up copies. */
    static final String WARM_UP_KEY = "warm-up-";

    private final Analyzer analyzer;
    private final int threads;
    private final Map<String, String> flags;
    private final SentenceCache cache;

    /**
     * A run with extra settings over the service defaults (e.g. {@code kafka.commit.interval.ms}); {@code cache} is
     * the analyzer's sentence cache, emptied after the warm-up so the timed articles start cold.
     */
    public StreamRun(Analyzer analyzer, int threads, Map<String, String> flags, SentenceCache cache) {
        this.analyzer = analyzer;
        this.threads = threads;
        this.flags = flags;
        this.cache = cache;
    }

    /**
     * The figures of one run: the clock runs from the timed articles' publication (the streams are RUNNING and have
     * enriched {@code warmUp} untimed copies, as the other phases warm up) to the last record read back;
     * processing is the analyzer time from the {@code bellwether.processing-ms} header, endToEnd is read time minus
     * the input record's append time (all input is appended at once, so it includes queueing).
     */
    public record Result(int enriched, int deadLetters, long nanos, Percentiles processingMs,
                         Percentiles endToEndMs, long peakHeapBytes, long peakAfterGcBytes, ThreadCpu.Usage cpu,
                         Map<Integer, Long> processingMsByPartition, List<String> threadTails) {
    }

    /** Stream threads of this run: the flags' {@code streams.threads} if set, else the bench's. */
    public int threads() {
        return Integer.parseInt(flags.getOrDefault(RuntimeKeys.STREAMS_THREADS.name(), Integer.toString(threads)));
    }

    public Result run(List<Article> warmUp, List<Article> articles, PrintWriter progress) throws InterruptedException {
        Topics topics = new Topics();
        try (BenchBroker broker = new BenchBroker()) {
            broker.broker().createTopics(List.of(topics.articles(), topics.enriched(), topics.deadLetter()), 0);
            Settings settings = settings(broker);
            KafkaSettings kafka = new KafkaSettings(settings);
            EnrichedReader reader = new EnrichedReader(kafka, topics);
            try (ServiceMetrics metrics = new ServiceMetrics("bench")) {
                EnrichApp app = new EnrichApp(settings, EnrichKeys.config(settings), analyzer, topics, metrics);
                KafkaStreams streams = app.streams();
                streams.start();
                try {
                    publish(warmUp.stream().map(StreamRun::warmUpCopy).toList(), topics, kafka);
                    reader.await(warmUp.size(), key -> key.startsWith(WARM_UP_KEY), progress);
                    cache.clear();
                    progress.println("  stream: warmed up on " + warmUp.size() + " article(s); publishing "
                            + articles.size() + " with " + threads() + " stream thread(s), " + flags);
                    progress.flush();
                    return timed(articles, topics, kafka, reader, streams, progress);
                } finally {
                    streams.close();
                }
            }
        }
    }

    private Result timed(List<Article> articles, Topics topics, KafkaSettings kafka, EnrichedReader reader,
                         KafkaStreams streams, PrintWriter progress) {
        try (HeapSampler heap = new HeapSampler()) {
            ThreadCpu cpu = new ThreadCpu();
            long started = System.nanoTime();
            publish(articles, topics, kafka);
            EnrichedReader.Read read = reader.await(articles.size(), key -> !key.startsWith(WARM_UP_KEY), progress);
            return new Result(read.enriched(), read.deadLetters(), read.lastReadNanos() - started,
                    Percentiles.of(read.processingMs()), Percentiles.of(read.endToEndMs()), heap.peakBytes(),
                    heap.peakAfterGcBytes(), cpu.since(), read.processingMsByPartition(),
                    tails(streams, read, started));
        }
    }

    /**
     * For each stream thread, its input partitions and when its last record was read back: a thread that finishes
     * long before the run ends sat idle while its partitions were drained and the others' were not.
     */
    private static List<String> tails(KafkaStreams streams, EnrichedReader.Read read, long started) {
        List<String> tails = new ArrayList<>();
        for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
            List<Integer> partitions = thread.activeTasks().stream()
                    .flatMap(task -> task.topicPartitions().stream()).map(TopicPartition::partition).sorted()
                    .toList();
            long last = partitions.stream().map(read.lastReadNanosByPartition()::get).filter(Objects::nonNull)
                    .mapToLong(Long::longValue).max().orElse(started);
            String name = thread.threadName();
            tails.add(String.format(Locale.ROOT, "%s partitions %s last read at %.1f s (%.1f s before the end)",
                    name.substring(name.indexOf("StreamThread")), partitions, (last - started) / 1e9,
                    (read.lastReadNanos() - last) / 1e9));
        }
        return tails;
    }

    private static Article warmUpCopy(Article article) {
        return Article.newBuilder(article).setId(WARM_UP_KEY + article.getId()).build();
    }

    private Settings settings(BenchBroker broker) {
        Map<String, String> all = new HashMap<>(flags);
        all.put(RuntimeKeys.BOOTSTRAP_SERVERS.name(), broker.broker().bootstrapServers());
        all.put(RuntimeKeys.STATE_DIR.name(), broker.stateDir().toString());
        all.put(RuntimeKeys.STREAMS_THREADS.name(), Integer.toString(threads()));
        return RuntimeKeys.definition().plus(EnrichKeys.all()).resolve(ConfigSources.flagsOnly(all));
    }

    private static void publish(List<Article> articles, Topics topics, KafkaSettings kafka) {
        var topic = topics.articles();
        try (KafkaProducer<String, Article> producer = new KafkaProducer<>(kafka.producer(null),
                topic.keySerde().serializer(), topic.valueSerde().serializer())) {
            articles.forEach(article -> producer.send(new ProducerRecord<>(topic.name(), article.getId(), article)));
            producer.flush();
        }
    }
}
