package io.bellwether.bench;

import io.bellwether.schemas.Topics;
import java.util.List;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/** The aggregate topology's output topics in a test driver, drained now and then so memory stays flat; counts records. */
final class DriverOutputs {
    private final List<TestOutputTopic<byte[], byte[]>> outputs;
    private long count;

    DriverOutputs(TopologyTestDriver driver, Topics topics) {
        this.outputs = List.of(topics.narrativeScores().name(), topics.entityScores().name(),
                topics.deadLetter().name()).stream().map(name -> driver.createOutputTopic(name,
                        new ByteArrayDeserializer(), new ByteArrayDeserializer())).toList();
    }

    void drain() {
        outputs.forEach(topic -> count += topic.readValuesToList().size());
    }

    long count() {
        return count;
    }
}
