package io.bellwether.enrich.stream;

import io.bellwether.avro.Article;
import io.bellwether.avro.DeadLetter;
import io.bellwether.enrich.analysis.AnalysisResult;
import io.bellwether.enrich.analysis.Analyzer;
import io.bellwether.enrich.story.StoryText;
import io.bellwether.schemas.Topic;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Decodes one article record, analyses it and forwards the enriched article with the signature of its text (to the
 * story stage), or a dead letter (undecodable bytes, analysis failure). Never throws for a bad record.
 */
final class EnrichProcessor implements Processor<byte[], byte[], String, Object> {
    static final String PROCESSING_MS_HEADER = "bellwether.processing-ms";

    private final Topic<String, Article> articles;
    private final Deserializer<Article> decoder;
    private final Analyzer analyzer;
    private final EnrichMetrics metrics;
    private final StoryText storyText;
    private ProcessorContext<String, Object> context;

    /** {@code articles} is built once per topology: its serde holds the parsed schemas. */
    EnrichProcessor(Topic<String, Article> articles, Analyzer analyzer, EnrichMetrics metrics, StoryText storyText) {
        this.articles = articles;
        this.decoder = articles.valueSerde().deserializer();
        this.analyzer = analyzer;
        this.metrics = metrics;
        this.storyText = storyText;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        Article article;
        try {
            article = decoder.deserialize(articles.name(), record.value());
        } catch (SerializationException e) {
            deadLetter(record, key, "undecodable", e.getMessage(), null);
            return;
        }
        if (article == null) {
            deadLetter(record, key, "undecodable", "null value (tombstone) on topic " + articles.name()
                    + " where an Article was expected", null);
            return;
        }
        AnalysisResult result = analyzer.analyze(article);
        if (result instanceof AnalysisResult.Enriched enriched) {
            metrics.enriched(enriched.processingMs(), enriched.stats());
            // The signature is of the text as it came in, so copies match whatever the analysis cut.
            Optional<RecordMetadata> source = context.recordMetadata();
            String instance = Analysed.instance(source.map(RecordMetadata::partition).orElse(-1),
                    source.map(RecordMetadata::offset).orElse(-1L), key);
            Analysed analysed = new Analysed(enriched.article(),
                    storyText == null ? null : storyText.signature(article), instance);
            context.forward(new Record<String, Object>(key, analysed, record.timestamp(),
                    headers(record, enriched.processingMs())));
        } else if (result instanceof AnalysisResult.Failed failed) {
            deadLetter(record, key, failed.reason(), failed.detail(), failed.processingMs());
        }
    }

    private void deadLetter(Record<byte[], byte[]> record, String key, String reason, String detail,
                            Long processingMs) {
        metrics.deadLettered(reason);
        Optional<RecordMetadata> source = context.recordMetadata();
        DeadLetter letter = DeadLetter.newBuilder()
                .setStage("enrich").setReason(reason).setDetail(detail == null ? reason : detail)
                .setSourceTopic(source.map(RecordMetadata::topic).orElse(null))
                .setSourcePartition(source.map(RecordMetadata::partition).orElse(null))
                .setSourceOffset(source.map(RecordMetadata::offset).orElse(null))
                .setOriginalKey(record.key() == null ? null : ByteBuffer.wrap(record.key()))
                .setOriginalValue(record.value() == null ? null : ByteBuffer.wrap(record.value()))
                .setFailedAt(Instant.ofEpochMilli(context.currentSystemTimeMs()))
                .build();
        Headers headers = processingMs == null ? record.headers() : headers(record, processingMs);
        context.forward(new Record<String, Object>(key, letter, record.timestamp(), headers));
    }

    private static Headers headers(Record<byte[], byte[]> record, long processingMs) {
        Headers headers = new RecordHeaders(record.headers().toArray());
        headers.remove(PROCESSING_MS_HEADER);
        headers.add(PROCESSING_MS_HEADER, Long.toString(processingMs).getBytes(StandardCharsets.UTF_8));
        return headers;
    }
}
