package io.bellwether.enrich;

import io.bellwether.enrich.analysis.Analyzer;
import io.bellwether.enrich.analysis.ArticleAnalyzer;
import io.bellwether.enrich.analysis.SentenceCache;
import io.bellwether.enrich.corenlp.CoreNlpPipeline;
import io.bellwether.enrich.stream.AdminStoryProgress;
import io.bellwether.enrich.stream.EnrichMetrics;
import io.bellwether.enrich.stream.EnrichTopology;
import io.bellwether.runtime.config.RuntimeKeys;
import io.bellwether.runtime.config.Settings;
import io.bellwether.runtime.kafka.KafkaSettings;
import io.bellwether.runtime.metrics.ServiceMetrics;
import io.bellwether.runtime.service.StreamsService;
import io.bellwether.schemas.Topics;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Wires the enrichment service: settings in, a Kafka Streams service running {@link EnrichTopology} out. One
 * CoreNLP pipeline per process, shared by every stream thread (annotating distinct documents is thread-safe).
 */
public final class EnrichApp {
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaStreams streams;
    private final AdminStoryProgress progress;
    private final String pipelineVersion;

    public EnrichApp(Settings settings, EnrichConfig config, Analyzer analyzer, Topics topics, ServiceMetrics metrics) {
        EnrichMetrics meters = new EnrichMetrics();
        meters.bindTo(metrics.registry());
        KafkaSettings kafka = new KafkaSettings(settings);
        String applicationId = settings.get(EnrichKeys.APPLICATION_ID);
        Properties props = streamsProperties(kafka, applicationId);
        int partitions = articlePartitions(settings, topics);
        this.progress = new AdminStoryProgress(kafka.admin(), kafka.reader(), applicationId, topics.articles().name(), partitions);
        this.streams = new KafkaStreams(new EnrichTopology(topics, analyzer, config, meters,
                EnrichKeys.stories(settings), progress).build(topics.articles().name(), partitions), props);
        this.pipelineVersion = analyzer.pipelineVersion();
        metrics.bindStreams(streams);
    }

    /** The partitions of {@code news.articles}: {@code topics.partitions} when set, else the catalog's. */
    static int articlePartitions(Settings settings, Topics topics) {
        int configured = settings.get(RuntimeKeys.TOPICS_PARTITIONS);
        return configured > 0 ? configured : topics.articles().partitions();
    }

    /** The Streams settings of an enrichment application (the service's, or a replay's with its own id). */
    public static Properties streamsProperties(KafkaSettings kafka, String applicationId) {
        Properties props = kafka.streams(applicationId);
        // One article can take seconds of CoreNLP time: poll fewer records so a poll's batch fits well inside
        // max.poll.interval.ms. Commit every 100 ms (Streams' own default under exactly-once): an enriched record
        // is visible downstream only after the commits of the story stage's hops, each of which waits for one
        // (docs/benchmarks.md, twelfth round: 1000 ms cost the stream a quarter of its rate in bench enrich).
        props.putIfAbsent("max.poll.records", "50");
        props.putIfAbsent("commit.interval.ms", "100");
        return props;
    }

    /** The CoreNLP analyzer for {@code config} (loads the models: 10-30 s and about 1 GB of heap). */
    public static ArticleAnalyzer analyzer(EnrichConfig config) {
        return CoreNlpPipeline.analyzer(config.narratives(), config.analyzerSettings(),
                new SentenceCache(config.sentenceCacheSize()));
    }

    public String pipelineVersion() {
        return pipelineVersion;
    }

    public StreamsService service() {
        return new StreamsService("enrich", streams, CLOSE_TIMEOUT, progress);
    }

    public KafkaStreams streams() {
        return streams;
    }
}
