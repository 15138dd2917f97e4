package io.bellwether.bench;

import io.bellwether.enrich.EnrichApp;
import io.bellwether.enrich.EnrichKeys;
import io.bellwether.ingest.ArticleIngest;
import io.bellwether.ingest.IngestChannel;
import io.bellwether.ingest.IngestConfig;
import io.bellwether.ingest.IngestKeys;
import io.bellwether.runtime.config.ConfigDef;
import io.bellwether.runtime.config.ConfigSources;
import io.bellwether.runtime.config.RuntimeKeys;
import io.bellwether.runtime.config.SchemaRegistryKeys;
import io.bellwether.runtime.config.Settings;
import io.bellwether.runtime.kafka.KafkaSettings;
import io.bellwether.runtime.kafka.TopicCreator;
import io.bellwether.runtime.metrics.ServiceMetrics;
import io.bellwether.schemas.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * {@code bench load}: a {@link LoadRun} against an enrich service already running elsewhere (its brokers and
 * {@code /metrics} URL given), or against an embedded broker and an enrich stream in this JVM.
 */
public final class LoadBench {
    private static final String TRANSACTIONAL_ID = "bellwether-load";

    private final LoadRun.Plan plan;
    private final LoadArticles articles;
    private final PrintWriter out;

    public LoadBench(LoadRun.Plan plan, LoadArticles articles, PrintWriter out) {
        this.plan = plan;
        this.articles = articles;
        this.out = out;
    }

    /** The keys a load run reads: the common ones, enrich's application id, ingest's batching. */
    public static ConfigDef definition() {
        return RuntimeKeys.definition().plus(EnrichKeys.all()).plus(IngestKeys.all());
    }

    /** Against the enrich service whose Prometheus endpoint is {@code enrichMetrics}, on {@code settings}' brokers. */
    public LoadRun.Result against(Settings settings, URI enrichMetrics) throws InterruptedException {
        return run(settings, new ScrapedMetrics(enrichMetrics));
    }

    /** Starts an embedded broker and the enrich stream ({@code threads} threads, real CoreNLP) in this JVM first. */
    public LoadRun.Result inProcess(int threads) throws InterruptedException {
        try (BenchBroker broker = new BenchBroker(); ServiceMetrics metrics = new ServiceMetrics("enrich")) {
            Settings settings = definition().resolve(ConfigSources.flagsOnly(Map.of(
                    RuntimeKeys.BOOTSTRAP_SERVERS.name(), broker.broker().bootstrapServers(),
                    RuntimeKeys.STATE_DIR.name(), broker.stateDir().toString(),
                    RuntimeKeys.STREAMS_THREADS.name(), Integer.toString(threads))));
            Topics topics = SchemaRegistryKeys.forSettings(settings);
            TopicCreator.from(settings).create(topics.all());
            out.println("load: embedded broker at " + broker.broker().bootstrapServers()
                    + "; loading CoreNLP for the enrich stream in this JVM");
            out.flush();
            var config = EnrichKeys.config(settings);
            KafkaStreams streams = new EnrichApp(settings, config, EnrichApp.analyzer(config), topics, metrics)
                    .streams();
            streams.start();
            try {
                return run(settings, metrics.prometheus()::scrape);
            } finally {
                streams.close();
            }
        }
    }

    private LoadRun.Result run(Settings settings, Supplier<String> enrichMetrics) throws InterruptedException {
        Topics topics = SchemaRegistryKeys.forSettings(settings);
        KafkaSettings kafka = new KafkaSettings(settings);
        try (EnrichWatch watch = new EnrichWatch(kafka, topics);
             ConsumedOffsets offsets = new ConsumedOffsets(kafka, settings.get(EnrichKeys.APPLICATION_ID));
             ArticleIngest ingest = ArticleIngest.open(ingestConfig(settings), topics, kafka,
                     new SimpleMeterRegistry(), Clock.systemUTC(), line -> { })) {
            out.println("load: " + articles.corpusSize() + " corpus texts, varied; enrich group "
                    + settings.get(EnrichKeys.APPLICATION_ID) + "; load average " + SystemLoad.describe());
            LoadFeed feed = new LoadFeed(articles, ingest, watch);
            return new LoadRun(plan, feed, watch, offsets, topics.articles().name(), new HeapReading(enrichMetrics),
                    out).run();
        }
    }

    private static IngestConfig ingestConfig(Settings settings) {
        IngestConfig config = IngestKeys.config(settings, IngestChannel.FILES);
        return settings.find(IngestKeys.TRANSACTIONAL_ID).isPresent() ? config
                : config.withPublish(config.publish().withTransactionalId(TRANSACTIONAL_ID));
    }
}
