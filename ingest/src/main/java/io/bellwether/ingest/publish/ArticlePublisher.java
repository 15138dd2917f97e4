package io.bellwether.ingest.publish;

import io.bellwether.avro.Article;
import io.bellwether.avro.DeadLetter;
import io.bellwether.ingest.IngestMetrics;
import io.bellwether.ingest.ProgressSink;
import io.bellwether.ingest.PublishOptions;
import io.bellwether.runtime.kafka.KafkaFailure;
import io.bellwether.schemas.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes articles to the articles topic, each with its marker on the seen topic, in one Kafka transaction
 * per batch, so an article and its dedup marker land together or not at all; dead letters for rejected inputs
 * ride in the same transactions. Duplicates (seen before or queued already) are dropped. A failed batch is
 * aborted and sent again until the broker takes it.
 */
public final class ArticlePublisher implements AutoCloseable {
    private final Properties producerProps;
    private final PublishOptions options;
    private final Topic<String, Article> articles;
    private final Topic<String, String> seenTopic;
    private final Topic<String, DeadLetter> deadLetters;
    private final SeenIds seen;
    private final IngestMetrics metrics;
    private final Clock clock;
    private final BrokerRetry retry;
    /** Room for the key, headers and batch framing inside one produce request. */
    private static final int RECORD_OVERHEAD_BYTES = 4096;
    private final int maxRecordBytes;
    private final Map<String, Encoded> pending = new LinkedHashMap<>();
    private final List<Letter> letters = new ArrayList<>();
    private Instant batchStarted = Instant.MIN;
    private Producer<byte[], byte[]> producer;
    /** Failures of the batch being flushed, over re-sends and commit retries alike. */
    private int failedAttempts;

    /** {@code producerProps} come from {@code KafkaSettings.producer}: transactional and idempotent. */
    public ArticlePublisher(Properties producerProps, PublishOptions options, Topic<String, Article> articles,
            Topic<String, String> seenTopic, Topic<String, DeadLetter> deadLetters, SeenIds seen,
            IngestMetrics metrics, Clock clock, ProgressSink progress) {
        this.producerProps = producerProps;
        this.options = options;
        this.articles = articles;
        this.seenTopic = seenTopic;
        this.deadLetters = deadLetters;
        this.seen = seen;
        this.metrics = metrics;
        this.clock = clock;
        this.retry = new BrokerRetry(options, metrics, progress);
        this.maxRecordBytes = Integer.parseInt(producerProps.getProperty(ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                "1048576")) - RECORD_OVERHEAD_BYTES;
        metrics.seenIds(seen.size());
    }

    /** Queues the article unless its id was published or queued before; commits when the batch is full. */
    public synchronized Admission submit(Article article) {
        String id = article.getId();
        if (seen.contains(id) || pending.containsKey(id)) {
            metrics.duplicate();
            return new Admission(id, Admission.Status.DUPLICATE);
        }
        byte[] value = articles.valueSerde().serializer().serialize(articles.name(), article);
        // The broker would refuse it on every retry and so block the whole batch for ever.
        if (value.length > maxRecordBytes) {
            return new Admission(id, Admission.Status.TOO_LARGE);
        }
        markBatchStart();
        byte[] key = articles.keySerde().serializer().serialize(articles.name(), id);
        pending.put(id, new Encoded(key, value, article.getPublishedAt().toEpochMilli()));
        flushIfFullOrDue();
        return new Admission(id, Admission.Status.QUEUED);
    }

    /**
     * Queues a dead letter into the open batch, keyed by {@code key}. Its original value is dropped (and the
     * detail says so) if the record would still exceed the producer's limit; callers cap it well below that.
     */
    public synchronized void deadLetter(String key, DeadLetter letter) {
        byte[] value = deadLetters.valueSerde().serializer().serialize(deadLetters.name(), letter);
        if (value.length > maxRecordBytes) {
            DeadLetter slim = DeadLetter.newBuilder(letter).setOriginalValue(null)
                    .setDetail(letter.getDetail() + " (original value dropped: over max.request.size)").build();
            value = deadLetters.valueSerde().serializer().serialize(deadLetters.name(), slim);
        }
        markBatchStart();
        letters.add(new Letter(deadLetters.keySerde().serializer().serialize(deadLetters.name(), key), value,
                letter.getFailedAt().toEpochMilli(), letter.getReason()));
        flushIfFullOrDue();
    }

