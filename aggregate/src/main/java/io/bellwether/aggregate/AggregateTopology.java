package io.bellwether.aggregate;

import io.bellwether.aggregate.stream.ArticleDecoder;
import io.bellwether.aggregate.stream.ArticleIndex;
import io.bellwether.aggregate.stream.DeadLetterCounts;
import io.bellwether.aggregate.stream.Decoding;
import io.bellwether.aggregate.stream.Emission;
import io.bellwether.aggregate.stream.WindowScoring;
import io.bellwether.avro.DeadLetter;
import io.bellwether.avro.EnrichedArticle;
import io.bellwether.avro.EntityScore;
import io.bellwether.avro.NarrativeScore;
import io.bellwether.avro.NarrativeSignal;
import io.bellwether.schemas.Topic;
import io.bellwether.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * Reads {@code news.articles.enriched}, re-keys each article by the narratives it signals, and scores them in
 * event-time hopping windows into {@code news.narrative-scores} and {@code news.entity-scores}; undecodable and
 * late articles go to {@code news.dead-letter}. Keeps each narrative's articles ({@link ArticleIndex}) and counts
 * what {@code news.dead-letter} holds ({@link DeadLetterCounts}) for the query API.
 */
public final class AggregateTopology {
    /** Repartition topic {@code <application.id>-aggregate-by-narrative-repartition}. */
    public static final String BY_NARRATIVE = "aggregate-by-narrative";

    private final Topics topics;
    private final AggregateConfig config;
    private final AggregateMetrics metrics;

    public AggregateTopology(Topics topics, AggregateConfig config) {
        this(topics, config, new AggregateMetrics(config));
    }

    public AggregateTopology(Topics topics, AggregateConfig config, AggregateMetrics metrics) {
        this.topics = topics;
        this.config = config;
        this.metrics = metrics;
    }

    public Topology build() {
        StreamsBuilder builder = new StreamsBuilder();
        Topic<String, EnrichedArticle> input = topics.enriched();
        Topic<String, DeadLetter> deadLetter = topics.deadLetter();
        KStream<byte[], Decoding> decoded = builder
                .stream(input.name(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray())
                        .withName("aggregate-enriched-source"))
                .processValues(() -> new ArticleDecoder(input, metrics), Named.as("aggregate-decode"));
        decoded.split(Named.as("aggregate-decoded-"))
                .branch((key, value) -> value instanceof Decoding.Undecodable, Branched.withConsumer(
                        failed -> failed.map((key, value) -> KeyValue.pair(keyText(key),
                                        ((Decoding.Undecodable) value).letter()), Named.as("aggregate-undecodable"))
                                .to(deadLetter.name(), Produced.with(deadLetter.keySerde(), deadLetter.valueSerde())
                                        .withName("aggregate-undecodable-sink")), "undecodable"))
                .defaultBranch(Branched.withConsumer(ok -> score(ok, input), "articles"));
        // What every stage dead-lettered (this topology too), counted for the query API and the page.
        builder.stream(deadLetter.name(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray())
                        .withName("aggregate-dead-letter-source"))
                .process(new DeadLetterCounts(deadLetter), Named.as("aggregate-dead-letter-counts"));
        return builder.build();
    }

    private void score(KStream<byte[], Decoding> articles, Topic<String, EnrichedArticle> input) {
        KStream<String, EnrichedArticle> byNarrative = articles
                .flatMap((key, value) -> byNarrative(((Decoding.Decoded) value).article()),
                        Named.as("aggregate-explode-narratives"))
                .repartition(Repartitioned.with(input.keySerde(), input.valueSerde()).withName(BY_NARRATIVE));
        // Same partitions as the window stores, so a narrative's articles live on the instance that scores it.
        byNarrative.process(new ArticleIndex(config, input), Named.as("aggregate-article-index"));
        KStream<String, Emission> emitted = byNarrative
                .process(new WindowScoring(config, metrics, input), Named.as("aggregate-window-scores"));
        Topic<String, NarrativeScore> narratives = topics.narrativeScores();
        Topic<String, EntityScore> entities = topics.entityScores();
        Topic<String, DeadLetter> deadLetter = topics.deadLetter();
        emitted.split(Named.as("aggregate-emitted-"))
                .branch((key, value) -> value instanceof Emission.Narrative, Branched.withConsumer(s -> s
                        .mapValues(value -> ((Emission.Narrative) value).score(), Named.as("aggregate-narrative-value"))
                        .to(narratives.name(), Produced.with(narratives.keySerde(), narratives.valueSerde())
                                .withName("aggregate-narrative-sink")), "narratives"))
                .branch((key, value) -> value instanceof Emission.Entity, Branched.withConsumer(s -> s
                        .mapValues(value -> ((Emission.Entity) value).score(), Named.as("aggregate-entity-value"))
                        .to(entities.name(), Produced.with(entities.keySerde(), entities.valueSerde())
                                .withName("aggregate-entity-sink")), "entities"))
                .defaultBranch(Branched.withConsumer(s -> s
                        .mapValues(value -> ((Emission.Late) value).letter(), Named.as("aggregate-late-value"))
                        .to(deadLetter.name(), Produced.with(deadLetter.keySerde(), deadLetter.valueSerde())
                                .withName("aggregate-late-sink")), "late"));
    }

    /**
     * One record per narrative the article signals (the first signal if a narrative repeats), keyed by narrative,
     * with only that signal and no sentences.
     */
    private static List<KeyValue<String, EnrichedArticle>> byNarrative(EnrichedArticle article) {
        Map<String, KeyValue<String, EnrichedArticle>> out = new LinkedHashMap<>();
        for (NarrativeSignal signal : article.getNarratives()) {
            EnrichedArticle slim = EnrichedArticle.newBuilder(article)
                    .setNarratives(List.of(signal))
                    .setSentences(List.of())
                    .build();
            out.putIfAbsent(signal.getId(), KeyValue.pair(signal.getId(), slim));
        }
        return new ArrayList<>(out.values());
    }

    private static String keyText(byte[] key) {
        return key == null ? null : new String(key, StandardCharsets.UTF_8);
    }
}
