package io.bellwether.replay;

import io.bellwether.aggregate.AggregateConfig;
import io.bellwether.aggregate.AggregateTopology;
import io.bellwether.enrich.EnrichConfig;
import io.bellwether.enrich.EnrichKeys;
import io.bellwether.enrich.analysis.Analyzer;
import io.bellwether.enrich.stream.EnrichTopology;
import io.bellwether.runtime.config.ConfigException;
import io.bellwether.runtime.config.RuntimeKeys;
import io.bellwether.runtime.config.SchemaRegistryKeys;
import io.bellwether.runtime.config.Settings;
import io.bellwether.runtime.kafka.GroupDrain;
import io.bellwether.runtime.kafka.KafkaSettings;
import io.bellwether.schemas.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.kafka.common.TopicPartition;

/**
 * Re-enriches and re-aggregates the articles of a time range into {@code NAME}-suffixed topics, beside the live
 * pipeline: settings, an {@link Analyzer} and a range in; {@code news.articles.enriched.NAME},
 * {@code news.narrative-scores.NAME} and {@code news.entity-scores.NAME} out. Returns once every article of the
 * range has been enriched (or dead-lettered) and aggregated, with both Streams applications closed.
 */
public final class ReplayRun {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    private static final Duration CHECK_EVERY = Duration.ofMillis(500);
    private static final long PROGRESS_EVERY_NANOS = Duration.ofSeconds(2).toNanos();

    private final Settings settings;
    private final String name;
    private final Analyzer analyzer;
    private final EnrichConfig enrichConfig;
    private final AggregateConfig aggregateConfig;
    private final Consumer<String> out;

    /** @param out progress and summary lines */
    public ReplayRun(Settings settings, String name, Analyzer analyzer, EnrichConfig enrichConfig,
                     AggregateConfig aggregateConfig, Consumer<String> out) {
        this.settings = settings;
        this.name = checkName(name);
        this.analyzer = analyzer;
        this.enrichConfig = enrichConfig;
        this.aggregateConfig = aggregateConfig;
        this.out = out;
    }

    /**
     * {@code name} if it is usable as a topic suffix and in application ids.
     *
     * @throws ConfigException otherwise
     */
    public static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ConfigException("--target-suffix must be 1-100 letters, digits, '_' or '-', got '" + name + "'");
        }
        return name;
    }

    /** What a finished replay processed. */
    public record Result(long articles, Topics outputs) {
    }

    public Result run(TimeRange range) throws InterruptedException {
        KafkaSettings kafka = new KafkaSettings(settings);
        ReplayTopics topics = new ReplayTopics(SchemaRegistryKeys.forSettings(settings, name), name,
                settings.get(RuntimeKeys.TOPICS_REPLICATION));
        topics.create(kafka.admin());
        long articles = new RangeCopy(new RangeReader(kafka.reader()), kafka.producer("bellwether-replay-copy-" + name))
                .copy(Topics.ARTICLES, range, topics.input(), progress -> out.accept(progress.line("replay copy")));
        out.accept("replay: " + articles + " articles of " + range + " copied to " + topics.input()
                + "; pipeline version " + analyzer.pipelineVersion());
        try (ReplayStreams streams = new ReplayStreams(kafka, topics, name, analyzer, enrichConfig,
                EnrichKeys.stories(settings), aggregateConfig);
             GroupDrain drain = new GroupDrain(kafka.admin(), kafka.reader())) {
            streams.start();
            awaitDrained(streams, drain, topics, articles);
        }
        out.accept("replay: done, " + articles + " articles enriched into " + topics.outputs().enriched().name()
                + " and scored into " + topics.outputs().narrativeScores().name() + ", "
                + topics.outputs().entityScores().name());
        return new Result(articles, topics.outputs());
    }

    private void awaitDrained(ReplayStreams streams, GroupDrain drain, ReplayTopics topics, long articles)
            throws InterruptedException {
        String enrichId = ReplayStreams.enrichId(name);
        String aggregateId = ReplayStreams.aggregateId(name);
        boolean enriched = false;
        long lastReport = System.nanoTime();
        while (true) {
            Optional<String> failure = streams.failure();
            if (failure.isPresent()) {
                throw new IllegalStateException(failure.get());
            }
            if (streams.running()) {
                enriched = enriched || drain.drained(enrichId,
                        drain.inputs(topics.input(), enrichId, EnrichTopology.STORY_REPARTITIONS));
                if (enriched && drain.drained(aggregateId,
                        drain.inputs(topics.outputs().enriched().name(), aggregateId,
                        List.of(AggregateTopology.BY_NARRATIVE)))) {
                    return;
                }
            }
            if (System.nanoTime() - lastReport >= PROGRESS_EVERY_NANOS) {
                long done = drain.committed(enrichId).getOrDefault(new TopicPartition(topics.input(), 0), 0L);
                out.accept("replay: enriched " + Math.min(done, articles) + "/" + articles + " articles"
                        + (enriched ? ", aggregating" : ""));
                lastReport = System.nanoTime();
            }
            Thread.sleep(CHECK_EVERY.toMillis());
        }
    }
}
