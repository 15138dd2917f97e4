package io.bellwether.reliability;

import io.bellwether.avro.EntityScore;
import io.bellwether.avro.NarrativeScore;
import io.bellwether.replay.RangeReader;
import io.bellwether.replay.TimeRange;
import io.bellwether.schemas.Topic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * What a read_committed consumer sees of a pipeline topic, read from the beginning to the current end: keys and
 * decoded values in, the per-key views the drills check out (how often each id occurs, the final score records).
 */
final class CommittedRecords {
    private static final TimeRange EVERYTHING = new TimeRange(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));

    private final Properties client;

    CommittedRecords(Properties client) {
        this.client = client;
    }

    /** A committed record's key and value. */
    record Keyed<V>(String key, V value) {
    }

    <V> List<Keyed<V>> read(Topic<String, V> topic) {
        List<Keyed<V>> out = new ArrayList<>();
        new RangeReader(client).read(topic.name(), EVERYTHING, record -> out.add(new Keyed<>(
                topic.keySerde().deserializer().deserialize(topic.name(), record.key()),
                topic.valueSerde().deserializer().deserialize(topic.name(), record.value()))), progress -> { });
        return out;
    }

    List<String> keys(Topic<String, ?> topic) {
        return read(topic).stream().map(Keyed::key).toList();
    }

    /** Every final narrative score, by key; a key with two finals keeps both (a doubled final is a duplicate). */
    Map<String, List<NarrativeScore>> narrativeFinals(Topic<String, NarrativeScore> topic) {
        return byKey(read(topic), NarrativeScore::getFinal$);
    }

    Map<String, List<EntityScore>> entityFinals(Topic<String, EntityScore> topic) {
        return byKey(read(topic), EntityScore::getFinal$);
    }

    private static <V> Map<String, List<V>> byKey(List<Keyed<V>> records, Predicate<V> keep) {
        Map<String, List<V>> out = new TreeMap<>();
        records.stream().filter(record -> keep.test(record.value()))
                .forEach(record -> out.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(record.value()));
        return out;
    }
}
