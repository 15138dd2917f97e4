package io.bellwether.ingest.publish;

import io.bellwether.ingest.ProgressSink;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Completes what an earlier ingest with the same transactional id left in flight, before the seen ids are read.
 *
 * <p>A commit returns once the transaction coordinator has decided it; the commit markers reach the partitions a
 * moment later, and until they do a read_committed reader stops short of that transaction. An ingest started right
 * after another one had committed could read the seen topic without the last batch and publish it again.
 * {@code initTransactions} returns only once the last transaction of its id is complete, markers written, and it
 * aborts one that a crashed predecessor left open.
 */
public final class PredecessorTransactions {
    private final Properties producerProps;

    /** {@code producerProps} are the publisher's: the same {@code transactional.id}. */
    public PredecessorTransactions(Properties producerProps) {
        this.producerProps = producerProps;
    }

    /**
     * Returns once the previous transaction of the id is complete; while the broker cannot be reached it says so on
     * {@code progress} after each try and gives up with the last {@link TimeoutException} after {@code timeout}.
     */
    public void complete(Duration timeout, ProgressSink progress) {
        String id = producerProps.getProperty(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int attempt = 1; ; attempt++) {
            KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps, new ByteArraySerializer(),
                    new ByteArraySerializer());
            try {
                producer.initTransactions();
                return;
            } catch (TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                progress.line("broker unreachable, retrying (attempt " + attempt + "): completing the earlier "
                        + "transactions of " + id);
            } finally {
                producer.close(Duration.ZERO);
            }
        }
    }
}
