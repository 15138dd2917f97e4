package io.bellwether.aggregate.stream;

import io.bellwether.avro.DeadLetter;
import io.bellwether.schemas.Topic;
import java.util.Set;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Counts what every stage dead-lettered, read back from {@code news.dead-letter} (raw bytes): per
 * {@link #key}{@code (stage, reason)} a count in {@value #COUNTS} and the latest letter, without its original bytes,
 * in {@value #LATEST}. Bytes that are not a dead letter count as stage {@code unknown}, reason {@code undecodable}.
 */
public final class DeadLetterCounts implements ProcessorSupplier<byte[], byte[], Void, Void> {
    public static final String COUNTS = "aggregate-dead-letter-counts";
    public static final String LATEST = "aggregate-dead-letter-latest";

    private final Topic<String, DeadLetter> deadLetters;

    public DeadLetterCounts(Topic<String, DeadLetter> deadLetters) {
        this.deadLetters = deadLetters;
    }

    public static String key(String stage, String reason) {
        return stage + "/" + reason;
    }

    @Override
    public Processor<byte[], byte[], Void, Void> get() {
        return new Processor<>() {
            private KeyValueStore<String, Long> counts;
            private KeyValueStore<String, DeadLetter> latest;

            @Override
            public void init(ProcessorContext<Void, Void> context) {
                counts = context.getStateStore(COUNTS);
                latest = context.getStateStore(LATEST);
            }

            @Override
            public void process(Record<byte[], byte[]> record) {
                String key = key("unknown", "undecodable");
                try {
                    DeadLetter letter = record.value() == null ? null
                            : deadLetters.valueSerde().deserializer().deserialize(deadLetters.name(), record.value());
                    if (letter != null) {
                        key = key(letter.getStage(), letter.getReason());
                        latest.put(key, DeadLetter.newBuilder(letter).setOriginalValue(null).build());
                    }
                } catch (SerializationException e) {
                    // Counted below as undecodable: a foreign record on the topic must not stop the scores.
                }
                Long seen = counts.get(key);
                counts.put(key, seen == null ? 1L : seen + 1);
            }
        };
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
        return Set.of(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(COUNTS), Serdes.String(), Serdes.Long()),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LATEST), Serdes.String(),
                        deadLetters.valueSerde()));
    }
}
