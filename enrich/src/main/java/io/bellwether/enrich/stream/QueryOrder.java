package io.bellwether.enrich.stream;

import io.bellwether.enrich.story.BandQuery;
import io.bellwether.enrich.story.StoryCodec;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Puts the story queries that reach one band task from several input partitions back into event-time order.
 * Each input partition's queries come in that partition's order (one producer, one partition), so once every
 * input partition has sent a query of event time {@code t} or later, no query earlier than {@code t} is still on
 * its way from a partition whose input is in event-time order: the queries held up to {@code t} are due, oldest
 * first (event time, then article id). Without this a backlog (the input already waiting in every partition) had
 * the band buckets see a copy before its original whenever the copy's partition ran ahead, and both started stories.
 *
 * <p>A partition that sent nothing as new is not waited for once {@link StoryProgress} says it was processed to
 * its end (caught up, or holding no data at all), nor is a query that came out of order within its own partition.
 * No query is held longer than {@code wait} of wall-clock time (the progress cannot be read, a partition is stuck).
 * Held queries are kept in the band store under {@code q|time|id|replyTo}, so a restart answers them; the
 * partitions' positions live in memory and start again from nothing.
 */
final class QueryOrder {
    private static final String HELD = "q|";

    /** A query, the timestamp of the record that brought it, and since when (wall clock) it is held. */
    record Held(BandQuery query, long timestamp, long since) {
    }

    private final KeyValueStore<String, byte[]> store;
    private final StoryProgress progress;
    private final int band;
    private final long waitMs;
    private final long[] latest;
    private final TreeMap<String, Held> held = new TreeMap<>();
    private final Serializer<BandQuery> encoder = StoryCodec.queries().serializer();
    private final Deserializer<BandQuery> decoder = StoryCodec.queries().deserializer();

    /**
     * Orders the queries that {@code partitions} input partitions send to band partition {@code band}; a query held
     * before a restart counts as held since {@code now}.
     */
    QueryOrder(KeyValueStore<String, byte[]> store, StoryProgress progress, int partitions, int band, Duration wait,
               long now) {
        this.store = store;
        this.progress = progress;
        this.band = band;
        this.waitMs = wait.toMillis();
        this.latest = new long[partitions];
        Arrays.fill(latest, Long.MIN_VALUE);
        try (KeyValueIterator<String, byte[]> entries = store.prefixScan(HELD, new StringSerializer())) {
            entries.forEachRemaining(entry -> held.put(entry.key, decode(entry.value, now)));
        }
    }

    /** Takes {@code query}, brought by a record of {@code timestamp} at wall-clock {@code now}; returns what is due. */
    List<Held> offer(BandQuery query, long timestamp, long now) {
        int partition = partitionOf(query.replyTo());
        Held entry = new Held(query, timestamp, now);
        if (waitMs == 0 || partition < 0) {
            List<Held> due = due(now);
            due.add(entry);
            return due;
        }
        long time = query.probe().time();
        latest[partition] = Math.max(latest[partition], time);
        if (held.isEmpty() && passed(time, now)) {
            return new ArrayList<>(List.of(entry));
        }
        String key = HELD + BandMemory.pad(time) + "|" + query.probe().articleId() + "|" + query.replyTo();
        held.put(key, entry);
        store.put(key, encode(entry));
        return due(now);
    }

    /** The held queries now due at wall-clock {@code now}, oldest first; they are no longer held. */
    List<Held> due(long now) {
        List<Held> due = new ArrayList<>();
        if (held.isEmpty()) {
            return due;
        }
        // Waited out: everything up to the latest query held for the whole wait goes, in order.
        long overdue = Long.MIN_VALUE;
        for (Held entry : held.values()) {
            if (now - entry.since() >= waitMs) {
                overdue = entry.query().probe().time();
            }
        }
        for (Iterator<Map.Entry<String, Held>> entries = held.entrySet().iterator(); entries.hasNext(); ) {
            Map.Entry<String, Held> entry = entries.next();
            long time = entry.getValue().query().probe().time();
            if (time > overdue && !passed(time, entry.getValue().since())) {
                break;
            }
            due.add(entry.getValue());
            store.delete(entry.getKey());
            entries.remove();
        }
        return due;
    }

    /** The event time of the earliest held query, {@link Long#MAX_VALUE} when none is held. */
    long earliestHeld() {
        return held.isEmpty() ? Long.MAX_VALUE : held.firstEntry().getValue().query().probe().time();
    }

    /**
     * True when no query earlier than {@code time} can still come for a query held since {@code since}: every
     * partition is past it, or drained as seen after the query came.
     */
    private boolean passed(long time, long since) {
        for (int partition = 0; partition < latest.length; partition++) {
            if (latest[partition] < time && !progress.drained(partition, band, since)) {
                return false;
            }
        }
        return true;
    }

    /** The input partition in a reply key ({@code partition-offset/key}); -1 for one of another shape. */
    private int partitionOf(String replyTo) {
        int dash = replyTo.indexOf('-');
        try {
            int partition = dash < 0 ? -1 : Integer.parseInt(replyTo.substring(0, dash));
            return partition < latest.length ? partition : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private byte[] encode(Held entry) {
        byte[] query = encoder.serialize(null, entry.query());
        return ByteBuffer.allocate(Long.BYTES + query.length).putLong(entry.timestamp()).put(query).array();
    }

    private Held decode(byte[] bytes, long now) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long timestamp = buffer.getLong();
        byte[] query = new byte[buffer.remaining()];
        buffer.get(query);
        return new Held(decoder.deserialize(null, query), timestamp, now);
    }
}
