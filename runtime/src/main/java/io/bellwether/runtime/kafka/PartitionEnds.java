package io.bellwether.runtime.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Both ends of every partition of some topics: the high watermark (the end of the log) and the last stable offset
 * (where read_committed readers stop: the first offset of the earliest open transaction, or the high watermark).
 */
public final class PartitionEnds implements AutoCloseable {
    private final Admin admin;
    private final Duration timeout;

    /** The two ends of one partition. */
    public record Ends(long highWatermark, long stable) {
        /** True when an open transaction holds read_committed readers below the end of the log. */
        public boolean held() {
            return stable < highWatermark;
        }
    }

    public PartitionEnds(Properties adminProperties, Duration timeout) {
        this.admin = Admin.create(adminProperties);
        this.timeout = timeout;
    }

    /**
     * The ends of every partition of {@code topics}, read now.
     *
     * @throws KafkaUnavailableException when the broker does not answer within the timeout
     */
    public Map<TopicPartition, Ends> read(Collection<String> topics) {
        try {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (TopicDescription topic : admin.describeTopics(topics).allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).values()) {
                topic.partitions().forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()),
                        OffsetSpec.latest()));
            }
            Map<TopicPartition, ListOffsetsResultInfo> high = offsets(latest, IsolationLevel.READ_UNCOMMITTED);
            Map<TopicPartition, ListOffsetsResultInfo> stable = offsets(latest, IsolationLevel.READ_COMMITTED);
            Map<TopicPartition, Ends> ends = new HashMap<>();
            high.forEach((partition, info) -> ends.put(partition,
                    new Ends(info.offset(), stable.get(partition).offset())));
            return ends;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted while reading the ends of " + topics, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaUnavailableException("cannot read the ends of " + topics + ": "
                    + KafkaFailure.rootCause(e).getMessage(), e);
        }
    }

    private Map<TopicPartition, ListOffsetsResultInfo> offsets(Map<TopicPartition, OffsetSpec> specs,
            IsolationLevel isolation) throws InterruptedException, ExecutionException, TimeoutException {
        return admin.listOffsets(specs, new ListOffsetsOptions(isolation)).all()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        admin.close(timeout);
    }
}