    /** The largest encoded record the producer accepts, less room for key, headers and framing. */
    public int maxRecordBytes() {
        return maxRecordBytes;
    }

    private boolean batchEmpty() {
        return pending.isEmpty() && letters.isEmpty();
    }

    private void markBatchStart() {
        if (batchEmpty()) {
            batchStarted = clock.instant();
        }
    }

    private void flushIfFullOrDue() {
        if (pending.size() + letters.size() >= options.batchSize()) {
            flush();
        } else {
            flushIfDue();
        }
    }

    /** Commits the open batch when it is older than the batch interval; sources call it when idle. */
    public synchronized void flushIfDue() {
        if (!batchEmpty() && !clock.instant().isBefore(batchStarted.plus(options.batchInterval()))) {
            flush();
        }
    }

    /** Commits the open batch, retrying until the broker accepts it. */
    public synchronized void flush() {
        if (batchEmpty()) {
            return;
        }
        failedAttempts = 0;
        while (true) {
            try {
                sendBatch();
                break;
            } catch (KafkaException e) {
                if (KafkaFailure.isFatal(e)) {
                    throw e;
                }
                discardProducer();
                retry.pause(++failedAttempts, e);
            }
        }
        seen.addAll(pending.keySet());
        metrics.published(pending.size());
        letters.forEach(letter -> metrics.deadLetter(letter.reason()));
        metrics.committed();
        metrics.seenIds(seen.size());
        pending.clear();
        letters.clear();
    }

    private void sendBatch() {
        Producer<byte[], byte[]> kafka = producer();
        kafka.beginTransaction();
        long ingestTime = clock.millis();
        byte[] marker = Instant.ofEpochMilli(ingestTime).toString().getBytes(StandardCharsets.UTF_8);
        for (Encoded record : pending.values()) {
            kafka.send(new ProducerRecord<>(articles.name(), null, record.timestamp(), record.key(), record.value()));
            kafka.send(new ProducerRecord<>(seenTopic.name(), null, ingestTime, record.key(), marker));
        }
        for (Letter letter : letters) {
            kafka.send(new ProducerRecord<>(deadLetters.name(), null, letter.timestamp(), letter.key(),
                    letter.value()));
        }
        commit(kafka);
    }

    /** A commit that timed out may still complete on the broker, so it is retried, never re-sent. */
    private void commit(Producer<byte[], byte[]> kafka) {
        while (true) {
            try {
                kafka.commitTransaction();
                return;
            } catch (TimeoutException e) {
                retry.pause(++failedAttempts, e);
            }
        }
    }

    private Producer<byte[], byte[]> producer() {
        if (producer == null) {
            Producer<byte[], byte[]> created = new KafkaProducer<>(producerProps, new ByteArraySerializer(),
                    new ByteArraySerializer());
            try {
                // Also aborts whatever transaction a crashed predecessor with the same id left open.
                created.initTransactions();
            } catch (KafkaException e) {
                created.close(Duration.ZERO);
                throw e;
            }
            producer = created;
        }
        return producer;
    }

    private void discardProducer() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    /** An article encoded once, when queued, and sent as often as its batch needs. */
    private record Encoded(byte[] key, byte[] value, long timestamp) {
    }

    /** A dead letter encoded once, with its reason code for the meter. */
    private record Letter(byte[] key, byte[] value, long timestamp, String reason) {
    }

    /** Commits what is queued, then closes the producer. */
    @Override
    public synchronized void close() {
        try {
            flush();
        } finally {
            if (producer != null) {
                producer.close(Duration.ofSeconds(5));
                producer = null;
            }
        }
    }
}
