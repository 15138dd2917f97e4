package io.bellwether.enrich.stream;

import io.bellwether.enrich.story.BandQuery;
import io.bellwether.enrich.story.StoryAnswer;
import io.bellwether.enrich.story.StoryMatch;
import io.bellwether.enrich.story.StoryMatcher;
import io.bellwether.enrich.story.StoryProbe;
import io.bellwether.enrich.story.StorySettings;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The band buckets' side of the story lookup: for each band a query asks about, answers with the earliest article
 * of that band's bucket (event time, then id) that comes before the probe within the horizon and is close enough,
 * then remembers the probe there; one answer per query, with the earliest match over its bands. Every
 * {@link #expiryInterval} of stream time it forgets what lies more than the horizon behind, so
 * the store holds one horizon of articles; answers never depend on when that ran, since the lookup reads the
 * horizon only. Queries are answered in event-time order over the input partitions ({@link QueryOrder}), so a copy
 * that ran ahead of its original in another partition waits for it.
 */
final class StoryBandProcessor implements Processor<String, BandQuery, String, StoryAnswer> {
    private final StorySettings settings;
    private final StoryMatcher matcher;
    private final BandBuckets buckets;
    private final StoryProgress progress;
    private ProcessorContext<String, StoryAnswer> context;
    private BandMemory memory;
    private QueryOrder order;

    StoryBandProcessor(StorySettings settings, BandBuckets buckets, StoryProgress progress) {
        this.settings = settings;
        this.matcher = new StoryMatcher(settings);
        this.buckets = buckets;
        this.progress = progress;
    }

    /** A 24th of the horizon, at least a minute: the store exceeds the horizon by at most that much. */
    Duration expiryInterval() {
        return Duration.ofMillis(Math.max(60_000, settings.horizon().toMillis() / 24));
    }

    @Override
    public void init(ProcessorContext<String, StoryAnswer> context) {
        this.context = context;
        KeyValueStore<String, byte[]> store = context.getStateStore(StoryStage.BAND_STORE);
        this.memory = new BandMemory(store);
        this.order = new QueryOrder(store, progress, buckets.partitions(), context.taskId().partition(),
                settings.orderWait(), context.currentSystemTimeMs());
        // Stream time, not the wall clock: a replay expires the same entries at the same points. A held query
        // still reads the horizon before its own time.
        context.schedule(expiryInterval(), PunctuationType.STREAM_TIME, streamTime -> memory.forget(
                Math.min(streamTime, order.earliestHeld()) - settings.horizon().toMillis()));
        if (!settings.orderWait().isZero()) {
            context.schedule(Duration.ofMillis(AdminStoryProgress.LOOK_MS), PunctuationType.WALL_CLOCK_TIME,
                    now -> answer(order.due(now)));
        }
    }

    @Override
    public void process(Record<String, BandQuery> record) {
        answer(order.offer(record.value(), record.timestamp(), context.currentSystemTimeMs()));
    }

    private void answer(List<QueryOrder.Held> due) {
        for (QueryOrder.Held held : due) {
            answer(held.query(), held.timestamp());
        }
    }

    private void answer(BandQuery query, long timestamp) {
        StoryProbe probe = query.probe();
        long from = Math.max(0, probe.time() - settings.horizon().toMillis());
        StoryMatch best = null;
        for (long bands = query.bands(); bands != 0; bands &= bands - 1) {
            int band = Long.numberOfTrailingZeros(bands);
            String bucket = buckets.bucket(band, probe.signature());
            List<StoryProbe> bucketed = memory.between(bucket, from, probe.time());
            best = matcher.earliest(probe, bucketed, best);
            boolean known = bucketed.stream().anyMatch(other -> other.articleId().equals(probe.articleId()));
            // A replayed article is already in the bucket: remember it once. A text too short to match stays out.
            if (!known && probe.signature().shingles() >= settings.minShingles()) {
                memory.remember(bucket, probe.inBand(band));
            }
        }
        context.forward(new Record<>(query.replyTo(), new StoryAnswer(probe.articleId(), query.bands(), best),
                timestamp));
    }
}
