package io.bellwether.enrich.stream;

import io.bellwether.avro.Article;
import io.bellwether.avro.DeadLetter;
import io.bellwether.avro.EnrichedArticle;
import io.bellwether.enrich.EnrichConfig;
import io.bellwether.enrich.analysis.Analyzer;
import io.bellwether.enrich.story.StorySettings;
import io.bellwether.enrich.story.StoryText;
import io.bellwether.schemas.Topic;
import io.bellwether.schemas.Topics;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The enrichment topology: raw bytes from {@code news.articles} in; each article that decodes and analyses goes,
 * through the story stage ({@link StoryStage}), to {@code news.articles.enriched} with the same key and timestamp
 * and its story; everything else to {@code news.dead-letter} with a reason. Processing time travels in the
 * {@code bellwether.processing-ms} header, not in the value.
 */
public final class EnrichTopology {
    public static final String SOURCE = "articles-source";
    public static final String PROCESSOR = "enrich-articles";
    public static final String ENRICHED_SINK = "enriched-sink";
    public static final String DEAD_LETTER_SINK = "dead-letter-sink";
    /** The story stage's stores (changelogged as {@code <application.id>-<store>-changelog}). */
    public static final String STORY_BAND_STORE = StoryStage.BAND_STORE;
    public static final String STORY_PENDING_STORE = StoryStage.PENDING_STORE;
    /** The story stage's repartition topics, {@code <application.id>-<name>-repartition}, upstream first. */
    public static final List<String> STORY_REPARTITIONS = List.of(StoryStage.BANDS_TOPIC, StoryStage.ARTICLES_TOPIC,
            StoryStage.ANSWERS_TOPIC);

    private final Topics topics;
    private final Analyzer analyzer;
    private final EnrichConfig config;
    private final EnrichMetrics metrics;
    private final StorySettings stories;
    private final StoryProgress progress;

    public EnrichTopology(Topics topics, Analyzer analyzer, EnrichConfig config) {
        this(topics, analyzer, config, new EnrichMetrics());
    }

    public EnrichTopology(Topics topics, Analyzer analyzer, EnrichConfig config, EnrichMetrics metrics) {
        this(topics, analyzer, config, metrics, StorySettings.defaults());
    }

    public EnrichTopology(Topics topics, Analyzer analyzer, EnrichConfig config, EnrichMetrics metrics,
                          StorySettings stories) {
        this(topics, analyzer, config, metrics, stories, StoryProgress.unknown());
    }

    /**
     * With the application's {@code progress}, which the story stage reads when a query waits for an input
     * partition that is behind it (see {@link AdminStoryProgress}).
     */
    public EnrichTopology(Topics topics, Analyzer analyzer, EnrichConfig config, EnrichMetrics metrics,
                          StorySettings stories, StoryProgress progress) {
        this.progress = progress;
        this.topics = topics;
        this.analyzer = analyzer;
        this.config = config;
        this.metrics = metrics;
        this.stories = stories;
    }

    public EnrichConfig config() {
        return config;
    }

    /** The topology reading {@code news.articles} with the catalog's partition count. */
    public Topology build() {
        return build(topics.articles().name(), topics.articles().partitions());
    }

    /**
     * The same topology reading {@code sourceTopic} of {@code sourcePartitions} partitions instead, e.g. a replay's
     * private copy of a time range (the story stage's topics get that count; a source of another count is refused
     * with the reason when the first article is sent on).
     */
    public Topology build(String sourceTopic, int sourcePartitions) {
        StreamsBuilder builder = new StreamsBuilder();
        // Read bytes, not Articles: a record that does not decode must reach the dead-letter topic with its
        // original bytes instead of stopping the stream thread in the deserializer.
        KStream<byte[], byte[]> raw = builder.stream(sourceTopic,
                Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(SOURCE));
        // Each topic (and its serde, which parses the schemas) is built once here, not per record.
        Topic<String, Article> articles = topics.articles();
        Topic<String, EnrichedArticle> enriched = topics.enriched();
        Topic<String, DeadLetter> deadLetter = topics.deadLetter();
        StoryText storyText = stories.enabled() ? new StoryText(stories) : null;
        KStream<String, Object> analysed = raw.process(
                () -> new EnrichProcessor(articles, analyzer, metrics, storyText), Named.as(PROCESSOR));
        StoryStage storyStage = new StoryStage(stories, enriched, metrics, sourcePartitions, progress);
        analysed.split(Named.as("enrich-route-"))
                .branch((key, value) -> value instanceof DeadLetter, Branched.withConsumer(letters -> letters
                        .mapValues(value -> (DeadLetter) value, Named.as("enrich-dead-letter"))
                        .to(deadLetter.name(), Produced.with(deadLetter.keySerde(), deadLetter.valueSerde())
                                .withName(DEAD_LETTER_SINK)), "dead-letters"))
                .defaultBranch(Branched.withConsumer(articlesOut -> {
                    KStream<String, Analysed> out = articlesOut.mapValues(value -> (Analysed) value,
                            Named.as("enrich-analysed"));
                    if (stories.enabled()) {
                        storyStage.build(builder, out, ENRICHED_SINK);
                    } else {
                        // No story stage: each article goes straight out, its story fields at their defaults.
                        out.mapValues(Analysed::article, Named.as("enrich-story-off")).to(enriched.name(),
                                Produced.with(enriched.keySerde(), enriched.valueSerde()).withName(ENRICHED_SINK));
                    }
                }, "analysed"));
        return builder.build();
    }
}
