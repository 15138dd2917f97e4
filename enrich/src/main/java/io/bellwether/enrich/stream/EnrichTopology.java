package io.bellwether.enrich.stream;

import io.bellwether.avro.Article;
import io.bellwether.avro.DeadLetter;
import io.bellwether.avro.EnrichedArticle;
import io.bellwether.enrich.EnrichConfig;
import io.bellwether.enrich.analysis.Analyzer;
import io.bellwether.schemas.Topic;
import io.bellwether.schemas.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;

/**
 * The enrichment topology: raw bytes from {@code news.articles} in; each article that decodes and analyses goes to
 * {@code news.articles.enriched} with the same key and timestamp, everything else to {@code news.dead-letter}
 * with a reason. Processing time travels in the {@code bellwether.processing-ms} header, not in the value.
 */
public final class EnrichTopology {
    public static final String SOURCE = "articles-source";
    public static final String PROCESSOR = "enrich-articles";
    public static final String ENRICHED_SINK = "enriched-sink";
    public static final String DEAD_LETTER_SINK = "dead-letter-sink";

    private final Topics topics;
    private final Analyzer analyzer;
    private final EnrichConfig config;
    private final EnrichMetrics metrics;

    public EnrichTopology(Topics topics, Analyzer analyzer, EnrichConfig config) {
        this(topics, analyzer, config, new EnrichMetrics());
    }

    public EnrichTopology(Topics topics, Analyzer analyzer, EnrichConfig config, EnrichMetrics metrics) {
        this.topics = topics;
        this.analyzer = analyzer;
        this.config = config;
        this.metrics = metrics;
    }

    public EnrichConfig config() {
        return config;
    }

    public Topology build() {
        return build(topics.articles().name());
    }

    /** The same topology reading {@code sourceTopic} instead, e.g. a replay's private copy of a time range. */
    public Topology build(String sourceTopic) {
        Topology topology = new Topology();
        // Read bytes, not Articles: a record that does not decode must reach the dead-letter topic with its
        // original bytes instead of stopping the stream thread in the deserializer.
        topology.addSource(SOURCE, Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer(),
                sourceTopic);
        // Each topic (and its serde, which parses the schemas) is built once here, not per record.
        Topic<String, Article> articles = topics.articles();
        Topic<String, EnrichedArticle> enriched = topics.enriched();
        Topic<String, DeadLetter> deadLetter = topics.deadLetter();
        topology.addProcessor(PROCESSOR, () -> new EnrichProcessor(articles, analyzer, metrics), SOURCE);
        topology.addSink(ENRICHED_SINK, enriched.name(), enriched.keySerde().serializer(),
                enriched.valueSerde().serializer(), PROCESSOR);
        topology.addSink(DEAD_LETTER_SINK, deadLetter.name(), deadLetter.keySerde().serializer(),
                deadLetter.valueSerde().serializer(), PROCESSOR);
        return topology;
    }
}
