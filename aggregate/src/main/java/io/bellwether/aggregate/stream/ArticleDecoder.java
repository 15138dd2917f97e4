package io.bellwether.aggregate.stream;

import io.bellwether.aggregate.AggregateMetrics;
import io.bellwether.avro.DeadLetter;
import io.bellwether.avro.EnrichedArticle;
import io.bellwether.schemas.Topic;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Decodes raw input bytes into an {@link EnrichedArticle}; bytes that are not one become a dead letter with the
 * original bytes and position, instead of an exception on the stream thread.
 */
public final class ArticleDecoder implements FixedKeyProcessor<byte[], byte[], Decoding> {
    private final Topic<String, EnrichedArticle> input;
    private final AggregateMetrics metrics;
    private FixedKeyProcessorContext<byte[], Decoding> context;

    public ArticleDecoder(Topic<String, EnrichedArticle> input, AggregateMetrics metrics) {
        this.input = input;
        this.metrics = metrics;
    }

    @Override
    public void init(FixedKeyProcessorContext<byte[], Decoding> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<byte[], byte[]> record) {
        metrics.articleRead();
        if (record.value() == null) {
            context.forward(record.withValue(failure(record, "empty record value")));
            return;
        }
        try {
            EnrichedArticle article = input.valueSerde().deserializer().deserialize(input.name(), record.value());
            context.forward(record.withValue(new Decoding.Decoded(article)));
        } catch (SerializationException e) {
            context.forward(record.withValue(failure(record, e.getMessage())));
        }
    }

    private Decoding failure(FixedKeyRecord<byte[], byte[]> record, String detail) {
        RecordMetadata where = context.recordMetadata().orElse(null);
        DeadLetter letter = DeadLetter.newBuilder()
                .setStage("aggregate")
                .setReason("undecodable")
                .setDetail(detail)
                .setSourceTopic(where == null ? input.name() : where.topic())
                .setSourcePartition(where == null ? null : where.partition())
                .setSourceOffset(where == null ? null : where.offset())
                .setOriginalKey(record.key() == null ? null : ByteBuffer.wrap(record.key()))
                .setOriginalValue(record.value() == null ? null : ByteBuffer.wrap(record.value()))
                .setFailedAt(Instant.ofEpochMilli(record.timestamp()))
                .build();
        return new Decoding.Undecodable(letter);
    }
}
