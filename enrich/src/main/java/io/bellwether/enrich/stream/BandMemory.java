package io.bellwether.enrich.stream;

import io.bellwether.enrich.story.StoryCodec;
import io.bellwether.enrich.story.StoryProbe;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * What the band buckets of one task remember, in one key-value store with two kinds of keys:
 * {@code b|bucket|time|id} holds a probe (a range scan finds a bucket's articles within a time range), and
 * {@code t|time|bucket|id} indexes the same entry by event time so that expiry finds what the horizon left behind
 * without a full scan. Times are zero-padded epoch milliseconds, so string order is time order. Expiry deletes
 * both keys, which writes tombstones to the compacted changelog: the changelog stays as small as the store, and a
 * restore never depends on the broker's wall-clock retention (the articles' event times may be months old).
 */
final class BandMemory {
    private final KeyValueStore<String, byte[]> store;
    private final Serializer<StoryProbe> encoder = StoryCodec.probes().serializer();
    private final Deserializer<StoryProbe> decoder = StoryCodec.probes().deserializer();

    BandMemory(KeyValueStore<String, byte[]> store) {
        this.store = store;
    }

    /** The probes of {@code bucket} with event times in [from, to], oldest first. */
    List<StoryProbe> between(String bucket, long from, long to) {
        List<StoryProbe> probes = new ArrayList<>();
        // No key is exactly "b|bucket|to+1" (every key goes on with "|id"), so this range ends after time `to`.
        try (KeyValueIterator<String, byte[]> range = store.range(bucketKey(bucket, from), bucketKey(bucket, to + 1))) {
            range.forEachRemaining(entry -> probes.add(decoder.deserialize(null, entry.value)));
        }
        return probes;
    }

    void remember(String bucket, StoryProbe probe) {
        store.put(bucketKey(bucket, probe.time()) + "|" + probe.articleId(), encoder.serialize(null, probe));
        store.put("t|" + pad(probe.time()) + "|" + bucket + "|" + probe.articleId(), new byte[0]);
    }

    /** Forgets every entry with an event time before {@code before}; returns how many. */
    int forget(long before) {
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> range = store.range("t|", "t|" + pad(before))) {
            range.forEachRemaining(entry -> expired.add(entry.key));
        }
        for (String key : expired) {
            String[] parts = key.split("\\|", 4);
            store.delete("b|" + parts[2] + "|" + parts[1] + "|" + parts[3]);
            store.delete(key);
        }
        return expired.size();
    }

    private static String bucketKey(String bucket, long time) {
        return "b|" + bucket + "|" + pad(time);
    }

    /** {@code time} zero-padded to 19 digits, so that string order is time order (also the held queries' keys). */
    static String pad(long time) {
        return String.format(Locale.ROOT, "%019d", Math.max(0, time));
    }
}
