package io.bellwether.enrich.stream;

import io.bellwether.avro.EnrichedArticle;
import io.bellwether.enrich.story.BandQuery;
import io.bellwether.enrich.story.StoryAnswer;
import io.bellwether.enrich.story.StoryCodec;
import io.bellwether.enrich.story.StorySettings;
import io.bellwether.schemas.Topic;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The story stage of the enrich topology: analysed articles in, enriched articles with their story out to
 * {@code news.articles.enriched}. Each article sends its LSH band probes to the partitions that own their band
 * buckets ({@value #BANDS_TOPIC}, one query per partition, see {@link BandBuckets}), so a bucket's memory lives
 * in one task and no task needs all articles; each task answers with the earliest close article of those
 * buckets, repartitioned back by the input record it came from
 * ({@value #ANSWERS_TOPIC}; see {@link Analysed#instance}: partition, offset and key, so two records of one article
 * id in flight at once keep apart), and the article itself travels by that key too ({@value #ARTICLES_TOPIC}), so
 * the article and its answers meet in one task whatever the partitioning of the input topic. The three topics have
 * the input topic's partition count (Streams' default for repartition topics), which the stage is told when it
 * is built, so that it can group an article's bands by the partition that owns them.
 */
final class StoryStage {
    static final String BAND_STORE = "enrich-story-bands";
    static final String PENDING_STORE = "enrich-story-pending";
    static final String BANDS_TOPIC = "enrich-story-probes";
    static final String ANSWERS_TOPIC = "enrich-story-answers";
    static final String ARTICLES_TOPIC = "enrich-story-articles";

    private final StorySettings settings;
    private final Topic<String, EnrichedArticle> enriched;
    private final EnrichMetrics metrics;
    private final BandBuckets buckets;
    private final StoryProgress progress;

    StoryStage(StorySettings settings, Topic<String, EnrichedArticle> enriched, EnrichMetrics metrics,
               int partitions, StoryProgress progress) {
        this.settings = settings;
        this.progress = progress;
        this.enriched = enriched;
        this.metrics = metrics;
        this.buckets = new BandBuckets(settings, partitions);
    }

    void build(StreamsBuilder builder, KStream<String, Analysed> analysed, String sinkName) {
        // Key-value stores, whose changelogs are compacted only: see BandMemory for why not a window store.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(BAND_STORE),
                Serdes.String(), Serdes.ByteArray()).withCachingDisabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PENDING_STORE),
                Serdes.String(), StoryPending.serde()).withCachingDisabled());

        KStream<String, Object> articles = analysed
                .map((key, value) -> KeyValue.pair(value.instance(), value.article()), Named.as("enrich-story-article"))
                .repartition(Repartitioned.<String, EnrichedArticle>as(ARTICLES_TOPIC)
                        .withKeySerde(Serdes.String()).withValueSerde(enriched.valueSerde()))
                .mapValues(article -> (Object) article, Named.as("enrich-story-article-in"));
        KStream<String, Object> answers = analysed
                .flatMap((id, value) -> buckets.queries(value), Named.as("enrich-story-probe"))
                .repartition(Repartitioned.<String, BandQuery>as(BANDS_TOPIC)
                        .withKeySerde(Serdes.String()).withValueSerde(StoryCodec.queries())
                        .withStreamPartitioner(buckets.partitioner()))
                .process(() -> new StoryBandProcessor(settings, buckets, progress), Named.as("enrich-story-lookup"),
                        BAND_STORE)
                .repartition(Repartitioned.<String, StoryAnswer>as(ANSWERS_TOPIC)
                        .withKeySerde(Serdes.String()).withValueSerde(StoryCodec.answers()))
                .mapValues(answer -> (Object) answer, Named.as("enrich-story-answer-in"));
        articles.merge(answers, Named.as("enrich-story-meet"))
                .process(() -> new StoryJoinProcessor(settings, enriched, metrics), Named.as("enrich-story-join"),
                        PENDING_STORE)
                .to(enriched.name(), Produced.with(enriched.keySerde(), enriched.valueSerde()).withName(sinkName));
    }
}
