package io.bellwether.enrich.stream;

import io.bellwether.avro.EnrichedArticle;
import io.bellwether.enrich.story.StoryAnswer;
import io.bellwether.enrich.story.StoryMatch;
import io.bellwether.enrich.story.StoryMatcher;
import io.bellwether.enrich.story.StorySettings;
import io.bellwether.schemas.Topic;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Joins an enriched article (keyed by its input record, see {@link Analysed#instance}) with the answers of all its
 * band buckets and forwards it, under the input record's key, with its story: the earliest match's id, similarity
 * and the novelty that follows, or its own id, 1 and 1 when no bucket knew a close earlier article. Until both
 * sides are complete the article waits in the pending store (see {@link StoryPending} for its two entries).
 */
final class StoryJoinProcessor implements Processor<String, Object, String, EnrichedArticle> {
    private final StorySettings settings;
    private final Topic<String, EnrichedArticle> enriched;
    private final EnrichMetrics metrics;
    private final StoryMatcher matcher;
    private final Serializer<EnrichedArticle> encoder;
    private final Deserializer<EnrichedArticle> decoder;
    private ProcessorContext<String, EnrichedArticle> context;
    private KeyValueStore<String, StoryPending> pending;

    StoryJoinProcessor(StorySettings settings, Topic<String, EnrichedArticle> enriched, EnrichMetrics metrics) {
        this.settings = settings;
        this.enriched = enriched;
        this.metrics = metrics;
        this.matcher = new StoryMatcher(settings);
        this.encoder = enriched.valueSerde().serializer();
        this.decoder = enriched.valueSerde().deserializer();
    }

    @Override
    public void init(ProcessorContext<String, EnrichedArticle> context) {
        this.context = context;
        this.pending = context.getStateStore(StoryStage.PENDING_STORE);
    }

    @Override
    public void process(Record<String, Object> record) {
        String key = record.key();
        StoryPending answers = pending.get(key);
        answers = answers == null ? StoryPending.NONE : answers;
        if (record.value() instanceof EnrichedArticle article) {
            if (answers.answered(settings.bands())) {
                pending.delete(key);
                emit(record, article, answers.match(), processingMs(record));
            } else {
                pending.put(StoryPending.ARTICLE + key,
                        StoryPending.NONE.withArticle(encoder.serialize(enriched.name(), article), processingMs(record)));
            }
            return;
        }
        StoryAnswer answer = (StoryAnswer) record.value();
        answers = answers.withAnswer(answer.bands(), answer.match());
        // An entry written before the article got an entry of its own holds the article itself.
        StoryPending stored = answers.article() != null || !answers.answered(settings.bands()) ? answers
                : pending.get(StoryPending.ARTICLE + key);
        if (stored == null || stored.article() == null || !answers.answered(settings.bands())) {
            pending.put(key, answers);
            return;
        }
        pending.delete(key);
        if (stored != answers) {
            pending.delete(StoryPending.ARTICLE + key);
        }
        emit(record, decoder.deserialize(enriched.name(), stored.article()), answers.match(), stored.processingMs());
    }

    private void emit(Record<String, Object> record, EnrichedArticle article, StoryMatch match, long processingMs) {
        matcher.apply(article, match);
        metrics.storyResolved(match != null);
        Record<String, EnrichedArticle> out = new Record<>(Analysed.keyOf(record.key()), article, record.timestamp());
        out.headers().add(EnrichProcessor.PROCESSING_MS_HEADER,
                Long.toString(processingMs).getBytes(StandardCharsets.UTF_8));
        context.forward(out);
    }

    private static long processingMs(Record<String, Object> record) {
        Header header = record.headers().lastHeader(EnrichProcessor.PROCESSING_MS_HEADER);
        return header == null ? 0 : Long.parseLong(new String(header.value(), StandardCharsets.UTF_8));
    }
}
